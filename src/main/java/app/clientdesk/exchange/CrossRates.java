package app.clientdesk.exchange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The rule for the rate in force, apart from where the rates are kept: the same currency is 1; else the newest
 * rate of the pair in either direction (inverted if stored the other way round); else, when neither currency is
 * EUR, the cross over EUR, (EUR→to) ÷ (EUR→from). Each rate is divided once, at the end, to 10 decimals half-up,
 * so a cross of inverted legs is not rounded twice.
 */
final class CrossRates {

    static final int SCALE = 10;
    static final Currency EUR = Currency.getInstance("EUR");

    /** The newest stored rate of a and b, in either direction, on or before the date being asked about. */
    @FunctionalInterface
    interface Newest {
        Optional<StoredRate> of(Currency a, Currency b);
    }

    private CrossRates() {}

    static Optional<ExchangeRate> resolve(Currency from, Currency to, LocalDate date, Newest newest) {
        if (from.equals(to)) {
            return Optional.of(new ExchangeRate(from, to, BigDecimal.ONE, date, ExchangeRate.MANUAL));
        }
        Optional<StoredRate> direct = newest.of(from, to);
        if (direct.isPresent()) {
            return Optional.of(rate(Leg.of(direct.get(), from, to)));
        }
        if (from.equals(EUR) || to.equals(EUR)) {
            return Optional.empty();
        }
        Optional<StoredRate> eurFrom = newest.of(EUR, from);
        Optional<StoredRate> eurTo = newest.of(EUR, to);
        if (eurFrom.isEmpty() || eurTo.isEmpty()) {
            return Optional.empty();
        }
        Leg legFrom = Leg.of(eurFrom.get(), EUR, from);
        Leg legTo = Leg.of(eurTo.get(), EUR, to);
        // (n2 / d2) ÷ (n1 / d1) = n2·d1 ÷ (d2·n1)
        BigDecimal rate = legTo.numerator.multiply(legFrom.denominator)
                .divide(legTo.denominator.multiply(legFrom.numerator), SCALE, RoundingMode.HALF_UP);
        LocalDate day = legFrom.stored.day().isBefore(legTo.stored.day()) ? legFrom.stored.day() : legTo.stored.day();
        String source = legFrom.stored.source().equals(legTo.stored.source()) ? legFrom.stored.source()
                : ExchangeRate.MANUAL;
        return Optional.of(new ExchangeRate(from, to, rate, day, source, List.of(rate(legFrom), rate(legTo))));
    }

    private static ExchangeRate rate(Leg leg) {
        return new ExchangeRate(leg.from, leg.to, leg.numerator.divide(leg.denominator, SCALE, RoundingMode.HALF_UP),
                leg.stored.day(), leg.stored.source());
    }

    /** A stored rate read as from → to: numerator ÷ denominator, not yet divided. */
    private record Leg(StoredRate stored, Currency from, Currency to, BigDecimal numerator, BigDecimal denominator) {

        static Leg of(StoredRate stored, Currency from, Currency to) {
            return stored.base().equals(from)
                    ? new Leg(stored, from, to, stored.rate(), BigDecimal.ONE)
                    : new Leg(stored, from, to, BigDecimal.ONE, stored.rate());
        }
    }
}
