package app.clientdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.support.IntegrationTest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox against a real SMTP server (GreenMail): what is committed is delivered, with its attachment, once;
 * what is rolled back never goes; an SMTP outage loses nothing. The server listens on a port chosen once for the
 * class, so a test can stop it and bring it back where the application's mail sender expects it.
 */
class OutboxDeliveryIT extends IntegrationTest {

    private static final int SMTP_PORT = freePort();
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("clientdesk.mail.from", () -> "Ana Souza VA <billing@ana.example>");
    }

    @Autowired Outbox outbox;
    @Autowired OutboxDelivery delivery;
    @Autowired PlatformTransactionManager transactions;

    private TestWorkspace owner;
    private WorkspaceId workspace;
    private TransactionTemplate tx;

    @BeforeEach
    void workspace() {
        owner = newWorkspace();
        workspace = owner.created().workspaceId();
        tx = new TransactionTemplate(transactions);
    }

    @Test
    void aCommittedMessageIsDeliveredWithItsPdfAttached() throws Exception {
        String reference = "invoice:" + UUID.randomUUID();
        tx.executeWithoutResult(status -> outbox.enqueue(workspace, new OutgoingMail(
                List.of("Client@Example.com"), "ana@ana.example", "Invoice INV-2026-0001 from Ana",
                "Hello,\n\nplease find invoice INV-2026-0001 attached.\n", "<p>Please find invoice <b>INV-2026-0001</b> attached.</p>",
                List.of(new MailAttachment("INV-2026-0001.pdf", "application/pdf", PDF)), reference)));

        assertThat(smtp.getReceivedMessages()).as("nothing is sent inside the transaction").isEmpty();
        assertThat(outbox.forReference(workspace, reference)).singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo(MailStatus.WAITING));

        assertThat(delivery.deliverDue()).isEqualTo(1);

        MimeMessage received = only(smtp.getReceivedMessages());
        assertThat(received.getSubject()).isEqualTo("Invoice INV-2026-0001 from Ana");
        assertThat(received.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("client@example.com");
        assertThat(received.getFrom()).extracting(Object::toString).containsExactly("Ana Souza VA <billing@ana.example>");
        assertThat(received.getReplyTo()).extracting(Object::toString).containsExactly("ana@ana.example");
        List<Part> parts = leaves(received);
        assertThat(parts).anySatisfy(p -> {
            assertThat(p.isMimeType("text/plain")).isTrue();
            assertThat((String) p.getContent()).contains("please find invoice INV-2026-0001 attached.");
        });
        assertThat(parts).anySatisfy(p -> {
            assertThat(p.isMimeType("text/html")).isTrue();
            assertThat((String) p.getContent()).contains("<b>INV-2026-0001</b>");
        });
        Part pdf = parts.stream().filter(p -> Part.ATTACHMENT.equalsIgnoreCase(disposition(p))).findFirst().orElseThrow();
        assertThat(pdf.getFileName()).isEqualTo("INV-2026-0001.pdf");
        assertThat(pdf.isMimeType("application/pdf")).isTrue();
        assertThat(bytes(pdf.getInputStream())).isEqualTo(PDF);

        OutboxMessage sent = outbox.forReference(workspace, reference).get(0);
        assertThat(sent.status()).isEqualTo(MailStatus.SENT);
        assertThat(sent.sentAt()).isNotNull();
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(sent.lastError()).isNull();
        assertThat(received.getMessageID()).as("the outbox id, the same on any second delivery")
                .isEqualTo("<" + sent.id() + "@ana.example>");

        assertThat(delivery.deliverDue()).as("a sent message is not sent again").isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aRolledBackTransactionSendsNothing() {
        String reference = "invoice:" + UUID.randomUUID();
        tx.executeWithoutResult(status -> {
            outbox.enqueue(workspace, OutgoingMail.text(List.of("client@example.com"), "Never sent", "Rolled back."));
            outbox.enqueue(workspace, new OutgoingMail(List.of("client@example.com"), null, "Never sent either", "Body",
                    null, List.of(new MailAttachment("a.pdf", "application/pdf", PDF)), reference));
            status.setRollbackOnly();
        });

        assertThat(delivery.deliverDue()).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(outbox.forReference(workspace, reference)).isEmpty();
    }

    @Test
    void aMessageIsNeverWrittenOutsideTheTransactionOfItsCause() {
        assertThatThrownBy(() -> outbox.enqueue(workspace,
                OutgoingMail.text(List.of("client@example.com"), "No transaction", "Refused.")))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(delivery.deliverDue()).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aCrashBetweenCommitAndEmailLosesNoEmail() {
        clock.set(Instant.parse("2026-12-01T12:00:00Z"));
        String reference = "invoice:" + UUID.randomUUID();
        smtp.stop();
        tx.executeWithoutResult(status -> outbox.enqueue(workspace, new OutgoingMail(List.of("client@example.com"),
                null, "Invoice during the outage", "Sent when the server is back.", null, List.of(), reference)));

        // The worker runs while the SMTP server is unreachable: the message stays, with the try and its error.
        assertThat(delivery.deliverDue()).isZero();
        OutboxMessage waiting = outbox.forReference(workspace, reference).get(0);
        assertThat(waiting.status()).isEqualTo(MailStatus.WAITING);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.lastError()).isNotBlank();
        assertThat(waiting.nextAttemptAt()).isEqualTo(Instant.parse("2026-12-01T12:01:00Z"));

        smtp.start();
        assertThat(delivery.deliverDue()).as("not before its next attempt").isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        assertThat(delivery.deliverDue()).isEqualTo(1);
        assertThat(delivery.deliverDue()).isZero();
        MimeMessage received = only(smtp.getReceivedMessages());
        assertThat(subject(received)).isEqualTo("Invoice during the outage");
        OutboxMessage sent = outbox.forReference(workspace, reference).get(0);
        assertThat(sent.status()).isEqualTo(MailStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.sentAt()).isEqualTo(Instant.parse("2026-12-01T12:01:00Z"));
    }

    @Test
    void afterEightFailedTriesAMessageFailsAndTheOwnerCanStillRetryIt() {
        clock.set(Instant.parse("2026-12-01T12:00:00Z"));
        String reference = "invoice:" + UUID.randomUUID();
        smtp.stop();
        tx.executeWithoutResult(status -> outbox.enqueue(workspace, new OutgoingMail(List.of("client@example.com"),
                null, "Stubborn invoice", "Body", null, List.of(), reference)));

        List<Instant> nextAttempts = new ArrayList<>();
        for (int i = 0; i < OutboxDelivery.MAX_ATTEMPTS; i++) {
            assertThat(delivery.deliverDue()).isZero();
            OutboxMessage m = outbox.forReference(workspace, reference).get(0);
            nextAttempts.add(m.nextAttemptAt());
            clock.set(m.nextAttemptAt());
        }
        Instant start = Instant.parse("2026-12-01T12:00:00Z");
        assertThat(nextAttempts.subList(0, 5)).containsExactly(start.plus(Duration.ofMinutes(1)),
                start.plus(Duration.ofMinutes(6)), start.plus(Duration.ofMinutes(36)),
                start.plus(Duration.ofMinutes(156)), start.plus(Duration.ofMinutes(876)));
        OutboxMessage failed = outbox.forReference(workspace, reference).get(0);
        assertThat(failed.status()).isEqualTo(MailStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(8);

        smtp.start();
        clock.advance(Duration.ofDays(3));
        assertThat(delivery.deliverDue()).as("a failed message waits for the owner").isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();

        OutboxMessage retried = outbox.retry(owner.owner(), failed.id());
        assertThat(retried.status()).isEqualTo(MailStatus.SENT);
        assertThat(subject(only(smtp.getReceivedMessages()))).isEqualTo("Stubborn invoice");
    }

    @Test
    void twoWorkersAtOnceSendEachMessageOnce() throws Exception {
        int count = 30;
        String prefix = "Concurrent " + UUID.randomUUID() + " #";
        tx.executeWithoutResult(status -> {
            for (int i = 0; i < count; i++) {
                outbox.enqueue(workspace, OutgoingMail.text(List.of("client@example.com"), prefix + i, "Body " + i));
            }
        });

        CountDownLatch go = new CountDownLatch(1);
        Callable<Integer> worker = () -> {
            go.await();
            return delivery.deliverDue();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> one = pool.submit(worker);
            Future<Integer> two = pool.submit(worker);
            go.countDown();
            assertThat(one.get() + two.get()).isEqualTo(count);
        } finally {
            pool.shutdownNow();
        }

        List<String> subjects = Arrays.stream(smtp.getReceivedMessages()).map(OutboxDeliveryIT::subject)
                .filter(s -> s.startsWith(prefix)).toList();
        assertThat(subjects).hasSize(count).doesNotHaveDuplicates();
    }

    private static MimeMessage only(MimeMessage[] messages) {
        assertThat(messages).hasSize(1);
        return messages[0];
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String disposition(Part part) {
        try {
            return part.getDisposition();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Part> leaves(Part part) throws Exception {
        List<Part> all = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                all.addAll(leaves(child));
            }
        } else {
            all.add(part);
        }
        return all;
    }

    private static byte[] bytes(InputStream in) throws IOException {
        try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
