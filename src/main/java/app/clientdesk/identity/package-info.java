/**
 * Workspaces, the people who sign in to them (owner, members, client contacts), invitations, API tokens
 * and how each request is authenticated.
 */
@NullMarked
package app.clientdesk.identity;

import org.jspecify.annotations.NullMarked;
