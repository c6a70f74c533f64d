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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The daily sums the exchange-differences report reads (table {@code billing_exchange_days}): per workspace, payment
 * day, invoice currency and the currency of the invoice's recorded rate, the payments (amount above zero), how many
 * lack either rate, and the sums of their positive and of their negative differences. A payment's difference is its
 * amount at the payment date's rate less its amount at the issue date's rate, each rounded half-up to the rate
 * currency's minor units, exactly as the report computed it per payment ({@link ExchangeDifferences}).
 *
 * <p>As with {@link MonthSums}, a day is never updated by arithmetic on its old figures: it is summed again from its
 * payments. A day holds the payments of every client of the workspace, so the days touched by a transaction are
 * summed again just before it commits, under a lock of the workspace's day: of two transactions recording payments
 * of the same day, the second waits until the first commits and then sees its payment. The lock is taken after
 * every other lock of the transaction (invoice and client rows), so it cannot close a cycle with them.
 */
@Repository
class ExchangeDays {

    /** Each payment with its invoice's currency and both rates. */
    private static final String PAYMENT_ROWS = """
            select p.workspace_id, p.paid_on, i.currency, i.base_currency, i.base_rate as issue_rate,
                   p.base_rate as payment_rate, p.amount
            from payments p join invoices i on i.id = p.invoice_id and i.workspace_id = p.workspace_id
            where p.amount > 0""";

    private static final String INSERT = """
            insert into billing_exchange_days (workspace_id, paid_on, currency, rate_currency, payments, unrated, gains,
                losses)
            values (?, ?, ?, ?, ?, ?, ?, ?)""";

    record Key(UUID workspace, LocalDate day, String currency, @Nullable String rateCurrency) {
    }

    static final class Acc {
        long payments;
        long unrated;
        BigDecimal gains = BigDecimal.ZERO;
        BigDecimal losses = BigDecimal.ZERO;
    }

    private final DataSource dataSource;
    private final app.clientdesk.shared.jdbc.Database database;

    ExchangeDays(DataSource dataSource, app.clientdesk.shared.jdbc.Database database) {
        this.dataSource = dataSource;
        this.database = database;
    }

    /**
     * The payments of these days changed (recorded, a rate filled in, their invoice's rate changed): the days are
     * summed again before the transaction commits, or at once outside a transaction.
     */
    void changed(WorkspaceId workspace, Collection<LocalDate> days) {
        if (days.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            refresh(Map.of(workspace.value(), new TreeSet<>(days)));
            return;
        }
        Pending pending = null;
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Pending p && p.owner() == this) {
                pending = p;
            }
        }
        if (pending == null) {
            pending = new Pending(this);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.days().computeIfAbsent(workspace.value(), w -> new TreeSet<>()).addAll(days);
    }

    /** The days one transaction touched, summed again just before it commits. */
    private static final class Pending implements TransactionSynchronization {

        private final ExchangeDays owner;
        private final Map<UUID, Set<LocalDate>> days = new TreeMap<>();

        Pending(ExchangeDays owner) {
            this.owner = owner;
        }

        ExchangeDays owner() {
            return owner;
        }

        Map<UUID, Set<LocalDate>> days() {
            return days;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            owner.refresh(days);
        }
    }

    private void refresh(Map<UUID, Set<LocalDate>> days) {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            boolean postgres = database.isPostgres();
            for (Map.Entry<UUID, Set<LocalDate>> e : days.entrySet()) {
                UUID workspace = e.getKey();
                lock(c, postgres, workspace, e.getValue());
                for (LocalDate day : e.getValue()) {
                    Map<Key, Acc> sums = new LinkedHashMap<>();
                    collect(c, PAYMENT_ROWS + " and p.workspace_id = ? and p.paid_on = ?", sums, workspace,
                            Date.valueOf(day));
                    try (PreparedStatement delete = c.prepareStatement(
                            "delete from billing_exchange_days where workspace_id = ? and paid_on = ?")) {
                        delete.setObject(1, workspace);
                        delete.setDate(2, Date.valueOf(day));
                        delete.executeUpdate();
                    }
                    insert(c, sums);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("summing the exchange differences of " + days, e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    /**
     * One writer of a workspace's day at a time (see the class comment). On PostgreSQL a transaction-scoped advisory
     * lock per workspace and day, taken in day order: payments of other days never wait, and the holder only reads
     * payments and writes its days before it commits, so it waits for nothing a waiter holds (the workspace's row, which
     * invoice numbering locks early in an issue, would: an issue holding it can wait for the client's row a payment
     * holds). Two workspaces whose hashes collide merely take turns. H2 (tests, a single user) has no advisory locks:
     * the workspace's row.
     */
    private static void lock(Connection c, boolean postgres, UUID workspace, Set<LocalDate> days)
            throws SQLException {
        if (!postgres) {
            try (PreparedStatement lock = c.prepareStatement("select id from workspaces where id = ? for update")) {
                lock.setObject(1, workspace);
                lock.executeQuery().close();
            }
            return;
        }
        try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
            for (LocalDate day : days) {
                lock.setInt(1, workspace.hashCode());
                lock.setInt(2, (int) day.toEpochDay());
                lock.executeQuery().close();
            }
        }
    }

    /**
     * Every day of one workspace, or of all ({@code workspace} null: the migration that fills the table), made again
     * from the payments. Plain JDBC on the connection given, so the migration can run it.
     */
    static void rebuild(Connection c, @Nullable UUID workspace) throws SQLException {
        Map<Key, Acc> sums = new LinkedHashMap<>();
        collect(c, PAYMENT_ROWS + (workspace == null ? "" : " and p.workspace_id = ?"), sums,
                workspace == null ? new Object[0] : new Object[] {workspace});
        try (PreparedStatement delete = c.prepareStatement(workspace == null ? "delete from billing_exchange_days"
                : "delete from billing_exchange_days where workspace_id = ?")) {
            if (workspace != null) {
                delete.setObject(1, workspace);
            }
            delete.executeUpdate();
        }
        insert(c, sums);
    }

    private static void collect(Connection c, String sql, Map<Key, Acc> sums, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(2000);
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    add(sums, rs);
                }
            }
        }
    }

    private static void add(Map<Key, Acc> sums, ResultSet rs) throws SQLException {
        String rateCurrency = rs.getString("base_currency");
        rateCurrency = rateCurrency == null ? null : rateCurrency.strip();
        BigDecimal issueRate = rs.getBigDecimal("issue_rate");
        BigDecimal paymentRate = rs.getBigDecimal("payment_rate");
        BigDecimal amount = rs.getBigDecimal("amount");
        Acc acc = sums.computeIfAbsent(new Key(rs.getObject("workspace_id", UUID.class),
                rs.getDate("paid_on").toLocalDate(), rs.getString("currency").strip(), rateCurrency), k -> new Acc());
        acc.payments++;
        BigDecimal difference = difference(amount, issueRate, paymentRate, rateCurrency);
        if (difference == null) {
            acc.unrated++;
        } else if (difference.signum() > 0) {
            acc.gains = acc.gains.add(difference);
        } else if (difference.signum() < 0) {
            acc.losses = acc.losses.add(difference);
        }
    }

    /**
     * A payment's realised difference in {@code rateCurrency}: its amount at the payment's rate less its amount at the
     * issue's rate, each rounded half-up (half away from zero, as the database's round) to that currency's minor
     * units; null without either rate or without a rate currency.
     */
    static @Nullable BigDecimal difference(BigDecimal amount, @Nullable BigDecimal issueRate,
            @Nullable BigDecimal paymentRate, @Nullable String rateCurrency) {
        if (issueRate == null || paymentRate == null || rateCurrency == null) {
            return null;
        }
        int digits = BillingReportStore.digits(Currency.getInstance(rateCurrency));
        return amount.multiply(paymentRate).setScale(digits, RoundingMode.HALF_UP)
                .subtract(amount.multiply(issueRate).setScale(digits, RoundingMode.HALF_UP));
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
                ps.setDate(2, Date.valueOf(k.day()));
                ps.setString(3, k.currency());
                ps.setString(4, k.rateCurrency());
                ps.setLong(5, a.payments);
                ps.setLong(6, a.unrated);
                ps.setBigDecimal(7, a.gains);
                ps.setBigDecimal(8, a.losses);
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

    /** The days as stored, for tests: one text per row, sorted. */
    List<String> stored(WorkspaceId workspace) {
        List<String> out = new ArrayList<>();
        Connection c = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement ps = c.prepareStatement("select * from billing_exchange_days where workspace_id = ?")) {
            ps.setObject(1, workspace.value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String rc = rs.getString("rate_currency");
                    out.add(rs.getDate("paid_on") + " " + rs.getString("currency").strip() + " "
                            + (rc == null ? "-" : rc.strip()) + " " + rs.getLong("payments") + " "
                            + rs.getLong("unrated") + " " + plain(rs.getBigDecimal("gains")) + " "
                            + plain(rs.getBigDecimal("losses")));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
        out.sort(null);
        return out;
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
