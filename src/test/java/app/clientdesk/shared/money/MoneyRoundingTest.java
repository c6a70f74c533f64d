package app.clientdesk.shared.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** Money keeps its currency's decimals, in every currency Java knows: half-up when it must round, never more. */
class MoneyRoundingTest {

    private static final List<Currency> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .sorted(java.util.Comparator.comparing(Currency::getCurrencyCode)).toList();

    @Provide
    Arbitrary<Currency> currencies() {
        // Every currency, and the three kinds of decimals often.
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.of(CURRENCIES)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("JPY", "BRL", "BHD").map(Currency::getInstance)));
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 8).flatMap(scale -> Arbitraries.bigDecimals()
                        .between(new BigDecimal("-1000000"), new BigDecimal("1000000")).ofScale(scale)),
                Arbitraries.of("0.5", "1.5", "0.05", "0.005", "2.675", "-0.0005", "0.0015", "999.9995")
                        .map(BigDecimal::new));
    }

    @Property(tries = 3000)
    void anAmountHasExactlyItsCurrencysDecimalsRoundedHalfUp(@ForAll("currencies") Currency currency,
            @ForAll("amounts") BigDecimal value) {
        BigDecimal amount = new Money(value, currency).amount();
        int digits = Money.digits(currency);
        assertThat(amount.scale()).isEqualTo(digits);
        assertHalfUp(amount, value, digits);
    }

    @Property(tries = 3000)
    void parseTakesAtMostTheCurrencysDecimalsAndNeverRounds(@ForAll("currencies") Currency currency,
            @ForAll("amounts") BigDecimal any, @ForAll boolean comma) {
        BigDecimal value = any.abs();
        String typed = comma ? value.toPlainString().replace('.', ',') : value.toPlainString();
        Optional<Money> parsed = Money.parse(typed, currency);
        int digits = Money.digits(currency);
        if (value.stripTrailingZeros().scale() <= digits) {
            assertThat(parsed).as("%s in %s", typed, currency).isPresent();
            assertThat(parsed.get().amount()).isEqualByComparingTo(value);
            assertThat(parsed.get().amount().scale()).isEqualTo(digits);
        } else {
            assertThat(parsed).as("%s in %s has too many decimals", typed, currency).isEmpty();
        }
    }

    @Property(tries = 3000)
    void timeIsPricedHalfUpToTheCurrencysDecimals(@ForAll("currencies") Currency currency,
            @ForAll("amounts") BigDecimal rate, @ForAll @LongRange(min = 0, max = 86400) long seconds) {
        Money hourly = new Money(rate.abs(), currency);
        Money price = hourly.forSeconds(seconds);
        int digits = Money.digits(currency);
        assertThat(price.currency()).isEqualTo(currency);
        assertThat(price.amount().scale()).isEqualTo(digits);
        // price × 3600 is within half a minor unit × 3600 of rate × seconds, and a tie goes up.
        BigDecimal exact = hourly.amount().multiply(BigDecimal.valueOf(seconds));
        BigDecimal gap = price.amount().multiply(BigDecimal.valueOf(3600)).subtract(exact);
        BigDecimal half = BigDecimal.ONE.movePointLeft(digits).multiply(BigDecimal.valueOf(1800));
        assertThat(gap.abs()).as("%s for %ss = %s", hourly, seconds, price).isLessThanOrEqualTo(half);
        if (gap.abs().compareTo(half) == 0) {
            assertThat(gap.signum()).isPositive();
        }
    }

    @Property(tries = 2000)
    void moreTimeNeverCostsLessAndAnHourCostsTheRate(@ForAll("currencies") Currency currency,
            @ForAll("amounts") BigDecimal rate, @ForAll @LongRange(min = 0, max = 86400) long a,
            @ForAll @LongRange(min = 0, max = 86400) long b) {
        Money hourly = new Money(rate.abs(), currency);
        assertThat(hourly.forSeconds(Math.min(a, b)).amount())
                .isLessThanOrEqualTo(hourly.forSeconds(Math.max(a, b)).amount());
        assertThat(hourly.forSeconds(3600)).isEqualTo(hourly);
        assertThat(hourly.forSeconds(0).isZero()).isTrue();
    }

    @Example
    void whatIsNotAPlainAmountIsRefused() {
        Currency brl = Currency.getInstance("BRL");
        for (String bad : List.of("", " ", "-1", "1,000.00", "1.000,00", "1e3", "12.", ".5", "R$ 10", "10.001",
                "12345678901234")) {
            assertThat(Money.parse(bad, brl)).as("'%s'", bad).isEmpty();
        }
        assertThat(Money.parse(" 45,5 ", brl)).contains(new Money(new BigDecimal("45.50"), brl));
        assertThat(Money.parse("1500", Currency.getInstance("JPY")).orElseThrow().plain()).isEqualTo("1500");
        assertThat(Money.parse("1500.5", Currency.getInstance("JPY"))).isEmpty();
        assertThat(Money.parse("1.25", Currency.getInstance("BHD")).orElseThrow().plain()).isEqualTo("1.250");
    }

    @Example
    void halfAMinorUnitGoesUp() {
        assertThat(new Money(new BigDecimal("0.005"), Currency.getInstance("BRL")).plain()).isEqualTo("0.01");
        assertThat(new Money(new BigDecimal("0.5"), Currency.getInstance("JPY")).plain()).isEqualTo("1");
        assertThat(new Money(new BigDecimal("0.0005"), Currency.getInstance("BHD")).plain()).isEqualTo("0.001");
        // 0.01 an hour for half an hour is half a cent: one cent.
        assertThat(new Money(new BigDecimal("0.01"), Currency.getInstance("BRL")).forSeconds(1800).plain())
                .isEqualTo("0.01");
    }

    private static void assertHalfUp(BigDecimal rounded, BigDecimal value, int digits) {
        BigDecimal gap = rounded.subtract(value);
        BigDecimal half = BigDecimal.ONE.movePointLeft(digits).divide(BigDecimal.valueOf(2));
        assertThat(gap.abs()).as("%s rounded to %s", value, rounded).isLessThanOrEqualTo(half);
        if (gap.abs().compareTo(half) == 0) {
            // Half-up rounds a tie away from zero.
            assertThat(gap.signum()).isEqualTo(value.signum());
        }
    }
}
