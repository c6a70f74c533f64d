package app.clientdesk.planning.internal;

import org.jspecify.annotations.Nullable;

/** One holiday as typed: a date (yyyy-MM-dd, as a date input sends it) and its name. */
public record HolidayForm(@Nullable String date, @Nullable String name) {

    static HolidayForm empty() {
        return new HolidayForm("", "");
    }
}
