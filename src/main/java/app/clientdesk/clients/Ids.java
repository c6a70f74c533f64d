package app.clientdesk.clients;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Reads an id from a query parameter or a form field, where a blank or malformed one means "none". */
final class Ids {

    private Ids() {
    }

    static Optional<UUID> parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
