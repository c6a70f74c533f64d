/** The VA's screens for requests: the inbox, a request's page with its actions, entering one by hand. */
@NullMarked
package app.clientdesk.requests.internal;

import org.jspecify.annotations.NullMarked;
