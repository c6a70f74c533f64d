package app.clientdesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.clientdesk.shared.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The rule of the rate in force: same currency, the pair either way round, the cross over EUR, rounding. */
class CrossRatesTest {

    static final Currency EUR = Currency.getInstance("EUR");
    static final Currency USD = Currency.getInstance("USD");
    static final Currency BRL = Currency.getInstance("BRL");
    static final Currency JPY = Currency.getInstance("JPY");
    static final Currency BHD = Currency.getInstance("BHD");
    static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    /** A workspace's newest rates, as stored: "EURUSD" → 1 EUR = rate USD. */
    private static CrossRates.Newest stored(StoredRate... rates) {
        Map<String, StoredRate> byPair = new HashMap<>();
        for (StoredRate r : rates) {
            byPair.put(r.base().getCurrencyCode() + r.quote().getCurrencyCode(), r);
        }
        return (a, b) -> {
            StoredRate ab = byPair.get(a.getCurrencyCode() + b.getCurrencyCode());
            return ab != null ? Optional.of(ab) : Optional.ofNullable(byPair.get(b.getCurrencyCode() + a.getCurrencyCode()));
        };
    }

    private static StoredRate rate(Currency base, Currency quote, String rate, LocalDate day, String source) {
        return new StoredRate(base, quote, new BigDecimal(rate), day, source);
    }

    @Provide
    Arbitrary<BigDecimal> rates() {
        // From tiny (1 IDR in BHD) to huge (1 BHD in IDR), with up to 10 decimals as stored.
        return Arbitraries.bigDecimals().between(new BigDecimal("0.0000010000"), new BigDecimal("99999999.9999999999"))
                .ofScale(10).filter(r -> r.signum() > 0);
    }

    @Provide
    Arbitrary<Currency> currencies() {
        return Arbitraries.of(USD, BRL, JPY, BHD, Currency.getInstance("GBP"), Currency.getInstance("KWD"),
                Currency.getInstance("CLP"));
    }

    @Property
    void theSameCurrencyIsOneWithoutAnyRate(@ForAll("currencies") Currency c) {
        ExchangeRate one = CrossRates.resolve(c, c, DAY, stored()).orElseThrow();
        assertThat(one.rate()).isEqualByComparingTo("1");
        Money amount = new Money(new BigDecimal("1234.567"), c);
        assertThat(one.convert(amount)).isEqualTo(amount);
    }

    @Property
    void aStoredPairIsItsRateAndTheOtherWayRoundItsInverseRoundedOnce(@ForAll("rates") BigDecimal r) {
        CrossRates.Newest newest = stored(new StoredRate(USD, BRL, r, DAY, ExchangeRate.MANUAL));

        ExchangeRate direct = CrossRates.resolve(USD, BRL, DAY, newest).orElseThrow();
        ExchangeRate inverse = CrossRates.resolve(BRL, USD, DAY, newest).orElseThrow();

        assertThat(direct.rate()).isEqualByComparingTo(r);
        assertThat(direct.crossed()).isFalse();
        assertThat(inverse.rate()).isEqualTo(BigDecimal.ONE.divide(r, 10, RoundingMode.HALF_UP));
        assertThat(inverse.day()).isEqualTo(DAY);
        assertThat(inverse.source()).isEqualTo(ExchangeRate.MANUAL);
    }

    @Property
    void withoutADirectRateTwoEuroRatesAreCrossedAndDividedOnce(@ForAll("rates") BigDecimal eurUsd,
            @ForAll("rates") BigDecimal eurBrl) {
        CrossRates.Newest newest = stored(new StoredRate(EUR, USD, eurUsd, DAY, ExchangeRate.ECB),
                new StoredRate(EUR, BRL, eurBrl, DAY.minusDays(3), ExchangeRate.ECB));

        ExchangeRate usdBrl = CrossRates.resolve(USD, BRL, DAY, newest).orElseThrow();

        // (EUR→BRL) ÷ (EUR→USD), 10 decimals, half-up: not the product of two rounded legs.
        assertThat(usdBrl.rate()).isEqualTo(eurBrl.divide(eurUsd, 10, RoundingMode.HALF_UP));
        assertThat(usdBrl.day()).as("the older leg's day").isEqualTo(DAY.minusDays(3));
        assertThat(usdBrl.source()).isEqualTo(ExchangeRate.ECB);
        assertThat(usdBrl.via()).extracting(ExchangeRate::from, ExchangeRate::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EUR, USD), org.assertj.core.groups.Tuple.tuple(EUR, BRL));
    }

    @Property
    void aLegStoredTheOtherWayRoundIsNotRoundedBeforeTheCross(@ForAll("rates") BigDecimal usdEur,
            @ForAll("rates") BigDecimal eurBrl) {
        // 1 USD = usdEur EUR (typed that way round), 1 EUR = eurBrl BRL: 1 USD = usdEur × eurBrl BRL.
        CrossRates.Newest newest = stored(new StoredRate(USD, EUR, usdEur, DAY, ExchangeRate.MANUAL),
                new StoredRate(EUR, BRL, eurBrl, DAY, ExchangeRate.ECB));

        ExchangeRate usdBrl = CrossRates.resolve(USD, BRL, DAY, newest).orElseThrow();

        assertThat(usdBrl.rate()).isEqualTo(usdEur.multiply(eurBrl).setScale(10, RoundingMode.HALF_UP));
        assertThat(usdBrl.source()).as("a typed leg makes a typed rate").isEqualTo(ExchangeRate.MANUAL);
    }

    @Property
    void aDirectRateWinsOverTheCross(@ForAll("rates") BigDecimal direct, @ForAll("rates") BigDecimal eurUsd,
            @ForAll("rates") BigDecimal eurBrl) {
        CrossRates.Newest newest = stored(new StoredRate(EUR, USD, eurUsd, DAY, ExchangeRate.ECB),
                new StoredRate(EUR, BRL, eurBrl, DAY, ExchangeRate.ECB),
                new StoredRate(BRL, USD, direct, DAY.minusYears(1), ExchangeRate.MANUAL));

        ExchangeRate usdBrl = CrossRates.resolve(USD, BRL, DAY, newest).orElseThrow();

        assertThat(usdBrl.rate()).isEqualTo(BigDecimal.ONE.divide(direct, 10, RoundingMode.HALF_UP));
        assertThat(usdBrl.crossed()).isFalse();
    }

    @Property
    void convertingRoundsHalfUpOnceToTheTargetsMinorUnits(@ForAll("rates") BigDecimal r,
            @ForAll("currencies") Currency to) {
        Currency from = to.equals(USD) ? BRL : USD;
        ExchangeRate rate = new ExchangeRate(from, to, r, DAY, ExchangeRate.ECB);
        Money amount = new Money(new BigDecimal("1234.56"), from);

        Money converted = rate.convert(amount);

        assertThat(converted.currency()).isEqualTo(to);
        assertThat(converted.amount().scale()).isEqualTo(Math.max(0, to.getDefaultFractionDigits()));
        assertThat(converted.amount()).isEqualTo(new BigDecimal("1234.56").multiply(r)
                .setScale(Math.max(0, to.getDefaultFractionDigits()), RoundingMode.HALF_UP));
    }

    @Example
    void noRateWithoutTheDirectPairOrBothEuroLegs() {
        CrossRates.Newest onlyUsd = stored(rate(EUR, USD, "1.05", DAY, ExchangeRate.ECB));
        assertThat(CrossRates.resolve(USD, BRL, DAY, onlyUsd)).isEmpty();
        assertThat(CrossRates.resolve(EUR, BRL, DAY, onlyUsd)).isEmpty();
        assertThat(CrossRates.resolve(USD, EUR, DAY, onlyUsd)).get()
                .satisfies(r -> assertThat(r.rate()).isEqualByComparingTo("0.9523809524"));
    }

    @Example
    void halfAYenRoundsUpAndABahrainiFilsKeepsThreeDecimals() {
        ExchangeRate usdJpy = new ExchangeRate(USD, JPY, new BigDecimal("150.5"), DAY, ExchangeRate.ECB);
        assertThat(usdJpy.convert(new Money(new BigDecimal("0.01"), USD)).plain()).isEqualTo("2"); // 1.505
        assertThat(usdJpy.convert(new Money(new BigDecimal("0.03"), USD)).plain()).isEqualTo("5"); // 4.515
        ExchangeRate usdBhd = new ExchangeRate(USD, BHD, new BigDecimal("0.376"), DAY, ExchangeRate.ECB);
        assertThat(usdBhd.convert(new Money(new BigDecimal("10.25"), USD)).plain()).isEqualTo("3.854"); // 3.854
        assertThat(usdBhd.convert(new Money(new BigDecimal("0.75"), USD)).plain()).isEqualTo("0.282"); // 0.282
        assertThatThrownBy(() -> usdJpy.convert(new Money(BigDecimal.ONE, BRL)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Example
    void typedRatesAcceptAPointOrACommaAndRefuseZeroAndTooManyDecimals() {
        assertThat(ExchangeRates.parseRate(" 5,3125 ")).contains(new BigDecimal("5.3125"));
        assertThat(ExchangeRates.parseRate("0.0000000001")).contains(new BigDecimal("0.0000000001"));
        assertThat(ExchangeRates.parseRate("0")).isEmpty();
        assertThat(ExchangeRates.parseRate("0.00000000001")).isEmpty();
        assertThat(ExchangeRates.parseRate("-1")).isEmpty();
        assertThat(ExchangeRates.parseRate("1,234.5")).isEmpty();
        assertThat(ExchangeRates.parseRate("abc")).isEmpty();
        assertThat(ExchangeRates.parseRate(null)).isEmpty();
    }
}
