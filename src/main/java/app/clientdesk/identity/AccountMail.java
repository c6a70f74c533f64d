package app.clientdesk.identity;

import java.util.Locale;

/**
 * Emails about a person's own account, written by the module that owns mail (identity cannot depend on
 * it: mail already depends on identity). Called inside the transaction of the change that causes the email.
 */
public interface AccountMail {

    /** A "forgot password" link for the person, in their language; the link is already absolute. */
    void passwordReset(WorkspaceId workspace, String email, String displayName, Locale locale, String link);
}
