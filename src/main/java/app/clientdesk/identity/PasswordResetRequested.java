package app.clientdesk.identity;

import java.util.Locale;

/**
 * A person asked for a "forgot password" link: {@code link} (already absolute) sets a new password once, within
 * {@link PasswordResets#LINK_VALID}. Published inside the transaction that stored the link; the mail module's
 * listener puts the message in the outbox in that same transaction, in the person's language.
 */
public record PasswordResetRequested(WorkspaceId workspaceId, UserId userId, String email, String displayName,
        Locale locale, String link) {
}
