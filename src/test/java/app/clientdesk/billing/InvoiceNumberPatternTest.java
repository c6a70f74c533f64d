package app.clientdesk.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InvoiceNumberPatternTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-29");

    @Test
    void theDefaultWritesTheYearAndAFourDigitSequence() {
        assertThat(InvoiceNumberPattern.DEFAULT.format(DAY, 7)).isEqualTo("INV-2026-0007");
        assertThat(InvoiceNumberPattern.DEFAULT.format(DAY, 12345)).isEqualTo("INV-2026-12345");
        assertThat(InvoiceNumberPattern.DEFAULT.period(DAY)).isEqualTo("2026");
    }

    @Test
    void otherTokensAndCountersThatRestartByPeriod() {
        InvoiceNumberPattern monthly = InvoiceNumberPattern.parse("AS/{yy}{mm}/{seq:3}").orElseThrow();
        assertThat(monthly.format(DAY, 5)).isEqualTo("AS/2611/005");
        assertThat(monthly.period(DAY)).isEqualTo("2026-11");
        InvoiceNumberPattern forever = InvoiceNumberPattern.parse(" #{seq} ").orElseThrow();
        assertThat(forever.format(DAY, 42)).isEqualTo("#42");
        assertThat(forever.period(DAY)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "INV-{yyyy}", "{seq}-{seq}", "INV {seq}", "INV-{mm}-{seq}", "<b>{seq}",
            "{seq:0}", "{seq:10}", "{year}-{seq}", "A-VERY-LONG-PREFIX-THAT-GOES-ON-{yyyy}-{seq:4}"})
    void patternsThatCouldRepeatOrBreakANumberAreRefused(String text) {
        assertThat(InvoiceNumberPattern.parse(text)).isEmpty();
    }
}
