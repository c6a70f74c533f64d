package app.clientdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.shared.i18n.Currencies;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CurrenciesTest {

    @ParameterizedTest(name = "{0} has {1} decimals")
    @CsvSource({"JPY, 0", "BHD, 3", "USD, 2", "BRL, 2", "KWD, 3"})
    void currenciesKeepTheirOwnMinorUnits(String code, int decimals) {
        assertThat(Currencies.parse(code)).get().extracting(Currency::getDefaultFractionDigits).isEqualTo(decimals);
    }

    @ParameterizedTest(name = "\"{0}\" is USD")
    @ValueSource(strings = {"USD", "usd", "Usd", " usd "})
    void codesAreCaseInsensitiveAndTrimmed(String typed) {
        assertThat(Currencies.parse(typed)).contains(Currency.getInstance("USD"));
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(strings = {"US$", "$", "R$", "USDX", "US", "XYZ", "U5D", "dollar", "   "})
    @NullAndEmptySource
    void symbolsNamesAndUnknownCodesAreRefused(String typed) {
        assertThat(Currencies.parse(typed)).isEmpty();
    }

    @Test
    void pseudoCurrenciesWithoutMinorUnitsAreNotOffered() {
        // XAU (gold) and XXX (no currency) have no minor units; money could not be rounded in them.
        assertThat(Currencies.parse("XAU")).isEmpty();
        assertThat(Currencies.parse("XXX")).isEmpty();
        assertThat(Currencies.selectable())
                .extracting(Currency::getCurrencyCode)
                .contains("BRL", "USD", "EUR", "GBP", "JPY", "BHD")
                .doesNotContain("XAU", "XXX")
                .isSorted();
    }
}
