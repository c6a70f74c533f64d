package app.clientdesk.intake;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A workspace's mailbox as the settings page shows it: never the password, only whether one is saved; and how
 * the last reading went.
 */
public record MailboxSettings(String host, int port, MailboxSecurity security, String username, boolean passwordSaved,
        String folder, boolean enabled, @Nullable Instant lastPolledAt, @Nullable String lastError) {
}
