package app.clientdesk.billing;

import app.clientdesk.clients.ClientId;
import app.clientdesk.shared.money.Money;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;

/**
 * Each client's share of revenue (as {@link RevenueReport} counts it) over the months {@code from} to
 * {@code to}, largest first; a client over {@code thresholdPercent} carries too much of the business.
 */
public record RevenueShareReport(Currency base, YearMonth from, YearMonth to, int thresholdPercent, List<Row> clients,
        Money total, List<Unconverted> unconverted) {

    public static final int DEFAULT_THRESHOLD = 40;

    /** A client's revenue and its share of the total, in percent to one decimal. */
    public record Row(ClientId clientId, String clientName, Money revenue, BigDecimal percent, boolean over) {
    }

    public List<Row> overThreshold() {
        return clients.stream().filter(Row::over).toList();
    }
}
