package app.clientdesk.sla;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A stretch during which a response clock stands still (the request waits on the client). A pause without an
 * end is still running.
 */
public record Pause(Instant from, @Nullable Instant until) {

    public Pause {
        if (until != null && until.isBefore(from)) {
            throw new IllegalArgumentException("a pause must end after it starts");
        }
    }

    public Optional<Instant> end() {
        return Optional.ofNullable(until);
    }

    public boolean open() {
        return until == null;
    }
}
