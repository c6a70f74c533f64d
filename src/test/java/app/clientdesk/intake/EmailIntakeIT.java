package app.clientdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.requests.Request;
import app.clientdesk.requests.RequestDetail;
import app.clientdesk.requests.RequestFilter;
import app.clientdesk.requests.RequestMessage;
import app.clientdesk.requests.RequestSource;
import app.clientdesk.requests.RequestSummary;
import app.clientdesk.requests.Requests;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.shared.security.SecretBox;
import app.clientdesk.sla.SlaState;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.support.TestMails;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.activation.DataHandler;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Email intake end to end against a real IMAP and SMTP server (GreenMail): a contact's email becomes a request of
 * their client with a running clock and replies thread onto it; bounces and auto-replies make nothing; unknown
 * senders wait for review; every message is taken once, whatever reads it again; HTML is sanitised; what cannot
 * be kept leaves a note; and the settings page never gives the password back.
 */
// GreenMail listens on 127.0.0.1: a private address, allowed here as an admin would for a server on the LAN.
@TestPropertySource(properties = {"clientdesk.attachments.max-size=200KB", "clientdesk.intake.max-message-size=1MB",
    "clientdesk.intake.allow-private-hosts=true", "clientdesk.intake.read-timeout=2s"})
class EmailIntakeIT extends IntegrationTest {

    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    /** Friday 4 Dec 2026, 10:00 in São Paulo: inside the default working hours. */
    private static final Instant FRIDAY_10AM = LocalDateTime.parse("2026-12-04T10:00").atZone(SAO_PAULO).toInstant();
    private static final String MAILBOX = "desk@agency.test";
    private static final String PASSWORD_OF_MAILBOX = "imap-Secret-42";

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @Autowired MailIntake intake;
    @Autowired Mailboxes mailboxes;
    @Autowired ReviewList review;
    @Autowired Requests requests;
    @Autowired IntakeStore store;
    @Autowired JdbcClient jdbc;
    @Autowired PlainPasswordSealing sealing;

    private TestWorkspace ws;
    private CurrentUser owner;
    private ClientId koala;
    private String kim;
    private GreenMailUser inbox;

    @BeforeEach
    void aWorkspaceReadingAMailbox() {
        clock.set(FRIDAY_10AM);
        ws = newWorkspace();
        owner = ws.owner();
        kim = uniqueEmail("kim");
        koala = clients.create(owner, client("Koala Pty", kim));
        inbox = mail.setUser(MAILBOX, MAILBOX, PASSWORD_OF_MAILBOX);
        mailboxes.save(owner, new MailboxInput("127.0.0.1", Integer.toString(mail.getImap().getPort()), "NONE",
                MAILBOX, PASSWORD_OF_MAILBOX, "INBOX", true));
    }

    @Test
    void aContactsEmailBecomesARequestWithARunningClockAndTheirReplyThreadsOntoIt() throws Exception {
        // Sent over SMTP, as a client's mail program would.
        MimeMessage first = message(kim, "Need a quote", "<q1@koala.test>");
        first.setText("How much for a logo?", "UTF-8");
        Transport.send(first);
        assertThat(mail.waitForIncomingEmail(5_000, 1)).isTrue();

        MailIntake.PollResult result = intake.poll(ws.created().workspaceId());

        assertThat(result.requests()).isEqualTo(1);
        RequestSummary summary = onlyRequestOf(koala);
        assertThat(summary.source()).isEqualTo(RequestSource.EMAIL);
        assertThat(summary.subject()).isEqualTo("Need a quote");
        assertThat(summary.slaState()).isEqualTo(SlaState.ON_TRACK);
        assertThat(summary.firstResponseDueAt()).isAfter(FRIDAY_10AM);
        RequestDetail detail = requests.get(owner, summary.id());
        assertThat(detail.messages()).singleElement().satisfies(m -> {
            assertThat(m.body()).isEqualTo("How much for a logo?");
            assertThat(m.author().email()).isEqualTo(kim.toLowerCase());
            assertThat(m.author().contactId()).isNotNull();
        });

        // Kim answers from her mail program: In-Reply-To names the first message.
        MimeMessage answer = message(kim, "Re: Need a quote", "<q2@koala.test>");
        answer.setHeader("In-Reply-To", "<q1@koala.test>");
        answer.setHeader("References", "<q1@koala.test>");
        answer.setText("Also a business card, please.", "UTF-8");
        inbox.deliver(answer);
        // And once more with only the reply token in the subject, as outbound replies write it.
        Request request = detail.request();
        MimeMessage byToken = message(kim, "Re: [#" + request.number() + "-" + request.replyToken() + "] quote",
                "<q3@koala.test>");
        byToken.setText("Any news?", "UTF-8");
        inbox.deliver(byToken);

        assertThat(intake.poll(ws.created().workspaceId()).requests()).isEqualTo(2);
        assertThat(requests.inbox(owner, new RequestFilter(koala, null, null, 10, 0)).items()).hasSize(1);
        assertThat(requests.get(owner, summary.id()).messages()).extracting(RequestMessage::body)
                .containsExactly("How much for a logo?", "Also a business card, please.", "Any news?");
    }

    @Test
    void bouncesAndAutoRepliesCreateNothing() throws Exception {
        MimeMessage outOfOffice = message(kim, "Out of office", "<ooo@koala.test>");
        outOfOffice.setHeader("Auto-Submitted", "auto-replied");
        outOfOffice.setText("I am away until Monday.", "UTF-8");
        inbox.deliver(outOfOffice);

        MimeMessage autoresponder = message(kim, "Thanks for your mail", "<ar@koala.test>");
        autoresponder.setHeader("X-Autoreply", "yes");
        autoresponder.setText("We got it.", "UTF-8");
        inbox.deliver(autoresponder);

        MimeMessage bulk = message(kim, "Newsletter", "<news@koala.test>");
        bulk.setHeader("Precedence", "bulk");
        bulk.setText("Our news.", "UTF-8");
        inbox.deliver(bulk);

        MimeMessage bounce = message("MAILER-DAEMON@mx.koala.test", "Undelivered Mail Returned to Sender",
                "<bounce@mx.koala.test>");
        MimeMultipart report = new MimeMultipart("report; report-type=delivery-status");
        MimeBodyPart human = new MimeBodyPart();
        human.setText("Your message could not be delivered.", "UTF-8");
        report.addBodyPart(human);
        MimeBodyPart status = new MimeBodyPart();
        status.setDataHandler(new DataHandler(new ByteArrayDataSource("Status: 5.1.1\r\n", "message/delivery-status")));
        report.addBodyPart(status);
        bounce.setContent(report);
        inbox.deliver(bounce);

        // Read as the scheduled job reads: every enabled mailbox that is due.
        intake.pollAll();

        assertThat(jdbc.sql("select state from intake_messages where workspace_id = :w").param("w", ws.id())
                .query(String.class).list()).containsExactly("IGNORED", "IGNORED", "IGNORED", "IGNORED");
        assertThat(requests.inbox(owner, RequestFilter.all()).items()).isEmpty();
        assertThat(review.page(owner, 0).total()).isZero();
    }

    @Test
    void anUnknownSenderWaitsForReviewAndTheVaAssignsItToAClient() throws Exception {
        MimeMessage stranger = message("new.person@elsewhere.test", "Website redesign", "<s1@elsewhere.test>");
        stranger.setFrom(new InternetAddress("new.person@elsewhere.test", "New Person"));
        stranger.setText("Hello, I was referred by Kim. Can you help with our website?", "UTF-8");
        inbox.deliver(stranger);
        MimeMessage spam = message("spam@elsewhere.test", "Cheap pills", "<s2@elsewhere.test>");
        spam.setText("Buy now", "UTF-8");
        inbox.deliver(spam);

        assertThat(intake.poll(ws.created().workspaceId()).review()).isEqualTo(2);
        assertThat(requests.inbox(owner, RequestFilter.all()).items()).isEmpty();

        String page = mvc.perform(get("/intake/review").with(user(owner))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("New Person", "new.person@elsewhere.test", "Website redesign",
                "Hello, I was referred by Kim.", "Koala Pty");
        ReviewItem redesign = review.page(owner, 0).items().stream()
                .filter(i -> "Website redesign".equals(i.subject())).findFirst().orElseThrow();
        ReviewItem pills = review.page(owner, 0).items().stream()
                .filter(i -> "Cheap pills".equals(i.subject())).findFirst().orElseThrow();

        // A member not assigned to the client may not put mail on it, and another workspace's owner sees nothing.
        CurrentUser member = addMember(ws);
        assertThatThrownBy(() -> review.assign(member, redesign.id(), koala)).isInstanceOf(NotFoundException.class);
        CurrentUser stranger2 = newWorkspace().owner();
        assertThat(review.page(stranger2, 0).total()).isZero();
        mvc.perform(post("/intake/review/" + redesign.id() + "/discard").with(user(stranger2)).with(csrf()))
                .andExpect(status().isNotFound());

        mvc.perform(post("/intake/review/" + redesign.id() + "/assign").with(user(owner)).with(csrf())
                .param("clientId", koala.value().toString())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/intake/review/" + pills.id() + "/discard").with(user(owner)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        RequestSummary assigned = onlyRequestOf(koala);
        assertThat(assigned.subject()).isEqualTo("Website redesign");
        assertThat(requests.get(owner, assigned.id()).messages()).singleElement()
                .satisfies(m -> assertThat(m.body()).startsWith("Hello, I was referred by Kim."));
        assertThat(review.page(owner, 0).total()).isZero();
        // Handled once: assigning again is not found.
        assertThatThrownBy(() -> review.assign(owner, redesign.id(), koala)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theSameMessageReadAgainIsStillOneRequest() throws Exception {
        MimeMessage once = message(kim, "Only once", "<once@koala.test>");
        once.setText("One request, please.", "UTF-8");
        inbox.deliver(once);
        MimeMessage claimedElsewhere = message(kim, "Taken by the other node", "<other@koala.test>");
        claimedElsewhere.setText("The other node has this one.", "UTF-8");
        inbox.deliver(claimedElsewhere);

        // A second node claimed UID 2 first (and is still working on it): this node must leave it alone.
        long validity = uidValidity();
        store.claim(UUID.randomUUID(), ws.created().workspaceId(), validity, 2, "<other@koala.test>", "DONE",
                new ParsedMail(kim, null, "x", "<other@koala.test>", null, List.of(), null, "", null, List.of(),
                        List.of(), null, false), 1, clock.instant(), null, null);

        MailIntake.PollResult first = intake.poll(ws.created().workspaceId());
        assertThat(first.requests()).isEqualTo(1);
        assertThat(first.skipped()).isEqualTo(1);

        // Polled again: nothing new. After a restart that forgot where it was, or a new UIDVALIDITY: still nothing.
        assertThat(intake.poll(ws.created().workspaceId()).requests()).isZero();
        jdbc.sql("update intake_mailboxes set last_uid = 0 where workspace_id = :w").param("w", ws.id()).update();
        assertThat(intake.poll(ws.created().workspaceId()).requests()).isZero();
        jdbc.sql("update intake_mailboxes set uid_validity = 1, last_uid = 0 where workspace_id = :w")
                .param("w", ws.id()).update();
        MailIntake.PollResult afterReset = intake.poll(ws.created().workspaceId());
        assertThat(afterReset.requests()).isZero();

        assertThat(requests.inbox(owner, RequestFilter.all()).items()).extracting(RequestSummary::subject)
                .containsExactly("Only once");
        // And a claim of the same UID twice fails on the database's unique key.
        assertThatThrownBy(() -> store.claim(UUID.randomUUID(), ws.created().workspaceId(), validity, 1, null, "DONE",
                new ParsedMail(kim, null, "x", null, null, List.of(), null, "", null, List.of(), List.of(), null, false),
                1, clock.instant(), null, null)).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void anHtmlOnlyEmailIsKeptSanitised() throws Exception {
        MimeMessage html = message(kim, "Formatted", "<html@koala.test>");
        html.setContent("<html><body><script>alert('x')</script><p onclick=\"steal()\">Hello <b>there</b></p>"
                + "<p><a href=\"javascript:alert(1)\">bad</a> <a href=\"https://koala.test\">site</a></p>"
                + "<img src=\"https://tracker.test/p.gif\"></body></html>", "text/html; charset=UTF-8");
        inbox.deliver(html);

        intake.poll(ws.created().workspaceId());

        RequestMessage message = requests.get(owner, onlyRequestOf(koala).id()).messages().get(0);
        assertThat(message.bodyHtml()).contains("<b>there</b>", "https://koala.test")
                .doesNotContain("script", "alert", "onclick", "javascript:", "<img", "tracker");
        assertThat(message.body()).contains("Hello there").doesNotContain("alert", "<");
    }

    @Test
    void whatCannotBeKeptLeavesARefusalNote() throws Exception {
        MimeMessage withFiles = message(kim, "Files", "<files@koala.test>");
        MimeMultipart parts = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("See the files.", "UTF-8");
        parts.addBodyPart(text);
        parts.addBodyPart(file("brief.pdf", ("%PDF-1.4 brief").getBytes(StandardCharsets.US_ASCII), "application/pdf"));
        byte[] big = new byte[300 * 1024];
        System.arraycopy("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 8);
        parts.addBodyPart(file("huge.pdf", big, "application/pdf"));
        parts.addBodyPart(file("setup.exe", new byte[] {'M', 'Z', (byte) 0x90, 0, 1, 2, (byte) 0xff},
                "application/octet-stream"));
        withFiles.setContent(parts);
        inbox.deliver(withFiles);

        MimeMessage tooBig = message(kim, "Huge video", "<video@koala.test>");
        MimeMultipart videoParts = new MimeMultipart();
        MimeBodyPart note = new MimeBodyPart();
        note.setText("Here is the video.", "UTF-8");
        videoParts.addBodyPart(note);
        videoParts.addBodyPart(file("video.pdf", new byte[1_200_000], "application/pdf"));
        tooBig.setContent(videoParts);
        inbox.deliver(tooBig);

        assertThat(intake.poll(ws.created().workspaceId()).requests()).isEqualTo(2);

        List<RequestSummary> both = requests.inbox(owner, new RequestFilter(koala, null, null, 10, 0)).items();
        RequestMessage files = firstMessage(both, "Files");
        assertThat(files.attachments()).extracting(a -> a.fileName()).containsExactly("brief.pdf");
        assertThat(files.body()).startsWith("See the files.")
                .contains("The file \"huge.pdf\" was not kept: it is over 1 MB.")
                .contains("The file \"setup.exe\" was not kept: this kind of file is not accepted.");
        RequestMessage video = firstMessage(both, "Huge video");
        assertThat(video.attachments()).isEmpty();
        assertThat(video.body()).contains("over the limit of 1 MB, and was not read");
    }

    @Test
    void theSettingsPageNeverShowsThePasswordAndTheTestSaysWhatIsWrong() throws Exception {
        String page = mvc.perform(get("/settings/mailbox").with(user(owner))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("127.0.0.1", MAILBOX, "A password is saved and is never shown")
                .doesNotContain(PASSWORD_OF_MAILBOX).contains("name=\"password\" type=\"password\" value=\"\"");

        // Saved with the password left empty: the saved one is kept, and reading still works.
        mvc.perform(post("/settings/mailbox").with(user(owner)).with(csrf()).param("host", "127.0.0.1")
                .param("port", Integer.toString(mail.getImap().getPort())).param("security", "NONE")
                .param("username", MAILBOX).param("password", "").param("folder", "INBOX").param("enabled", "true")
                .param("_enabled", "on")).andExpect(status().is3xxRedirection());
        MimeMessage still = message(kim, "Still reading", "<still@koala.test>");
        still.setText("Hi", "UTF-8");
        inbox.deliver(still);
        assertThat(intake.poll(ws.created().workspaceId()).requests()).isEqualTo(1);

        // "Test connection" with a wrong password says so in words, saves nothing and never echoes it.
        String wrong = mvc.perform(post("/settings/mailbox/test").with(user(owner)).with(csrf())
                        .param("host", "127.0.0.1").param("port", Integer.toString(mail.getImap().getPort()))
                        .param("security", "NONE").param("username", MAILBOX).param("password", "wrong-Guess-1")
                        .param("folder", "INBOX").param("_enabled", "on"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(wrong).contains("The server refused the user name or password.").doesNotContain("wrong-Guess-1");
        assertThat(mailboxes.test(owner, new MailboxInput("127.0.0.1", Integer.toString(mail.getImap().getPort()),
                "NONE", MAILBOX, "", "INBOX", true)).messageKey()).isEqualTo("intake.test.ok");
        assertThat(mailboxes.test(owner, new MailboxInput("127.0.0.1", Integer.toString(mail.getImap().getPort()),
                "NONE", MAILBOX, "", "Archive/Missing", true)).messageKey()).isEqualTo("intake.test.folderMissing");

        // In Portuguese, and a port where nobody listens.
        CurrentUser dono = newWorkspace("Agência " + UUID.randomUUID().toString().substring(0, 4), "pt-BR").owner();
        String recusado = mvc.perform(post("/settings/mailbox/test").with(user(dono)).with(csrf())
                        .param("host", "127.0.0.1").param("port", "1").param("security", "NONE")
                        .param("username", MAILBOX).param("password", "x").param("_enabled", "on"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(recusado).contains("recusou a conexão na porta 1");

        // Bad input: translated field errors, nothing saved.
        String bad = mvc.perform(post("/settings/mailbox").with(user(dono)).with(csrf()).param("host", " ")
                        .param("port", "99999").param("security", "SSL").param("username", "").param("_enabled", "on"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad).contains("Informe o servidor IMAP", "Informe uma porta entre 1 e 65535",
                "Informe o usuário da caixa", "Informe a senha da caixa");
        assertThat(mailboxes.settings(dono)).isEmpty();

        // A member never reaches the page.
        CurrentUser member = addMember(ws);
        assertThat(mvc.perform(get("/settings/mailbox").with(user(member))).andReturn().getResponse().getStatus())
                .isIn(403, 404);
    }

    @Test
    void aServerThatIsDownIsTriedAgainLaterAndTheSettingsPageSaysWhy() throws Exception {
        mailboxes.save(owner, new MailboxInput("127.0.0.1", "1", "NONE", MAILBOX, "", "INBOX", true));

        MailIntake.PollResult down = intake.poll(ws.created().workspaceId());

        assertThat(down.error()).isEqualTo("intake.test.refused");
        Instant next = jdbc.sql("select next_poll_at from intake_mailboxes where workspace_id = :w")
                .param("w", ws.id()).query(java.time.OffsetDateTime.class).single().toInstant();
        assertThat(next).isAfter(clock.instant());
        String page = mvc.perform(get("/settings/mailbox").with(user(owner))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("refused the connection on port 1");

        // Back on the right port: saving clears the wait, and the next reading takes the mail.
        mailboxes.save(owner, new MailboxInput("127.0.0.1", Integer.toString(mail.getImap().getPort()), "NONE",
                MAILBOX, "", "INBOX", true));
        MimeMessage waiting = message(kim, "Waited", "<waited@koala.test>");
        waiting.setText("Still here", "UTF-8");
        inbox.deliver(waiting);
        assertThat(intake.poll(ws.created().workspaceId()).requests()).isEqualTo(1);
    }

    @Test
    void thePasswordIsKeptSealedAndAPlainOneSavedBeforeIsSealedAtStartUp() throws Exception {
        String stored = storedPassword();
        assertThat(stored).startsWith("v1:").doesNotContain(PASSWORD_OF_MAILBOX);
        // Saving again with a new password seals it anew (a fresh nonce), never the plain value.
        mailboxes.save(owner, new MailboxInput("127.0.0.1", Integer.toString(mail.getImap().getPort()), "NONE",
                MAILBOX, PASSWORD_OF_MAILBOX, "INBOX", true));
        assertThat(storedPassword()).startsWith("v1:").isNotEqualTo(stored).doesNotContain(PASSWORD_OF_MAILBOX);

        // A row saved by an earlier version, in plain text, is sealed by the start-up step, and reading still works.
        jdbc.sql("update intake_mailboxes set password = :p where workspace_id = :w")
                .param("p", PASSWORD_OF_MAILBOX).param("w", ws.id()).update();
        assertThat(sealing.sealPlainPasswords()).isGreaterThanOrEqualTo(1);
        assertThat(storedPassword()).startsWith("v1:").doesNotContain(PASSWORD_OF_MAILBOX);
        assertThat(sealing.sealPlainPasswords()).isZero();
        MimeMessage hello = message(kim, "After sealing", "<sealed@koala.test>");
        hello.setText("Hi", "UTF-8");
        inbox.deliver(hello);
        assertThat(intake.poll(ws.created().workspaceId()).requests()).isEqualTo(1);
    }

    @Test
    void aPasswordSealedWithAnotherKeySaysSoOnTheSettingsPageAndTypingItAgainMends() throws Exception {
        byte[] otherKey = new byte[32];
        new java.security.SecureRandom().nextBytes(otherKey);
        jdbc.sql("update intake_mailboxes set password = :p where workspace_id = :w")
                .param("p", new SecretBox(otherKey).seal(PASSWORD_OF_MAILBOX,
                        Mailbox.passwordContext(ws.created().workspaceId())))
                .param("w", ws.id()).update();

        // The page still shows, the test says what is wrong, and so does the poller.
        String page = mvc.perform(get("/settings/mailbox").with(user(owner))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("A password is saved and is never shown");
        String check = mvc.perform(post("/settings/mailbox/test").with(user(owner)).with(csrf())
                        .param("host", "127.0.0.1").param("port", Integer.toString(mail.getImap().getPort()))
                        .param("security", "NONE").param("username", MAILBOX).param("password", "")
                        .param("folder", "INBOX").param("_enabled", "on"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(check).contains("The saved password cannot be read with this server", "Type the password again");
        assertThat(intake.poll(ws.created().workspaceId()).error()).isEqualTo("intake.test.secretUnreadable");
        assertThat(mvc.perform(get("/settings/mailbox").with(user(owner))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("Type the password again and save.");

        mailboxes.save(owner, new MailboxInput("127.0.0.1", Integer.toString(mail.getImap().getPort()), "NONE",
                MAILBOX, PASSWORD_OF_MAILBOX, "INBOX", true));
        MimeMessage hello = message(kim, "Mended", "<mended@koala.test>");
        hello.setText("Hi", "UTF-8");
        inbox.deliver(hello);
        assertThat(intake.poll(ws.created().workspaceId()).requests()).isEqualTo(1);
    }

    @Test
    void theTestNeverEchoesWhatTheServerSaysOnlyASafeCategory() throws Exception {
        // A server that greets with internal details and refuses every command with more of them.
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread talker = new Thread(() -> chatter(server));
            talker.setDaemon(true);
            talker.start();
            String answer = testConnection(server.getLocalPort());
            assertThat(answer).doesNotContain("db-internal-7", "10.9.8.7", "secret-banner");
            assertThat(answer).containsAnyOf("The server refused the user name or password.",
                    "The mailbox could not be read from 127.0.0.1.");
            talker.interrupt();
        }
        // A server that accepts and never says a word: "did not answer in time", after the short read timeout.
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            long started = System.nanoTime();
            String answer = testConnection(silent.getLocalPort());
            assertThat(answer).contains("127.0.0.1 did not answer in time on port " + silent.getLocalPort());
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(
                    java.time.Duration.ofSeconds(15));
        }
    }

    private String testConnection(int port) throws Exception {
        return mvc.perform(post("/settings/mailbox/test").with(user(owner)).with(csrf())
                        .param("host", "127.0.0.1").param("port", Integer.toString(port)).param("security", "NONE")
                        .param("username", MAILBOX).param("password", "x").param("folder", "INBOX")
                        .param("_enabled", "on"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static void chatter(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(5_000);
                var out = s.getOutputStream();
                var in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(),
                        StandardCharsets.US_ASCII));
                out.write("* OK secret-banner db-internal-7 at 10.9.8.7 ready\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                for (String line; (line = in.readLine()) != null; ) {
                    String tag = line.split(" ", 2)[0];
                    out.write((tag + " NO [ALERT] db-internal-7 at 10.9.8.7 says no\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (java.io.IOException e) {
                return;
            }
        }
    }

    private String storedPassword() {
        return jdbc.sql("select password from intake_mailboxes where workspace_id = :w").param("w", ws.id())
                .query(String.class).single();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private RequestSummary onlyRequestOf(ClientId client) {
        List<RequestSummary> items = requests.inbox(owner, new RequestFilter(client, null, null, 10, 0)).items();
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private RequestMessage firstMessage(List<RequestSummary> summaries, String subject) {
        RequestSummary found = summaries.stream().filter(s -> s.subject().equals(subject)).findFirst().orElseThrow();
        return requests.get(owner, found.id()).messages().get(0);
    }

    private long uidValidity() throws Exception {
        Properties props = new Properties();
        Session session = Session.getInstance(props);
        try (var imap = session.getStore("imap")) {
            imap.connect("127.0.0.1", mail.getImap().getPort(), MAILBOX, PASSWORD_OF_MAILBOX);
            var folder = imap.getFolder("INBOX");
            folder.open(jakarta.mail.Folder.READ_ONLY);
            long validity = ((jakarta.mail.UIDFolder) folder).getUIDValidity();
            folder.close(false);
            return validity;
        }
    }

    private static MimeMessage message(String from, String subject, String messageId) throws Exception {
        return TestMails.message(mail.getSmtp().getPort(), from, MAILBOX, subject, messageId);
    }

    private static MimeBodyPart file(String name, byte[] bytes, String type) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, type)));
        part.setFileName(name);
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        return part;
    }

    private static ClientInput client(String name, String contactEmail) {
        return new ClientInput(name, "ACTIVE", "Australia/Sydney", "AUD", "en-AU", "AU", null, null, null,
                List.of(new ClientInput.Day("MONDAY", "09:00", "17:00")), "4", "EMAIL", "CHAT", "VIDEO", "EMAIL",
                null, null, List.of(new ClientInput.ContactInput(null, "Kim Koala", contactEmail, null, null, true)),
                List.of());
    }
}
