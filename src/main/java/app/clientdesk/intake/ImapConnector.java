package app.clientdesk.intake;

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
 * Opens IMAP connections with Jakarta Mail (Angus), never waiting forever on a server that does not answer, and
 * says in a message key what went wrong.
 */
@Component
class ImapConnector {

    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;
    private final boolean trustAll;

    ImapConnector(@Value("${clientdesk.intake.connect-timeout:10s}") java.time.Duration connectTimeout,
            @Value("${clientdesk.intake.read-timeout:60s}") java.time.Duration readTimeout,
            @Value("${clientdesk.intake.trust-all-certificates:false}") boolean trustAll) {
        this.connectTimeoutMillis = (int) connectTimeout.toMillis();
        this.readTimeoutMillis = (int) readTimeout.toMillis();
        this.trustAll = trustAll;
    }

    /** A connected store; the caller closes it. */
    Store connect(Mailbox box) throws MessagingException {
        String protocol = box.security() == MailboxSecurity.SSL ? "imaps" : "imap";
        Properties props = new Properties();
        String p = "mail." + protocol + ".";
        props.put(p + "host", box.host());
        props.put(p + "port", Integer.toString(box.port()));
        props.put(p + "connectiontimeout", Integer.toString(connectTimeoutMillis));
        props.put(p + "timeout", Integer.toString(readTimeoutMillis));
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
        store.connect(box.host(), box.port(), box.username(), box.password());
        return store;
    }

    /** The message key ({@code intake.test.*}) for a failure to connect or read. */
    static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof AuthenticationFailedException) {
                return "intake.test.authFailed";
            }
            if (t instanceof FolderNotFoundException) {
                return "intake.test.folderMissing";
            }
            if (t instanceof UnknownHostException) {
                return "intake.test.unknownHost";
            }
            if (t instanceof ConnectException) {
                return "intake.test.refused";
            }
            if (t instanceof NoRouteToHostException) {
                return "intake.test.unreachable";
            }
            if (t instanceof SocketTimeoutException) {
                return "intake.test.timeout";
            }
            if (t instanceof SSLException) {
                return "intake.test.tls";
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
