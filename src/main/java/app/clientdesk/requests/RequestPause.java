package app.clientdesk.requests;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A stretch while the request waited on the client; {@code until} null while it still waits. */
public record RequestPause(Instant from, @Nullable Instant until) {
}
