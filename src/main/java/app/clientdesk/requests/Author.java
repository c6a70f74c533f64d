package app.clientdesk.requests;

import app.clientdesk.identity.UserId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who wrote a request or a message: the kind, and whichever of the contact ({@code clients.Contact#id}), the
 * account ({@code users.id}: a VA, or a contact's portal account) and the email address is known.
 */
public record Author(AuthorKind kind, @Nullable UUID contactId, @Nullable UserId userId, @Nullable String email,
        @Nullable String name) {
}
