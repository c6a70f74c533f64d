/**
 * Command-line administration for self-hosters and automation: create a workspace, create an API
 * token, generate benchmark data. Runs against the configured database without a web server.
 */
@NullMarked
package app.clientdesk.admin;

import org.jspecify.annotations.NullMarked;
