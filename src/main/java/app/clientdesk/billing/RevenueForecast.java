package app.clientdesk.billing;

import app.clientdesk.clients.ClientId;
import app.clientdesk.shared.money.Money;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Money expected in the coming months in the base currency: every {@link ForecastSource} (retainers, recurring
 * invoices) plus open invoices falling due in each month, per client. Amounts in another currency are converted
 * at the newest rate on or before today ({@link ForecastRates}); without one they are listed in
 * {@code unconverted} and left out. With a client {@code without}, {@code totalWithout} is the forecast if that
 * client left, and {@code dropPercent} how much lower it is.
 */
public record RevenueForecast(Currency base, List<YearMonth> months, List<Row> clients, Row total,
        List<Expected> unconverted, @Nullable ClientId without, @Nullable String withoutName,
        @Nullable Row totalWithout, @Nullable BigDecimal dropPercent) {

    public static final int MONTHS = 3;

    /** A client's (or the total's) expected amounts per month, in the order of {@code months}, and their sum. */
    public record Row(@Nullable ClientId clientId, String name, List<Money> months, Money total) {
    }

    /** An expected amount not converted: whose, which month, how much, and from what. */
    public record Expected(ClientId clientId, String clientName, YearMonth month, Money amount, String source) {
    }
}
