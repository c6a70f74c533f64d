package app.clientdesk.sla;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The working calendar as typed on the settings form, checked by {@link WorkingCalendars#parse}. {@code days} has one
 * row per weekday, Monday first; {@code holidays} one holiday a line, an ISO date and a name
 * ({@code 2026-12-25 Christmas}); {@code atRiskPercent} a whole number from 1 to 99.
 */
public record CalendarInput(List<Day> days, @Nullable String holidays, @Nullable String atRiskPercent) {

    public CalendarInput {
        days = List.copyOf(days);
    }

    /** One weekday: whether it is worked, and from when to when (HH:MM). */
    public record Day(boolean working, @Nullable String start, @Nullable String end) {
    }
}
