package db.migration;

import app.clientdesk.billing.MonthSumsMigration;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills the exchange-differences report's daily sums (created by V22_50) from the payments already there. In Java
 * because each payment's two conversions are rounded to the rate currency's minor units, which SQL does not know.
 */
public class V22_51__billing_exchange_days_backfill extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        MonthSumsMigration.fillExchangeDays(context.getConnection());
    }
}
