package app.clientdesk.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends the outbox's due messages over SMTP. Each message is first claimed (see {@link OutboxStore#claim}), so
 * workers on several nodes, or two runs at once, send it once; a worker that dies mid-send leaves a claim that
 * expires after {@link #LEASE}, and the message is tried again. Delivery is at least once: a crash after the
 * SMTP server accepted a message and before it was marked sent sends it again, with the same Message-ID.
 *
 * <p>A failed try is recorded (attempts, the error) and the next one waits 1 minute, then 5 minutes, 30
 * minutes, 2 hours, 12 hours and then a day; after {@link #MAX_ATTEMPTS} tries the message is
 * {@link MailStatus#FAILED} until the owner retries it. Without SMTP set up ({@code spring.mail.host}, so no
 * {@link JavaMailSender}) nothing is tried and messages wait.
 */
@Service
public class OutboxDelivery {

    public static final int MAX_ATTEMPTS = 8;
    static final Duration LEASE = Duration.ofMinutes(10);
    private static final int BATCH = 25;
    private static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(12), Duration.ofHours(24));

    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);

    private final OutboxStore store;
    private final ObjectProvider<JavaMailSender> senders;
    private final Clock clock;
    private final InternetAddress from;

    OutboxDelivery(OutboxStore store, ObjectProvider<JavaMailSender> senders, Clock clock,
            @Value("${clientdesk.mail.from:Clientdesk <no-reply@localhost>}") String from) {
        this.store = store;
        this.senders = senders;
        this.clock = clock;
        try {
            this.from = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalStateException("clientdesk.mail.from (CLIENTDESK_MAIL_FROM) is not an email address: "
                    + from, e);
        }
    }

    /** Whether SMTP is set up, so that messages can go. */
    public boolean configured() {
        return senders.getIfAvailable() != null;
    }

    /** The wait before the try after {@code failedTries} failed ones. */
    static Duration backoff(int failedTries) {
        return BACKOFF.get(Math.min(Math.max(failedTries, 1), BACKOFF.size()) - 1);
    }

    /**
     * Sends every message that is due and that no other worker holds.
     *
     * @return how many were sent (accepted by the SMTP server)
     */
    public int deliverDue() {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        int sent = 0;
        while (true) {
            Instant now = clock.instant();
            List<UUID> due = store.due(now, BATCH);
            int claimed = 0;
            for (UUID id : due) {
                Instant until = leaseFrom(now);
                if (store.claim(id, now, until)) {
                    claimed++;
                    if (send(sender, id, until)) {
                        sent++;
                    }
                }
            }
            if (claimed == 0 || due.size() < BATCH) {
                return sent;
            }
        }
    }

    /** Tries one message now if it is due and free (the owner's "Retry now"). */
    boolean deliver(UUID id) {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            return false;
        }
        Instant now = clock.instant();
        Instant until = leaseFrom(now);
        return store.claim(id, now, until) && send(sender, id, until);
    }

    private static Instant leaseFrom(Instant now) {
        // Compared for equality later: keep to a precision both databases store exactly.
        return now.plus(LEASE).truncatedTo(ChronoUnit.MILLIS);
    }

    private boolean send(JavaMailSender sender, UUID id, Instant until) {
        Optional<OutboxStore.Envelope> found = store.envelope(id);
        if (found.isEmpty()) {
            return false;
        }
        OutboxStore.Envelope envelope = found.get();
        try {
            sender.send(mime(sender, envelope));
            store.markSent(id, until, clock.instant());
            return true;
        } catch (RuntimeException | MessagingException e) {
            int tries = envelope.attempts() + 1;
            boolean giveUp = tries >= MAX_ATTEMPTS;
            Instant next = clock.instant().plus(backoff(tries));
            String error = describe(e);
            store.markFailed(id, until, error, next, giveUp);
            log.warn("Could not send outbox message {} (try {}{}): {}", id, tries, giveUp ? ", giving up" : "", error);
            return false;
        }
    }

    private MimeMessage mime(JavaMailSender sender, OutboxStore.Envelope envelope) throws MessagingException {
        MailHeaders headers = envelope.headers();
        String messageId = headers.messageId() != null ? headers.messageId()
                : "<" + envelope.id() + "@" + domainOf(from) + ">";
        MimeMessage message = sender instanceof JavaMailSenderImpl impl
                ? new OutboxMimeMessage(impl.getSession(), messageId)
                : sender.createMimeMessage();
        boolean multipart = envelope.html() != null || !envelope.attachments().isEmpty();
        MimeMessageHelper helper = new MimeMessageHelper(message, multipart, "UTF-8");
        if (envelope.senderName() != null) {
            try {
                helper.setFrom(new InternetAddress(from.getAddress(), envelope.senderName(), "UTF-8"));
            } catch (java.io.UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            helper.setFrom(from);
        }
        helper.setTo(envelope.to().toArray(String[]::new));
        if (envelope.replyTo() != null) {
            helper.setReplyTo(envelope.replyTo());
        }
        helper.setSubject(envelope.subject());
        helper.setSentDate(java.util.Date.from(clock.instant()));
        if (envelope.html() != null) {
            helper.setText(envelope.text(), envelope.html());
        } else {
            helper.setText(envelope.text());
        }
        for (MailAttachment file : envelope.attachments()) {
            helper.getRootMimeMultipart().addBodyPart(attachment(file));
        }
        if (headers.inReplyTo() != null) {
            message.setHeader("In-Reply-To", headers.inReplyTo());
        }
        if (!headers.references().isEmpty()) {
            message.setHeader("References", MimeUtility.fold(12, String.join(" ", headers.references())));
        }
        if (headers.autoSubmitted() != null) {
            message.setHeader("Auto-Submitted", headers.autoSubmitted());
        }
        return message;
    }

    /**
     * Always base64: a file that happens to look like text (a small PDF can) would otherwise go as 7bit, and
     * its line ends would arrive changed.
     */
    private static MimeBodyPart attachment(MailAttachment file) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDisposition(Part.ATTACHMENT);
        try {
            part.setFileName(MimeUtility.encodeText(file.fileName(), "UTF-8", null));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.content(), file.contentType())));
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }

    private static String domainOf(InternetAddress address) {
        String email = address.getAddress();
        return email.substring(email.indexOf('@') + 1);
    }

    /** The error as the owner can read it: each distinct message down the chain of causes, shortest first. */
    static String describe(Throwable error) {
        Throwable start = error;
        if (error instanceof MailSendException send && !send.getFailedMessages().isEmpty()) {
            start = send.getFailedMessages().values().iterator().next();
        }
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable t = start; t != null && messages.size() < 4; t = t.getCause()) {
            String text = t.getMessage();
            if (text != null && !text.isBlank()) {
                messages.add(text.strip().replaceAll("\\s+", " "));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        List<String> parts = new ArrayList<>(messages);
        String joined = parts.isEmpty() ? start.getClass().getSimpleName() : String.join(" — ", parts);
        return joined.length() > 1000 ? joined.substring(0, 997) + "..." : joined;
    }

    /** A new Message-ID at the configured sender's domain. */
    String newMessageId() {
        return "<" + UUID.randomUUID() + "@" + domainOf(from) + ">";
    }

    /**
     * A message whose Message-ID is fixed when queued (the outbox id, or the one its threading headers name), so a
     * rare second delivery of it is recognisably the same.
     */
    private static final class OutboxMimeMessage extends MimeMessage {

        private final String messageId;

        OutboxMimeMessage(@Nullable Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
