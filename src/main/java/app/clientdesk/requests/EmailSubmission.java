package app.clientdesk.requests;

import app.clientdesk.clients.ClientId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An email for a client, as the intake read it: the client (the known contact's, or the one the VA assigned
 * the sender to), the contact if the sender is one, the sender's address, subject, the plain text and the
 * already sanitised HTML (either may be null, not both empty), the Message-ID, In-Reply-To and References
 * (for threading), the reply token found in the subject or address if any, the files, and the name the sender
 * gave in From (shown for a sender who is no contact).
 */
public record EmailSubmission(ClientId clientId, @Nullable UUID contactId, String fromAddress,
        @Nullable String subject, @Nullable String text, @Nullable String sanitizedHtml, @Nullable String messageId,
        @Nullable String inReplyTo, List<String> references, @Nullable String replyToken,
        List<NewAttachment> attachments, @Nullable String fromName) {

    public EmailSubmission {
        references = references == null ? List.of() : List.copyOf(references);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** An email whose sender's name is not known (the address is shown). */
    public EmailSubmission(ClientId clientId, @Nullable UUID contactId, String fromAddress, @Nullable String subject,
            @Nullable String text, @Nullable String sanitizedHtml, @Nullable String messageId,
            @Nullable String inReplyTo, List<String> references, @Nullable String replyToken,
            List<NewAttachment> attachments) {
        this(clientId, contactId, fromAddress, subject, text, sanitizedHtml, messageId, inReplyTo, references,
                replyToken, attachments, null);
    }
}
