package app.clientdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.mail.OutboxDelivery;
import app.clientdesk.requests.Request;
import app.clientdesk.requests.RequestFilter;
import app.clientdesk.requests.RequestMessage;
import app.clientdesk.requests.RequestSummary;
import app.clientdesk.requests.Reply;
import app.clientdesk.requests.Requests;
import app.clientdesk.sla.SlaState;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.support.TestMails;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole email loop against one real mail server (GreenMail, SMTP and IMAP): a client's email to the intake
 * mailbox becomes a request with a running clock; the VA's answer leaves through the outbox over SMTP, reaches the
 * client threaded on their email and stops the clock; the client's reply from their mail program (to the Reply-To)
 * comes back through the mailbox onto the same request; a bounce and an out-of-office make nothing; and the same
 * message read twice is still one request.
 */
class EmailRequestLoopIT extends IntegrationTest {

    private static final int SMTP_PORT = TestMails.freePort();
    private static final int IMAP_PORT = TestMails.freePort();
    private static final String MAILBOX = "desk@agency.test";
    private static final String MAILBOX_PASSWORD = "imap-Secret-7";
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    /** Friday 4 Dec 2026, 10:00 in São Paulo: inside the default working hours. */
    private static final Instant FRIDAY_10AM = LocalDateTime.parse("2026-12-04T10:00").atZone(SAO_PAULO).toInstant();

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(new ServerSetup[] {
        new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"), new ServerSetup(IMAP_PORT, "127.0.0.1", "imap")});

    @DynamicPropertySource
    static void outboxToGreenMail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        // Only the test delivers, so that each step sees what the one before sent.
        registry.add("clientdesk.mail.delivery-enabled", () -> "false");
        // GreenMail listens on 127.0.0.1, which the intake refuses unless the admin allows private hosts.
        registry.add("clientdesk.intake.allow-private-hosts", () -> "true");
    }

    @Autowired MailIntake intake;
    @Autowired Mailboxes mailboxes;
    @Autowired Requests requests;
    @Autowired OutboxDelivery delivery;
    @Autowired JdbcClient jdbc;

    @Test
    void aClientsEmailTheAnswerAndTheirReplyAreOneRequestAndNoiseMakesNothing() throws Exception {
        clock.set(FRIDAY_10AM);
        TestWorkspace ws = newWorkspace();
        CurrentUser owner = ws.owner();
        WorkspaceId workspace = ws.created().workspaceId();
        String kim = uniqueEmail("kim");
        ClientId koala = clients.create(owner, new ClientInput("Koala Pty", "ACTIVE", "Australia/Sydney", "AUD",
                "en-AU", "AU", null, null, null, List.of(new ClientInput.Day("MONDAY", "09:00", "17:00")), "4",
                "EMAIL", "CHAT", "VIDEO", "EMAIL", null, null,
                List.of(new ClientInput.ContactInput(null, "Kim Koala", kim, null, null, true)), List.of()));
        GreenMailUser inbox = mail.setUser(MAILBOX, MAILBOX, MAILBOX_PASSWORD);
        mailboxes.save(owner, new MailboxInput("127.0.0.1", Integer.toString(IMAP_PORT), "NONE", MAILBOX,
                MAILBOX_PASSWORD, "INBOX", true));

        // Kim writes to the intake address from her mail program (over SMTP); the next reading makes a request.
        MimeMessage question = TestMails.message(SMTP_PORT, kim, MAILBOX, "Need a quote", "<q1@koala.test>");
        question.setText("How much for a logo?", "UTF-8");
        Transport.send(question);
        assertThat(mail.waitForIncomingEmail(5_000, 1)).isTrue();

        assertThat(intake.poll(workspace).requests()).isEqualTo(1);
        RequestSummary summary = onlyRequest(owner, koala);
        assertThat(summary.slaState()).isEqualTo(SlaState.ON_TRACK);
        assertThat(summary.firstResponseDueAt()).isAfter(FRIDAY_10AM);
        Request request = requests.get(owner, summary.id()).request();
        String marker = "[#" + request.number() + "-" + request.replyToken() + "]";

        // The VA answers; the outbox delivers it over SMTP to Kim, threaded on her email, and the clock is met.
        clock.set(FRIDAY_10AM.plusSeconds(3_600));
        requests.reply(owner, summary.id(), Reply.answer("About 300 AUD, with two rounds of changes.", false));
        delivery.deliverDue();

        MimeMessage answer = TestMails.receivedBy(mail, kim).stream()
                .filter(m -> subject(m).contains("Re: Need a quote")).findFirst().orElseThrow();
        assertThat(answer.getSubject()).startsWith(marker + " ");
        assertThat(answer.getHeader("In-Reply-To", null)).isEqualTo("<q1@koala.test>");
        assertThat(answer.getHeader("References", null)).contains("<q1@koala.test>");
        assertThat(answer.getHeader("Reply-To", null)).isEqualTo(MAILBOX);
        assertThat(TestMails.part(answer, "text/plain")).contains("About 300 AUD, with two rounds of changes.");
        assertThat(onlyRequest(owner, koala).slaState()).isEqualTo(SlaState.MET);

        // Kim presses "Reply" on it: her mail program writes to the Reply-To, naming the answer; the next reading
        // threads it onto the same request.
        MimeMessage reply = (MimeMessage) answer.reply(false);
        reply.setFrom(new InternetAddress(kim));
        reply.setText("Sounds good, go ahead.", "UTF-8");
        assertThat(reply.getAllRecipients()).extracting(Address::toString).containsExactly(MAILBOX);
        send(reply);
        assertThat(mail.waitForIncomingEmail(5_000, 4)).isTrue(); // Hers, our acknowledgement and answer, hers.

        assertThat(intake.poll(workspace).requests()).isEqualTo(1);
        assertThat(onlyRequest(owner, koala).id()).isEqualTo(summary.id());
        assertThat(requests.get(owner, summary.id()).messages()).extracting(RequestMessage::body).containsExactly(
                "How much for a logo?", "About 300 AUD, with two rounds of changes.", "Sounds good, go ahead.");

        // A bounce (a delivery-status report) and Kim's out-of-office make nothing.
        MimeMessage bounce = TestMails.message(SMTP_PORT, "MAILER-DAEMON@mx.koala.test", MAILBOX,
                "Undelivered Mail Returned to Sender", "<bounce@mx.koala.test>");
        MimeMultipart report = new MimeMultipart("report; report-type=delivery-status");
        MimeBodyPart human = new MimeBodyPart();
        human.setText("Your message could not be delivered.", "UTF-8");
        report.addBodyPart(human);
        MimeBodyPart status = new MimeBodyPart();
        status.setDataHandler(new DataHandler(new ByteArrayDataSource("Status: 5.1.1\r\n", "message/delivery-status")));
        report.addBodyPart(status);
        bounce.setContent(report);
        inbox.deliver(bounce);
        MimeMessage outOfOffice = TestMails.message(SMTP_PORT, kim, MAILBOX, "Out of office: " + marker,
                "<ooo@koala.test>");
        outOfOffice.setHeader("Auto-Submitted", "auto-replied");
        outOfOffice.setHeader("In-Reply-To", answer.getMessageID());
        outOfOffice.setText("I am away until Monday.", "UTF-8");
        inbox.deliver(outOfOffice);

        MailIntake.PollResult noise = intake.poll(workspace);
        assertThat(noise.ignored()).isEqualTo(2);
        assertThat(noise.requests() + noise.review()).isZero();

        // The same message twice: Kim's first email in the folder again (same Message-ID, a new UID), and a reading
        // that forgot where it was. Still one request with its three messages.
        MimeMessage again = TestMails.message(SMTP_PORT, kim, MAILBOX, "Need a quote", "<q1@koala.test>");
        again.setText("How much for a logo?", "UTF-8");
        inbox.deliver(again);
        assertThat(intake.poll(workspace).requests()).isZero();
        jdbc.sql("update intake_mailboxes set last_uid = 0 where workspace_id = :w").param("w", ws.id()).update();
        MailIntake.PollResult reread = intake.poll(workspace);
        assertThat(reread.requests() + reread.review() + reread.ignored()).isZero();

        assertThat(requests.inbox(owner, RequestFilter.all()).items()).hasSize(1);
        assertThat(requests.get(owner, summary.id()).messages()).hasSize(3);
    }

    private RequestSummary onlyRequest(CurrentUser owner, ClientId client) {
        List<RequestSummary> items = requests.inbox(owner, new RequestFilter(client, null, null, 10, 0)).items();
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static void send(MimeMessage message) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(SMTP_PORT));
        try (Transport transport = Session.getInstance(props).getTransport("smtp")) {
            transport.connect();
            message.saveChanges();
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
