/**
 * Where the time of a VA business goes: the one running timer per person (breaks, Pomodoro), time
 * entries and the weekly timesheet, hourly rates and each client's rounding, imports from Toggl Track
 * and Clockify, and the reports that show billable time, estimates against actuals and time sinks.
 */
@NullMarked
package app.clientdesk.time;

import org.jspecify.annotations.NullMarked;
