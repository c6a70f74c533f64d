package app.clientdesk.work;

import app.clientdesk.identity.UserId;
import java.time.Instant;
import java.util.UUID;

public record Comment(UUID id, UserId authorId, String authorName, String body, Instant createdAt) {
}
