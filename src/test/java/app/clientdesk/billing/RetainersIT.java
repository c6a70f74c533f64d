package app.clientdesk.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.billing.DraftInput.LineInput;
import app.clientdesk.billing.internal.BillingScheduleJob;
import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.time.RateInput;
import app.clientdesk.time.Rates;
import app.clientdesk.time.TimeEntries;
import app.clientdesk.time.TimeEntry;
import app.clientdesk.time.TimeEntryInput;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RetainersIT extends IntegrationTest {

    @Autowired Retainers retainers;
    @Autowired RecurringInvoices recurring;
    @Autowired Invoices invoices;
    @Autowired TimeEntries time;
    @Autowired Rates rates;
    @Autowired BillingScheduleJob job;

    private TestWorkspace ws;
    private CurrentUser owner;
    private ClientId london;

    @BeforeEach
    void workspace() {
        clock.set(Instant.parse("2026-10-20T12:00:00Z"));
        ws = newWorkspace();
        owner = ws.owner();
        london = createClient(ws, "Acme Ltd"); // Europe/London, GBP, en-GB
        rates.set(owner, new RateInput("CLIENT", london.value().toString(), "GBP", "60"));
    }

    private Retainer retainer(String included, String overage, boolean rollover, String issueDay, String startsOn) {
        return retainers.create(owner, new RetainerInput(london.value().toString(), "Support", "1000.00", included,
                overage, rollover ? "true" : null, "1", issueDay, "VAT", "20", startsOn, null));
    }

    private TimeEntry log(String start, String end) {
        return time.create(owner, TimeEntryInput.ofInstants(london.value().toString(), null, null, start, end, true,
                "Support work", List.of()));
    }

    private List<Invoice> ours() {
        return invoices.list(owner, InvoiceQuery.all()).invoices().stream()
                .map(s -> invoices.get(owner, s.id())).sorted(java.util.Comparator.comparing(Invoice::createdAt)
                        .thenComparing(i -> i.issueDate() == null ? LocalDate.MAX : i.issueDate()))
                .toList();
    }

    @Test
    void theRetainerIsIssuedOnItsDayAndTheNextInvoiceBillsTheOverageAndLocksThePeriodsTime() {
        retainer("10", "80.00", false, "1", "2026-11-01");
        clock.set(Instant.parse("2026-10-31T23:59:00Z"));
        job.runOnce();
        assertThat(ours()).as("not before the 1st in London").isEmpty();

        clock.set(Instant.parse("2026-11-01T00:00:00Z"));
        job.runOnce();
        job.runOnce();
        List<Invoice> made = ours();
        assertThat(made).as("one invoice however often the job runs").hasSize(1);
        Invoice november = made.get(0);
        assertThat(november.number()).isEqualTo("INV-2026-0001");
        assertThat(november.issueDate()).isEqualTo(LocalDate.parse("2026-11-01"));
        assertThat(november.lines()).extracting(InvoiceLine::description)
                .containsExactly("Retainer for November 2026: 10:00 h included");
        assertThat(november.total().plain()).isEqualTo("1200.00");

        TimeEntry a = log("2026-11-03T09:00:00Z", "2026-11-03T17:00:00Z"); // 8 h
        TimeEntry b = log("2026-11-30T20:00:00Z", "2026-11-30T23:30:00Z"); // 3:30, the last evening of November
        TimeEntry december = log("2026-12-01T00:30:00Z", "2026-12-01T01:00:00Z"); // belongs to December
        clock.set(Instant.parse("2026-12-01T00:00:01Z"));
        job.runOnce();
        made = ours();
        assertThat(made).hasSize(2);
        Invoice next = made.get(1);
        assertThat(next.lines()).extracting(InvoiceLine::kind).containsExactly(LineKind.RETAINER, LineKind.OVERAGE);
        InvoiceLine overage = next.lines().get(1);
        assertThat(overage.seconds()).as("11:30 used of 10:00").isEqualTo(5400);
        assertThat(overage.net().plain()).isEqualTo("120.00");
        assertThat(overage.entries()).isEqualTo(2);
        assertThat(next.total().plain()).isEqualTo("1344.00");
        assertThat(time.get(owner, a.id()).invoiceNumber()).isEqualTo(next.number());
        assertThat(time.get(owner, b.id()).locked()).isTrue();
        assertThat(time.get(owner, december.id()).locked()).as("December's time waits for January").isFalse();

        Invoice draft = invoices.createDraft(owner, new DraftInput(london.value().toString(), null, null, null, null,
                null, null, List.of()));
        assertThatThrownBy(() -> invoices.addTime(owner, draft.id(), new TimeSelection(null, null, null, null,
                List.of(a.id().value(), b.id().value()), TimeSelection.Grouping.TASK)))
                .as("November's time cannot be billed again").isInstanceOf(InvalidInputException.class);
    }

    @Test
    void twoNodesRunningAtOnceMakeOneInvoice() throws Exception {
        retainer("10", null, false, "1", "2026-11-01");
        recurring.create(owner, new RecurringInput(london.value().toString(), "Hosting", "1", "MONTH", "2026-11-01",
                null, "true", null, List.of(new LineInput(null, "Hosting", "1", null, "25.00", null, null, null))));
        clock.set(Instant.parse("2026-11-01T09:00:00Z"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> runs = List.of(pool.submit(() -> { start.await(); return job.runOnce(); }),
                    pool.submit(() -> { start.await(); return job.runOnce(); }));
            start.countDown();
            for (Future<Integer> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ours()).extracting(Invoice::number).containsExactlyInAnyOrder("INV-2026-0001", "INV-2026-0002");
    }

    @Test
    void unusedHoursRollOverAndShowInTheBurnDown() throws Exception {
        retainer("10", "80.00", true, "1", "2026-11-01");
        clock.set(Instant.parse("2026-11-01T08:00:00Z"));
        job.runOnce();
        log("2026-11-10T09:00:00Z", "2026-11-10T15:00:00Z"); // 6 h of 10
        clock.set(Instant.parse("2026-12-01T08:00:00Z"));
        job.runOnce();
        assertThat(ours().get(1).lines()).extracting(InvoiceLine::kind).as("no overage")
                .containsExactly(LineKind.RETAINER);
        log("2026-12-02T09:00:00Z", "2026-12-02T12:30:00Z"); // 3:30

        clock.set(Instant.parse("2026-12-10T12:00:00Z"));
        RetainerBurndown burn = retainers.current(owner, london).get(0);
        assertThat(burn.usedSeconds()).isEqualTo(12600);
        assertThat(burn.rolledMinutes()).as("4 h rolled over from November").isEqualTo(240);
        assertThat(burn.rolledExpiresOn()).isEqualTo(LocalDate.parse("2026-12-31"));
        assertThat(burn.availableSeconds()).isEqualTo(14 * 3600);
        assertThat(burn.daysLeft()).isEqualTo(22);

        String page = mvc.perform(get("/clients/" + london.value()).with(user(owner))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("3.5 of 14 hours used, 22 days left", "4:00 h rolled over");

        // January: December's 4 rolled hours covered 3:30 and expired; December's 10 roll into January.
        clock.set(Instant.parse("2027-01-01T08:00:00Z"));
        job.runOnce();
        clock.set(Instant.parse("2027-01-05T08:00:00Z"));
        RetainerBurndown january = retainers.current(owner, london).get(0);
        assertThat(january.rolledMinutes()).isEqualTo(600);
        assertThat(january.rolledExpiresOn()).isEqualTo(LocalDate.parse("2027-01-31"));
    }

    @Test
    void issueDay31InvoicesOnTheLastDayOfShorterMonths() {
        retainer("10", null, false, "31", "2027-01-01");
        clock.set(Instant.parse("2027-02-28T12:00:00Z"));
        job.runOnce();
        assertThat(ours()).extracting(Invoice::issueDate).containsExactly(LocalDate.parse("2027-01-31"),
                LocalDate.parse("2027-02-28"));
        assertThat(ours().get(1).lines().get(0).description())
                .isEqualTo("Retainer for 28 Feb 2027 – 30 Mar 2027: 10:00 h included");
    }

    @Test
    void aPausedRetainerMakesNothingAndResumesWithTheNextPeriod() {
        Retainer r = retainer("10", null, false, "1", "2026-11-01");
        retainers.pause(owner, r.id());
        clock.set(Instant.parse("2026-11-05T12:00:00Z"));
        job.runOnce();
        assertThat(ours()).isEmpty();
        retainers.resume(owner, r.id());
        job.runOnce();
        assertThat(ours()).as("November began while paused").isEmpty();
        clock.set(Instant.parse("2026-12-01T12:00:00Z"));
        assertThat(retainers.due(owner, r.id())).hasSize(1);
        Invoice issued = retainers.issueNow(owner, r.id());
        assertThat(issued.issueDate()).isEqualTo(LocalDate.parse("2026-12-01"));
        assertThatThrownBy(() -> retainers.issueNow(owner, r.id())).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void recurringInvoicesAreMadeOnEachDateAsDraftsOrIssued() {
        RecurringInvoice hosting = recurring.create(owner, new RecurringInput(london.value().toString(), "Hosting",
                "1", "MONTH", "2026-10-31", "2027-01-31", null, "Thanks!", List.of(
                        new LineInput(null, "Hosting", "1", null, "25.00", null, "VAT", "20"))));
        assertThat(hosting.upcoming(5)).containsExactly(LocalDate.parse("2026-10-31"),
                LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-31"), LocalDate.parse("2027-01-31"));
        clock.set(Instant.parse("2026-11-30T00:30:00Z"));
        job.runOnce();
        job.runOnce();
        List<Invoice> made = ours();
        assertThat(made).hasSize(2).allSatisfy(i -> {
            assertThat(i.status()).isEqualTo(InvoiceStatus.DRAFT);
            assertThat(i.total().plain()).isEqualTo("30.00");
            assertThat(i.notes()).isEqualTo("Thanks!");
        });
        assertThat(recurring.get(owner, hosting.id()).nextDate()).isEqualTo(LocalDate.parse("2026-12-31"));
        assertThat(recurring.expected(ws.created().workspaceId(), YearMonth.of(2026, 12), 3))
                .extracting(f -> f.month() + " " + f.amount())
                .containsExactly("2026-12 30.00 GBP", "2027-01 30.00 GBP");
        recurring.stop(owner, hosting.id());
        clock.set(Instant.parse("2027-02-01T00:30:00Z"));
        job.runOnce();
        assertThat(ours()).hasSize(2);
    }

    @Test
    void theScreensWorkInBothLanguagesAndShowFieldErrors() throws Exception {
        retainer("10", "80.00", true, "1", "2026-11-01");
        String list = mvc.perform(get("/billing/retainers").with(user(owner))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("Support", "Acme Ltd", "10:00 h");
        String bad = mvc.perform(post("/billing/retainers").with(user(owner)).with(csrf())
                        .param("clientId", london.value().toString()).param("name", "<b>X</b>")
                        .param("monthlyFee", "10.123").param("includedHours", "abc").param("issueDay", "32")
                        .param("startsOn", "2026-12-01"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("Enter an amount in GBP with at most 2 decimals", "Enter a day from 1 to 31",
                "Enter hours like 20, 12:30 or 12.5", "&lt;b");
        assertThat(bad).as("typed HTML shows as text").doesNotContain("<b>X</b>");
        assertThat(retainers.list(owner)).hasSize(1);

        TestWorkspace br = newWorkspace("Agência", "pt-BR");
        String pt = mvc.perform(get("/billing/recurring/new").with(user(br.owner()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(pt).contains("Nova fatura recorrente", "Emitir a fatura");
        String ptErrors = mvc.perform(post("/billing/recurring").with(user(br.owner())).with(csrf())
                        .param("name", "Hospedagem").param("every", "0").param("unit", "MONTH")
                        .param("startsOn", "2026-12-01"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(ptErrors).contains("Escolha um cliente.", "Informe um número de 1 a 120.",
                "Inclua pelo menos um item.");
    }
    // --- issue 11: a start in the past ---------------------------------------------------------------------------

    private RetainerInput since(String startsOn) {
        return new RetainerInput(london.value().toString(), "Support", "1000.00", "10", null, null, "1", "1", "VAT",
                "20", startsOn, null);
    }

    @Autowired Reminders reminders;
    @Autowired app.clientdesk.mail.Outbox outbox;

    @Test
    void aStartInThePastIsRefusedUntilTheOwnerSaysWhatToDoWithThePeriodsThatBegan() {
        // Today is 20 October 2026: August, September and October began before it.
        assertThatThrownBy(() -> retainers.create(owner, since("2026-08-01")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field() + " " + v.args().get(0)).containsExactly("pastPeriods 3"));
        assertThat(retainers.list(owner)).as("nothing saved").isEmpty();
        // A start today or later needs no answer.
        assertThat(retainers.create(owner, since("2026-11-01")).startsOn()).isEqualTo(LocalDate.parse("2026-11-01"));
    }

    @Test
    void pastPeriodsBilledNowAreDatedTodayInOrderAndNotOverdueSoNoReminderGoes() {
        retainers.create(owner, since("2026-08-01"), Retainers.PastPeriods.BILL_NOW);
        job.runOnce();

        List<Invoice> made = ours().stream().sorted(java.util.Comparator.comparing(Invoice::number)).toList();
        assertThat(made).as("numbered in the periods' order").extracting(i -> i.number() + " "
                + i.lines().get(0).description()).containsExactly(
                "INV-2026-0001 Retainer for August 2026: 10:00 h included",
                "INV-2026-0002 Retainer for September 2026: 10:00 h included",
                "INV-2026-0003 Retainer for October 2026: 10:00 h included");
        assertThat(made).allSatisfy(i -> {
            assertThat(i.issueDate()).as("dated the day it is made").isEqualTo(LocalDate.parse("2026-10-20"));
            assertThat(i.dueDate()).isAfter(i.issueDate());
            assertThat(i.overdue()).isFalse();
        });
        reminders.runDue();
        assertThat(made).allSatisfy(i -> assertThat(outbox.forReference(ws.created().workspaceId(),
                "invoice:" + i.id())).as("no reminder the moment it exists").isEmpty());

        // The next period is the schedule's as ever: dated its first day.
        clock.set(Instant.parse("2026-11-01T00:00:01Z"));
        job.runOnce();
        assertThat(ours().stream().sorted(java.util.Comparator.comparing(Invoice::number)).toList()).hasSize(4)
                .last().satisfies(i -> assertThat(i.issueDate()).isEqualTo(LocalDate.parse("2026-11-01")));
    }

    @Test
    void skippedPastPeriodsAreNeverBilled() {
        retainers.create(owner, since("2026-08-01"), Retainers.PastPeriods.SKIP);
        job.runOnce();
        assertThat(ours()).isEmpty();

        clock.set(Instant.parse("2026-11-01T00:00:01Z"));
        job.runOnce();
        assertThat(ours()).singleElement().satisfies(i -> {
            assertThat(i.issueDate()).isEqualTo(LocalDate.parse("2026-11-01"));
            assertThat(i.lines().get(0).description()).isEqualTo("Retainer for November 2026: 10:00 h included");
        });
    }
}
