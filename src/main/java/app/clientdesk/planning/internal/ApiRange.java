package app.clientdesk.planning.internal;

import app.clientdesk.shared.validation.Violations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * The {@code [from, to)} of a planning list in the API: instants with their offset, by default the seven days from
 * the start of today in the caller's zone, at most {@link #LONGEST} long.
 */
record ApiRange(Instant from, Instant to) {

    /** The longest range one list answers: two months. */
    static final Duration LONGEST = Duration.ofDays(62);

    /** @throws app.clientdesk.shared.validation.InvalidInputException for a range that does not parse or fit */
    static ApiRange read(@Nullable String from, @Nullable String to, ZoneId zone, Clock clock) {
        Violations v = new Violations();
        Instant start = instant(from, "from", v);
        Instant end = instant(to, "to", v);
        v.throwIfAny();
        if (start == null) {
            start = LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toInstant();
        }
        if (end == null) {
            end = start.plus(Duration.ofDays(7));
        }
        if (!end.isAfter(start)) {
            v.add("to", "planning.range.endBeforeStart");
        } else if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            v.add("to", "planning.range.tooLong", LONGEST.toDays());
        }
        v.throwIfAny();
        return new ApiRange(start, end);
    }

    private static @Nullable Instant instant(@Nullable String text, String field, Violations v) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            v.add(field, "planning.block.instant.invalid");
            return null;
        }
    }
}
