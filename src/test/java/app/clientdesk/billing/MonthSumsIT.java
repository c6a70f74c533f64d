package app.clientdesk.billing;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.billing.DraftInput.LineInput;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.support.IntegrationTest;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The money reports' monthly sums stay exactly what the invoices and payments say: after a random series of
 * drafts, issues (in the base currency, in pounds, yen and dinars, with and without a recorded rate), payments
 * (some from the client's credit), voids with credit notes and rates entered later, (1) every stored sum equals the
 * sum made afresh from the rows, as the migration makes it, and (2) revenue, cash and the first unrated day read
 * from the sums equal the figures of the queries the reports ran before over the invoices and payments (kept here
 * as the oracle), for random ranges of months and in several base currencies (0, 2 and 3 decimals).
 */
class MonthSumsIT extends IntegrationTest {

    @Autowired Invoices invoices;
    @Autowired Payments payments;
    @Autowired BillingReportStore store;
    @Autowired MonthSums sums;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    static final LocalDate TODAY = LocalDate.parse("2026-11-20");

    @Test
    void theSumsAndTheReportsMatchTheRowsAfterRandomChanges() {
        for (long seed : new long[] {1, 2, 3}) {
            run(seed);
        }
    }

    private void run(long seed) {
        clock.set(Instant.parse("2026-11-20T15:00:00Z"));
        Random random = new Random(seed);
        TestWorkspace ws = newWorkspace();
        CurrentUser owner = ws.owner();
        WorkspaceId id = owner.workspaceId();
        List<ClientId> clients = List.of(client(owner, "Padaria " + seed, "BRL"), client(owner, "Acme " + seed, "GBP"),
                client(owner, "Kaisha " + seed, "JPY"), client(owner, "Manama " + seed, "BHD"));
        List<Invoice> issued = new ArrayList<>();
        for (int step = 0; step < 120; step++) {
            int roll = random.nextInt(100);
            try {
                if (roll < 45 || issued.isEmpty()) {
                    ClientId client = clients.get(random.nextInt(clients.size()));
                    String amount = random.nextInt(5000) + "." + String.format("%02d", random.nextInt(100));
                    Invoice draft = invoices.createDraft(owner, new DraftInput(client.value().toString(), null, "15",
                            null, null, null, null, List.of(new LineInput(null, "Work", "1", null, amount, null, null,
                                    null))));
                    if (random.nextInt(10) > 0) { // a few stay drafts, which no report counts
                        issued.add(invoices.issue(owner, draft.id(), TODAY.minusDays(random.nextInt(420))));
                    }
                } else if (roll < 75) {
                    Invoice invoice = issued.get(random.nextInt(issued.size()));
                    LocalDate on = invoice.issueDate().plusDays(random.nextInt(60));
                    on = on.isAfter(TODAY) ? TODAY : on;
                    String method = random.nextInt(8) == 0 ? "CREDIT" : "BANK";
                    String part = new BigDecimal(random.nextInt(900) + 1).toPlainString();
                    payments.record(owner, invoice.id(), new PaymentInput(part, null, null, on.toString(), method,
                            null, null, true), null);
                } else if (roll < 85) {
                    Invoice invoice = issued.get(random.nextInt(issued.size()));
                    // a rate into the base currency entered afterwards, or a rate into another currency
                    String base = random.nextInt(4) == 0 ? "GBP" : "BRL";
                    invoices.recordBaseRate(id, invoice.id(), Currency.getInstance(base),
                            new BigDecimal("0." + (1000 + random.nextInt(9000)) + "37"), invoice.issueDate());
                } else {
                    invoices.voidWithCreditNote(owner, issued.get(random.nextInt(issued.size())).id(), null);
                }
            } catch (InvalidInputException refused) {
                // a rule said no (paying a paid invoice, voiding twice): nothing was written
            }
        }

        // (1) what was kept step by step is what the migration would make from the rows
        Map<String, String> kept = stored(id);
        tx.executeWithoutResult(s -> sums.rebuild(id));
        assertThat(kept).isNotEmpty().isEqualTo(stored(id));

        LocalDate all = TODAY.minusDays(420).withDayOfMonth(1);
        List<BillingReportStore.Sum> revenue = tx.execute(s -> store.revenue(id, Currency.getInstance("BRL"), all, TODAY));
        List<BillingReportStore.Sum> cash = tx.execute(s -> store.cash(id, Currency.getInstance("BRL"), all, TODAY));
        assertThat(revenue).hasSizeGreaterThan(20);
        assertThat(cash).hasSizeGreaterThan(3);

        // (2) the reports' figures, old queries against the sums, for random whole months in several bases
        for (String code : List.of("BRL", "GBP", "JPY", "BHD")) {
            Currency base = Currency.getInstance(code);
            Map<Currency, LocalDate> since = tx.execute(s -> store.unratedSince(id, base));
            assertThat(since).as("first unrated day, base " + code)
                    .isEqualTo(oldUnratedSince(id, base));
            for (int r = 0; r < 4; r++) {
                YearMonth first = YearMonth.from(TODAY).minusMonths(random.nextInt(16));
                YearMonth last = first.plusMonths(random.nextInt(14));
                LocalDate from = first.atDay(1);
                LocalDate to = last.atEndOfMonth();
                List<String> newRevenue = normal(tx.execute(s -> store.revenue(id, base, from, to)));
                List<String> newCash = normal(tx.execute(s -> store.cash(id, base, from, to)));
                assertThat(newRevenue)
                        .as("revenue " + first + "–" + last + " in " + code)
                        .isEqualTo(normal(oldRevenue(id, base, from, to)));
                assertThat(newCash)
                        .as("cash " + first + "–" + last + " in " + code)
                        .isEqualTo(normal(oldCash(id, base, from, to)));
            }
        }
    }

    private ClientId client(CurrentUser owner, String name, String currency) {
        ClientInput base = clientInput(name, List.of());
        return clients.create(owner, new ClientInput(base.name(), base.status(), base.timeZone(), currency,
                base.locale(), base.country(), base.website(), base.billingAddress(), base.taxId(),
                base.businessHours(), base.responseTimeHours(), base.channelFormalRequest(),
                base.channelQuickQuestion(), base.channelMeeting(), base.channelReport(), base.culturalNotes(),
                base.notes(), base.contacts(), base.memberIds()));
    }

    private Map<String, String> stored(WorkspaceId id) {
        Map<String, String> out = new TreeMap<>();
        for (var e : sums.stored(id)) {
            MonthSums.Acc a = e.getValue();
            out.merge(e.getKey().toString(), plain(a.amount) + " " + (a.rated == null ? "-" : plain(a.rated)) + " "
                    + a.items + " " + a.firstDay, (x, y) -> x + " AND " + y);
        }
        return out;
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /** Sums as comparable text, in any order, amounts whatever their scale. */
    private static List<String> normal(List<BillingReportStore.Sum> list) {
        return list.stream().map(s -> s.client() + " " + s.a() + "-" + s.b() + " " + s.currency() + " " + s.rated()
                + " " + plain(s.amount()) + " " + (s.base() == null ? "-" : plain(s.base())) + " " + s.count())
                .sorted().toList();
    }

    // --- the queries the reports ran before the monthly sums: the oracle -----------------------------------

    private static final String RATED = "case when i.currency = :base or (i.base_currency = :base and i.base_rate "
            + "is not null) then 1 else 0 end";

    private static String converted(String amount) {
        return "case when i.currency = :base then " + amount
                + " when i.base_currency = :base and i.base_rate is not null then round((" + amount
                + ") * i.base_rate, :digits) end";
    }

    private List<BillingReportStore.Sum> oldRevenue(WorkspaceId workspace, Currency base, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select t.client_id, c.name as client_name, t.a, t.b, t.currency, t.rated,
                       sum(t.amount) as amount, sum(t.base_amount) as base_amount, count(*) as n
                from (select i.client_id, i.currency, %s as rated, extract(year from i.issue_date) as a,
                             extract(month from i.issue_date) as b, i.subtotal as amount, %s as base_amount
                      from invoices i
                      where i.workspace_id = :w and i.status <> 'DRAFT' and i.issue_date >= :from
                        and i.issue_date <= :to) t
                join clients c on c.id = t.client_id
                group by t.client_id, c.name, t.a, t.b, t.currency, t.rated""".formatted(RATED,
                        converted("i.subtotal")))
                .param("w", workspace.value()).param("base", base.getCurrencyCode())
                .param("digits", BillingReportStore.digits(base))
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> sum(rs, true)).list();
    }

    private List<BillingReportStore.Sum> oldCash(WorkspaceId workspace, Currency base, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select t.a, t.b, t.currency, t.rated, sum(t.amount) as amount, sum(t.base_amount) as base_amount,
                       count(*) as n
                from (select i.currency, %s as rated, extract(year from p.paid_on) as a,
                             extract(month from p.paid_on) as b, p.amount + p.credit as amount, %s as base_amount
                      from payments p join invoices i on i.id = p.invoice_id and i.workspace_id = :w
                      where p.workspace_id = :w and p.method <> 'CREDIT' and p.paid_on >= :from
                        and p.paid_on <= :to) t
                group by t.a, t.b, t.currency, t.rated""".formatted(RATED, converted("p.amount + p.credit")))
                .param("w", workspace.value()).param("base", base.getCurrencyCode())
                .param("digits", BillingReportStore.digits(base))
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> sum(rs, false)).list();
    }

    private Map<Currency, LocalDate> oldUnratedSince(WorkspaceId workspace, Currency base) {
        Map<Currency, LocalDate> out = new java.util.HashMap<>();
        jdbc.sql("""
                select i.currency, min(i.issue_date) as since from invoices i
                where i.workspace_id = :w and i.status <> 'DRAFT' and i.currency <> :base
                  and (i.base_rate is null or i.base_currency is null or i.base_currency <> :base)
                group by i.currency""")
                .param("w", workspace.value()).param("base", base.getCurrencyCode())
                .query((rs, n) -> out.put(Currency.getInstance(rs.getString("currency").strip()),
                        rs.getDate("since").toLocalDate()))
                .list();
        return out;
    }

    private static BillingReportStore.Sum sum(java.sql.ResultSet rs, boolean withClient) throws java.sql.SQLException {
        return new BillingReportStore.Sum(withClient ? rs.getObject("client_id", java.util.UUID.class) : null,
                withClient ? rs.getString("client_name") : null, rs.getInt("a"), rs.getInt("b"),
                Currency.getInstance(rs.getString("currency").strip()), rs.getInt("rated") == 1,
                rs.getBigDecimal("amount"), rs.getBigDecimal("base_amount"), rs.getLong("n"));
    }
}
