package app.clientdesk.intake;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.validation.Emails;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.shared.web.RequestMemo;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's intake mailbox, set by the owner: server, security, user, password (kept sealed with the
 * deployment's secret key, never shown again: a blank password on saving keeps it), folder and whether it is read;
 * and a connection test that says what went wrong in a safe category, never the server's own words. A server on a
 * private or local network is refused unless the admin allows it. Only the owner may read or change it.
 */
@Service
public class Mailboxes {

    public static final String DEFAULT_FOLDER = "INBOX";

    private static final Logger log = LoggerFactory.getLogger(Mailboxes.class);

    private final IntakeStore store;
    private final ImapConnector connector;
    private final Clock clock;

    Mailboxes(IntakeStore store, ImapConnector connector, Clock clock) {
        this.store = store;
        this.connector = connector;
        this.clock = clock;
    }

    /** The saved settings, without the password; empty when none were saved. */
    public Optional<MailboxSettings> settings(CurrentUser owner) {
        owner.requireOwner();
        return store.mailbox(owner.workspaceId()).map(Mailbox::settings);
    }

    /**
     * The address that mail to the workspace's intake reaches, for outbound mail whose answer should be read back
     * (the Reply-To of mail about requests): the enabled mailbox's user name when it is an email address, as most
     * providers' user names are. Empty without a mailbox, with one switched off, or with a user name that is not
     * an address. Does not check who asks, nor that the address really receives the folder's mail.
     */
    public Optional<String> intakeAddress(WorkspaceId workspace) {
        String address = RequestMemo.once("intake.address", () -> store.mailbox(workspace).filter(Mailbox::enabled)
                .flatMap(box -> Emails.normalise(box.username())).orElse(null), workspace.value());
        return Optional.ofNullable(address);
    }

    /**
     * Saves the settings. Pointing at another server, user or folder starts reading it from its first message.
     *
     * @throws app.clientdesk.shared.validation.InvalidInputException (keys {@code intake.*}) for a missing or
     *     malformed host, port, security or user, a host on a private or local network (unless allowed), or no
     *     password when none is saved; nothing is saved then
     */
    @Transactional
    public void save(CurrentUser owner, MailboxInput input) {
        owner.requireOwner();
        Mailbox box = check(owner.workspaceId(), input);
        store.save(owner.workspaceId(), box.host(), box.port(), box.security(), box.username(),
                blank(input.password()) ? null : box.password(), box.folder(), box.enabled(), clock.instant());
    }

    /**
     * Connects with the settings as typed (a blank password: the saved one), opens the folder and counts its
     * messages. Saves nothing. Does not check the certificate's host name when
     * {@code clientdesk.intake.trust-all-certificates} is set.
     *
     * @throws app.clientdesk.shared.validation.InvalidInputException as {@link #save}
     */
    public ConnectionCheck test(CurrentUser owner, MailboxInput input) {
        owner.requireOwner();
        Mailbox box = check(owner.workspaceId(), input);
        try (Store imap = connector.connect(box)) {
            Folder folder = imap.getFolder(box.folder());
            if (!folder.exists()) {
                return ConnectionCheck.failed("intake.test.folderMissing", box.host(), Integer.toString(box.port()),
                        box.folder());
            }
            folder.open(Folder.READ_ONLY);
            try {
                return ConnectionCheck.ok(folder.getMessageCount());
            } finally {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            String reason = ImapConnector.reason(e);
            // The server's words go to the log only: they may carry its banner or an internal address.
            log.info("Mailbox test of {} failed ({}): {}", box, reason, e.toString());
            // The port as typed ("37485", not "37,485").
            return ConnectionCheck.failed(reason, box.host(), Integer.toString(box.port()), box.folder());
        }
    }

    private Mailbox check(WorkspaceId workspace, MailboxInput input) {
        Violations v = new Violations();
        String host = input.host() == null ? "" : input.host().strip();
        if (host.isEmpty()) {
            v.add("host", "intake.host.required");
        } else if (host.length() > 255 || !host.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
            v.add("host", "intake.host.invalid");
        } else if (!connector.allows(host)) {
            v.add("host", "intake.host.private");
        }
        MailboxSecurity security = null;
        try {
            security = MailboxSecurity.valueOf(input.security() == null ? "" : input.security().strip()
                    .toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            v.add("security", "intake.security.invalid");
        }
        int port = security == MailboxSecurity.SSL ? 993 : 143;
        if (!blank(input.port())) {
            try {
                port = Integer.parseInt(input.port().strip());
                if (port < 1 || port > 65_535) {
                    v.add("port", "intake.port.invalid");
                }
            } catch (NumberFormatException e) {
                v.add("port", "intake.port.invalid");
            }
        }
        String user = input.username() == null ? "" : input.username().strip();
        if (user.isEmpty()) {
            v.add("username", "intake.username.required");
        } else if (user.length() > 320) {
            v.add("username", "intake.username.tooLong", 320);
        }
        Optional<Mailbox> saved = store.mailbox(workspace);
        String password = input.password();
        if (blank(password)) {
            password = saved.map(Mailbox::password).orElse(""); // sealed, or empty
            if (password.isEmpty()) {
                v.add("password", "intake.password.required");
            }
        } else if (password.length() > 1000) {
            v.add("password", "intake.password.tooLong", 1000);
        } else {
            password = connector.seal(workspace, password);
        }
        String folder = blank(input.folder()) ? DEFAULT_FOLDER : input.folder().strip();
        if (folder.length() > 255) {
            v.add("folder", "intake.folder.tooLong", 255);
        }
        v.throwIfAny();
        return new Mailbox(workspace, host, port, security, user, password, folder, input.enabled(), null, 0, 0, null,
                null);
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
