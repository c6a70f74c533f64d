/**
 * Planning's screens and API: the weekly planner and its blocks, a task's planning facts, and each person's working
 * calendar.
 */
@NullMarked
package app.clientdesk.planning.internal;

import org.jspecify.annotations.NullMarked;
