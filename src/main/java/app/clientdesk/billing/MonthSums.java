package app.clientdesk.billing;

import app.clientdesk.identity.WorkspaceId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The monthly sums the money reports read (table {@code billing_month_sums}): per client, month and currency, the
 * subtotal of numbered invoices by issue month ({@code INVOICED}) and the cash of payments by payment month
 * ({@code RECEIVED}). They are never updated by arithmetic on the old figures: after a change, the client's month
 * is summed again from its invoices and payments, in the same transaction, so a sum is exactly what the rows say.
 * A client's month holds a few invoices, so this costs a millisecond or two per change.
 *
 * <p>Amounts in another currency are converted at the invoice's recorded rate and rounded half-up to the rate
 * currency's minor units one by one (as the reports did in SQL per invoice), then summed.
 */
@Repository
class MonthSums {

    static final String INVOICED = "INVOICED";
    static final String RECEIVED = "RECEIVED";

    /** Numbered invoices as revenue: the day is the issue date, the amount the subtotal. */
    private static final String INVOICE_ROWS = """
            select i.workspace_id, i.client_id, i.issue_date as on_day, i.currency, i.base_currency, i.base_rate,
                   i.subtotal as amount
            from invoices i where i.status <> 'DRAFT' and i.issue_date is not null""";

    /** Payments as cash: what each brought in (settled plus credit), except payments made from credit. */
    private static final String PAYMENT_ROWS = """
            select p.workspace_id, p.client_id, p.paid_on as on_day, i.currency, i.base_currency, i.base_rate,
                   p.amount + p.credit as amount
            from payments p join invoices i on i.id = p.invoice_id and i.workspace_id = p.workspace_id
            where p.method <> 'CREDIT'""";

    private static final String INSERT = """
            insert into billing_month_sums (workspace_id, client_id, month_start, source, currency, rate_currency, amount,
                rated_amount, items, first_day)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    record Key(UUID workspace, UUID client, LocalDate month, String source, String currency,
            @Nullable String rateCurrency) {
    }

    static final class Acc {
        BigDecimal amount = BigDecimal.ZERO;
        @Nullable BigDecimal rated;
        long items;
        @Nullable LocalDate firstDay;
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final app.clientdesk.shared.jdbc.Database database;
    /** The exchange-differences report's daily sums, kept on the same changes. */
    private final ExchangeDays exchangeDays;

    MonthSums(JdbcClient jdbc, DataSource dataSource, ExchangeDays exchangeDays,
            app.clientdesk.shared.jdbc.Database database) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.database = database;
        this.exchangeDays = exchangeDays;
    }

    /**
     * After any change to an invoice: its issue month and the months of its payments, summed again; and its payments'
     * days of exchange differences (its rate may have changed).
     */
    void invoiceChanged(WorkspaceId workspace, UUID invoice) {
        Set<Map.Entry<UUID, YearMonth>> months = new LinkedHashSet<>();
        Set<LocalDate> days = new LinkedHashSet<>();
        jdbc.sql("select client_id, issue_date from invoices where workspace_id = :w and id = :i")
                .param("w", workspace.value()).param("i", invoice).query(rs -> {
                    Date issued = rs.getDate("issue_date");
                    if (issued != null) {
                        months.add(Map.entry(rs.getObject("client_id", UUID.class),
                                YearMonth.from(issued.toLocalDate())));
                    }
                });
        jdbc.sql("select distinct client_id, paid_on from payments where workspace_id = :w and invoice_id = :i")
                .param("w", workspace.value()).param("i", invoice).query(rs -> {
                    LocalDate paidOn = rs.getDate("paid_on").toLocalDate();
                    months.add(Map.entry(rs.getObject("client_id", UUID.class), YearMonth.from(paidOn)));
                    days.add(paidOn);
                });
        for (Map.Entry<UUID, YearMonth> m : months) {
            refresh(workspace, m.getKey(), m.getValue());
        }
        exchangeDays.changed(workspace, days);
    }

    /**
     * After a payment is recorded (or its figures change): its client's month of payments summed again, and its day
     * of exchange differences.
     */
    void paymentChanged(WorkspaceId workspace, UUID client, LocalDate paidOn) {
        refresh(workspace, client, YearMonth.from(paidOn));
        exchangeDays.changed(workspace, List.of(paidOn));
    }

    /** After a payment's rate on its day was filled in: only the exchange differences use it. */
    void paymentRateChanged(WorkspaceId workspace, LocalDate paidOn) {
        exchangeDays.changed(workspace, List.of(paidOn));
    }

    /** One client's month, both sources, summed again from the invoices and payments. */
    void refresh(WorkspaceId workspace, UUID client, YearMonth month) {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            // One writer per client at a time: two payments of the same client's month in parallel would each sum
            // without the other's row and both write. The client's row is held until the transaction ends (on
            // PostgreSQL without the key lock, which the inserts' foreign-key checks share); each statement below
            // then reads what the writers before it committed.
            boolean postgres = database.isPostgres();
            try (PreparedStatement lock = c.prepareStatement("select id from clients where workspace_id = ? and id = ?"
                    + (postgres ? " for no key update" : " for update"))) {
                lock.setObject(1, workspace.value());
                lock.setObject(2, client);
                lock.executeQuery().close();
            }
            String where = " and %s.workspace_id = ? and %s.client_id = ? and %s >= ? and %s <= ?";
            Map<Key, Acc> sums = new LinkedHashMap<>();
            collect(c, INVOICE_ROWS + where.formatted("i", "i", "i.issue_date", "i.issue_date"), INVOICED, sums,
                    workspace.value(), client, Date.valueOf(month.atDay(1)), Date.valueOf(month.atEndOfMonth()));
            collect(c, PAYMENT_ROWS + where.formatted("p", "p", "p.paid_on", "p.paid_on"), RECEIVED, sums,
                    workspace.value(), client, Date.valueOf(month.atDay(1)), Date.valueOf(month.atEndOfMonth()));
            try (PreparedStatement delete = c.prepareStatement(
                    "delete from billing_month_sums where workspace_id = ? and client_id = ? and month_start = ?")) {
                delete.setObject(1, workspace.value());
                delete.setObject(2, client);
                delete.setDate(3, Date.valueOf(month.atDay(1)));
                delete.executeUpdate();
            }
            insert(c, sums);
        } catch (SQLException e) {
            throw new IllegalStateException("summing " + month + " of client " + client, e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    /** Every sum of one workspace, and its exchange days, made again (after bulk inserts that bypass the stores, such as the generator). */
    void rebuild(WorkspaceId workspace) {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            rebuild(c, workspace.value());
            ExchangeDays.rebuild(c, workspace.value());
        } catch (SQLException e) {
            throw new IllegalStateException("summing the months of " + workspace, e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    /**
     * Every sum of one workspace, or of all ({@code workspace} null: the migration that fills the table), made
     * again from the invoices and payments. Plain JDBC on the connection given, so the migration can run it.
     */
    static void rebuild(Connection c, @Nullable UUID workspace) throws SQLException {
        Map<Key, Acc> sums = new LinkedHashMap<>();
        collect(c, INVOICE_ROWS + (workspace == null ? "" : " and i.workspace_id = ?"), INVOICED, sums,
                workspace == null ? new Object[0] : new Object[] {workspace});
        collect(c, PAYMENT_ROWS + (workspace == null ? "" : " and p.workspace_id = ?"), RECEIVED, sums,
                workspace == null ? new Object[0] : new Object[] {workspace});
        try (PreparedStatement delete = c.prepareStatement(workspace == null ? "delete from billing_month_sums"
                : "delete from billing_month_sums where workspace_id = ?")) {
            if (workspace != null) {
                delete.setObject(1, workspace);
            }
            delete.executeUpdate();
        }
        insert(c, sums);
    }

    private static void collect(Connection c, String sql, String source, Map<Key, Acc> sums, Object... params)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(2000);
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    add(sums, source, rs);
                }
            }
        }
    }

    private static void add(Map<Key, Acc> sums, String source, ResultSet rs) throws SQLException {
        LocalDate day = rs.getDate("on_day").toLocalDate();
        BigDecimal rate = rs.getBigDecimal("base_rate");
        String rateCurrency = rs.getString("base_currency");
        rateCurrency = rate == null || rateCurrency == null ? null : rateCurrency.strip();
        BigDecimal amount = rs.getBigDecimal("amount");
        Acc acc = sums.computeIfAbsent(new Key(rs.getObject("workspace_id", UUID.class),
                rs.getObject("client_id", UUID.class), day.withDayOfMonth(1), source, rs.getString("currency").strip(),
                rateCurrency), k -> new Acc());
        acc.amount = acc.amount.add(amount);
        acc.items++;
        acc.firstDay = acc.firstDay == null || day.isBefore(acc.firstDay) ? day : acc.firstDay;
        if (rateCurrency != null) {
            BigDecimal converted = amount.multiply(rate).setScale(
                    BillingReportStore.digits(Currency.getInstance(rateCurrency)), RoundingMode.HALF_UP);
            acc.rated = acc.rated == null ? converted : acc.rated.add(converted);
        }
    }

    private static void insert(Connection c, Map<Key, Acc> sums) throws SQLException {
        if (sums.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            int pending = 0;
            for (Map.Entry<Key, Acc> e : sums.entrySet()) {
                Key k = e.getKey();
                Acc a = e.getValue();
                ps.setObject(1, k.workspace());
                ps.setObject(2, k.client());
                ps.setDate(3, Date.valueOf(k.month()));
                ps.setString(4, k.source());
                ps.setString(5, k.currency());
                ps.setString(6, k.rateCurrency());
                ps.setBigDecimal(7, a.amount);
                ps.setBigDecimal(8, a.rated);
                ps.setLong(9, a.items);
                ps.setDate(10, Date.valueOf(java.util.Objects.requireNonNull(a.firstDay)));
                ps.addBatch();
                if (++pending == 1000) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /** The sums as stored, for tests: key and figures. */
    List<Map.Entry<Key, Acc>> stored(WorkspaceId workspace) {
        List<Map.Entry<Key, Acc>> out = new ArrayList<>();
        jdbc.sql("select * from billing_month_sums where workspace_id = :w").param("w", workspace.value())
                .query(rs -> {
                    Acc a = new Acc();
                    a.amount = rs.getBigDecimal("amount");
                    a.rated = rs.getBigDecimal("rated_amount");
                    a.items = rs.getLong("items");
                    a.firstDay = rs.getDate("first_day").toLocalDate();
                    String rc = rs.getString("rate_currency");
                    out.add(Map.entry(new Key(rs.getObject("workspace_id", UUID.class),
                            rs.getObject("client_id", UUID.class), rs.getDate("month_start").toLocalDate(),
                            rs.getString("source"), rs.getString("currency").strip(), rc == null ? null : rc.strip()),
                            a));
                });
        return out;
    }
}
