package app.clientdesk.time;

import app.clientdesk.shared.validation.Violations;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The rules of an entry's own fields: a span that ends after it starts and lasts at most 24 hours, breaks
 * shorter than the span, a real zone, short notes and tags. Whether the client, project and task exist and
 * fit, whether the span overlaps another entry, and rates are {@link TimeEntries}' business.
 */
public final class TimeEntryRules {

    public static final Duration LONGEST = Duration.ofHours(24);
    static final int NOTE_MAX = 2000;
    static final int TAG_MAX = 40;
    static final int TAGS_MAX = 10;

    private TimeEntryRules() {}

    /** An entry's fields, checked; ids are parsed but not yet looked up. */
    public record Valid(@Nullable UUID clientId, @Nullable UUID projectId, @Nullable UUID taskId, @Nullable UUID userId,
            Instant start, Instant end, ZoneId zone, long breakSeconds, boolean billable, @Nullable String note,
            List<String> tags, @Nullable String rate) {

        public LocalDate localDate() {
            return start.atZone(zone).toLocalDate();
        }

        public long durationSeconds() {
            return Duration.between(start, end).getSeconds() - breakSeconds;
        }
    }

    /**
     * Checks {@code in}, taking what it leaves out (null) from {@code base} when changing an entry.
     * {@code defaultZone} is the person's zone, for local times given without one.
     */
    public static Valid check(TimeEntryInput in, ZoneId defaultZone, @Nullable TimeEntry base, Violations v) {
        UUID client = id(in.clientId(), base == null ? null : base.clientId().value(), "clientId", v);
        UUID project = id(in.projectId(), base == null || base.projectId() == null ? null : base.projectId().value(),
                "projectId", v);
        UUID task = id(in.taskId(), base == null || base.taskId() == null ? null : base.taskId().value(), "taskId", v);
        UUID user = id(in.userId(), base == null ? null : base.userId().value(), "userId", v);
        if (client == null && task == null) {
            v.add("clientId", "time.client.required");
        }

        ZoneId zone = base == null ? defaultZone : base.zone();
        if (text(in.zone()) != null) {
            try {
                zone = ZoneId.of(in.zone().strip());
            } catch (DateTimeException e) {
                v.add("zone", "time.zone.invalid");
            }
        }

        Instant start = null;
        Instant end = null;
        boolean local = text(in.date()) != null || text(in.startTime()) != null || text(in.endTime()) != null;
        if (local) {
            LocalDate date = date(in.date(), "date", v);
            LocalDate endDate = text(in.endDate()) == null ? date : date(in.endDate(), "endDate", v);
            LocalTime from = time(in.startTime(), "startTime", v);
            LocalTime to = time(in.endTime(), "endTime", v);
            if (date != null && from != null) {
                start = at(LocalDateTime.of(date, from), zone);
            }
            if (endDate != null && to != null) {
                end = at(LocalDateTime.of(endDate, to), zone);
            }
        } else {
            start = instant(in.start(), base == null ? null : base.start(), "start", v);
            end = instant(in.end(), base == null ? null : base.end(), "end", v);
        }
        String endField = local ? "endTime" : "end";
        if (start != null && end != null) {
            if (!end.isAfter(start)) {
                v.add(endField, "time.end.beforeStart");
            } else if (Duration.between(start, end).compareTo(LONGEST) > 0) {
                v.add(endField, "time.tooLong");
            }
        }

        long breakSeconds = base == null ? 0 : base.breakSeconds();
        if (in.breakMinutes() != null) {
            String b = in.breakMinutes().strip();
            if (b.isEmpty()) {
                breakSeconds = 0;
            } else if (!b.matches("\\d{1,4}")) {
                v.add("breakMinutes", "time.break.invalid");
            } else {
                breakSeconds = Long.parseLong(b) * 60;
            }
        }
        if (start != null && end != null && end.isAfter(start)
                && breakSeconds >= Duration.between(start, end).getSeconds()) {
            v.add("breakMinutes", "time.break.tooLong");
        }

        String note = in.note() == null ? (base == null ? null : base.note()) : text(in.note());
        if (note != null && note.length() > NOTE_MAX) {
            v.add("note", "time.note.tooLong", NOTE_MAX);
        }
        List<String> tags = in.tags() == null ? (base == null ? List.of() : base.tags()) : tags(in.tags(), v);
        boolean billable = in.billable() != null ? in.billable() : base == null || base.billable();

        if (start == null || end == null) {
            start = end = Instant.EPOCH;
        }
        return new Valid(client, project, task, user, start, end, zone, breakSeconds, billable, note, tags,
                in.rate() == null ? null : in.rate().strip());
    }

    /**
     * A local date and time in {@code zone} as an instant, truncated to seconds. A time skipped by a clock
     * change (02:30 on a spring-forward night) moves on by the gap; a time that happens twice (on the night
     * clocks go back) is its first occurrence.
     */
    public static Instant at(LocalDateTime local, ZoneId zone) {
        return ZonedDateTime.ofLocal(local, zone, null).toInstant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Tags as typed: trimmed, without duplicates (ignoring case), each 1–40 characters, at most 10. */
    static List<String> tags(List<String> raw, Violations v) {
        Map<String, String> unique = new LinkedHashMap<>();
        for (String t : raw) {
            if (t == null) {
                continue;
            }
            for (String part : t.split(",")) {
                String tag = part.strip().replaceAll("\\s+", " ");
                if (!tag.isEmpty()) {
                    unique.putIfAbsent(tag.toLowerCase(Locale.ROOT), tag);
                }
            }
        }
        List<String> tags = new ArrayList<>(unique.values());
        if (tags.size() > TAGS_MAX) {
            v.add("tags", "time.tags.tooMany", TAGS_MAX);
        }
        if (tags.stream().anyMatch(t -> t.length() > TAG_MAX)) {
            v.add("tags", "time.tags.tooLong", TAG_MAX);
        }
        return tags;
    }

    private static @Nullable UUID id(@Nullable String text, @Nullable UUID base, String field, Violations v) {
        if (text == null) {
            return base;
        }
        if (text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            v.add(field, "time.id.invalid");
            return null;
        }
    }

    private static @Nullable Instant instant(@Nullable String text, @Nullable Instant base, String field, Violations v) {
        if (text == null || text.isBlank()) {
            if (base == null) {
                v.add(field, "time." + field + ".required");
            }
            return base;
        }
        try {
            Instant value = OffsetDateTime.parse(text.strip()).toInstant().truncatedTo(ChronoUnit.SECONDS);
            if (value.isBefore(Instant.parse("1970-01-01T00:00:00Z")) || value.isAfter(Instant.parse("2999-12-31T00:00:00Z"))) {
                v.add(field, "time.instant.invalid");
                return null;
            }
            return value;
        } catch (DateTimeParseException e) {
            v.add(field, "time.instant.invalid");
            return null;
        }
    }

    private static @Nullable LocalDate date(@Nullable String text, String field, Violations v) {
        if (text == null || text.isBlank()) {
            v.add(field, "time.date.required");
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(text.strip());
            if (d.getYear() < 1970 || d.getYear() > 2999) {
                v.add(field, "time.date.invalid");
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            v.add(field, "time.date.invalid");
            return null;
        }
    }

    private static @Nullable LocalTime time(@Nullable String text, String field, Violations v) {
        if (text == null || text.isBlank()) {
            v.add(field, "time.time.required");
            return null;
        }
        try {
            return LocalTime.parse(text.strip()).truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException e) {
            v.add(field, "time.time.invalid");
            return null;
        }
    }

    static @Nullable String text(@Nullable String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    static Optional<String> clean(@Nullable String s) {
        return Optional.ofNullable(text(s));
    }
}
