package app.clientdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.clients.ClientInput;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.requests.RequestFilter;
import app.clientdesk.requests.Requests;
import app.clientdesk.support.IntegrationTest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Not a test: times one reading of a mailbox holding {@code -Dbench.messages} (1,000) waiting messages in GreenMail
 * over IMAP, on the tests' database (H2 by default): nine in ten from 20 known contacts (each a new request, with
 * its clock), one in ten from unknown senders (review list). Run with {@code bench/email-intake.sh}.
 */
@TestPropertySource(properties = "clientdesk.intake.allow-private-hosts=true") // GreenMail is on 127.0.0.1
class EmailIntakeBench extends IntegrationTest {

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @Autowired MailIntake intake;
    @Autowired Mailboxes mailboxes;
    @Autowired Requests requests;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void oneReadingOfAThousandWaitingMessages() throws Exception {
        int count = Integer.getInteger("bench.messages", 1_000);
        TestWorkspace ws = newWorkspace();
        CurrentUser owner = ws.owner();
        List<String> contacts = new ArrayList<>();
        for (int c = 0; c < 20; c++) {
            String email = uniqueEmail("contact" + c);
            contacts.add(email);
            clients.create(owner, new ClientInput("Client " + c, "ACTIVE", "Europe/London", "GBP", "en-GB", "GB", null,
                    null, null, List.of(new ClientInput.Day("MONDAY", "09:00", "17:00")), "8", "EMAIL", "CHAT",
                    "VIDEO", "EMAIL", null, null, List.of(new ClientInput.ContactInput(null, "Person " + c, email, null,
                            null, true)), List.of()));
        }
        GreenMailUser box = mail.setUser("desk@agency.test", "desk@agency.test", "secret");
        Session session = Session.getInstance(new Properties());
        for (int i = 0; i < count; i++) {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress(i % 10 == 9 ? "stranger" + i + "@elsewhere.test" : contacts.get(i % 20)));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress("desk@agency.test"));
            m.setSubject("Request number " + i + " about the monthly report");
            m.setText(("Hello,\n\nplease look at item " + i + " of the report.\n").repeat(20), "UTF-8");
            m.setHeader("Message-ID", "<bench-" + i + "@clients.test>");
            box.deliver(m);
        }
        mailboxes.save(owner, new MailboxInput("127.0.0.1", Integer.toString(mail.getImap().getPort()), "NONE",
                "desk@agency.test", "secret", "INBOX", true));

        long start = System.nanoTime();
        MailIntake.PollResult result = intake.poll(ws.created().workspaceId());
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(result.requests() + result.review()).isEqualTo(count);
        assertThat(jdbc.sql("select count(*) from requests where workspace_id = :w")
                .param("w", ws.created().workspaceId().value()).query(Long.class).single())
                .isEqualTo((long) result.requests());
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf("%n[bench] email intake: %d waiting messages read in one poll in %.1f s (%.0f messages/s):"
                + " %d requests, %d for review, %d failed; %.1f s reading and parsing (IMAP), %.1f s storing;"
                + " load average %.1f on %d cores%n%n", count, millis / 1000.0, count * 1000.0 / millis,
                result.requests(), result.review(), result.failed(), result.imapMillis() / 1000.0,
                result.storeMillis() / 1000.0, load, Runtime.getRuntime().availableProcessors());
    }
}
