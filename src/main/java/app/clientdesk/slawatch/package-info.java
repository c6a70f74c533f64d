/**
 * The response-clock watch: a scheduled job that finds the requests whose clock has turned at risk or breached
 * (those whose planned check has come, see {@link app.clientdesk.requests.SlaChecks}) and tells the workspace's
 * owner and the members assigned to the request's client, once per state change, in-app and by email. A module of
 * its own so that requests never depend on notifications (and through it on mail).
 */
@NullMarked
package app.clientdesk.slawatch;

import org.jspecify.annotations.NullMarked;
