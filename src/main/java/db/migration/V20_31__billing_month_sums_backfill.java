package db.migration;

import app.clientdesk.billing.MonthSumsMigration;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills the money reports' monthly sums (created by V20_30) from the invoices and payments already there. In Java
 * because each amount is rounded to its rate currency's minor units, which SQL does not know.
 */
public class V20_31__billing_month_sums_backfill extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        MonthSumsMigration.fill(context.getConnection());
    }
}
