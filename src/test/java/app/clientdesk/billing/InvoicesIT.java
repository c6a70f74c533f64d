package app.clientdesk.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.clientdesk.billing.DraftInput.LineInput;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.time.RateInput;
import app.clientdesk.time.Rates;
import app.clientdesk.time.Rounding;
import app.clientdesk.time.TimeEntries;
import app.clientdesk.time.TimeEntry;
import app.clientdesk.time.TimeEntryInput;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class InvoicesIT extends IntegrationTest {

    @Autowired Invoices invoices;
    @Autowired Payments payments;
    @Autowired TimeEntries time;
    @Autowired Rates rates;
    @Autowired Expenses expenses;
    @Autowired ExchangeDifferences differences;
    @Autowired app.clientdesk.exchange.ExchangeRates exchangeRates;

    private TestWorkspace ws;
    private CurrentUser owner;
    private ClientId gbp;

    @BeforeEach
    void workspace() {
        clock.set(Instant.parse("2026-11-20T15:00:00Z"));
        ws = newWorkspace();
        owner = ws.owner();
        gbp = createClient(ws, "Acme Ltd");
    }

    private ClientId client(String name, String currency) {
        ClientInput base = clientInput(name, List.of());
        return clients.create(owner, new ClientInput(base.name(), base.status(), base.timeZone(), currency,
                base.locale(), base.country(), base.website(), base.billingAddress(), base.taxId(),
                base.businessHours(), base.responseTimeHours(), base.channelFormalRequest(),
                base.channelQuickQuestion(), base.channelMeeting(), base.channelReport(), base.culturalNotes(),
                base.notes(), base.contacts(), base.memberIds()));
    }

    private static LineInput item(String description, String quantity, String price, String taxName, String tax) {
        return new LineInput(null, description, quantity, null, price, null, taxName, tax);
    }

    private Invoice draft(ClientId client, LineInput... lines) {
        return invoices.createDraft(owner, new DraftInput(client.value().toString(), null, null, null, null, null, null,
                List.of(lines)));
    }

    private TimeEntry log(ClientId client, String start, String end) {
        return time.create(owner, TimeEntryInput.ofInstants(client.value().toString(), null, null, start, end, true,
                "Inbox", List.of()));
    }

    @Test
    void aDraftsTotalsAreSumsOfItsRoundedLinesInTheCurrencysOwnDecimals() {
        Invoice invoice = draft(gbp, item("Strategy call", "1.5", "80.10", "VAT", "20"),
                item("Setup", "3", "33.33", null, null));
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(invoice.number()).as("a draft has no number").isNull();
        assertThat(invoice.currency().getCurrencyCode()).as("the client's currency").isEqualTo("GBP");
        assertThat(invoice.lines()).extracting(l -> l.net().plain()).containsExactly("120.15", "99.99");
        assertThat(invoice.subtotal().plain()).isEqualTo("220.14");
        assertThat(invoice.taxTotal().plain()).isEqualTo("24.03");
        assertThat(invoice.total().plain()).isEqualTo("244.17");

        Invoice yen = draft(client("Tokyo KK", "JPY"), item("Design", "2.5", "3333", null, null));
        assertThat(yen.total().plain()).as("JPY has no decimals: 8332.5 rounds half-up").isEqualTo("8333");
        Invoice dinar = draft(client("Manama WLL", "BHD"), item("Design", "1", "10.125", null, null));
        assertThat(dinar.total().plain()).isEqualTo("10.125");
        assertThatThrownBy(() -> draft(dinar.clientId(), item("Design", "1", "10.1255", null, null)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void badLinesAreRefusedWithAnErrorForEachFieldAndNothingIsSaved() {
        long before = invoices.list(owner, InvoiceQuery.all()).total();
        assertThatThrownBy(() -> draft(gbp, item("", "-1", "abc", "VAT", "120"), item("Ok", "0", "1", "", "5")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field() + " " + v.messageKey())
                        .contains("lines[0].description billing.line.description.required",
                                "lines[0].quantity billing.line.quantity.negative",
                                "lines[0].unitPrice billing.line.price.invalid",
                                "lines[0].taxPercent billing.tax.percent.invalid",
                                "lines[1].quantity billing.line.quantity.zero",
                                "lines[1].taxName billing.tax.name.required"));
        assertThatThrownBy(() -> invoices.createDraft(owner, new DraftInput(gbp.value().toString(), "XXQ", null, null,
                null, null, null, List.of()))).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).messageKey()).isEqualTo("billing.currency.unknown"));
        assertThat(invoices.list(owner, InvoiceQuery.all()).total()).isEqualTo(before);
    }

    @Test
    void anInvoiceDiscountLowersEveryLineAndTheTotalsStillAddUp() {
        Invoice invoice = invoices.createDraft(owner, new DraftInput(gbp.value().toString(), null, null, "10", null,
                null, null, List.of(item("A", "1", "100.00", null, null), item("B", "1", "33.35", null, null))));
        assertThat(invoice.lines()).extracting(l -> l.net().plain()).containsExactly("90.00", "30.02");
        assertThat(invoice.total().plain()).isEqualTo("120.02");
        assertThat(invoice.discountTotal().plain()).isEqualTo("13.33");
    }

    @Test
    void unbilledTimeBecomesLinesWithTheClientsRoundingShownAndIssuingLocksIt() {
        rates.set(owner, new RateInput("CLIENT", gbp.value().toString(), "GBP", "60"));
        time.setRounding(owner, gbp, new Rounding(Rounding.Mode.UP, 15, Rounding.Scope.ENTRY));
        TimeEntry a = log(gbp, "2026-11-16T09:00:00Z", "2026-11-16T10:07:00Z"); // 1:07 → 1:15
        TimeEntry b = log(gbp, "2026-11-17T09:00:00Z", "2026-11-17T09:20:00Z"); // 0:20 → 0:30
        log(gbp, "2026-11-02T09:00:00Z", "2026-11-02T10:00:00Z"); // outside the range

        Invoice draft = draft(gbp);
        AddedTime added = invoices.addTime(owner, draft.id(), new TimeSelection(LocalDate.parse("2026-11-10"),
                LocalDate.parse("2026-11-20"), null, null, List.of(), TimeSelection.Grouping.PROJECT));
        assertThat(added.entries()).isEqualTo(2);
        InvoiceLine line = added.invoice().lines().get(0);
        assertThat(line.kind()).isEqualTo(LineKind.TIME);
        assertThat(line.seconds()).as("1:15 + 0:30 billed").isEqualTo(6300);
        assertThat(line.net().plain()).isEqualTo("105.00");
        assertThat(line.detail()).contains("1:27", "1:45");
        assertThat(added.invoice().discountTotal().isZero()).as("no discount shown on exact time").isTrue();

        assertThatThrownBy(() -> invoices.addTime(owner, draft.id(), new TimeSelection(LocalDate.parse("2026-11-10"),
                LocalDate.parse("2026-11-20"), null, null, List.of(), TimeSelection.Grouping.PROJECT)))
                .as("the same time is not added twice").isInstanceOf(InvalidInputException.class);

        Invoice issued = invoices.issue(owner, draft.id(), null);
        assertThat(issued.number()).isEqualTo("INV-2026-0001");
        assertThat(issued.issueDate()).isEqualTo(LocalDate.parse("2026-11-20"));
        assertThat(issued.dueDate()).as("net 14 days by default").isEqualTo(LocalDate.parse("2026-12-04"));
        assertThat(time.get(owner, a.id()).invoiceNumber()).isEqualTo("INV-2026-0001");
        assertThat(time.get(owner, b.id()).locked()).isTrue();
        assertThatThrownBy(() -> invoices.updateDraft(owner, issued.id(), new DraftInput(gbp.value().toString(), null,
                null, null, null, null, null, List.of()))).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).messageKey()).isEqualTo("billing.edit.issued"));
    }

    @Test
    void timeChangedAfterItWasAddedStopsTheIssueAndNoNumberIsUsed() {
        rates.set(owner, new RateInput("CLIENT", gbp.value().toString(), "GBP", "60"));
        TimeEntry a = log(gbp, "2026-11-16T09:00:00Z", "2026-11-16T10:00:00Z");
        Invoice draft = draft(gbp);
        invoices.addTime(owner, draft.id(), new TimeSelection(null, null, null, null, List.of(),
                TimeSelection.Grouping.TASK));
        time.update(owner, a.id(), TimeEntryInput.ofInstants(gbp.value().toString(), null, null, "2026-11-16T09:00:00Z",
                "2026-11-16T11:00:00Z", true, "Inbox", List.of()));

        assertThatThrownBy(() -> invoices.issue(owner, draft.id(), null)).isInstanceOfSatisfying(
                InvalidInputException.class,
                e -> assertThat(e.violations().get(0).messageKey()).isEqualTo("billing.issue.timeChanged"));
        assertThat(time.get(owner, a.id()).locked()).as("the failed issue locked nothing").isFalse();
        Invoice other = invoices.issue(owner, draft(gbp, item("X", "1", "1", null, null)).id(), null);
        assertThat(other.number()).as("the failed issue gave its number back").isEqualTo("INV-2026-0001");
    }

    @Test
    void aDepositIsItsOwnInvoiceAndTheFinalInvoiceDeductsIt() {
        Invoice work = draft(gbp, item("Website", "1", "2000.00", "VAT", "20"));
        Invoice deposit = invoices.createDeposit(owner, work.id(), "50");
        assertThat(deposit.kind()).isEqualTo(InvoiceKind.DEPOSIT);
        assertThat(deposit.total().plain()).isEqualTo("1200.00");
        assertThatThrownBy(() -> invoices.issue(owner, work.id(), null)).as("the deposit is still a draft")
                .isInstanceOf(InvalidInputException.class);

        Invoice depositIssued = invoices.issue(owner, deposit.id(), null);
        assertThat(depositIssued.number()).isEqualTo("INV-2026-0001");
        Invoice last = invoices.issue(owner, work.id(), null);
        assertThat(last.number()).isEqualTo("INV-2026-0002");
        assertThat(last.lines()).extracting(InvoiceLine::kind).containsExactly(LineKind.ITEM, LineKind.DEDUCTION);
        assertThat(last.subtotal().plain()).isEqualTo("1000.00");
        assertThat(last.taxTotal().plain()).isEqualTo("200.00");
        assertThat(last.total().plain()).isEqualTo("1200.00");

        assertThatThrownBy(() -> invoices.voidWithCreditNote(owner, depositIssued.id(), null))
                .as("a deducted deposit would be refunded twice").isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).messageKey()).isEqualTo("billing.void.depositDeducted"));
        invoices.voidWithCreditNote(owner, last.id(), "Wrong scope");
        Invoice again = invoices.issue(owner, draft(gbp, item("Website, agreed scope", "1", "1800.00", "VAT", "20")).id(),
                null);
        assertThat(again.lines()).extracting(InvoiceLine::kind)
                .as("the deposit waits for the client's next invoice").containsExactly(LineKind.ITEM, LineKind.DEDUCTION);
        assertThat(again.total().plain()).isEqualTo("960.00");
    }

    @Test
    void voidingIssuesANumberedCreditNoteFreesTheTimeAndTurnsWhatWasPaidIntoCredit() {
        rates.set(owner, new RateInput("CLIENT", gbp.value().toString(), "GBP", "50"));
        TimeEntry a = log(gbp, "2026-11-16T09:00:00Z", "2026-11-16T11:00:00Z");
        Invoice draft = draft(gbp, item("Setup", "1", "20.00", null, null));
        invoices.addTime(owner, draft.id(), new TimeSelection(null, null, null, null, List.of(),
                TimeSelection.Grouping.DAY));
        Invoice issued = invoices.issue(owner, draft.id(), null);
        payments.record(owner, issued.id(), new PaymentInput("30.00", null, null, "2026-11-20", "BANK", null, null,
                false), null);

        Invoice credit = invoices.voidWithCreditNote(owner, issued.id(), "Wrong client");
        assertThat(credit.kind()).isEqualTo(InvoiceKind.CREDIT_NOTE);
        assertThat(credit.number()).isEqualTo("CN-2026-0001");
        assertThat(credit.total().plain()).isEqualTo("-120.00");
        assertThat(credit.creditForNumber()).isEqualTo("INV-2026-0001");
        assertThat(credit.amountDue().isZero()).isTrue();
        Invoice voided = invoices.get(owner, issued.id());
        assertThat(voided.status()).isEqualTo(InvoiceStatus.VOID);
        assertThat(voided.creditedByNumber()).isEqualTo("CN-2026-0001");
        assertThat(time.get(owner, a.id()).locked()).isFalse();
        assertThat(payments.credit(owner, gbp)).extracting(m -> m.plain()).containsExactly("30.00");
        assertThatThrownBy(() -> invoices.voidWithCreditNote(owner, issued.id(), null))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void paymentsSettlePartlyThenFullyAndAnOverpaymentNeedsConfirmingAndBecomesCredit() {
        Invoice issued = invoices.issue(owner, draft(gbp, item("Work", "1", "100.00", null, null)).id(), null);
        payments.record(owner, issued.id(), new PaymentInput("40,00", null, null, null, "PAYPAL", "1.50", null, false),
                null);
        assertThat(invoices.get(owner, issued.id()).status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(invoices.get(owner, issued.id()).amountDue().plain()).isEqualTo("60.00");

        assertThatThrownBy(() -> payments.record(owner, issued.id(), new PaymentInput("70.00", null, null, null,
                "BANK", null, null, false), null)).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).messageKey()).isEqualTo("billing.payment.over"));
        Payment over = payments.record(owner, issued.id(), new PaymentInput("70.00", null, null, null, "BANK", null,
                null, true), null);
        assertThat(over.amount().plain()).isEqualTo("60.00");
        assertThat(over.credit().plain()).isEqualTo("10.00");
        Invoice paid = invoices.get(owner, issued.id());
        assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(paid.amountDue().isZero()).isTrue();
        assertThat(payments.credit(owner, gbp)).extracting(m -> m.plain()).containsExactly("10.00");
        assertThatThrownBy(() -> payments.record(owner, issued.id(), new PaymentInput("1.00", null, null, null, "BANK",
                null, null, false), null)).as("nothing is due any more").isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aPaymentInAnotherCurrencyIsConvertedAtTheGivenRateAndKeepsWhatCameIn() {
        Invoice issued = invoices.issue(owner, draft(gbp, item("Work", "1", "100.00", null, null)).id(), null);
        Payment p = payments.record(owner, issued.id(), new PaymentInput("117.65", "USD", "0.85", null, "WISE", null,
                null, false), null);
        assertThat(p.amount().plain()).isEqualTo("100.00");
        assertThat(p.received().toString()).isEqualTo("117.65 USD");
        assertThatThrownBy(() -> payments.record(owner, issued.id(), new PaymentInput("5", "USD", null, null, "WISE",
                null, null, false), null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aDoubleSubmittedPaymentIsRecordedOnce() throws Exception {
        Invoice issued = invoices.issue(owner, draft(gbp, item("Work", "1", "100.00", null, null)).id(), null);
        PaymentInput input = new PaymentInput("25.00", null, null, null, "BANK", null, null, false);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Payment>> both = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                both.add(pool.submit(() -> {
                    go.await();
                    return payments.record(owner, issued.id(), input, "form-key-1");
                }));
            }
            go.countDown();
            assertThat(both.get(0).get(30, TimeUnit.SECONDS).id()).isEqualTo(both.get(1).get(30, TimeUnit.SECONDS).id());
        } finally {
            pool.shutdownNow();
        }
        assertThat(payments.ofInvoice(owner, issued.id())).hasSize(1);
        assertThat(invoices.get(owner, issued.id()).amountPaid().plain()).isEqualTo("25.00");
    }

    @Test
    void twoPeopleIssuingAtOnceGetConsecutiveNumbersWithoutGapOrDuplicate() throws Exception {
        List<InvoiceId> drafts = IntStream.range(0, 12)
                .mapToObj(i -> draft(gbp, item("Work " + i, "1", "10.00", null, null)).id()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<String> numbers = Collections.synchronizedList(new ArrayList<>());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> all = new ArrayList<>();
            for (InvoiceId id : drafts) {
                all.add(pool.submit(() -> {
                    go.await();
                    numbers.add(invoices.issue(owner, id, null).number());
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : all) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, 12).mapToObj("INV-2026-%04d"::formatted).toList());
    }

    @Test
    void theListFiltersByStateAndCountsWhatIsOutstandingPerCurrency() {
        Invoice open = invoices.issue(owner, draft(gbp, item("Work", "1", "100.00", null, null)).id(), null);
        draft(gbp, item("Later", "1", "5.00", null, null));
        clock.set(Instant.parse("2026-12-10T15:00:00Z"));
        InvoiceList overdue = invoices.list(owner, new InvoiceQuery(InvoiceQuery.Filter.OVERDUE, null, null, 50, 0));
        assertThat(overdue.invoices()).extracting(InvoiceSummary::id).containsExactly(open.id());
        assertThat(overdue.outstanding()).extracting(m -> m.toString()).containsExactly("100.00 GBP");
        assertThat(invoices.get(owner, open.id()).daysOverdue()).isEqualTo(6);
        assertThat(invoices.list(owner, new InvoiceQuery(InvoiceQuery.Filter.DRAFT, null, null, 50, 0)).total())
                .isEqualTo(1);
        assertThat(invoices.list(owner, new InvoiceQuery(InvoiceQuery.Filter.ALL, null, "inv-2026", 50, 0)).total())
                .isEqualTo(1);
        assertThat(invoices.list(newWorkspace().owner(), InvoiceQuery.all()).total())
                .as("another workspace sees none").isZero();
    }

    @Test
    void expensesAreBilledAtCostHeldByTheDraftAndFreedWhenTheirLineGoesOrTheInvoiceIsVoided() {
        Expense fonts = expenses.create(owner, new ExpenseInput(gbp.value().toString(), null, "2026-11-18", "Fonts",
                null, "19.90", null, true), null);
        Invoice draft = invoices.addExpenses(owner, draft(gbp).id(), List.of());
        assertThat(draft.lines()).extracting(l -> l.kind() + " " + l.description() + " " + l.net().plain())
                .containsExactly("EXPENSE Fonts 19.90");
        assertThatThrownBy(() -> expenses.delete(owner, fonts.id())).as("held by the draft")
                .isInstanceOf(InvalidInputException.class);

        invoices.updateDraft(owner, draft.id(), new DraftInput(gbp.value().toString(), null, null, null, null, null,
                null, List.of(item("Other", "1", "5.00", null, null))));
        assertThat(expenses.get(owner, fonts.id()).invoiced()).as("its line was removed").isFalse();

        invoices.addExpenses(owner, draft.id(), List.of(fonts.id()));
        Invoice issued = invoices.issue(owner, draft.id(), null);
        assertThat(expenses.get(owner, fonts.id()).invoiceNumber()).isEqualTo(issued.number());
        assertThat(issued.total().plain()).isEqualTo("24.90");

        invoices.voidWithCreditNote(owner, issued.id(), null);
        assertThat(expenses.get(owner, fonts.id()).invoiced()).isFalse();
    }

    @Test
    void theBaseCurrencyRateOfTheIssueDateIsKeptAndEachPaymentKeepsItsOwn() {
        // The workspace reports in BRL; the client pays in GBP.
        exchangeRates.set(owner, "2026-11-19", "GBP", "BRL", "6.80");
        exchangeRates.set(owner, "2026-11-21", "GBP", "BRL", "7.10");
        Invoice issued = invoices.issue(owner, draft(gbp, item("Work", "1", "100.00", null, null)).id(), null);
        assertThat(issued.baseRate()).isEqualByComparingTo("6.80");
        assertThat(issued.baseRateDay()).as("the newest rate on or before the issue date")
                .isEqualTo(LocalDate.parse("2026-11-19"));
        assertThat(issued.baseTotal().toString()).isEqualTo("680.00 BRL");

        clock.set(Instant.parse("2026-11-22T15:00:00Z"));
        Payment paid = payments.record(owner, issued.id(), new PaymentInput("100.00", null, null, null, "WISE", null,
                null, false), null);
        assertThat(payments.ofInvoice(owner, issued.id())).singleElement()
                .satisfies(p -> assertThat(p.baseRate()).isEqualByComparingTo("7.10"));
        assertThat(paid.id()).isNotNull();
        ExchangeDifferences.Report fx = differences.report(owner, LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-11-30"));
        assertThat(fx.rows()).singleElement().satisfies(r -> {
            assertThat(r.atIssue().toString()).isEqualTo("680.00 BRL");
            assertThat(r.atPayment().toString()).isEqualTo("710.00 BRL");
        });
        assertThat(fx.total().toString()).as("the pound rose: a realised gain").isEqualTo("30.00 BRL");

        Invoice noRate = invoices.issue(owner, invoices.createDraft(owner, new DraftInput(gbp.value().toString(), "USD",
                null, null, null, null, null, List.of(item("Work", "1", "10.00", null, null)))).id(), null);
        assertThat(noRate.baseRate()).as("no USD rate: nothing is guessed").isNull();
        assertThat(noRate.baseTotal()).isNull();
    }
}
