package app.clientdesk.time;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A place in the list of entries (latest start first, then the greater id first): the entry a page starts
 * after or ends before. Paging by place rather than by count costs the same on the thousandth page as on the
 * first, and an entry logged meanwhile neither repeats nor hides a row of the next page. Written in links as
 * {@code <start instant>_<entry id>}.
 */
public record TimeCursor(Instant start, UUID id) {

    public TimeCursor {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(id, "id");
    }

    public static TimeCursor of(TimeEntry entry) {
        return new TimeCursor(entry.start(), entry.id().value());
    }

    /** The cursor a link carries; empty for anything else (a hand-edited link starts from the top). */
    public static Optional<TimeCursor> parse(@org.jspecify.annotations.Nullable String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        int cut = t.lastIndexOf('_');
        if (cut < 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TimeCursor(Instant.parse(t.substring(0, cut)), UUID.fromString(t.substring(cut + 1))));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return start + "_" + id;
    }
}
