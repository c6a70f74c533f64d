package app.clientdesk.billing;

import app.clientdesk.clients.ClientId;
import app.clientdesk.shared.money.Money;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Revenue and cash by month in the base currency. Revenue: invoices by issue month, before tax (subtotal),
 * credit notes negative, drafts never. Cash: payments by payment date (what was received, credit included,
 * payments from client credit excluded). Both at each invoice's recorded rate; what has no rate is listed apart.
 * {@code year} is null for the last twelve months.
 */
public record RevenueReport(Currency base, @Nullable Integer year, List<YearMonth> months, List<Row> clients,
        Row total, Row cash, List<Unconverted> unconvertedInvoices, List<Unconverted> unconvertedPayments) {

    /** A client's (or the total's, or cash's) amount per month, in the order of {@code months}, and its sum. */
    public record Row(@Nullable ClientId clientId, String name, List<Money> months, Money total) {
    }
}
