package app.clientdesk.intake;

import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.security.SecretBox;
import app.clientdesk.shared.security.UnreadableSecretException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Properties;
import javax.net.ssl.SSLException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Opens IMAP connections with Jakarta Mail (Angus): to public addresses only (unless
 * {@code clientdesk.intake.allow-private-hosts}), checked on the very address each socket connects to; with short
 * connect and read timeouts; with the password opened from its sealed form only here. Says in a message key (a
 * safe category, never the server's words) what went wrong.
 */
@Component
class ImapConnector {

    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;
    private final boolean trustAll;
    private final PublicHosts hosts;
    private final SecretBox secrets;

    ImapConnector(@Value("${clientdesk.intake.connect-timeout:10s}") java.time.Duration connectTimeout,
            @Value("${clientdesk.intake.read-timeout:10s}") java.time.Duration readTimeout,
            @Value("${clientdesk.intake.trust-all-certificates:false}") boolean trustAll,
            @Value("${clientdesk.intake.allow-private-hosts:false}") boolean allowPrivateHosts, SecretBox secrets) {
        this.connectTimeoutMillis = (int) connectTimeout.toMillis();
        this.readTimeoutMillis = (int) readTimeout.toMillis();
        this.trustAll = trustAll;
        this.hosts = new PublicHosts(allowPrivateHosts);
        this.secrets = secrets;
    }

    /** Whether the host may be tried (see {@link PublicHosts#allows}); the form says so on the field. */
    boolean allows(String host) {
        return hosts.allows(host);
    }

    /** The password sealed for keeping in the workspace's row (and only there). */
    String seal(WorkspaceId workspace, String password) {
        return secrets.seal(password, Mailbox.passwordContext(workspace));
    }

    /**
     * A connected store; the caller closes it.
     *
     * @throws UnreadableSecretException when the saved password does not open with this server's key
     */
    Store connect(Mailbox box) throws MessagingException {
        String protocol = box.security() == MailboxSecurity.SSL ? "imaps" : "imap";
        Properties props = new Properties();
        String p = "mail." + protocol + ".";
        props.put(p + "host", box.host());
        props.put(p + "port", Integer.toString(box.port()));
        props.put(p + "connectiontimeout", Integer.toString(connectTimeoutMillis));
        props.put(p + "timeout", Integer.toString(readTimeoutMillis));
        // Every socket (also the one SSL/TLS and STARTTLS wrap) checks the address it connects to; never fall back
        // to an unchecked socket when this one refuses.
        props.put(p + "socketFactory", hosts.socketFactory());
        props.put(p + "socketFactory.fallback", "false");
        // Bodies of up to 1 MiB in one round trip: far fewer commands for a folder of ordinary mail.
        props.put(p + "fetchsize", Integer.toString(1024 * 1024));
        if (box.security() == MailboxSecurity.STARTTLS) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        if (box.security() != MailboxSecurity.NONE) {
            props.put(p + "ssl.checkserveridentity", Boolean.toString(!trustAll));
            if (trustAll) {
                props.put(p + "ssl.trust", "*");
            }
        }
        Session session = Session.getInstance(props);
        Store store = session.getStore(protocol);
        String password = secrets.open(box.password(), Mailbox.passwordContext(box.workspace()));
        store.connect(box.host(), box.port(), box.username(), password);
        return store;
    }

    /**
     * The message key ({@code intake.test.*}) for a failure to connect or read: the most telling cause anywhere in
     * the chain (Angus wraps a refused address or a timeout in a {@link ConnectException}).
     */
    static String reason(Throwable failure) {
        Class<?>[] order = {PublicHosts.PrivateHostException.class, UnreadableSecretException.class,
            AuthenticationFailedException.class, FolderNotFoundException.class, UnknownHostException.class,
            SocketTimeoutException.class, SSLException.class, NoRouteToHostException.class, ConnectException.class};
        String[] keys = {"intake.test.privateHost", "intake.test.secretUnreadable", "intake.test.authFailed",
            "intake.test.folderMissing", "intake.test.unknownHost", "intake.test.timeout", "intake.test.tls",
            "intake.test.unreachable", "intake.test.refused"};
        for (int i = 0; i < order.length; i++) {
            for (Throwable t = failure; t != null; t = next(t)) {
                if (order[i].isInstance(t)) {
                    return keys[i];
                }
            }
        }
        return "intake.test.other";
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
