package app.clientdesk.requests;

import java.time.Instant;
import java.util.UUID;

/** A file sent with a message of a request; its bytes are opened with {@link Requests#openAttachment}. */
public record RequestAttachment(UUID id, RequestId requestId, UUID messageId, String fileName, String contentType,
        long sizeBytes, String sha256, Instant createdAt) {
}
