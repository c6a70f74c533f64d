package app.clientdesk.planning;

import app.clientdesk.shared.time.TimeZones;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violations;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a block's own fields: times that parse and end after they start, at most a day long, a zone the
 * app knows, and something to say what it is for (a client, task, type or title). Rules that need the database
 * (overlaps, who may see the client or task, working hours) are {@link TimeBlocks}'.
 */
final class BlockRules {

    static final Duration LONGEST = Duration.ofHours(24);
    static final int TITLE_MAX = 200;
    static final int TYPE_MAX = 60;

    /** The fields once parsed; client and task still unchecked against the workspace. */
    record Valid(Instant start, Instant end, ZoneId zone, @Nullable UUID clientId, @Nullable UUID taskId,
            @Nullable String type, @Nullable String title, boolean outsideHours) {
    }

    private BlockRules() {
    }

    static Valid check(BlockInput input, ZoneId defaultZone) {
        Violations violations = new Violations();
        ZoneId zone = defaultZone;
        if (!blank(input.zone())) {
            Optional<ZoneId> parsed = TimeZones.parse(input.zone().strip());
            if (parsed.isPresent()) {
                zone = parsed.get();
            } else {
                violations.add("zone", "planning.block.zone.invalid");
            }
        }
        Instant start = null;
        Instant end = null;
        if (!blank(input.start()) || !blank(input.end())) {
            start = instant(input.start(), "start", violations);
            end = instant(input.end(), "end", violations);
        } else {
            LocalDate date = null;
            if (blank(input.date())) {
                violations.add("date", "planning.block.date.required");
            } else {
                try {
                    date = LocalDate.parse(input.date().strip());
                } catch (DateTimeParseException e) {
                    violations.add("date", "planning.block.date.invalid");
                }
            }
            LocalTime from = time(input.startTime(), "startTime", violations);
            LocalTime to = time(input.endTime(), "endTime", violations);
            if (date != null && from != null && to != null) {
                start = ZonedDateTime.of(date, from, zone).toInstant();
                // 24:00 ends the block at the next midnight.
                end = to.equals(LocalTime.MIDNIGHT) && !from.equals(LocalTime.MIDNIGHT)
                        ? ZonedDateTime.of(date.plusDays(1), to, zone).toInstant()
                        : ZonedDateTime.of(date, to, zone).toInstant();
            }
        }
        if (start != null && end != null) {
            if (!end.isAfter(start)) {
                violations.add(blank(input.endTime()) ? "end" : "endTime", "planning.block.endBeforeStart");
            } else if (Duration.between(start, end).compareTo(LONGEST) > 0) {
                violations.add(blank(input.endTime()) ? "end" : "endTime", "planning.block.tooLong");
            }
        }
        UUID client = id(input.clientId(), "clientId", violations);
        UUID task = id(input.taskId(), "taskId", violations);
        String type = blank(input.type()) ? null : input.type().strip().toLowerCase(Locale.ROOT);
        if (type != null && type.length() > TYPE_MAX) {
            violations.add("type", "planning.block.type.tooLong", TYPE_MAX);
        }
        String title = blank(input.title()) ? null : input.title().strip();
        if (title != null && title.length() > TITLE_MAX) {
            violations.add("title", "planning.block.title.tooLong", TITLE_MAX);
        }
        if (client == null && task == null && type == null && title == null && blank(input.clientId())
                && blank(input.taskId())) {
            violations.add("title", "planning.block.empty");
        }
        violations.throwIfAny();
        return new Valid(start, end, zone, client, task, type, title, input.outsideHours());
    }

    private static @Nullable Instant instant(@Nullable String text, String field, Violations violations) {
        if (blank(text)) {
            violations.add(field, "planning.block.time.required");
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(field, "planning.block.instant.invalid");
            return null;
        }
    }

    private static @Nullable LocalTime time(@Nullable String text, String field, Violations violations) {
        if (blank(text)) {
            violations.add(field, "planning.block.time.required");
            return null;
        }
        String value = text.strip();
        if (value.equals("24:00")) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(field, "planning.block.time.invalid");
            return null;
        }
    }

    private static @Nullable UUID id(@Nullable String text, String field, Violations violations) {
        if (blank(text)) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            violations.add(field, "planning.block.unknown");
            return null;
        }
    }

    static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    static InvalidInputException refusal(String field, String key) {
        return InvalidInputException.of(field, key);
    }
}
