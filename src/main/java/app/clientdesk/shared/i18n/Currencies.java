package app.clientdesk.shared.i18n;

import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** ISO 4217 currencies, parsed strictly ("usd" is accepted, "US$" is not). */
public final class Currencies {

    private static final List<Currency> ALL = Currency.getAvailableCurrencies().stream()
            .filter(c -> c.getDefaultFractionDigits() >= 0)
            .sorted(Comparator.comparing(Currency::getCurrencyCode))
            .toList();

    private Currencies() {}

    public static List<Currency> selectable() {
        return ALL;
    }

    public static Optional<Currency> parse(String code) {
        if (code == null || !code.trim().matches("[A-Za-z]{3}")) {
            return Optional.empty();
        }
        try {
            Currency currency = Currency.getInstance(code.trim().toUpperCase(java.util.Locale.ROOT));
            return currency.getDefaultFractionDigits() >= 0 ? Optional.of(currency) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
