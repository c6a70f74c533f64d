package app.clientdesk.requests;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One message of a request's conversation: plain text {@code body}; {@code bodyHtml} the sanitised HTML of an
 * email (null otherwise); {@code visibleToClient} false for the VA's internal notes. {@code requestId} is the
 * request it was written on (a merged duplicate's messages are moved to the target, so this is the target).
 */
public record RequestMessage(UUID id, RequestId requestId, Author author, String body, @Nullable String bodyHtml,
        boolean visibleToClient, @Nullable String emailMessageId, @Nullable String inReplyTo, Instant createdAt,
        List<RequestAttachment> attachments) {

    public RequestMessage {
        attachments = List.copyOf(attachments);
    }
}
