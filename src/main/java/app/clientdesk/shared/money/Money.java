package app.clientdesk.shared.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * An exact amount in one currency, always at that currency's own number of decimals (JPY 0, BRL 2,
 * BHD 3). Anything that would need more is rounded half-up, once, where the rule says so.
 */
public record Money(BigDecimal amount, Currency currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        amount = amount.setScale(digits(currency), RoundingMode.HALF_UP);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** The currency's minor units; a currency without them (such as XAU) counts as 0. */
    public static int digits(Currency currency) {
        return Math.max(0, currency.getDefaultFractionDigits());
    }

    /**
     * An amount as a person types it: digits with a point or a comma before the decimals, no thousands
     * separators, no more decimals than the currency has, not negative. Empty when it is not one.
     */
    public static Optional<Money> parse(String text, Currency currency) {
        if (text == null) {
            return Optional.empty();
        }
        String plain = text.strip().replace(',', '.');
        if (!plain.matches("\\d{1,13}(\\.\\d+)?")) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(plain);
        if (value.stripTrailingZeros().scale() > digits(currency)) {
            return Optional.empty();
        }
        return Optional.of(new Money(value, currency));
    }

    /** This hourly amount for {@code seconds} of time, rounded half-up to the currency. */
    public Money forSeconds(long seconds) {
        BigDecimal exact = amount.multiply(BigDecimal.valueOf(seconds));
        return new Money(exact.divide(BigDecimal.valueOf(3600), digits(currency), RoundingMode.HALF_UP), currency);
    }

    public Money plus(Money other) {
        if (!other.currency.equals(currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return new Money(amount.add(other.amount), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** The amount with exactly the currency's decimals, as the API writes it: "1234.50", "1500", "1.250". */
    public String plain() {
        return amount.toPlainString();
    }

    /**
     * A fresh formatter of amounts in {@code currency} as people of {@code locale} write them, with the currency's
     * own decimals ("R$ 1.234,50", "¥8,333", "BHD 10.125"). Formatters are not thread-safe: one per use or thread.
     */
    public static java.text.NumberFormat formatter(Currency currency, java.util.Locale locale) {
        java.text.NumberFormat format = java.text.NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(digits(currency));
        format.setMaximumFractionDigits(digits(currency));
        return format;
    }

    /** This amount as people of {@code locale} write it. */
    public String format(java.util.Locale locale) {
        return formatter(currency, locale).format(amount);
    }

    @Override
    public String toString() {
        return plain() + " " + currency.getCurrencyCode();
    }
}
