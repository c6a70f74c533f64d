package app.clientdesk.billing;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.billing.DraftInput.LineInput;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.exchange.ExchangeRates;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.money.Money;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.support.IntegrationTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The exchange-differences report reads daily sums kept step by step, and shows exactly what it showed when it summed
 * every payment of the period: after a random series of issues (in reais, pounds, yen and dinars), partial payments
 * and overpayments (some from credit), voids with credit notes, rates into the base currency or another entered on
 * an invoice afterwards, and exchange rates added later (which fill in the missing rates of invoices and payments),
 * (1) every stored day equals the day summed afresh from the payments, as the migration makes it, and (2) the gains,
 * losses and payments without a rate (francs never have one) equal those of the query the report ran before (kept here as the oracle), for
 * random ranges of days in several base currencies (0, 2 and 3 decimals), and through the report itself. Payments are
 * never refunded or deleted in Clientdesk (there is no such operation), so neither is exercised.
 */
class ExchangeDaysIT extends IntegrationTest {

    @Autowired Invoices invoices;
    @Autowired Payments payments;
    @Autowired ExchangeRates rates;
    @Autowired ExchangeDifferences differences;
    @Autowired ExchangeDays days;
    @Autowired MonthSums monthSums;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    static final LocalDate TODAY = LocalDate.parse("2026-11-20");
    static final List<String> FOREIGN = List.of("GBP", "JPY", "BHD", "EUR");

    @Test
    void theDaysAndTheReportMatchThePaymentsAfterRandomChanges() {
        for (long seed : new long[] {11, 12, 13}) {
            run(seed);
        }
    }

    private void run(long seed) {
        clock.set(Instant.parse("2026-11-20T15:00:00Z"));
        Random random = new Random(seed);
        TestWorkspace ws = newWorkspace();
        CurrentUser owner = ws.owner();
        WorkspaceId id = owner.workspaceId();
        // Rates into reais for pounds, dinars and euros from the start, one a month; yen only later (below).
        for (int month = 15; month >= 0; month--) {
            LocalDate day = TODAY.minusMonths(month).withDayOfMonth(1 + random.nextInt(27));
            rates.set(owner, day.toString(), "GBP", "BRL", rate(random, "6."));
            rates.set(owner, day.toString(), "BHD", "BRL", rate(random, "14."));
            rates.set(owner, day.toString(), "EUR", "BRL", rate(random, "5."));
        }
        rates.set(owner, TODAY.minusMonths(16).toString(), "GBP", "BRL", "6.5");
        rates.set(owner, TODAY.minusMonths(16).toString(), "BHD", "BRL", "14.25");
        rates.set(owner, TODAY.minusMonths(16).toString(), "EUR", "BRL", "5.5");
        List<ClientId> clients = List.of(client(owner, "Padaria " + seed, "BRL"), client(owner, "Acme " + seed, "GBP"),
                client(owner, "Kaisha " + seed, "JPY"), client(owner, "Manama " + seed, "BHD"),
                client(owner, "Berlin " + seed, "EUR"));
        List<Invoice> issued = new ArrayList<>();
        for (int step = 0; step < 140; step++) {
            int roll = random.nextInt(100);
            try {
                if (roll < 40 || issued.isEmpty()) {
                    ClientId client = clients.get(random.nextInt(clients.size()));
                    String amount = random.nextInt(5000) + "." + String.format("%02d", random.nextInt(100));
                    Invoice draft = invoices.createDraft(owner, new DraftInput(client.value().toString(), null, "15",
                            null, null, null, null, List.of(new LineInput(null, "Work", "1", null, amount, null, null,
                                    null))));
                    issued.add(invoices.issue(owner, draft.id(), TODAY.minusDays(random.nextInt(420))));
                } else if (roll < 78) {
                    Invoice invoice = issued.get(random.nextInt(issued.size()));
                    LocalDate on = invoice.issueDate().plusDays(random.nextInt(60));
                    on = on.isAfter(TODAY) ? TODAY : on;
                    String method = random.nextInt(8) == 0 ? "CREDIT" : "BANK";
                    String part = new BigDecimal(random.nextInt(900) + 1).toPlainString() + ".5";
                    payments.record(owner, invoice.id(), new PaymentInput(part, null, null, on.toString(), method,
                            null, null, true), null);
                } else if (roll < 86) {
                    Invoice invoice = issued.get(random.nextInt(issued.size()));
                    // a rate entered on the invoice afterwards, into the base currency or into another one
                    String base = random.nextInt(4) == 0 ? "GBP" : "BRL";
                    invoices.recordBaseRate(id, invoice.id(), Currency.getInstance(base),
                            new BigDecimal("0." + (1000 + random.nextInt(9000)) + "37"), invoice.issueDate());
                } else if (roll < 92) {
                    // yen rates arrive later: the invoices and payments in yen since that day get theirs now
                    LocalDate day = TODAY.minusDays(random.nextInt(420));
                    rates.set(owner, day.toString(), "JPY", "BRL", "0.03" + (100 + random.nextInt(900)));
                } else {
                    invoices.voidWithCreditNote(owner, issued.get(random.nextInt(issued.size())).id(), null);
                }
            } catch (InvalidInputException refused) {
                // a rule said no (paying a paid invoice, voiding twice): nothing was written
            }
        }

        // francs have no rate at all (not even across euros): a payment of the year that stays without one
        ClientId zurich = client(owner, "Zurich " + seed, "CHF");
        Invoice francs = invoices.issue(owner, invoices.createDraft(owner, new DraftInput(zurich.value().toString(),
                null, "15", null, null, null, null, List.of(new LineInput(null, "Work", "1", null, "120.00", null, null,
                        null)))).id(), TODAY.minusDays(20));
        payments.record(owner, francs.id(), new PaymentInput("50.00", null, null, TODAY.minusDays(3).toString(), "BANK",
                null, null, true), null);

        // (1) what was kept step by step is what the migration would make from the payments
        List<String> kept = days.stored(id);
        tx.executeWithoutResult(s -> monthSums.rebuild(id));
        assertThat(kept).hasSizeGreaterThan(20).isEqualTo(days.stored(id));

        // (2) the sums against the old query, for random ranges of days, in several base currencies
        int withDifferences = 0;
        for (String code : List.of("BRL", "GBP", "JPY", "BHD")) {
            Currency base = Currency.getInstance(code);
            for (int r = 0; r < 6; r++) {
                LocalDate from = TODAY.minusDays(random.nextInt(440));
                LocalDate to = r == 0 ? TODAY : from.plusDays(random.nextInt(400));
                ExchangeDifferences.Sums now = tx.execute(s -> differences.sums(id, base, from, to));
                ExchangeDifferences.Sums old = old(id, base, from, to);
                assertThat(now).as(from + "–" + to + " in " + code).isEqualTo(old);
                if (now.gains().signum() != 0 && now.losses().signum() != 0) {
                    withDifferences++;
                }
            }
        }
        assertThat(withDifferences).as("ranges with both gains and losses").isGreaterThan(3);

        // and through the report, in the workspace's base currency, for its default year and a range of days
        LocalDate from = TODAY.minusYears(1).plusDays(1);
        ExchangeDifferences.Report report = differences.report(owner, from, TODAY);
        ExchangeDifferences.Sums old = old(id, Currency.getInstance("BRL"), from, TODAY);
        assertThat(report.gains().amount()).isEqualTo(old.gains()).isPositive();
        assertThat(report.losses().amount()).isEqualTo(old.losses()).isNegative();
        assertThat(report.total().amount()).isEqualTo(old.gains().add(old.losses()));
        assertThat(report.withoutRate()).isEqualTo(old.missing()).isPositive();
        assertThat(report.total()).isEqualTo(new Money(old.gains().add(old.losses()), Currency.getInstance("BRL")));
    }

    private static String rate(Random random, String whole) {
        return whole + (1000 + random.nextInt(9000)) + (random.nextBoolean() ? "5" : "37");
    }

    private ClientId client(CurrentUser owner, String name, String currency) {
        ClientInput base = clientInput(name, List.of());
        return clients.create(owner, new ClientInput(base.name(), base.status(), base.timeZone(), currency,
                base.locale(), base.country(), base.website(), base.billingAddress(), base.taxId(),
                base.businessHours(), base.responseTimeHours(), base.channelFormalRequest(),
                base.channelQuickQuestion(), base.channelMeeting(), base.channelReport(), base.culturalNotes(),
                base.notes(), base.contacts(), base.memberIds()));
    }

    // --- the query the report ran before the daily sums: the oracle ---------------------------------------

    private ExchangeDifferences.Sums old(WorkspaceId ws, Currency base, LocalDate from, LocalDate to) {
        int digits = Money.digits(base);
        return jdbc.sql("""
                select sum(case when d.diff > 0 then d.diff else 0 end) as gains,
                       sum(case when d.diff < 0 then d.diff else 0 end) as losses,
                       sum(case when d.diff is null then 1 else 0 end) as missing
                from (select round(p.amount * p.base_rate, :digits)
                             - round(p.amount * (case when i.base_currency = :base then i.base_rate end), :digits) as diff
                      from payments p
                      join invoices i on i.id = p.invoice_id
                      where p.workspace_id = :w and i.workspace_id = :w and p.paid_on >= :from and p.paid_on <= :to
                          and i.currency <> :base and p.amount > 0) d""")
                .param("w", ws.value()).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .param("base", base.getCurrencyCode()).param("digits", digits)
                .query((rs, n) -> new ExchangeDifferences.Sums(zero(rs.getBigDecimal("gains"), digits),
                        zero(rs.getBigDecimal("losses"), digits), rs.getLong("missing")))
                .single();
    }

    private static BigDecimal zero(@Nullable BigDecimal value, int digits) {
        return (value == null ? BigDecimal.ZERO : value).setScale(digits, RoundingMode.UNNECESSARY);
    }
}
