package app.clientdesk.intake;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An email from an unknown sender waiting for the VA: who sent it, what about, when, and the start of its text. */
public record ReviewItem(UUID id, @Nullable String fromAddress, @Nullable String fromName, @Nullable String subject,
        @Nullable String preview, Instant receivedAt) {
}
