package app.clientdesk.billing;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.billing.DraftInput.LineInput;
import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.mail.Outbox;
import app.clientdesk.mail.OutboxMessage;
import app.clientdesk.support.IntegrationTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RemindersIT extends IntegrationTest {

    @Autowired Invoices invoices;
    @Autowired Payments payments;
    @Autowired Reminders reminders;
    @Autowired Outbox outbox;

    private TestWorkspace ws;
    private CurrentUser owner;
    private ClientId client;

    @BeforeEach
    void workspace() {
        // 2026-11-20 in São Paulo (the workspace's zone): net 14 → due 2026-12-04.
        clock.set(Instant.parse("2026-11-20T15:00:00Z"));
        ws = newWorkspace();
        owner = ws.owner();
        client = createClient(ws, "Acme Ltd");
    }

    private Invoice issued(String amount) {
        Invoice draft = invoices.createDraft(owner, new DraftInput(client.value().toString(), null, null, null, null,
                null, null, List.of(new LineInput(null, "Work", "1", null, amount, null, null, null))));
        return invoices.issue(owner, draft.id(), null);
    }

    private List<OutboxMessage> mails(Invoice invoice) {
        return outbox.forReference(ws.created().workspaceId(), "invoice:" + invoice.id());
    }

    @Test
    void eachStepOfTheScheduleSendsOneReminderInTheClientsLanguageAndStopsWhenPaid() {
        // Other tests' invoices share the database: count this invoice's reminders, not the run's.
        Invoice invoice = issued("100.00");
        reminders.runDue();
        assertThat(mails(invoice)).as("nothing is due yet").isEmpty();

        clock.set(Instant.parse("2026-12-01T15:00:00Z")); // 3 days before the due date
        reminders.runDue();
        reminders.runDue();
        assertThat(mails(invoice)).as("a step happens once").singleElement().satisfies(m -> {
            // The client writes British English: the date is written their way.
            assertThat(m.subject()).isEqualTo("Reminder: invoice INV-2026-0001 is due on 4 December 2026");
            assertThat(m.recipients()).containsExactly("primary@example.com");
        });

        clock.set(Instant.parse("2026-12-11T15:00:00Z")); // 7 days late
        reminders.runDue();
        assertThat(mails(invoice)).hasSize(2);
        assertThat(reminders.of(ws.created().workspaceId(), invoice.id())).extracting(r -> r.offsetDays() + " " + r.outcome())
                .as("the day-0 step passed while nothing ran: skipped, not sent late")
                .containsExactly("-3 SENT", "0 SKIPPED", "7 SENT");
        assertThat(mails(invoice).get(0).subject()).isEqualTo("Invoice INV-2026-0001 is 7 days overdue");

        payments.record(owner, invoice.id(), new PaymentInput("100.00", null, null, null, "BANK", null, null, false),
                null);
        clock.set(Instant.parse("2026-12-20T15:00:00Z")); // the 14-day step's date
        reminders.runDue();
        assertThat(mails(invoice)).as("a paid invoice is not reminded").hasSize(2);
    }

    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private String history(Invoice invoice) throws Exception {
        return org.springframework.web.util.HtmlUtils.htmlUnescape(mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/billing/invoices/{id}",
                        invoice.id().value()).with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user(owner)))
                .andReturn().getResponse().getContentAsString());
    }

    @Test
    void theHistorySaysWhatBecameOfTheReminderNotThatItWasSent() throws Exception {
        Invoice invoice = issued("100.00");
        clock.set(Instant.parse("2026-12-01T15:00:00Z"));
        reminders.runDue();
        OutboxMessage mail = mails(invoice).get(0);

        // No SMTP server here: the reminder waits in the outbox, and the history says so.
        assertThat(history(invoice))
                .contains("Payment reminder to primary@example.com is waiting in the outbox: mail is not set up")
                .doesNotContain("Payment reminder sent");

        jdbc.sql("update mail_outbox set status = 'FAILED', attempts = 8, last_error = 'mailbox unavailable' where id = :id")
                .param("id", mail.id()).update();
        assertThat(history(invoice)).contains(
                "Payment reminder to primary@example.com not sent: gave up after 8 tries (mailbox unavailable)");

        jdbc.sql("update mail_outbox set status = 'SENT', sent_at = :at where id = :id")
                .param("at", java.time.OffsetDateTime.parse("2026-12-01T15:01:00Z")).param("id", mail.id()).update();
        assertThat(history(invoice)).contains("Payment reminder sent to primary@example.com (");
    }

    @Autowired ReminderConsent consent;

    @Test
    void anInvoiceOverdueOnTheDayItWasIssuedIsRemindedOnlyOnceTheOwnerSaysSo() throws Exception {
        // Issued today (20 Nov) but dated 1 Oct, net 14: due 15 Oct, overdue the moment it exists.
        Invoice draft = invoices.createDraft(owner, new DraftInput(client.value().toString(), null, "14", null, null,
                null, null, List.of(new LineInput(null, "Work", "1", null, "100.00", null, null, null))));
        Invoice late = invoices.issue(owner, draft.id(), java.time.LocalDate.parse("2026-10-01"));
        Invoice onTime = issued("50.00");

        reminders.runDue();
        assertThat(mails(late)).as("no reminder without the owner's word").isEmpty();
        assertThat(consent.held(owner, late.id())).isTrue();
        assertThat(consent.held(owner, onTime.id())).isFalse();
        assertThat(history(late)).contains("already overdue on the day it was issued");
        assertThat(history(onTime)).doesNotContain("already overdue on the day it was issued");

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/billing/invoices/{id}/reminders/allow", late.id().value())
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(owner))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is3xxRedirection());
        reminders.runDue();
        assertThat(mails(late)).as("the latest step, once").singleElement()
                .satisfies(m -> assertThat(m.subject()).contains("overdue"));
    }

    @Test
    void aRunWalksTheOpenInvoicesInBatchesAndRemindsEveryOneOnce() throws Exception {
        List<Invoice> issued = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            issued.add(issued(i + "0.00"));
        }
        Invoice paid = issued("60.00");
        payments.record(owner, paid.id(), new PaymentInput("60.00", null, null, null, "BANK", null, null, false), null);
        clock.set(Instant.parse("2026-12-11T15:00:00Z")); // 7 days late: the -3 and 0 steps passed unseen
        // Other tests' open invoices share the database: the batches walk them too.
        long open = jdbc.sql("""
                select count(*) from invoices where status in ('ISSUED', 'SENT', 'PARTIALLY_PAID')
                  and kind <> 'CREDIT_NOTE' and reminders_held = false""").query(Long.class).single();
        assertThat(open).isGreaterThan(4);

        app.clientdesk.support.QueryCounts.Counts counts = app.clientdesk.support.QueryCounts
                .during(() -> reminders.runDue(2));
        for (Invoice invoice : issued) {
            assertThat(mails(invoice)).as("%s: one reminder, the latest step", invoice.number()).singleElement()
                    .satisfies(m -> assertThat(m.subject()).isEqualTo("Invoice " + invoice.number()
                            + " is 7 days overdue"));
            assertThat(reminders.of(ws.created().workspaceId(), invoice.id()))
                    .extracting(r -> r.offsetDays() + " " + r.outcome())
                    .containsExactly("-3 SKIPPED", "0 SKIPPED", "7 SENT");
        }
        assertThat(mails(paid)).as("a paid invoice is not reminded").isEmpty();
        assertThat(counts.sql().stream().filter(q -> q.contains("left join invoice_reminders r")).count())
                .as("one statement a batch of two, the last one short: %s", counts).isEqualTo(open / 2 + 1);

        reminders.runDue(2);
        reminders.runDue();
        for (Invoice invoice : issued) {
            assertThat(mails(invoice)).as("a step happens once, whatever the batches").hasSize(1);
        }
    }
}
