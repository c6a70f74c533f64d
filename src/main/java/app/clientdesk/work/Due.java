package app.clientdesk.work;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * When a task is due: a calendar date alone, or an exact moment stated in a time zone (say 14:00 in
 * Sydney). {@code date} is always set: for a moment it is the date in the stated zone.
 */
public record Due(LocalDate date, @Nullable Instant at, @Nullable ZoneId zone) {

    public Due {
        Objects.requireNonNull(date);
        if ((at == null) != (zone == null)) {
            throw new IllegalArgumentException("a due moment needs its zone");
        }
    }

    public static Due on(LocalDate date) {
        return new Due(date, null, null);
    }

    public static Due at(LocalDate date, LocalTime time, ZoneId zone) {
        Instant instant = date.atTime(time).atZone(zone).toInstant();
        return new Due(date, instant, zone);
    }

    public boolean hasTime() {
        return at != null;
    }

    /** The day this is due for someone in {@code viewer}'s zone. */
    public LocalDate dateIn(ZoneId viewer) {
        return at == null ? date : at.atZone(viewer).toLocalDate();
    }

    /** The local time in the stated zone, for a moment; null for a date alone. */
    public @Nullable LocalTime timeInStatedZone() {
        return at == null || zone == null ? null : at.atZone(zone).toLocalTime();
    }

    /** The same kind of due on another date (a repeat): a moment keeps its local time in its zone. */
    public Due movedTo(LocalDate other) {
        return at == null || zone == null ? on(other) : at(other, at.atZone(zone).toLocalTime(), zone);
    }
}
