package app.clientdesk.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.clientdesk.billing.DraftInput.LineInput;
import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.NewWorkspace;
import app.clientdesk.mail.MailRefused;
import app.clientdesk.mail.MailStatus;
import app.clientdesk.mail.Outbox;
import app.clientdesk.mail.OutboxMessage;
import app.clientdesk.mail.OutgoingMail;
import app.clientdesk.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A workspace cannot use the operator's SMTP server as a relay: an owner who signed up mails only themselves
 * until they confirm their address, every workspace has a daily cap, and a message has at most ten recipients.
 * Each refusal is a clear field error on the screen and a 422 problem in the API, in the reader's language, and
 * nothing already queued is lost.
 */
class MailRelayIT extends IntegrationTest {

    @Autowired Invoices invoices;
    @Autowired Reminders reminders;
    @Autowired Outbox outbox;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired org.springframework.context.MessageSource texts;

    @BeforeEach
    void aMomentInTime() {
        clock.set(Instant.parse("2026-11-20T15:00:00Z"));
    }

    @Test
    void anOwnerWhoSignedUpSendsNoInvoiceToAClientUntilConfirmedButMaySendItToThemselves() throws Exception {
        CurrentUser owner = signedUpOwner();
        Invoice invoice = issuedInvoice(owner);

        MockHttpServletResponse screen = send(owner, invoice, "primary@example.com");
        assertThat(screen.getStatus()).isEqualTo(422);
        assertThat(screen.getContentAsString()).contains("Confirm your email address first: until then this "
                + "workspace can send email only to you (" + owner.email() + ")");

        // The API speaks the token holder's language: a Brazilian owner reads Portuguese.
        CurrentUser brazilian = signedUpOwner("pt-BR");
        Invoice hers = issuedInvoice(brazilian);
        MockHttpServletResponse api = mvc.perform(post("/api/v1/invoices/" + hers.id() + "/send")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(brazilian))
                .contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"primary@example.com\"}"))
                .andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(422);
        assertThat(api.getContentType()).startsWith("application/problem+json");
        assertThat(api.getContentAsString()).contains("\"field\":\"to\"")
                .contains("Confirme seu endereço de e-mail primeiro");
        assertThat(invoices.get(owner, invoice.id()).status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(invoices.get(brazilian, hers.id()).status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(mails(owner, invoice)).isEmpty();
        assertThat(mails(brazilian, hers)).isEmpty();

        assertThat(send(owner, invoice, owner.email()).getStatus()).as("a copy to the owner").isEqualTo(302);
        assertThat(mails(owner, invoice)).singleElement()
                .satisfies(m -> assertThat(m.recipients()).containsExactly(owner.email()));
    }

    @Test
    void aRemindingWorkspaceThatIsNotConfirmedKeepsItsRemindersForLater() {
        CurrentUser owner = signedUpOwner();
        Invoice invoice = issuedInvoice(owner);

        clock.set(Instant.parse("2026-12-11T15:00:00Z")); // a week overdue
        reminders.runDue();
        assertThat(mails(owner, invoice)).isEmpty();

        jdbc.sql("update users set email_confirmed_at = :now where id = :id")
                .param("now", Instant.parse("2026-12-11T15:00:00Z").atOffset(java.time.ZoneOffset.UTC))
                .param("id", owner.id().value()).update();
        reminders.runDue();
        assertThat(mails(owner, invoice)).as("the step was not used up while refused").hasSize(1);
    }

    @Test
    void theDailyCapRefusesTheNextMessageAndLosesNoneAlreadyQueued() throws Exception {
        TestWorkspace ws = newWorkspace();
        Invoice invoice = issuedInvoice(ws.owner());
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            for (int i = 0; i < outbox.dailyLimit(); i++) {
                outbox.enqueue(ws.created().workspaceId(),
                        OutgoingMail.text(List.of("client@example.com"), "Update " + i, "Hello"));
            }
        });

        MockHttpServletResponse refused = send(ws.owner(), invoice, "primary@example.com");
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("This workspace has queued 200 messages in the last 24 "
                + "hours, the most it may.");
        assertThat(outbox.page(ws.owner(), 0, 500).items()).hasSize(200)
                .allSatisfy(m -> assertThat(m.status()).isEqualTo(MailStatus.WAITING));

        clock.advance(Duration.ofHours(24).plusSeconds(1));
        assertThat(send(ws.owner(), invoice, "primary@example.com").getStatus()).isEqualTo(302);
    }

    @Test
    void twentySendersRacingForTheLastSlotsGetExactlyThoseSlotsAndTheRestAClearRefusal() throws Exception {
        TestWorkspace ws = newWorkspace();
        int free = 5;
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            for (int i = 0; i < outbox.dailyLimit() - free; i++) {
                outbox.enqueue(ws.created().workspaceId(),
                        OutgoingMail.text(List.of("client@example.com"), "Update " + i, "Hello"));
            }
        });

        // Each sender counts, queues and then holds its transaction open a moment before committing: without a
        // lock around the count, all twenty would count the same free slots and all twenty would be queued.
        int senders = 20;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(senders);
        List<java.util.concurrent.Future<Object>> results = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < senders; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        return new TransactionTemplate(transactions).execute(s -> {
                            java.util.UUID id = outbox.enqueue(ws.created().workspaceId(),
                                    OutgoingMail.text(List.of("client@example.com"), "Racing " + n, "Hello"));
                            try {
                                Thread.sleep(25);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return id;
                        });
                    } catch (MailRefused refused) {
                        return refused;
                    }
                }));
            }
            start.countDown();
            List<Object> answers = new java.util.ArrayList<>();
            for (var result : results) {
                answers.add(result.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }

            assertThat(answers).filteredOn(java.util.UUID.class::isInstance).as("accepted").hasSize(free);
            List<MailRefused> refusals = answers.stream().filter(MailRefused.class::isInstance)
                    .map(MailRefused.class::cast).toList();
            assertThat(refusals).as("refused").hasSize(senders - free);
            // The refusal the sender reads, on the recipients field, in English and in Portuguese.
            app.clientdesk.shared.validation.Violation violation = refusals.get(0).violations().get(0);
            assertThat(violation.field()).isEqualTo("to");
            assertThat(texts.getMessage(violation.messageKey(), violation.args().toArray(), java.util.Locale.ENGLISH))
                    .isEqualTo("This workspace has queued 200 messages in the last 24 hours, the most it may. "
                            + "Nothing was sent; try again later, or ask the administrator to raise the limit.");
            assertThat(texts.getMessage(violation.messageKey(), violation.args().toArray(), java.util.Locale.forLanguageTag("pt-BR")))
                    .startsWith("Este espaço de trabalho já colocou 200 mensagens na fila nas últimas 24 horas");
        } finally {
            pool.shutdownNow();
        }
        List<OutboxMessage> queued = outbox.page(ws.owner(), 0, 500).items();
        assertThat(queued).as("the day's limit, exactly").hasSize(outbox.dailyLimit())
                .allSatisfy(m -> assertThat(m.status()).isEqualTo(MailStatus.WAITING));
        assertThat(queued).filteredOn(m -> m.subject().startsWith("Update ")).as("nothing queued before is lost")
                .hasSize(outbox.dailyLimit() - free);
    }

    @Test
    void elevenRecipientsAreRefusedWithAFieldError() throws Exception {
        TestWorkspace ws = newWorkspace();
        Invoice invoice = issuedInvoice(ws.owner());
        String eleven = IntStream.rangeClosed(1, 11).mapToObj(i -> "person" + i + "@example.com")
                .collect(Collectors.joining(", "));

        MockHttpServletResponse refused = send(ws.owner(), invoice, eleven);

        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("Send to at most 10 recipients at once.");
        assertThat(mails(ws.owner(), invoice)).isEmpty();
    }

    @Test
    void fiftyLongAddressesAreRefusedNotAFailure() throws Exception {
        TestWorkspace ws = newWorkspace();
        Invoice invoice = issuedInvoice(ws.owner());

        MockHttpServletResponse refused = mvc.perform(post("/api/v1/invoices/" + invoice.id() + "/send")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(ws.owner()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"to\":\"" + longAddresses(50) + "\"}"))
                .andReturn().getResponse();

        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("Send to at most 10 recipients at once.");
    }

    @Test
    void tenLongAddressesAreSentAndTheHistoryKeepsTheListShortened() throws Exception {
        TestWorkspace ws = newWorkspace();
        Invoice invoice = issuedInvoice(ws.owner());
        String ten = longAddresses(10);

        assertThat(send(ws.owner(), invoice, ten).getStatus()).isEqualTo(302);

        assertThat(mails(ws.owner(), invoice)).singleElement().satisfies(m -> assertThat(m.recipients()).hasSize(10));
        String detail = jdbc.sql("select detail from invoice_events where invoice_id = :i and kind = 'SENT'")
                .param("i", invoice.id().value()).query(String.class).single();
        assertThat(detail).hasSize(1000).endsWith("…").startsWith("a".repeat(60) + "1@");
    }

    /** {@code count} addresses of about 240 characters each, comma-separated. */
    private static String longAddresses(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> "a".repeat(60) + i + "@" + "b".repeat(165) + ".example.com")
                .collect(Collectors.joining(","));
    }

    private MockHttpServletResponse send(CurrentUser owner, Invoice invoice, String to) throws Exception {
        return mvc.perform(post("/billing/invoices/" + invoice.id() + "/send").with(user(owner)).with(csrf())
                .param("to", to).param("subject", "Your invoice").param("text", "Hello, attached."))
                .andReturn().getResponse();
    }

    private List<OutboxMessage> mails(CurrentUser owner, Invoice invoice) {
        return outbox.forReference(owner.workspaceId(), "invoice:" + invoice.id());
    }

    /** An owner who came through open sign-up and has not opened the confirmation link. */
    private CurrentUser signedUpOwner() {
        return signedUpOwner("en");
    }

    private CurrentUser signedUpOwner(String locale) {
        String email = uniqueEmail("signed-up");
        workspaces.signUp(new NewWorkspace("Signed Up VA " + email, "Sam Owner", email, PASSWORD, "BRL",
                "America/Sao_Paulo", locale));
        return principal(email);
    }

    private Invoice issuedInvoice(CurrentUser owner) {
        ClientId client = clients.create(owner, clientInput("Acme Ltd", List.of()));
        return invoices.issue(owner, invoices.createDraft(owner, new DraftInput(client.value().toString(), null,
                null, null, null, null, null, List.of(new LineInput(null, "Inbox management", "12", "HOURS", "45.00",
                        null, null, null)))).id(), null);
    }
}
