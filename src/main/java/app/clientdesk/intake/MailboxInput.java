package app.clientdesk.intake;

import org.jspecify.annotations.Nullable;

/**
 * The mailbox form as submitted. A blank password keeps the saved one; a blank folder is INBOX; a blank port is
 * the usual one for the security chosen (993 for SSL, 143 otherwise).
 */
public record MailboxInput(@Nullable String host, @Nullable String port, @Nullable String security,
        @Nullable String username, @Nullable String password, @Nullable String folder, boolean enabled) {
}
