package app.clientdesk.time;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

public record TimeEntryId(UUID value) {

    public TimeEntryId {
        Objects.requireNonNull(value, "value");
    }

    public static TimeEntryId random() {
        return new TimeEntryId(UUID.randomUUID());
    }

    public static Optional<TimeEntryId> parse(String text) {
        try {
            return Optional.of(new TimeEntryId(UUID.fromString(text.strip())));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
