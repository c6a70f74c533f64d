package app.clientdesk.billing;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The billing module's hook for the database migration that fills {@code billing_month_sums} from the invoices and
 * payments already there (Flyway's Java migration {@code db.migration.V20_31__billing_month_sums_backfill}). Not for
 * use elsewhere: it reads every workspace, and checks nothing but what the sums need.
 */
public final class MonthSumsMigration {

    private MonthSumsMigration() {
    }

    public static void fill(Connection connection) throws SQLException {
        MonthSums.rebuild(connection, null);
    }
}
