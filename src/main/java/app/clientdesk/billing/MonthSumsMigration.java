package app.clientdesk.billing;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The billing module's hooks for the database migrations that fill {@code billing_month_sums} from the invoices and
 * payments already there (Flyway's Java migration {@code db.migration.V20_31__billing_month_sums_backfill}). Not for
 * use elsewhere: it reads every workspace, and checks nothing but what the sums need.
 */
public final class MonthSumsMigration {

    private MonthSumsMigration() {
    }

    public static void fill(Connection connection) throws SQLException {
        MonthSums.rebuild(connection, null);
    }

    /** Fills {@code billing_exchange_days} (migration {@code V22_51__billing_exchange_days_backfill}). */
    public static void fillExchangeDays(Connection connection) throws SQLException {
        ExchangeDays.rebuild(connection, null);
    }
}
