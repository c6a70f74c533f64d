package app.clientdesk.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of a service as typed: names, models, included hours, taxes and prices in every currency's decimals. */
class ServiceInputTest {

    private static ServiceInput hourly(ServiceInput.Price... prices) {
        return new ServiceInput("Bookkeeping", null, null, "HOURLY", null, null, null, List.of(prices));
    }

    private static ServiceInput retainer(String hours, ServiceInput.Price... prices) {
        return new ServiceInput("Inbox care", null, null, "RETAINER", hours, null, null, List.of(prices));
    }

    private static ServiceInput.Price price(String currency, String amount) {
        return new ServiceInput.Price(currency, amount, null);
    }

    private static List<Violation> violations(ServiceInput input) {
        try {
            input.parse();
        } catch (InvalidInputException e) {
            return e.violations();
        }
        throw new AssertionError("accepted: " + input);
    }

    private static List<String> fields(ServiceInput input) {
        return violations(input).stream().map(v -> v.field() + " " + v.messageKey()).toList();
    }

    @Test
    void eachPriceIsExactToItsCurrencysDecimals() {
        var parsed = hourly(price("JPY", "15000"), price("bhd", "12.5"), price("BRL", "1250,5")).parse();

        assertThat(parsed.prices()).extracting(p -> p.amount().toString())
                .containsExactly("12.500 BHD", "1250.50 BRL", "15000 JPY");
    }

    @Test
    void moreDecimalsThanTheCurrencyHasAreRefusedNotRounded() {
        assertThat(violations(hourly(price("JPY", "15000.5"))))
                .containsExactly(Violation.of("prices[0].amount", "services.price.amount.invalid", 0, "JPY"));
        assertThat(fields(hourly(price("BHD", "1.2345")))).containsExactly("prices[0].amount services.price.amount.invalid");
        assertThat(fields(hourly(price("EUR", "10.001")))).containsExactly("prices[0].amount services.price.amount.invalid");
        // Trailing zeros are no extra precision.
        assertThat(hourly(price("JPY", "15000.00")).parse().prices().get(0).amount().plain()).isEqualTo("15000");
    }

    @Test
    void notAnAmountOrNotACurrencyIsNamedOnItsRow() {
        assertThat(fields(hourly(price("EUR", "10"), price("XYZ", "10"), price("USD", "-5"), price("GBP", "1,000.00"),
                price("CHF", ""))))
                .containsExactly("prices[1].currency services.price.currency.invalid",
                        "prices[2].amount services.price.amount.invalid",
                        "prices[3].amount services.price.amount.invalid",
                        "prices[4].amount services.price.amount.required");
    }

    @Test
    void aCurrencyIsPricedOnceOnly() {
        assertThat(violations(hourly(price("EUR", "10"), price("USD", "12"), price("eur", "11"))))
                .containsExactly(Violation.of("prices[2].currency", "services.price.currency.twice", "EUR"));
    }

    @Test
    void atLeastOnePriceIsNeeded() {
        assertThat(fields(hourly())).containsExactly("prices services.prices.required");
    }

    @Test
    void aRetainersHoursAreHoursAndMinutesOrDecimalHours() {
        assertThat(retainer("20", price("EUR", "1000")).parse().includedMinutes()).isEqualTo(1200);
        assertThat(retainer("12:30", price("EUR", "1000")).parse().includedMinutes()).isEqualTo(750);
        assertThat(retainer("12.5", price("EUR", "1000")).parse().includedMinutes()).isEqualTo(750);
        assertThat(retainer("12,25", price("EUR", "1000")).parse().includedMinutes()).isEqualTo(735);
        assertThat(retainer("0:45", price("EUR", "1000")).parse().includedMinutes()).isEqualTo(45);
    }

    @Test
    void aRetainerWithoutHoursOrWithNoneOrNonsenseIsRefused() {
        assertThat(fields(retainer("", price("EUR", "1000")))).containsExactly("includedHours services.included.required");
        assertThat(fields(retainer("0", price("EUR", "1000")))).containsExactly("includedHours services.included.range");
        assertThat(fields(retainer("0:00", price("EUR", "1000")))).containsExactly("includedHours services.included.range");
        assertThat(fields(retainer("745", price("EUR", "1000")))).containsExactly("includedHours services.included.range");
        assertThat(fields(retainer("12:75", price("EUR", "1000")))).containsExactly("includedHours services.included.invalid");
        assertThat(fields(retainer("ten", price("EUR", "1000")))).containsExactly("includedHours services.included.invalid");
        assertThat(fields(retainer("-3", price("EUR", "1000")))).containsExactly("includedHours services.included.invalid");
        // 0.01 h is 36 seconds: not a whole minute, so refused rather than rounded.
        assertThat(fields(retainer("0.01", price("EUR", "1000")))).containsExactly("includedHours services.included.invalid");
    }

    @Test
    void onlyARetainerIncludesHoursOrHasAnOverageRate() {
        var withHours = new ServiceInput("Logo", null, null, "FIXED", "10", null, null, List.of(price("EUR", "500")));
        assertThat(fields(withHours)).containsExactly("includedHours services.included.notRetainer");
        assertThat(fields(hourly(new ServiceInput.Price("EUR", "50", "60"))))
                .containsExactly("prices[0].overageRate services.price.overage.notRetainer");

        var parsed = retainer("20", new ServiceInput.Price("JPY", "150000", "8000")).parse();
        assertThat(parsed.prices().get(0).overageRate()).hasToString("8000 JPY");
        assertThat(fields(retainer("20", new ServiceInput.Price("JPY", "150000", "80.5"))))
                .containsExactly("prices[0].overageRate services.price.amount.invalid");
    }

    @Test
    void nameAndModelAreRequired() {
        var input = new ServiceInput("  ", null, null, "WEEKLY", null, null, null, List.of(price("EUR", "1")));
        assertThat(fields(input)).containsExactly("name services.name.required", "model services.model.invalid");
        var longName = new ServiceInput("x".repeat(121), null, null, "fixed", null, null, null, List.of(price("EUR", "1")));
        assertThat(fields(longName)).containsExactly("name services.name.long");
        var lowerCase = new ServiceInput(" Logo ", null, null, "fixed", null, null, null, List.of(price("EUR", "1")));
        assertThat(lowerCase.parse().model()).isEqualTo(ServiceModel.FIXED);
        assertThat(lowerCase.parse().name()).isEqualTo("Logo");
    }

    @Test
    void aTaxIsNamedAndFrom0To100WithAtMost4Decimals() {
        var taxed = new ServiceInput("Logo", null, null, "FIXED", null, "ISS", "5,125", List.of(price("BRL", "500")));
        assertThat(taxed.parse().tax()).isEqualTo(new TaxRate("ISS", new java.math.BigDecimal("5.125")));

        assertThat(fields(new ServiceInput("Logo", null, null, "FIXED", null, "VAT", "100.5", List.of(price("EUR", "1")))))
                .containsExactly("taxPercent services.tax.percent.invalid");
        assertThat(fields(new ServiceInput("Logo", null, null, "FIXED", null, "VAT", "7.12345", List.of(price("EUR", "1")))))
                .containsExactly("taxPercent services.tax.percent.invalid");
        assertThat(fields(new ServiceInput("Logo", null, null, "FIXED", null, "", "20", List.of(price("EUR", "1")))))
                .containsExactly("taxName services.tax.name.required");
        assertThat(fields(new ServiceInput("Logo", null, null, "FIXED", null, "VAT", " ", List.of(price("EUR", "1")))))
                .containsExactly("taxPercent services.tax.percent.required");
        assertThat(new ServiceInput("Logo", null, null, "FIXED", null, " ", "", List.of(price("EUR", "1"))).parse().tax())
                .isNull();
    }

    @Test
    void deliverablesAreTheNonEmptyLines() {
        var input = new ServiceInput("Logo", null, "  Three sketches \r\n\n Final files\n", "FIXED", null, null, null,
                List.of(price("EUR", "1")));
        assertThat(input.parse().deliverables()).containsExactly("Three sketches", "Final files");
        var tooLong = new ServiceInput("Logo", null, "x".repeat(201), "FIXED", null, null, null, List.of(price("EUR", "1")));
        assertThat(fields(tooLong)).containsExactly("deliverables services.deliverables.long");
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        var input = new ServiceInput("", null, null, "RETAINER", "", "VAT", "120", List.of(price("EUR", "1.234")));
        assertThatThrownBy(input::parse).isInstanceOf(InvalidInputException.class);
        assertThat(fields(input)).containsExactly("name services.name.required",
                "includedHours services.included.required", "taxPercent services.tax.percent.invalid",
                "prices[0].amount services.price.amount.invalid");
    }
}
