package app.clientdesk.requests;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A request as a contact types it in the portal: subject, details, desired date (ISO, optional), files. */
public record PortalSubmission(@Nullable String subject, @Nullable String details, @Nullable String desiredDate,
        List<NewAttachment> attachments) {

    public PortalSubmission {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
