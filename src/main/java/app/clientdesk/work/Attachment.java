package app.clientdesk.work;

import app.clientdesk.identity.UserId;
import java.time.Instant;
import java.util.UUID;

public record Attachment(UUID id, TaskId taskId, String fileName, String contentType, long sizeBytes, String sha256,
        UserId uploadedBy, Instant createdAt) {
}
