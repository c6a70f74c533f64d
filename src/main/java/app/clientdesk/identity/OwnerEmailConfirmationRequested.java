package app.clientdesk.identity;

import java.util.Locale;

/**
 * An owner who signed up (or asked again) should confirm their address: {@code link} confirms it, once, before
 * it expires. Published inside the transaction that stored the link; the mail module's listener puts the
 * message in the outbox in that same transaction.
 */
public record OwnerEmailConfirmationRequested(WorkspaceId workspaceId, UserId ownerId, String email,
        String displayName, Locale locale, String link) {
}
