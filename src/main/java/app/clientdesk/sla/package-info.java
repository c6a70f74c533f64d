/**
 * Response-time clocks: the workspace's working calendar (weekdays, hours, holidays, zone), business-time
 * arithmetic over it, and the state of a promise to answer (on track, at risk, breached, met, paused).
 */
@NullMarked
package app.clientdesk.sla;

import org.jspecify.annotations.NullMarked;
