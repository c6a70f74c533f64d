package app.clientdesk.billing;

import app.clientdesk.shared.money.Money;

/**
 * Money a report could not put in the base currency because no rate was recorded for it: the sum in its own
 * currency and how many invoices (or payments, or expected amounts) it is. It is left out of the base totals.
 */
public record Unconverted(Money amount, long count) {
}
