package app.clientdesk.billing;

import app.clientdesk.shared.money.Money;
import java.time.LocalDate;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * Money a report could not put in the base currency because no rate was recorded for it: the sum in its own
 * currency and how many invoices (or payments, or expected amounts) it is. It is left out of the base totals.
 * {@code since} is the earliest issue date of the workspace's invoices in that currency without a rate: a rate
 * into {@code base} on or before that day fills them all in.
 */
public record Unconverted(Money amount, long count, @Nullable Currency base, @Nullable LocalDate since) {

    public Unconverted(Money amount, long count) {
        this(amount, count, null, null);
    }

    /** The exchange-rates page with its form filled in for the missing rate, or the page alone. */
    public String enterRateLink() {
        if (base == null || since == null) {
            return "/billing/exchange-rates";
        }
        return "/billing/exchange-rates?day=" + since + "&base=" + amount.currency().getCurrencyCode() + "&quote="
                + base.getCurrencyCode() + "#set-rate";
    }
}
