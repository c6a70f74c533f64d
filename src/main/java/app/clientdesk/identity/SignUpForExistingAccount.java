package app.clientdesk.identity;

import java.util.Locale;

/**
 * Someone signed up with an address that already has an account. Sign-up answers exactly as for a new address
 * (so it tells no stranger who has an account); instead the address's holder gets a message saying so, with
 * the sign-in page ({@code signInLink}, which offers a password reset). At most one an hour per address.
 */
public record SignUpForExistingAccount(WorkspaceId workspaceId, UserId userId, String email, String displayName,
        Locale locale, String signInLink) {
}
