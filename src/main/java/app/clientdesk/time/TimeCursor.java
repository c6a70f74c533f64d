package app.clientdesk.time;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A place in the list of entries (latest start first, then the greater id first): the entry a page starts
 * after or ends before. Paging by place rather than by count costs the same on the thousandth page as on the
 * first, and an entry logged meanwhile neither repeats nor hides a row of the next page. Written in links as
 * {@code <epoch second>.<nanosecond>_<entry id>}: nothing in it needs escaping in a URL.
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
            String[] when = t.substring(0, cut).split("\\.", -1);
            if (when.length != 2) {
                return Optional.empty();
            }
            return Optional.of(new TimeCursor(Instant.ofEpochSecond(Long.parseLong(when[0]), Integer.parseInt(when[1])),
                    UUID.fromString(t.substring(cut + 1))));
        } catch (java.time.DateTimeException | ArithmeticException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return start.getEpochSecond() + "." + start.getNano() + "_" + id;
    }
}
