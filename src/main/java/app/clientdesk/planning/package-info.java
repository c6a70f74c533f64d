/**
 * Planning across time zones: each person's working calendar (zone, working hours with several spans a day,
 * holidays, buffer, focus limit), time blocks and meetings, the auto-planner that places open tasks into free
 * working time, the meeting planner that finds a weekly slot inside everyone's hours, and calendar feeds.
 * Everything is computed on instants; wall-clock times are read in the zone they were planned in.
 */
@NullMarked
package app.clientdesk.planning;

import org.jspecify.annotations.NullMarked;
