package app.clientdesk.billing;

import app.clientdesk.billing.BillingReportStore.AgeingRow;
import app.clientdesk.billing.BillingReportStore.Overdue;
import app.clientdesk.billing.BillingReportStore.PaidCount;
import app.clientdesk.billing.BillingReportStore.Sum;
import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.identity.Workspaces;
import app.clientdesk.shared.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner's money reports: receivables by age, revenue and cash by month, late payers, each client's share of
 * revenue, the forecast of the coming months (and without one client), and the accountant's CSV rows. Every
 * figure is in the workspace's base currency: an invoice in the base currency counts at 1, another at the rate
 * recorded on it for its issue date; one without a recorded rate is never guessed but left out and listed.
 * Each invoice's amount is rounded half-up to the base currency once, then summed. Drafts never count; a
 * credit note counts with its (negative) amounts; a void invoice owes nothing. The sums are made by the
 * database, so a report reads a row per client and month, not per invoice.
 */
@Service
public class BillingReports {

    /** Invoices listed behind one ageing amount. */
    public static final int ITEMS_LIMIT = 200;

    private final BillingReportStore store;
    private final Invoices invoices;
    private final Workspaces workspaces;
    private final List<ForecastSource> sources;
    private final ObjectProvider<ForecastRates> rates;

    BillingReports(BillingReportStore store, Invoices invoices, Workspaces workspaces, List<ForecastSource> sources,
            ObjectProvider<ForecastRates> rates) {
        this.store = store;
        this.invoices = invoices;
        this.workspaces = workspaces;
        this.sources = sources;
        this.rates = rates;
    }

    /** Today in the workspace's zone: the reports' "now". */
    public LocalDate today(WorkspaceId workspace) {
        return invoices.today(workspace);
    }

    public Currency baseCurrency(WorkspaceId workspace) {
        return Currency.getInstance(workspaces.settings(workspace).baseCurrency());
    }

    // --- figures filled in later ------------------------------------------------------------------

    /** An invoice whose base-currency rate was recorded after it was issued, when the rate arrived. */
    public record FilledLater(InvoiceId id, String number, Currency currency, LocalDate rateDay,
            java.time.Instant filledAt) {
    }

    /**
     * The invoices issued from {@code from} to {@code to} (either open-ended) whose rate into the base currency
     * was filled in later, when the rate was entered or imported: their figures count in the reports since then.
     * At most 50, newest first.
     */
    @Transactional(readOnly = true)
    public List<FilledLater> filledLater(CurrentUser viewer, @Nullable LocalDate from, @Nullable LocalDate to) {
        viewer.requireOwner();
        WorkspaceId ws = viewer.workspaceId();
        return store.filledLater(ws, baseCurrency(ws), from, to);
    }

    // --- ageing ----------------------------------------------------------------------------------

    /** The first page of {@link #ageing(CurrentUser, int)}. */
    @Transactional(readOnly = true)
    public AgeingReport ageing(CurrentUser viewer) {
        return ageing(viewer, 1);
    }

    /**
     * Receivables by age: the workspace's totals (all clients), and one page of {@link AgeingReport#PAGE} clients
     * ranked by amount due, largest first. Both are summed by the database, so the page reads the same number of
     * rows however many clients owe money. A page past the last has no clients (and the same totals).
     */
    @Transactional(readOnly = true)
    public AgeingReport ageing(CurrentUser viewer, int page) {
        viewer.requireOwner();
        WorkspaceId ws = viewer.workspaceId();
        Currency base = baseCurrency(ws);
        LocalDate today = invoices.today(ws);
        int chosen = Math.max(1, page);
        RowBuilder total = new RowBuilder(null, "", base);
        Unrated unrated = new Unrated();
        for (Sum s : store.ageingTotals(ws, base, today)) {
            total.invoices += s.count();
            if (s.rated()) {
                total.add(AgeingBucket.values()[s.a()], s.base());
            } else {
                unrated.add(s.currency(), s.amount(), s.count());
            }
        }
        long first = (long) (chosen - 1) * AgeingReport.PAGE + 1;
        Map<UUID, RowBuilder> byClient = new HashMap<>();
        Map<UUID, Long> ranks = new HashMap<>();
        long clients = 0;
        for (BillingReportStore.RankedSum r : store.ageingRanked(ws, base, today, first, first + AgeingReport.PAGE - 1)) {
            Sum s = r.sum();
            clients = r.clients();
            ranks.put(s.client(), r.rank());
            RowBuilder row = byClient.computeIfAbsent(s.client(), c -> new RowBuilder(c, s.clientName(), base));
            row.invoices += s.count();
            if (s.rated()) {
                row.add(AgeingBucket.values()[s.a()], s.base());
            }
        }
        List<AgeingReport.Row> rows = byClient.values().stream()
                .sorted(Comparator.comparing((RowBuilder b) -> ranks.get(b.client))).map(RowBuilder::ageing).toList();
        return new AgeingReport(today, base, rows, total.ageing(), unrated.list(base, () -> store.unratedSince(ws, base)),
                chosen, clients);
    }

    /** The open invoices of one bucket (of one client, or all), oldest due first, at most {@link #ITEMS_LIMIT}. */
    @Transactional(readOnly = true)
    public AgeingReport.Items ageingItems(CurrentUser viewer, AgeingBucket bucket, @Nullable ClientId client) {
        viewer.requireOwner();
        WorkspaceId ws = viewer.workspaceId();
        Currency base = baseCurrency(ws);
        LocalDate today = invoices.today(ws);
        UUID clientId = client == null ? null : client.value();
        LocalDate from = bucket.dueFrom(today);
        LocalDate to = bucket.dueTo(today);
        List<AgeingRow> rows = store.ageingItems(ws, base, from, to, clientId, ITEMS_LIMIT);
        long count = rows.size() < ITEMS_LIMIT ? rows.size() : store.ageingCount(ws, from, to, clientId);
        Money sum = Money.zero(base);
        List<AgeingReport.Item> items = new ArrayList<>();
        String clientName = null;
        for (AgeingRow r : rows) {
            Money baseDue = r.baseDue() == null ? null : new Money(r.baseDue(), base);
            if (baseDue != null) {
                sum = sum.plus(baseDue);
            }
            if (client != null) {
                clientName = r.clientName();
            }
            items.add(new AgeingReport.Item(new InvoiceId(r.id()), r.number(), new ClientId(r.client()),
                    r.clientName(), r.issueDate(), r.dueDate(), Math.max(0, ChronoUnit.DAYS.between(r.dueDate(), today)),
                    new Money(r.due(), r.currency()), baseDue));
        }
        return new AgeingReport.Items(bucket, client, clientName, today, items, count, sum, ITEMS_LIMIT);
    }

    // --- revenue ---------------------------------------------------------------------------------

    /** The months of a report: the twelve calendar months of {@code year}, or the last twelve up to this one. */
    public List<YearMonth> months(WorkspaceId workspace, @Nullable Integer year) {
        YearMonth first = year != null ? YearMonth.of(year, 1) : YearMonth.from(invoices.today(workspace)).minusMonths(11);
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            months.add(first.plusMonths(i));
        }
        return months;
    }

    @Transactional(readOnly = true)
    public RevenueReport revenue(CurrentUser viewer, @Nullable Integer year) {
        viewer.requireOwner();
        WorkspaceId ws = viewer.workspaceId();
        Currency base = baseCurrency(ws);
        List<YearMonth> months = months(ws, year);
        LocalDate from = months.get(0).atDay(1);
        LocalDate to = months.get(months.size() - 1).atEndOfMonth();
        Map<UUID, MonthRow> byClient = new LinkedHashMap<>();
        MonthRow total = new MonthRow(null, "", months, base);
        Unrated unratedInvoices = new Unrated();
        for (Sum s : store.revenue(ws, base, from, to)) {
            MonthRow row = byClient.computeIfAbsent(s.client(), c -> new MonthRow(c, s.clientName(), months, base));
            if (s.rated()) {
                YearMonth m = YearMonth.of(s.a(), s.b());
                row.add(m, s.base());
                total.add(m, s.base());
            } else {
                unratedInvoices.add(s.currency(), s.amount(), s.count());
            }
        }
        MonthRow cash = new MonthRow(null, "", months, base);
        Unrated unratedPayments = new Unrated();
        for (Sum s : store.cash(ws, base, from, to)) {
            if (s.rated()) {
                cash.add(YearMonth.of(s.a(), s.b()), s.base());
            } else {
                unratedPayments.add(s.currency(), s.amount(), s.count());
            }
        }
        List<RevenueReport.Row> rows = byClient.values().stream().map(MonthRow::revenue)
                .sorted(Comparator.comparing((RevenueReport.Row r) -> r.total().amount()).reversed()
                        .thenComparing(RevenueReport.Row::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        return new RevenueReport(base, year, months, rows, total.revenue(), cash.revenue(), unratedInvoices.list(base, () -> store.unratedSince(ws, base)),
                unratedPayments.list(base, () -> store.unratedSince(ws, base)));
    }

    // --- late payers -----------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public LatePayersReport latePayers(CurrentUser viewer) {
        viewer.requireOwner();
        WorkspaceId ws = viewer.workspaceId();
        Currency base = baseCurrency(ws);
        LocalDate today = invoices.today(ws);
        LocalDate since = today.minusMonths(LatePayersReport.MONTHS);
        Map<UUID, Late> byClient = new HashMap<>();
        for (PaidCount p : store.paidCounts(ws, since)) {
            Late late = byClient.computeIfAbsent(p.client(), c -> new Late(p.clientName(), base));
            late.paid = p.paid();
            late.paidLate = p.late();
            late.days += p.daysLate();
        }
        Unrated unrated = new Unrated();
        for (Overdue o : store.overdue(ws, base, today)) {
            Late late = byClient.computeIfAbsent(o.client(), c -> new Late(o.clientName(), base));
            late.openOverdue += o.count();
            late.days += ChronoUnit.DAYS.between(o.due(), today) * o.count();
            if (o.rated()) {
                late.overdue = late.overdue.plus(new Money(o.base(), base));
            } else {
                unrated.add(o.currency(), o.amount(), o.count());
            }
        }
        List<LatePayersReport.Row> rows = byClient.entrySet().stream()
                .filter(e -> e.getValue().paidLate + e.getValue().openOverdue > 0)
                .map(e -> e.getValue().row(new ClientId(e.getKey())))
                .sorted(Comparator.comparing((LatePayersReport.Row r) -> r.overdueNow().amount()).reversed()
                        .thenComparing(r -> r.averageDaysLate() == null ? BigDecimal.ZERO : r.averageDaysLate(),
                                Comparator.reverseOrder())
                        .thenComparing(LatePayersReport.Row::clientName, String.CASE_INSENSITIVE_ORDER))
                .toList();
        return new LatePayersReport(today, since, base, rows, unrated.list(base, () -> store.unratedSince(ws, base)));
    }

    // --- share -----------------------------------------------------------------------------------

    /** Each client's share of the last twelve months' revenue; {@code thresholdPercent} is 1–100. */
    @Transactional(readOnly = true)
    public RevenueShareReport share(CurrentUser viewer, int thresholdPercent) {
        viewer.requireOwner();
        if (thresholdPercent < 1 || thresholdPercent > 100) {
            throw new IllegalArgumentException("threshold " + thresholdPercent);
        }
        WorkspaceId ws = viewer.workspaceId();
        Currency base = baseCurrency(ws);
        List<YearMonth> months = months(ws, null);
        Map<UUID, String> names = new LinkedHashMap<>();
        Map<UUID, Money> revenue = new HashMap<>();
        Money total = Money.zero(base);
        Unrated unrated = new Unrated();
        for (Sum s : store.revenue(ws, base, months.get(0).atDay(1), months.get(11).atEndOfMonth())) {
            names.putIfAbsent(s.client(), s.clientName());
            if (s.rated()) {
                Money m = new Money(s.base(), base);
                revenue.merge(s.client(), m, Money::plus);
                total = total.plus(m);
            } else {
                unrated.add(s.currency(), s.amount(), s.count());
            }
        }
        BigDecimal threshold = BigDecimal.valueOf(thresholdPercent);
        List<RevenueShareReport.Row> rows = new ArrayList<>();
        for (Map.Entry<UUID, String> e : names.entrySet()) {
            Money m = revenue.getOrDefault(e.getKey(), Money.zero(base));
            BigDecimal percent = total.amount().signum() > 0
                    ? m.amount().multiply(BigDecimal.valueOf(100)).divide(total.amount(), 1, RoundingMode.HALF_UP)
                    : BigDecimal.ZERO.setScale(1);
            // Compared exactly, not by the rounded percent: 40.04 % is over 40 % though it shows as 40.0.
            boolean over = total.amount().signum() > 0 && m.amount().multiply(BigDecimal.valueOf(100))
                    .compareTo(total.amount().multiply(threshold)) > 0;
            rows.add(new RevenueShareReport.Row(new ClientId(e.getKey()), e.getValue(), m, percent, over));
        }
        rows.sort(Comparator.comparing((RevenueShareReport.Row r) -> r.revenue().amount()).reversed()
                .thenComparing(RevenueShareReport.Row::clientName, String.CASE_INSENSITIVE_ORDER));
        return new RevenueShareReport(base, months.get(0), months.get(11), thresholdPercent, rows, total,
                unrated.list(base, () -> store.unratedSince(ws, base)));
    }

    // --- forecast --------------------------------------------------------------------------------

    /**
     * The coming {@link RevenueForecast#MONTHS} months from this one: what every {@link ForecastSource} expects,
     * plus open invoices falling due in each month (those due before this month are in the ageing, not here).
     * With {@code without}, also the total if that client left.
     */
    @Transactional(readOnly = true)
    public RevenueForecast forecast(CurrentUser viewer, @Nullable ClientId without) {
        viewer.requireOwner();
        WorkspaceId ws = viewer.workspaceId();
        Currency base = baseCurrency(ws);
        LocalDate today = invoices.today(ws);
        YearMonth first = YearMonth.from(today);
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < RevenueForecast.MONTHS; i++) {
            months.add(first.plusMonths(i));
        }
        List<ForecastSource.Expected> expected = new ArrayList<>();
        for (ForecastSource source : sources) {
            for (ForecastSource.Expected e : source.expected(ws, first, RevenueForecast.MONTHS)) {
                if (months.contains(e.month())) {
                    expected.add(e);
                }
            }
        }
        for (Sum s : store.falling(ws, first.atDay(1), months.get(months.size() - 1).atEndOfMonth())) {
            expected.add(new ForecastSource.Expected(new ClientId(s.client()), s.clientName(),
                    YearMonth.of(s.a(), s.b()), new Money(s.amount(), s.currency()), "invoices"));
        }
        ForecastRates lookup = rates.getIfAvailable();
        Map<Currency, Optional<BigDecimal>> rateOf = new HashMap<>();
        Map<ClientId, MonthRow> byClient = new LinkedHashMap<>();
        MonthRow total = new MonthRow(null, "", months, base);
        MonthRow totalWithout = new MonthRow(null, "", months, base);
        List<RevenueForecast.Expected> unconverted = new ArrayList<>();
        String withoutName = null;
        for (ForecastSource.Expected e : expected) {
            Currency currency = e.amount().currency();
            Optional<BigDecimal> rate = currency.equals(base) ? Optional.of(BigDecimal.ONE)
                    : rateOf.computeIfAbsent(currency, c -> lookup == null ? Optional.empty()
                            : lookup.rate(ws, c, base, today));
            if (e.clientId().equals(without)) {
                withoutName = e.clientName();
            }
            if (rate.isEmpty()) {
                unconverted.add(new RevenueForecast.Expected(e.clientId(), e.clientName(), e.month(), e.amount(),
                        e.source()));
                continue;
            }
            BigDecimal amount = e.amount().amount().multiply(rate.get());
            byClient.computeIfAbsent(e.clientId(), c -> new MonthRow(c.value(), e.clientName(), months, base))
                    .add(e.month(), amount);
            total.add(e.month(), amount);
            if (!e.clientId().equals(without)) {
                totalWithout.add(e.month(), amount);
            }
        }
        List<RevenueForecast.Row> rows = byClient.values().stream().map(MonthRow::forecast)
                .sorted(Comparator.comparing((RevenueForecast.Row r) -> r.total().amount()).reversed()
                        .thenComparing(RevenueForecast.Row::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        unconverted.sort(Comparator.comparing(RevenueForecast.Expected::month)
                .thenComparing(RevenueForecast.Expected::clientName, String.CASE_INSENSITIVE_ORDER));
        RevenueForecast.Row all = total.forecast();
        RevenueForecast.Row rest = null;
        BigDecimal drop = null;
        if (without != null) {
            rest = totalWithout.forecast();
            drop = all.total().amount().signum() > 0
                    ? all.total().amount().subtract(rest.total().amount()).multiply(BigDecimal.valueOf(100))
                            .divide(all.total().amount(), 1, RoundingMode.HALF_UP)
                    : BigDecimal.ZERO.setScale(1);
        }
        return new RevenueForecast(base, months, rows, all, unconverted, without, withoutName, rest, drop);
    }

    // --- export ----------------------------------------------------------------------------------

    /** An invoice or credit note as the accountant's file lists it; amounts in its own currency. */
    public record ExportedInvoice(String number, InvoiceKind kind, InvoiceStatus status, LocalDate issueDate,
            LocalDate dueDate, String clientName, Currency currency, BigDecimal subtotal, BigDecimal taxTotal,
            BigDecimal total, BigDecimal amountPaid, BigDecimal amountDue, @Nullable Currency baseCurrency,
            @Nullable BigDecimal baseRate, @Nullable BigDecimal baseTotal, @Nullable String creditForNumber) {
    }

    /** A line of an invoice, with its invoice's number, date, client and currency. */
    public record ExportedLine(String invoiceNumber, LocalDate issueDate, String clientName, Currency currency,
            int position, LineKind kind, String description, BigDecimal quantity, String unit, BigDecimal unitPrice,
            BigDecimal discountPercent, @Nullable String taxName, BigDecimal taxPercent, BigDecimal net,
            BigDecimal tax, BigDecimal gross) {
    }

    /** A payment, in its invoice's currency (and what was received, when it came in another). */
    public record ExportedPayment(LocalDate paidOn, String invoiceNumber, String clientName, Currency currency,
            BigDecimal amount, BigDecimal credit, BigDecimal fee, String method, @Nullable Currency receivedCurrency,
            @Nullable BigDecimal receivedAmount, @Nullable BigDecimal receivedRate, @Nullable String note) {
    }

    /** Every numbered invoice and credit note issued from {@code from} to {@code to}, one by one. */
    @Transactional(readOnly = true)
    public void exportInvoices(CurrentUser viewer, LocalDate from, LocalDate to, Consumer<ExportedInvoice> out) {
        viewer.requireOwner();
        store.exportInvoices(viewer.workspaceId(), from, to, rs -> {
            Currency currency = currency(rs, "currency");
            BigDecimal total = scaled(rs, "total", currency);
            BigDecimal paid = scaled(rs, "amount_paid", currency);
            InvoiceKind kind = InvoiceKind.valueOf(rs.getString("kind"));
            InvoiceStatus status = InvoiceStatus.valueOf(rs.getString("status"));
            Currency baseCurrency = rs.getString("base_currency") == null ? null : currency(rs, "base_currency");
            BigDecimal rate = rs.getBigDecimal("base_rate");
            BigDecimal baseTotal = baseCurrency == null || rate == null ? null
                    : total.multiply(rate).setScale(Money.digits(baseCurrency), RoundingMode.HALF_UP);
            BigDecimal due = status.open() && kind != InvoiceKind.CREDIT_NOTE ? total.subtract(paid)
                    : BigDecimal.ZERO.setScale(Money.digits(currency));
            out.accept(new ExportedInvoice(rs.getString("number"), kind, status,
                    rs.getDate("issue_date").toLocalDate(), rs.getDate("due_date").toLocalDate(),
                    rs.getString("client_name"), currency, scaled(rs, "subtotal", currency),
                    scaled(rs, "tax_total", currency), total, paid, due, baseCurrency,
                    rate == null ? null : rate.stripTrailingZeros(), baseTotal, rs.getString("credit_for_number")));
        });
    }

    @Transactional(readOnly = true)
    public void exportLines(CurrentUser viewer, LocalDate from, LocalDate to, Consumer<ExportedLine> out) {
        viewer.requireOwner();
        store.exportLines(viewer.workspaceId(), from, to, rs -> {
            Currency currency = currency(rs, "currency");
            out.accept(new ExportedLine(rs.getString("number"), rs.getDate("issue_date").toLocalDate(),
                    rs.getString("client_name"), currency, rs.getInt("position") + 1,
                    LineKind.valueOf(rs.getString("kind")), rs.getString("description"),
                    plain(rs.getBigDecimal("quantity")), rs.getString("unit"), scaled(rs, "unit_price", currency),
                    plain(rs.getBigDecimal("discount_percent")), rs.getString("tax_name"),
                    plain(rs.getBigDecimal("tax_percent")), scaled(rs, "net", currency), scaled(rs, "tax", currency),
                    scaled(rs, "gross", currency)));
        });
    }

    @Transactional(readOnly = true)
    public void exportPayments(CurrentUser viewer, LocalDate from, LocalDate to, Consumer<ExportedPayment> out) {
        viewer.requireOwner();
        store.exportPayments(viewer.workspaceId(), from, to, rs -> {
            Currency currency = currency(rs, "currency");
            Currency received = rs.getString("received_currency") == null ? null : currency(rs, "received_currency");
            BigDecimal receivedRate = rs.getBigDecimal("received_rate");
            out.accept(new ExportedPayment(rs.getDate("paid_on").toLocalDate(), rs.getString("number"),
                    rs.getString("client_name"), currency, scaled(rs, "amount", currency),
                    scaled(rs, "credit", currency), scaled(rs, "fee", currency), rs.getString("method"), received,
                    received == null ? null : scaled(rs, "received_amount", received),
                    receivedRate == null ? null : receivedRate.stripTrailingZeros(), rs.getString("note")));
        });
    }

    private static Currency currency(ResultSet rs, String column) throws SQLException {
        return Currency.getInstance(rs.getString(column).strip());
    }

    /** A stored amount at its currency's decimals (the column keeps four). */
    private static BigDecimal scaled(ResultSet rs, String column, Currency currency) throws SQLException {
        return rs.getBigDecimal(column).setScale(Money.digits(currency), RoundingMode.HALF_UP);
    }

    /** A quantity or percent without the column's trailing zeros, never in exponent notation. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    // --- building rows ---------------------------------------------------------------------------

    /** Amounts without a rate, per currency. */
    private static final class Unrated {
        private final Map<Currency, BigDecimal> amounts = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
        private final Map<Currency, Long> counts = new HashMap<>();

        void add(Currency currency, BigDecimal amount, long count) {
            amounts.merge(currency, amount, BigDecimal::add);
            counts.merge(currency, count, Long::sum);
        }

        List<Unconverted> list() {
            return amounts.entrySet().stream()
                    .map(e -> new Unconverted(new Money(e.getValue(), e.getKey()), counts.get(e.getKey()))).toList();
        }

        /** With, per currency, the earliest day a rate is missing (for the link that enters it). */
        List<Unconverted> list(Currency base, java.util.function.Supplier<Map<Currency, LocalDate>> days) {
            if (amounts.isEmpty()) {
                return List.of(); // the days are looked up only when a rate is missing
            }
            Map<Currency, LocalDate> since = days.get();
            return amounts.entrySet().stream()
                    .map(e -> new Unconverted(new Money(e.getValue(), e.getKey()), counts.get(e.getKey()), base,
                            since.get(e.getKey()))).toList();
        }
    }

    private static final class RowBuilder {
        final @Nullable UUID client;
        final String name;
        final Currency base;
        final Map<AgeingBucket, BigDecimal> buckets = new EnumMap<>(AgeingBucket.class);
        long invoices;

        RowBuilder(@Nullable UUID client, @Nullable String name, Currency base) {
            this.client = client;
            this.name = name == null ? "" : name;
            this.base = base;
        }

        void add(AgeingBucket bucket, @Nullable BigDecimal amount) {
            buckets.merge(bucket, amount == null ? BigDecimal.ZERO : amount, BigDecimal::add);
        }

        AgeingReport.Row ageing() {
            Map<AgeingBucket, Money> amounts = new EnumMap<>(AgeingBucket.class);
            Money total = Money.zero(base);
            for (AgeingBucket b : AgeingBucket.values()) {
                Money m = new Money(buckets.getOrDefault(b, BigDecimal.ZERO), base);
                amounts.put(b, m);
                total = total.plus(m);
            }
            return new AgeingReport.Row(client == null ? null : new ClientId(client), name, amounts, total, invoices);
        }
    }

    /** Amounts per month; a converted amount is rounded to the base currency as it is added (once per amount). */
    private static final class MonthRow {
        final @Nullable UUID client;
        final String name;
        final List<YearMonth> months;
        final Currency base;
        final Map<YearMonth, Money> amounts = new HashMap<>();

        MonthRow(@Nullable UUID client, @Nullable String name, List<YearMonth> months, Currency base) {
            this.client = client;
            this.name = name == null ? "" : name;
            this.months = months;
            this.base = base;
        }

        void add(YearMonth month, @Nullable BigDecimal amount) {
            if (amount != null) {
                amounts.merge(month, new Money(amount, base), Money::plus);
            }
        }

        List<Money> list() {
            return months.stream().map(m -> amounts.getOrDefault(m, Money.zero(base))).toList();
        }

        Money total() {
            return list().stream().reduce(Money.zero(base), Money::plus);
        }

        RevenueReport.Row revenue() {
            return new RevenueReport.Row(client == null ? null : new ClientId(client), name, list(), total());
        }

        RevenueForecast.Row forecast() {
            return new RevenueForecast.Row(client == null ? null : new ClientId(client), name, list(), total());
        }
    }

    private static final class Late {
        final String name;
        long paid;
        long paidLate;
        long openOverdue;
        long days;
        Money overdue;

        Late(String name, Currency base) {
            this.name = name;
            this.overdue = Money.zero(base);
        }

        LatePayersReport.Row row(ClientId id) {
            long late = paidLate + openOverdue;
            BigDecimal average = late == 0 ? null
                    : BigDecimal.valueOf(days).divide(BigDecimal.valueOf(late), 1, RoundingMode.HALF_UP);
            return new LatePayersReport.Row(id, name, paid, paidLate, openOverdue, average, overdue);
        }
    }
}
