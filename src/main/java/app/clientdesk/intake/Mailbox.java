package app.clientdesk.intake;

import app.clientdesk.identity.WorkspaceId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A saved mailbox with its password, sealed ({@link app.clientdesk.shared.security.SecretBox}: only
 * {@link ImapConnector} opens it), and where reading stands, for the poller only.
 */
record Mailbox(WorkspaceId workspace, String host, int port, MailboxSecurity security, String username,
        String password, String folder, boolean enabled, @Nullable Long uidValidity, long lastUid, int failures,
        @Nullable Instant lastPolledAt, @Nullable String lastError) {

    @Override
    public String toString() {
        return "Mailbox[" + username + "@" + host + ":" + port + "/" + folder + "]";
    }

    /** What the sealed password is bound to: this column of this workspace's row. */
    static String passwordContext(WorkspaceId workspace) {
        return "intake_mailboxes.password:" + workspace.value();
    }

    MailboxSettings settings() {
        return new MailboxSettings(host, port, security, username, !password.isEmpty(), folder, enabled, lastPolledAt,
                lastError);
    }
}
