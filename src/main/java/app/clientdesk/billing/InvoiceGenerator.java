package app.clientdesk.billing;

import app.clientdesk.billing.InvoiceMath.TaxMode;
import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk invoices for benchmarks and demos (the admin command's {@code --invoices}): issued over the last two
 * years with gapless numbers per year, one to six lines each computed by {@link InvoiceMath}, most paid
 * (some late, some in part), some open or overdue, a few drafts and voided ones, and the base-currency rate
 * of each issue recorded. Written with batched inserts; the counters are left where the next issue continues.
 */
@Component
public class InvoiceGenerator {

    static final int BATCH = 2000;

    /** A client to bill: its id, currency and language. */
    public record ClientRef(ClientId id, Currency currency, String language) {
    }

    /** What was made. */
    public record Result(int invoices, int lines, int payments, int open, int overdue) {
    }

    /** Made-up but stable rates of each currency in US dollars, so reports in USD add up. */
    private static final Map<String, String> USD = Map.ofEntries(Map.entry("USD", "1"), Map.entry("GBP", "1.27"),
            Map.entry("EUR", "1.08"), Map.entry("BRL", "0.19"), Map.entry("AUD", "0.66"), Map.entry("JPY", "0.0067"),
            Map.entry("AED", "0.2723"), Map.entry("CAD", "0.73"), Map.entry("BHD", "2.6525"));
    private static final String[] WORK = {"Inbox management", "Calendar and scheduling", "Social media posts",
            "Bookkeeping", "Travel research", "Customer support", "Newsletter", "Data entry", "Monthly report"};

    private final JdbcTemplate jdbc;
    private final MonthSums monthSums;

    InvoiceGenerator(JdbcTemplate jdbc, MonthSums monthSums) {
        this.jdbc = jdbc;
        this.monthSums = monthSums;
    }

    @Transactional
    public Result generate(WorkspaceId workspace, List<ClientRef> clients, int count, Currency base, LocalDate today,
            Random random, Instant now) {
        record Made(UUID id, ClientRef client, LocalDate issued, String status, String kind) {
        }
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            days.add(today.minusDays(random.nextInt(730)));
        }
        days.sort(Comparator.naturalOrder());
        Map<Integer, Long> sequence = new HashMap<>();
        List<Object[]> invoices = new ArrayList<>();
        List<Object[]> lines = new ArrayList<>();
        List<Object[]> payments = new ArrayList<>();
        int open = 0;
        int overdue = 0;
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        for (LocalDate issued : days) {
            ClientRef client = clients.get(Math.min(clients.size() - 1,
                    (int) Math.floor(Math.pow(random.nextDouble(), 2) * clients.size())));
            Currency currency = client.currency();
            int roll = random.nextInt(100);
            boolean draft = roll < 3 && issued.isAfter(today.minusDays(30));
            String status = draft ? "DRAFT" : roll < 5 ? "VOID" : "PAID";
            int net = new int[] {7, 14, 14, 30}[random.nextInt(4)];
            LocalDate due = issued.plusDays(net);
            if (!draft && !"VOID".equals(status) && due.isAfter(today.minusDays(60)) && random.nextInt(100) < 45) {
                status = random.nextBoolean() ? "ISSUED" : "PARTIALLY_PAID";
            }
            UUID id = UUID.randomUUID();
            List<InvoiceMath.Line> math = new ArrayList<>();
            int n = 1 + random.nextInt(6);
            TaxRate tax = random.nextInt(3) == 0 ? new TaxRate("VAT", new BigDecimal("20")) : TaxRate.NONE;
            List<String> descriptions = new ArrayList<>();
            for (int l = 0; l < n; l++) {
                BigDecimal usd = new BigDecimal(USD.getOrDefault(currency.getCurrencyCode(), "1"));
                BigDecimal price = BigDecimal.valueOf(20 + random.nextInt(180))
                        .divide(usd, Money.digits(currency), RoundingMode.HALF_UP);
                BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(40), 1).add(BigDecimal.ONE);
                math.add(new InvoiceMath.Line(quantity, new Money(price, currency), BigDecimal.ZERO, tax));
                descriptions.add(WORK[random.nextInt(WORK.length)]);
            }
            InvoiceMath.Totals totals = InvoiceMath.totals(math, TaxMode.EXCLUSIVE, currency);
            String number = null;
            if (!draft) {
                long seq = sequence.merge(issued.getYear(), 1L, Long::sum);
                number = "INV-%04d-%04d".formatted(issued.getYear(), seq);
            }
            BigDecimal paid = switch (status) {
                case "PAID" -> totals.total().amount();
                case "PARTIALLY_PAID" -> totals.total().amount().divide(BigDecimal.valueOf(2), Money.digits(currency),
                        RoundingMode.DOWN);
                default -> BigDecimal.ZERO;
            };
            if (("ISSUED".equals(status) || "PARTIALLY_PAID".equals(status))) {
                open++;
                if (due.isBefore(today)) {
                    overdue++;
                }
            }
            BigDecimal rate = draft ? null : new BigDecimal(USD.getOrDefault(currency.getCurrencyCode(), "1"))
                    .divide(new BigDecimal(USD.getOrDefault(base.getCurrencyCode(), "1")), 10, RoundingMode.HALF_UP);
            Instant created = issued.atStartOfDay(ZoneOffset.UTC).plusHours(12).toInstant();
            invoices.add(new Object[] {id, workspace.value(), client.id().value(), "INVOICE", status,
                    draft ? null : "invoice", number, currency.getCurrencyCode(), client.language(), net,
                    draft ? null : Date.valueOf(issued), draft ? null : Date.valueOf(due), totals.subtotal().amount(),
                    totals.taxTotal().amount(), totals.total().amount(), paid, draft ? null : base.getCurrencyCode(),
                    rate, draft ? null : Date.valueOf(issued), created.atOffset(ZoneOffset.UTC),
                    "VOID".equals(status) ? at : null});
            for (int l = 0; l < n; l++) {
                InvoiceMath.Line line = math.get(l);
                InvoiceMath.LineAmounts a = totals.lines().get(l);
                lines.add(new Object[] {UUID.randomUUID(), id, workspace.value(), l, descriptions.get(l),
                        line.quantity(), line.unitPrice().amount(), tax.isNone() ? null : tax.name(), tax.percent(),
                        a.net().amount(), a.tax().amount(), a.gross().amount()});
            }
            if (paid.signum() > 0) {
                LocalDate on = due.plusDays(random.nextInt(25) - 10);
                if (on.isBefore(issued)) {
                    on = issued;
                }
                if (on.isAfter(today)) {
                    on = today;
                }
                payments.add(new Object[] {UUID.randomUUID(), workspace.value(), id, client.id().value(),
                        Date.valueOf(on), paid, new String[] {"BANK", "PAYPAL", "WISE"}[random.nextInt(3)], rate,
                        on.atStartOfDay(ZoneOffset.UTC).plusHours(15).toOffsetDateTime()});
            }
        }
        jdbc.batchUpdate("""
                insert into invoices (id, workspace_id, client_id, kind, status, series, number, currency, language,
                    tax_mode, discount_percent, net_days, issue_date, due_date, subtotal, tax_total, total, amount_paid,
                    base_currency, base_rate, base_rate_day, created_at, updated_at, voided_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'EXCLUSIVE', 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                invoices, BATCH, (ps, r) -> {
                    for (int i = 0; i < 20; i++) {
                        ps.setObject(i + 1, r[i]);
                    }
                    ps.setObject(21, r[19]);
                    ps.setObject(22, r[20]);
                });
        jdbc.batchUpdate("""
                insert into invoice_lines (id, invoice_id, workspace_id, position, kind, description, quantity, unit,
                    unit_price, discount_percent, tax_name, tax_percent, net, tax, gross)
                values (?, ?, ?, ?, 'ITEM', ?, ?, 'HOURS', ?, 0, ?, ?, ?, ?, ?)""", lines, BATCH, (ps, r) -> {
                    for (int i = 0; i < r.length; i++) {
                        ps.setObject(i + 1, r[i]);
                    }
                });
        jdbc.batchUpdate("""
                insert into payments (id, workspace_id, invoice_id, client_id, paid_on, amount, credit, method, fee,
                    base_rate, created_at)
                values (?, ?, ?, ?, ?, ?, 0, ?, 0, ?, ?)""", payments, BATCH, (ps, r) -> {
                    for (int i = 0; i < r.length; i++) {
                        ps.setObject(i + 1, r[i]);
                    }
                });
        for (Map.Entry<Integer, Long> e : sequence.entrySet()) {
            jdbc.update("""
                    insert into invoice_counters (workspace_id, series, period, last_value) values (?, 'invoice', ?, ?)""",
                    workspace.value(), Integer.toString(e.getKey()), e.getValue());
        }
        // The rows above bypass the stores: the money reports' monthly sums are made again from them.
        monthSums.rebuild(workspace);
        return new Result(count, lines.size(), payments.size(), open, overdue);
    }
}
