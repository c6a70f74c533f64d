package app.clientdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.clients.Contact;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.intake.MailboxInput;
import app.clientdesk.intake.Mailboxes;
import app.clientdesk.mail.Outbox;
import app.clientdesk.mail.OutboxDelivery;
import app.clientdesk.requests.EmailSubmission;
import app.clientdesk.requests.ManualSubmission;
import app.clientdesk.requests.PortalSubmission;
import app.clientdesk.requests.Reply;
import app.clientdesk.requests.Request;
import app.clientdesk.requests.RequestId;
import app.clientdesk.requests.RequestMessage;
import app.clientdesk.requests.Requests;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.support.TestMails;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Email to clients about their requests, end to end through the outbox to a real SMTP server (GreenMail): the
 * acknowledgement of a new request (once, marked as an automatic reply, with the due time in the client's zone),
 * the VA's answer (in the contact's language, under the workspace's name, with a link built from the configured
 * base URL, the request's number and reply token in the subject, and threading headers naming the earlier
 * messages), and the client's reply threading back by the recorded Message-ID. Internal notes and rolled back
 * answers send nothing.
 */
class RequestMailsIT extends IntegrationTest {

    private static final int SMTP_PORT = TestMails.freePort();
    private static final String BASE = "https://desk.requests-mail.example";
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    /** Friday 4 Dec 2026, 17:00 in São Paulo: a 4-hour answer is due Monday 12:00 there, Tuesday 02:00 in Sydney. */
    private static final Instant FRIDAY_5PM = LocalDateTime.parse("2026-12-04T17:00").atZone(SAO_PAULO).toInstant();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    @DynamicPropertySource
    static void mailAndBase(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("clientdesk.base-url", () -> BASE);
        // Only the test delivers, so that what it sees is what it sent.
        registry.add("clientdesk.mail.delivery-enabled", () -> "false");
    }

    @Autowired Requests requests;
    @Autowired PortalAccess portalAccess;
    @Autowired OutboxDelivery delivery;
    @Autowired Outbox outbox;
    @Autowired JdbcClient jdbc;
    @Autowired Mailboxes mailboxes;
    @Autowired TransactionTemplate transactions;

    private TestWorkspace ws;
    private WorkspaceId workspace;
    private CurrentUser owner;
    private ClientId clientId;
    /** Has the portal, in Portuguese. */
    private Contact carla;
    /** Writes by email, no portal; the client's language is English. */
    private Contact eve;

    @BeforeEach
    void aClientInSydneyWithAPortugueseSpeakingPortalContactAndAnEmailOne() throws Exception {
        clock.set(FRIDAY_5PM);
        ws = newWorkspace("Ana VA " + UUID.randomUUID().toString().substring(0, 4), "en");
        workspace = ws.created().workspaceId();
        owner = ws.owner();
        clientId = clients.create(owner, new ClientInput("Koala Pty", "ACTIVE", "Australia/Sydney", "AUD", "en-AU", "AU",
                null, null, null, List.of(new ClientInput.Day("MONDAY", "09:00", "17:00")), "4", "EMAIL", "CHAT",
                "VIDEO", "EMAIL", null, null, List.of(
                        new ClientInput.ContactInput(null, "Carla Cliente", uniqueEmail("carla"), null, null, true),
                        new ClientInput.ContactInput(null, "Eve Email", uniqueEmail("eve"), null, null, false)),
                List.of()));
        List<Contact> contacts = clients.get(owner, clientId).contacts();
        carla = contacts.get(0);
        eve = contacts.get(1);
        transactions.executeWithoutResult(s -> portalAccess.invite(owner, clientId, carla.id(), "pt-BR"));
        delivery.deliverDue();
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void aPortalRequestIsAcknowledgedOnceAndTheAnswerReachesTheContactInPortugueseAndThreadsBack() throws Exception {
        CurrentUser contact = principal(carla.email());
        RequestId id = requests.submitFromPortal(contact, new PortalSubmission("Novo logo", "Algo azul", null, List.of()));
        Request request = requests.get(owner, id).request();
        String marker = "[#" + request.number() + "-" + request.replyToken() + "]";

        delivery.deliverDue();
        MimeMessage ack = onlyMailTo(carla);
        assertThat(ack.getSubject()).isEqualTo(marker + " Recebemos sua solicitação: Novo logo");
        assertThat(ack.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(((InternetAddress) ack.getFrom()[0]).getPersonal()).isEqualTo(ws.owner().workspaceName());
        String ackText = part(ack, "text/plain");
        // Due Monday 12:00 in São Paulo: Tuesday 02:00 where the client is.
        assertThat(ackText).contains("Olá, Carla Cliente", "Recebemos sua solicitação #" + request.number(),
                "8 de dezembro de 2026", "02:00", "Australia/Sydney",
                BASE + "/portal/requests/" + id.value());
        String ackId = ack.getMessageID();
        assertThat(ackId).isEqualTo("<request-" + id.value() + "@localhost>");
        assertThat(ack.getHeader("In-Reply-To")).as("a portal request has no email to answer").isNull();

        // An internal note sends nothing; the client writing again in the portal is not acknowledged again.
        requests.reply(owner, id, Reply.note("Ask the designer <first>"));
        requests.clientMessage(contact, id, "E o verde também", List.of());
        delivery.deliverDue();
        assertThat(mailsTo(carla)).hasSize(1);
        assertThat(outbox.forReference(workspace, "request-ack:" + id.value())).hasSize(1);

        UUID answer = requests.reply(owner, id, Reply.answer("Segue a proposta <b>azul</b>.\nAbraços", false));
        delivery.deliverDue();
        List<MimeMessage> mails = mailsTo(carla);
        assertThat(mails).hasSize(2);
        MimeMessage mail = mails.get(1);
        String recorded = message(id, answer).emailMessageId();
        assertThat(recorded).as("the Message-ID is recorded on the answer").isNotNull();
        assertThat(mail.getMessageID()).isEqualTo(recorded);
        assertThat(mail.getHeader("In-Reply-To", null)).isEqualTo(ackId);
        assertThat(mail.getHeader("References", null)).contains(ackId);
        assertThat(mail.getHeader("Auto-Submitted")).as("a person's answer is no auto-reply").isNull();
        assertThat(mail.getSubject()).isEqualTo(marker + " Re: Novo logo");
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo(ws.owner().workspaceName());
        String text = part(mail, "text/plain");
        assertThat(text).contains(ws.owner().workspaceName() + " respondeu à sua solicitação #" + request.number(),
                "Segue a proposta <b>azul</b>.\nAbraços", "Veja a solicitação e responda no portal: " + BASE
                        + "/portal/requests/" + id.value())
                .doesNotContain("Ask the designer");
        String html = part(mail, "text/html");
        assertThat(html).contains("Segue a proposta &lt;b&gt;azul&lt;/b&gt;.<br>Abraços",
                "<a href=\"" + BASE + "/portal/requests/" + id.value() + "\">").doesNotContain("<b>");

        // The client answers the email (no token in the subject): it lands on the same request, by In-Reply-To.
        Requests.Intake intake = requests.receiveEmail(workspace, new EmailSubmission(clientId, carla.id(),
                carla.email(), "Re: Novo logo", "Perfeito, obrigada", null, "<reply-1@client.test>", recorded,
                List.of(ackId, recorded), null, List.of()));
        assertThat(intake.request()).isEqualTo(id);
        assertThat(intake.created()).isFalse();
        delivery.deliverDue();
        assertThat(mailsTo(carla)).as("the client's own message sends them nothing").hasSize(2);
    }

    @Test
    void anEmailRequestIsAcknowledgedInReplyToTheClientsEmailAndTheAnswerNamesTheWholeThread() throws Exception {
        EmailSubmission first = new EmailSubmission(clientId, eve.id(), eve.email(), "Invoice copy", "Please resend it",
                null, "<first@client.test>", null, List.of(), null, List.of());
        Requests.Intake intake = requests.receiveEmail(workspace, first);
        assertThat(requests.receiveEmail(workspace, first).duplicate()).isTrue();
        RequestId id = intake.request();
        Request request = requests.get(owner, id).request();
        String marker = "[#" + request.number() + "-" + request.replyToken() + "]";

        delivery.deliverDue();
        MimeMessage ack = onlyMailTo(eve);
        assertThat(ack.getSubject()).isEqualTo(marker + " We received your request: Invoice copy");
        assertThat(ack.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(ack.getHeader("In-Reply-To", null)).isEqualTo("<first@client.test>");
        assertThat(ack.getHeader("References", null)).isEqualTo("<first@client.test>");
        assertThat(part(ack, "text/plain")).contains("Hello Eve Email", "We will answer by", "Australia/Sydney")
                .doesNotContain("/portal/");
        assertThat(outbox.forReference(workspace, "request-ack:" + id.value())).as("the duplicate is not acknowledged")
                .hasSize(1);

        UUID answer = requests.reply(owner, id, Reply.answer("Attached again.", false));
        delivery.deliverDue();
        List<MimeMessage> mails = mailsTo(eve);
        assertThat(mails).hasSize(2);
        MimeMessage mail = mails.get(1);
        assertThat(mail.getMessageID()).isEqualTo(message(id, answer).emailMessageId());
        assertThat(mail.getHeader("In-Reply-To", null)).isEqualTo("<first@client.test>");
        assertThat(mail.getHeader("References", null).replaceAll("\\s+", " "))
                .isEqualTo("<first@client.test> " + ack.getMessageID());
        assertThat(mail.getSubject()).isEqualTo(marker + " Re: Invoice copy");
        assertThat(part(mail, "text/plain")).contains(ws.owner().workspaceName() + " answered your request #"
                + request.number() + " “Invoice copy”:", "Attached again.").doesNotContain("/portal/");
        assertThat(carlaGotNothing()).isTrue();
    }

    @Test
    void withAnIntakeMailboxTheClientsReplyGoesToItAndWithoutOneToTheSender() throws Exception {
        // Without a mailbox: no Reply-To, the client's mail program answers the sender address.
        RequestId before = requests.receiveEmail(workspace, new EmailSubmission(clientId, eve.id(), eve.email(),
                "Before the mailbox", "Hi", null, "<before@client.test>", null, List.of(), null, List.of())).request();
        requests.reply(owner, before, Reply.answer("Noted.", false));
        delivery.deliverDue();
        assertThat(mailsTo(eve)).hasSize(2).allSatisfy(m -> assertThat(m.getHeader("Reply-To")).isNull());
        smtp.purgeEmailFromAllMailboxes();

        mailboxes.save(owner, new MailboxInput("imap.agency.test", "993", "SSL", "Desk@Agency.test", "imap-Secret-1",
                "INBOX", true));
        RequestId id = requests.receiveEmail(workspace, new EmailSubmission(clientId, eve.id(), eve.email(),
                "Logo files", "Send them", null, "<logo@client.test>", null, List.of(), null, List.of())).request();
        Request request = requests.get(owner, id).request();
        requests.reply(owner, id, Reply.answer("Here they are.", false));
        delivery.deliverDue();

        List<MimeMessage> mails = mailsTo(eve);
        assertThat(mails).hasSize(2).allSatisfy(m -> {
            assertThat(m.getHeader("Reply-To", null)).isEqualTo("desk@agency.test");
            // Still threaded: the reply token in the subject and the headers naming the client's email.
            assertThat(m.getSubject()).startsWith("[#" + request.number() + "-" + request.replyToken() + "] ");
            assertThat(m.getHeader("In-Reply-To", null)).isEqualTo("<logo@client.test>");
        });

        // A mailbox switched off is not read: replies go to the sender again.
        smtp.purgeEmailFromAllMailboxes();
        mailboxes.save(owner, new MailboxInput("imap.agency.test", "993", "SSL", "desk@agency.test", "",
                "INBOX", false));
        requests.reply(owner, id, Reply.answer("And the PDF.", false));
        delivery.deliverDue();
        assertThat(onlyMailTo(eve).getHeader("Reply-To")).isNull();
    }

    @Test
    void anAnswerOnARequestEnteredByHandGoesToThePrimaryAndPortalContactsAndARollbackQueuesNothing()
            throws Exception {
        RequestId id = requests.submitManually(owner, new ManualSubmission(clientId.value().toString(), "Call notes",
                "From the Monday call", null, List.of()));
        assertThat(outboxRows()).as("no acknowledgement, and the client's words entered by hand are not mailed back")
                .isEqualTo(1);

        long before = outboxRows();
        transactions.executeWithoutResult(status -> {
            requests.reply(owner, id, Reply.answer("This answer is taken back", false));
            status.setRollbackOnly();
        });
        assertThat(outboxRows()).isEqualTo(before);
        assertThat(requests.get(owner, id).messages()).hasSize(1);

        UUID answer = requests.reply(owner, id, Reply.answer("Here is the summary", false));
        assertThat(outbox.forReference(workspace, "request-answer:" + answer)).hasSize(1);
        delivery.deliverDue();
        // Carla is primary and has the portal (Portuguese); Eve is neither, and gets nothing.
        MimeMessage mail = onlyMailTo(carla);
        assertThat(mailsTo(eve)).isEmpty();
        assertThat(mail.getSubject()).endsWith("Re: Call notes");
        assertThat(part(mail, "text/plain")).contains("respondeu à sua solicitação", "Here is the summary",
                BASE + "/portal/requests/" + id.value());
        assertThat(mail.getHeader("In-Reply-To")).as("nothing earlier was emailed").isNull();
        assertThat(mail.getMessageID()).isEqualTo(message(id, answer).emailMessageId());
    }

    private boolean carlaGotNothing() {
        return mailsTo(carla).isEmpty();
    }

    private RequestMessage message(RequestId id, UUID message) {
        return requests.get(owner, id).messages().stream().filter(m -> m.id().equals(message)).findFirst()
                .orElseThrow();
    }

    private long outboxRows() {
        return jdbc.sql("select count(*) from mail_outbox where workspace_id = :w").param("w", workspace.value())
                .query(Long.class).single();
    }

    private List<MimeMessage> mailsTo(Contact who) {
        return TestMails.receivedBy(smtp, who.email());
    }

    private MimeMessage onlyMailTo(Contact who) {
        List<MimeMessage> mails = mailsTo(who);
        assertThat(mails).as(() -> mails.stream().map(m -> {
            try {
                return m.getSubject() + " to " + Arrays.toString(m.getAllRecipients()) + " " + m.getMessageID();
            } catch (jakarta.mail.MessagingException e) {
                return e.toString();
            }
        }).toList().toString()).hasSize(1);
        return mails.get(0);
    }

    private static String part(Part part, String type) throws Exception {
        return TestMails.part(part, type);
    }
}
