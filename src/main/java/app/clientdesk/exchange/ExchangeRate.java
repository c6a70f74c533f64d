package app.clientdesk.exchange;

import app.clientdesk.shared.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * A rate in force: 1 {@code from} = {@code rate} {@code to} (at most 10 decimals), from the rate of
 * {@code day} (for a cross rate, the older of its two legs' days). {@code source} is {@link #MANUAL} or
 * {@link #ECB}; a cross rate whose legs differ counts as {@link #MANUAL}. {@code via} holds the two legs of a
 * rate crossed over EUR (EUR→from, EUR→to) and is empty for a direct rate or its inverse.
 */
public record ExchangeRate(Currency from, Currency to, BigDecimal rate, LocalDate day, String source,
        List<ExchangeRate> via) {

    public static final String MANUAL = "MANUAL";
    public static final String ECB = "ECB";

    public ExchangeRate {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(source, "source");
        via = List.copyOf(via);
    }

    public ExchangeRate(Currency from, Currency to, BigDecimal rate, LocalDate day, String source) {
        this(from, to, rate, day, source, List.of());
    }

    /** True for a rate crossed over EUR from two EUR rates. */
    public boolean crossed() {
        return !via.isEmpty();
    }

    /**
     * {@code money} (in {@link #from}) in {@link #to}: amount × rate, rounded half-up, once, to the target
     * currency's minor units.
     *
     * @throws IllegalArgumentException if {@code money} is not in {@link #from}
     */
    public Money convert(Money money) {
        if (!money.currency().equals(from)) {
            throw new IllegalArgumentException("cannot convert " + money.currency() + " with a rate from " + from);
        }
        return new Money(money.amount().multiply(rate), to);
    }
}
