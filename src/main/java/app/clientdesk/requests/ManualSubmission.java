package app.clientdesk.requests;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A request the VA enters on a client's behalf: client id, subject, details, desired date (ISO), files. */
public record ManualSubmission(@Nullable String clientId, @Nullable String subject, @Nullable String details,
        @Nullable String desiredDate, List<NewAttachment> attachments) {

    public ManualSubmission {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
