package app.clientdesk.time.internal;

import app.clientdesk.shared.validation.Violations;
import app.clientdesk.time.TimeEntryRules;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** When the person stopped working, for a timer left running: a date and a time in their zone (or neither). */
public record EndForm(@Nullable String endDate, @Nullable String endTime, @Nullable String back) {

    static EndForm blank(@Nullable LocalDate date) {
        return new EndForm(date == null ? null : date.toString(), null, null);
    }

    /** The end as an instant; null when neither part was given (stop now). */
    @Nullable Instant end(ZoneId zone, Violations v) {
        if (blank(endDate) && blank(endTime)) {
            return null;
        }
        LocalDate date = null;
        LocalTime time = null;
        if (blank(endDate)) {
            v.add("endDate", "time.date.required");
        } else {
            try {
                date = LocalDate.parse(endDate.strip());
            } catch (DateTimeParseException e) {
                v.add("endDate", "time.date.invalid");
            }
        }
        if (blank(endTime)) {
            v.add("endTime", "time.time.required");
        } else {
            try {
                time = LocalTime.parse(endTime.strip());
            } catch (DateTimeParseException e) {
                v.add("endTime", "time.time.invalid");
            }
        }
        return date == null || time == null ? null : TimeEntryRules.at(LocalDateTime.of(date, time), zone);
    }

    public String date() {
        return Objects.toString(endDate, "");
    }

    public String time() {
        return Objects.toString(endTime, "");
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
