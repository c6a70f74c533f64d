package app.clientdesk.exchange.internal;

import org.jspecify.annotations.Nullable;

/** The "convert" check: an amount in one currency, the currency wanted, and the date whose rate applies. */
public record ConvertForm(@Nullable String amount, @Nullable String from, @Nullable String to, @Nullable String date) {

    boolean asked() {
        return amount != null || from != null || to != null || date != null;
    }
}
