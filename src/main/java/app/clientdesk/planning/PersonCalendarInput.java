package app.clientdesk.planning;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A person's calendar as typed: an IANA zone, one text of spans per weekday (Monday first, such as
 * {@code "09:00-12:00, 14:00-18:00"}, empty for a day off), the buffer in minutes and the focus hours per day
 * ({@code "6"}, {@code "5.5"} or {@code "5,5"}). Holidays are changed one at a time, or imported.
 */
public record PersonCalendarInput(@Nullable String timeZone, List<@Nullable String> days, @Nullable String bufferMinutes,
        @Nullable String focusHours) {

    public PersonCalendarInput {
        days = days.stream().map(d -> d == null ? "" : d).toList();
    }
}
