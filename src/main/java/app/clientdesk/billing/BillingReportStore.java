package app.clientdesk.billing;

import app.clientdesk.identity.WorkspaceId;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the money reports. Every statement names the workspace, and sums in the database: a report reads a
 * row per client, currency and month (or bucket), never a row per invoice. Converting to the base currency is
 * done per invoice in SQL (round half-up to the base currency's decimals, once per invoice; SQL's
 * {@code round} of a numeric rounds half away from zero, as Java's HALF_UP does) and summed after: {@code rated}
 * says whether the invoice had a rate (its currency is the base, or a rate in the base currency is recorded).
 */
@Repository
class BillingReportStore {

    static final String OPEN = "i.status in ('ISSUED', 'SENT', 'PARTIALLY_PAID') and i.kind <> 'CREDIT_NOTE'";
    private static final String RATED = "case when i.currency = :base or (i.base_currency = :base and i.base_rate "
            + "is not null) then 1 else 0 end";

    private final JdbcClient jdbc;

    BillingReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code amount} in the base currency at the invoice's recorded rate, or null without one. */
    private static String converted(String amount) {
        return "case when i.currency = :base then " + amount
                + " when i.base_currency = :base and i.base_rate is not null then round((" + amount
                + ") * i.base_rate, :digits) end";
    }

    /** A sum of one group: client (or none), a period or bucket, the currency, whether rated. */
    record Sum(@Nullable UUID client, @Nullable String clientName, int a, int b, Currency currency, boolean rated,
            BigDecimal amount, @Nullable BigDecimal base, long count) {
    }

    private static Sum sum(ResultSet rs, boolean withClient) throws SQLException {
        return new Sum(withClient ? rs.getObject("client_id", UUID.class) : null,
                withClient ? rs.getString("client_name") : null, rs.getInt("a"), rs.getInt("b"),
                Currency.getInstance(rs.getString("currency").strip()), rs.getInt("rated") == 1,
                rs.getBigDecimal("amount"), rs.getBigDecimal("base_amount"), rs.getLong("n"));
    }

    /** The open invoices of the workspace with their bucket (a), whether rated, amount due and its conversion. */
    private static final String OPEN_DUE = """
            select i.client_id, i.currency, %s as rated,
                   case when i.due_date >= :today then 0 when i.due_date >= :d30 then 1
                        when i.due_date >= :d60 then 2 when i.due_date >= :d90 then 3 else 4 end as a,
                   i.total - i.amount_paid as due, %s as base_due
            from invoices i
            where i.workspace_id = :w and %s""".formatted(RATED, converted("i.total - i.amount_paid"), OPEN);

    private JdbcClient.StatementSpec ageingParams(JdbcClient.StatementSpec spec, WorkspaceId workspace,
            Currency base, LocalDate today) {
        return spec.param("w", workspace.value()).param("base", base.getCurrencyCode()).param("digits", digits(base))
                .param("today", Date.valueOf(today)).param("d30", Date.valueOf(today.minusDays(30)))
                .param("d60", Date.valueOf(today.minusDays(60))).param("d90", Date.valueOf(today.minusDays(90)));
    }

    /** The workspace's amount due on open invoices per bucket (a), currency and rated: a few rows, no client. */
    List<Sum> ageingTotals(WorkspaceId workspace, Currency base, LocalDate today) {
        return ageingParams(jdbc.sql("""
                select t.a, 0 as b, t.currency, t.rated, sum(t.due) as amount, sum(t.base_due) as base_amount,
                       count(*) as n
                from (%s) t
                group by t.a, t.currency, t.rated""".formatted(OPEN_DUE)), workspace, base, today)
                .query((rs, n) -> sum(rs, false)).list();
    }

    /** A client's place in the ageing list and how many clients owe anything, with the sums of {@link #ageing}. */
    record RankedSum(long rank, long clients, Sum sum) {
    }

    /**
     * The sums of {@link #ageing} for the clients ranked {@code first} to {@code last} (from 1) by amount due in the
     * base currency, largest first, then by name; each row also says how many clients have open invoices.
     */
    List<RankedSum> ageingRanked(WorkspaceId workspace, Currency base, LocalDate today, long first, long last) {
        return ageingParams(jdbc.sql("""
                with t as (%s),
                ranked as (select t.client_id, c.name as client_name,
                                  row_number() over (order by coalesce(sum(t.base_due), 0) desc, lower(c.name),
                                                     t.client_id) as client_rank,
                                  count(*) over () as clients
                           from t join clients c on c.id = t.client_id
                           group by t.client_id, c.name)
                select r.client_id, r.client_name, r.client_rank, r.clients, t.a, 0 as b, t.currency, t.rated,
                       sum(t.due) as amount, sum(t.base_due) as base_amount, count(*) as n
                from ranked r join t on t.client_id = r.client_id
                where r.client_rank >= :first and r.client_rank <= :last
                group by r.client_id, r.client_name, r.client_rank, r.clients, t.a, t.currency, t.rated"""
                .formatted(OPEN_DUE)), workspace, base, today).param("first", first).param("last", last)
                .query((rs, n) -> new RankedSum(rs.getLong("client_rank"), rs.getLong("clients"), sum(rs, true)))
                .list();
    }

    /** A row of an ageing list. */
    record AgeingRow(UUID id, String number, UUID client, String clientName, LocalDate issueDate, LocalDate dueDate,
            Currency currency, BigDecimal due, @Nullable BigDecimal baseDue) {
    }

    /** Conditions on due date and client, only for the bounds given (no null parameters: plain SQL for both). */
    private static String bounds(@Nullable LocalDate dueFrom, @Nullable LocalDate dueTo, @Nullable UUID client) {
        return (dueFrom == null ? "" : " and i.due_date >= :from") + (dueTo == null ? "" : " and i.due_date <= :to")
                + (client == null ? "" : " and i.client_id = :client");
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, @Nullable LocalDate dueFrom,
            @Nullable LocalDate dueTo, @Nullable UUID client) {
        if (dueFrom != null) {
            spec = spec.param("from", Date.valueOf(dueFrom));
        }
        if (dueTo != null) {
            spec = spec.param("to", Date.valueOf(dueTo));
        }
        return client == null ? spec : spec.param("client", client);
    }

    /** Open invoices due between two dates (either open-ended), of one client or all, oldest due first. */
    List<AgeingRow> ageingItems(WorkspaceId workspace, Currency base, @Nullable LocalDate dueFrom,
            @Nullable LocalDate dueTo, @Nullable UUID client, int limit) {
        return bind(jdbc.sql("""
                select i.id, i.number, i.client_id, c.name as client_name, i.issue_date, i.due_date, i.currency,
                       i.total - i.amount_paid as due, %s as base_due
                from invoices i join clients c on c.id = i.client_id
                where i.workspace_id = :w and %s%s
                order by i.due_date, i.number
                fetch first %d rows only""".formatted(converted("i.total - i.amount_paid"), OPEN,
                        bounds(dueFrom, dueTo, client), limit))
                .param("w", workspace.value()).param("base", base.getCurrencyCode()).param("digits", digits(base)),
                dueFrom, dueTo, client)
                .query((rs, n) -> new AgeingRow(rs.getObject("id", UUID.class), rs.getString("number"),
                        rs.getObject("client_id", UUID.class), rs.getString("client_name"),
                        rs.getDate("issue_date").toLocalDate(), rs.getDate("due_date").toLocalDate(),
                        Currency.getInstance(rs.getString("currency").strip()), rs.getBigDecimal("due"),
                        rs.getBigDecimal("base_due")))
                .list();
    }

    /** How many open invoices are due between two dates, of one client or all. */
    long ageingCount(WorkspaceId workspace, @Nullable LocalDate dueFrom, @Nullable LocalDate dueTo,
            @Nullable UUID client) {
        return bind(jdbc.sql("select count(*) from invoices i where i.workspace_id = :w and %s%s"
                .formatted(OPEN, bounds(dueFrom, dueTo, client))).param("w", workspace.value()), dueFrom, dueTo, client)
                .query(Long.class).single();
    }

    /** Whether a sum of {@code billing_month_sums} converts to the base currency. */
    private static final String SUM_RATED = "case when s.currency = :base or s.rate_currency = :base then 1 else 0 end";
    /** A sum of {@code billing_month_sums} in the base currency, or null without a rate into it. */
    private static final String SUM_CONVERTED = "case when s.currency = :base then s.amount"
            + " when s.rate_currency = :base then s.rated_amount end";

    /**
     * Revenue per client, currency and issue month (a = year, b = month): the subtotal (before tax) of every
     * numbered invoice issued in the months of the range, credit notes negative (their amounts are). Read from the
     * monthly sums ({@link MonthSums}): a row per client, month and currency, whatever the number of invoices.
     * {@code from} and {@code to} are taken as whole months.
     */
    List<Sum> revenue(WorkspaceId workspace, Currency base, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select t.client_id, c.name as client_name, t.a, t.b, t.currency, t.rated,
                       sum(t.amount) as amount, sum(t.base_amount) as base_amount, sum(t.items) as n
                from (select s.client_id, s.currency, %s as rated, extract(year from s.month_start) as a,
                             extract(month from s.month_start) as b, s.amount, %s as base_amount, s.items
                      from billing_month_sums s
                      where s.workspace_id = :w and s.source = 'INVOICED' and s.month_start >= :from
                        and s.month_start <= :to) t
                join clients c on c.id = t.client_id
                group by t.client_id, c.name, t.a, t.b, t.currency, t.rated""".formatted(SUM_RATED, SUM_CONVERTED))
                .param("w", workspace.value()).param("base", base.getCurrencyCode())
                .param("from", Date.valueOf(from.withDayOfMonth(1))).param("to", Date.valueOf(to))
                .query((rs, n) -> sum(rs, true)).list();
    }

    /**
     * Cash received per currency and payment month (a = year, b = month): what each payment brought in
     * (settled amount plus the part that became credit), except payments made from the client's credit. From the
     * monthly sums, like {@link #revenue}.
     */
    List<Sum> cash(WorkspaceId workspace, Currency base, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select t.a, t.b, t.currency, t.rated, sum(t.amount) as amount, sum(t.base_amount) as base_amount,
                       sum(t.items) as n
                from (select s.currency, %s as rated, extract(year from s.month_start) as a,
                             extract(month from s.month_start) as b, s.amount, %s as base_amount, s.items
                      from billing_month_sums s
                      where s.workspace_id = :w and s.source = 'RECEIVED' and s.month_start >= :from
                        and s.month_start <= :to) t
                group by t.a, t.b, t.currency, t.rated""".formatted(SUM_RATED, SUM_CONVERTED))
                .param("w", workspace.value()).param("base", base.getCurrencyCode())
                .param("from", Date.valueOf(from.withDayOfMonth(1))).param("to", Date.valueOf(to))
                .query((rs, n) -> sum(rs, false)).list();
    }

    /**
     * Paid invoices per client: how many, how many with the last payment after the due date, and the days those
     * were late in all.
     */
    record PaidCount(UUID client, String clientName, long paid, long late, long daysLate) {
    }

    /**
     * The last payment of each paid invoice falling due since {@code :from}: the payments of those invoices only
     * (found by the invoices' status and due date), not of the whole history.
     */
    private static final String LAST_PAID = """
            (select p.invoice_id, max(p.paid_on) as last_paid from payments p where p.workspace_id = :w
               and p.invoice_id in (select pi.id from invoices pi where pi.workspace_id = :w and pi.status = 'PAID'
                                    and pi.due_date >= :from)
             group by p.invoice_id) lp""";

    /**
     * Paid invoices falling due since {@code from}, one row per client. The days between two dates are the day
     * field of the difference of two timestamps, which H2 and PostgreSQL both answer in whole days.
     */
    List<PaidCount> paidCounts(WorkspaceId workspace, LocalDate from) {
        return jdbc.sql("""
                select i.client_id, c.name as client_name, count(*) as paid,
                       sum(case when lp.last_paid > i.due_date then 1 else 0 end) as late,
                       sum(case when lp.last_paid > i.due_date then extract(day from
                           (cast(lp.last_paid as timestamp) - cast(i.due_date as timestamp))) else 0 end) as days_late
                from invoices i join %s on lp.invoice_id = i.id
                join clients c on c.id = i.client_id
                where i.workspace_id = :w and i.status = 'PAID' and i.kind <> 'CREDIT_NOTE' and i.due_date >= :from
                group by i.client_id, c.name""".formatted(LAST_PAID))
                .param("w", workspace.value()).param("from", Date.valueOf(from))
                .query((rs, n) -> new PaidCount(rs.getObject("client_id", UUID.class), rs.getString("client_name"),
                        rs.getLong("paid"), rs.getLong("late"), rs.getLong("days_late")))
                .list();
    }

    /** Open invoices overdue today, per client, due date (as an epoch day in a) and currency. */
    record Overdue(UUID client, String clientName, LocalDate due, Currency currency, boolean rated, BigDecimal amount,
            @Nullable BigDecimal base, long count) {
    }

    List<Overdue> overdue(WorkspaceId workspace, Currency base, LocalDate today) {
        return jdbc.sql("""
                select t.client_id, c.name as client_name, t.due_date, t.currency, t.rated,
                       sum(t.due) as amount, sum(t.base_due) as base_amount, count(*) as n
                from (select i.client_id, i.due_date, i.currency, %s as rated, i.total - i.amount_paid as due,
                             %s as base_due
                      from invoices i
                      where i.workspace_id = :w and %s and i.due_date < :today) t
                join clients c on c.id = t.client_id
                group by t.client_id, c.name, t.due_date, t.currency, t.rated""".formatted(RATED,
                        converted("i.total - i.amount_paid"), OPEN))
                .param("w", workspace.value()).param("base", base.getCurrencyCode()).param("digits", digits(base))
                .param("today", Date.valueOf(today))
                .query((rs, n) -> new Overdue(rs.getObject("client_id", UUID.class), rs.getString("client_name"),
                        rs.getDate("due_date").toLocalDate(), Currency.getInstance(rs.getString("currency").strip()),
                        rs.getInt("rated") == 1, rs.getBigDecimal("amount"), rs.getBigDecimal("base_amount"),
                        rs.getLong("n")))
                .list();
    }

    /** Open invoices' amount due per client, currency and due month (a = year, b = month), in its own currency. */
    List<Sum> falling(WorkspaceId workspace, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select t.client_id, c.name as client_name, t.a, t.b, t.currency, 1 as rated,
                       sum(t.due) as amount, cast(null as numeric(19, 4)) as base_amount, count(*) as n
                from (select i.client_id, i.currency, extract(year from i.due_date) as a,
                             extract(month from i.due_date) as b, i.total - i.amount_paid as due
                      from invoices i
                      where i.workspace_id = :w and %s and i.due_date >= :from and i.due_date <= :to) t
                join clients c on c.id = t.client_id
                group by t.client_id, c.name, t.a, t.b, t.currency""".formatted(OPEN))
                .param("w", workspace.value()).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> sum(rs, true)).list();
    }

    /**
     * Per currency, the earliest issue date of the workspace's numbered invoices without a rate into the base
     * currency: the day a rate is needed from.
     */
    java.util.Map<Currency, LocalDate> unratedSince(WorkspaceId workspace, Currency base) {
        java.util.Map<Currency, LocalDate> out = new java.util.HashMap<>();
        // The monthly sums keep each group's first day: a row per client and month, not per invoice.
        jdbc.sql("""
                select s.currency, min(s.first_day) as since from billing_month_sums s
                where s.workspace_id = :w and s.source = 'INVOICED' and s.currency <> :base
                  and (s.rate_currency is null or s.rate_currency <> :base)
                group by s.currency""")
                .param("w", workspace.value()).param("base", base.getCurrencyCode())
                .query((rs, n) -> out.put(Currency.getInstance(rs.getString("currency").strip()),
                        rs.getDate("since").toLocalDate()))
                .list();
        return out;
    }

    /** Invoices issued in the range whose base rate was filled in after they were issued, newest first. */
    List<BillingReports.FilledLater> filledLater(WorkspaceId workspace, Currency base, @Nullable LocalDate from,
            @Nullable LocalDate to) {
        JdbcClient.StatementSpec spec = jdbc.sql("""
                select i.id, i.number, i.currency, i.base_rate_day, i.base_rate_filled_at from invoices i
                where i.workspace_id = :w and i.base_rate_filled_at is not null and i.base_currency = :base%s%s
                order by i.base_rate_filled_at desc, i.number
                fetch first 50 rows only""".formatted(from == null ? "" : " and i.issue_date >= :from",
                        to == null ? "" : " and i.issue_date <= :to"))
                .param("w", workspace.value()).param("base", base.getCurrencyCode());
        if (from != null) {
            spec = spec.param("from", Date.valueOf(from));
        }
        if (to != null) {
            spec = spec.param("to", Date.valueOf(to));
        }
        return spec.query((rs, n) -> new BillingReports.FilledLater(new InvoiceId(rs.getObject("id", UUID.class)),
                        rs.getString("number"), Currency.getInstance(rs.getString("currency").strip()),
                        rs.getDate("base_rate_day").toLocalDate(),
                        rs.getObject("base_rate_filled_at", java.time.OffsetDateTime.class).toInstant()))
                .list();
    }

    // --- export ----------------------------------------------------------------------------------

    /** Every numbered invoice and credit note issued in the range, in number order, row by row. */
    void exportInvoices(WorkspaceId workspace, LocalDate from, LocalDate to, RowCallbackHandler row) {
        jdbc.sql("""
                select i.number, i.kind, i.status, i.issue_date, i.due_date, c.name as client_name, i.currency,
                       i.subtotal, i.tax_total, i.total, i.amount_paid, i.base_currency, i.base_rate,
                       cf.number as credit_for_number
                from invoices i join clients c on c.id = i.client_id
                left join invoices cf on cf.id = i.credit_for
                where i.workspace_id = :w and i.status <> 'DRAFT' and i.issue_date >= :from and i.issue_date <= :to
                order by i.issue_date, i.series, i.number""")
                .param("w", workspace.value()).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query(row);
    }

    /** Every line of those invoices, in invoice and line order. */
    void exportLines(WorkspaceId workspace, LocalDate from, LocalDate to, RowCallbackHandler row) {
        jdbc.sql("""
                select i.number, i.issue_date, c.name as client_name, i.currency, l.position, l.kind, l.description,
                       l.quantity, l.unit, l.unit_price, l.discount_percent, l.tax_name, l.tax_percent, l.net, l.tax,
                       l.gross
                from invoice_lines l join invoices i on i.id = l.invoice_id
                join clients c on c.id = i.client_id
                where i.workspace_id = :w and l.workspace_id = :w and i.status <> 'DRAFT' and i.issue_date >= :from
                  and i.issue_date <= :to
                order by i.issue_date, i.series, i.number, l.position""")
                .param("w", workspace.value()).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query(row);
    }

    /** Every payment dated in the range, by date. */
    void exportPayments(WorkspaceId workspace, LocalDate from, LocalDate to, RowCallbackHandler row) {
        jdbc.sql("""
                select p.paid_on, i.number, c.name as client_name, i.currency, p.amount, p.credit, p.fee, p.method,
                       p.received_currency, p.received_amount, p.received_rate, p.note
                from payments p join invoices i on i.id = p.invoice_id and i.workspace_id = :w
                join clients c on c.id = p.client_id
                where p.workspace_id = :w and p.paid_on >= :from and p.paid_on <= :to
                order by p.paid_on, p.created_at""")
                .param("w", workspace.value()).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query(row);
    }

    static int digits(Currency currency) {
        return Math.max(0, currency.getDefaultFractionDigits());
    }
}
