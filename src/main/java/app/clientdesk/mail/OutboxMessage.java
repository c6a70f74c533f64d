package app.clientdesk.mail;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message of the outbox as its sender sees it: to whom, what, and what became of it. While
 * {@link MailStatus#WAITING} with attempts, {@code lastError} says why the last try failed and
 * {@code nextAttemptAt} when the next one is.
 */
public record OutboxMessage(UUID id, List<String> recipients, @Nullable String replyTo, String subject,
        @Nullable String reference, MailStatus status, int attempts, Instant nextAttemptAt,
        @Nullable String lastError, Instant createdAt, @Nullable Instant sentAt, List<File> attachments) {

    public OutboxMessage {
        Objects.requireNonNull(id);
        recipients = List.copyOf(recipients);
        attachments = List.copyOf(attachments);
    }

    /** A file sent with the message, without its bytes. */
    public record File(UUID id, String fileName, String contentType, long size) {
    }

    public boolean sent() {
        return status == MailStatus.SENT;
    }

    public boolean failed() {
        return status == MailStatus.FAILED;
    }

    /** Waiting after at least one failed try: the last error and the next attempt are worth showing. */
    public boolean retrying() {
        return status == MailStatus.WAITING && attempts > 0;
    }

    /** The owner may send it again now: anything not sent yet. */
    public boolean retryable() {
        return status != MailStatus.SENT;
    }
}
