package app.clientdesk.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.clientdesk.billing.InvoiceMath.Line;
import app.clientdesk.billing.InvoiceMath.LineAmounts;
import app.clientdesk.billing.InvoiceMath.TaxMode;
import app.clientdesk.billing.InvoiceMath.Totals;
import app.clientdesk.shared.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class InvoiceMathTest {

    private static Money money(String amount, String currency) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currency));
    }

    private static Line line(String quantity, Money price, String discount, TaxRate tax) {
        return new Line(new BigDecimal(quantity), price, new BigDecimal(discount), tax);
    }

    @Example
    void exclusiveTaxIsAddedToEachRoundedLineAndTheTotalIsTheSumOfRoundedFigures() {
        TaxRate iss = new TaxRate("ISS", new BigDecimal("10"));
        Totals t = InvoiceMath.totals(List.of(line("3", money("33.33", "BRL"), "0", iss),
                line("0.5", money("0.05", "BRL"), "0", iss)), TaxMode.EXCLUSIVE, Currency.getInstance("BRL"));

        assertThat(t.lines()).extracting(LineAmounts::net).containsExactly(money("99.99", "BRL"), money("0.03", "BRL"));
        assertThat(t.lines()).extracting(LineAmounts::tax).containsExactly(money("10.00", "BRL"), money("0.00", "BRL"));
        assertThat(t.subtotal()).isEqualTo(money("100.02", "BRL"));
        assertThat(t.taxTotal()).isEqualTo(money("10.00", "BRL"));
        assertThat(t.total()).isEqualTo(money("110.02", "BRL"));
        assertThat(t.taxes()).containsEntry(iss, money("10.00", "BRL"));
    }

    @Example
    void inclusivePricesHoldTheirTax() {
        TaxRate vat = new TaxRate("VAT", new BigDecimal("20"));
        LineAmounts a = InvoiceMath.line(line("1", money("120.00", "GBP"), "0", vat), TaxMode.INCLUSIVE);

        assertThat(a.gross()).isEqualTo(money("120.00", "GBP"));
        assertThat(a.tax()).isEqualTo(money("20.00", "GBP"));
        assertThat(a.net()).isEqualTo(money("100.00", "GBP"));
    }

    @Example
    void eachCurrencyRoundsHalfUpToItsOwnMinorUnit() {
        assertThat(InvoiceMath.line(line("1.5", money("1001", "JPY"), "0", TaxRate.NONE), TaxMode.EXCLUSIVE).net())
                .isEqualTo(money("1502", "JPY"));
        assertThat(InvoiceMath.line(line("1", money("10.005", "BHD"), "50", TaxRate.NONE), TaxMode.EXCLUSIVE).net())
                .hasToString("5.003 BHD");
        assertThat(InvoiceMath.line(line("2", money("49.99", "USD"), "10", TaxRate.NONE), TaxMode.EXCLUSIVE).net())
                .hasToString("89.98 USD");
    }

    @Example
    void aCreditNotesNegativeQuantityGivesNegativeFigures() {
        TaxRate gst = new TaxRate("GST", new BigDecimal("10"));
        Totals t = InvoiceMath.totals(List.of(line("-2", money("45.00", "AUD"), "0", gst)), TaxMode.EXCLUSIVE,
                Currency.getInstance("AUD"));
        assertThat(t.total()).isEqualTo(money("-99.00", "AUD"));
    }

    @Example
    void badRatesDiscountsAndMixedCurrenciesAreRefused() {
        assertThatThrownBy(() -> new TaxRate("X", new BigDecimal("100.01"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TaxRate("X", new BigDecimal("-1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> line("1", money("1", "USD"), "101", TaxRate.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InvoiceMath.totals(List.of(Line.of("1", money("1", "USD"))), TaxMode.EXCLUSIVE,
                Currency.getInstance("EUR"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 500)
    void figuresAlwaysAddUpAtTheCurrencysOwnScale(@ForAll("invoices") Invoice invoice) {
        Totals t = InvoiceMath.totals(invoice.lines(), invoice.mode(), invoice.currency());
        int digits = Money.digits(invoice.currency());

        Money nets = Money.zero(invoice.currency());
        Money taxes = Money.zero(invoice.currency());
        Money grosses = Money.zero(invoice.currency());
        for (LineAmounts a : t.lines()) {
            assertThat(a.net().plus(a.tax())).isEqualTo(a.gross());
            assertThat(List.of(a.net(), a.tax(), a.gross())).allSatisfy(m -> assertThat(m.amount().scale()).isEqualTo(digits));
            nets = nets.plus(a.net());
            taxes = taxes.plus(a.tax());
            grosses = grosses.plus(a.gross());
        }
        assertThat(t.subtotal()).isEqualTo(nets);
        assertThat(t.taxTotal()).isEqualTo(taxes);
        assertThat(t.total()).isEqualTo(grosses).isEqualTo(t.subtotal().plus(t.taxTotal()));
        assertThat(t.taxes().values().stream().reduce(Money.zero(invoice.currency()), Money::plus)).isEqualTo(t.taxTotal());
    }

    @Property(tries = 500)
    void eachLineIsTheExactAmountRoundedHalfUpOnce(@ForAll("invoices") Invoice invoice) {
        for (Line line : invoice.lines()) {
            LineAmounts a = InvoiceMath.line(line, invoice.mode());
            BigDecimal exact = line.quantity().multiply(line.unitPrice().amount())
                    .multiply(BigDecimal.valueOf(100).subtract(line.discountPercent())).divide(BigDecimal.valueOf(100));
            BigDecimal rounded = exact.setScale(Money.digits(invoice.currency()), RoundingMode.HALF_UP);
            BigDecimal charged = invoice.mode() == TaxMode.EXCLUSIVE ? a.net().amount() : a.gross().amount();
            assertThat(charged).isEqualByComparingTo(rounded);
            BigDecimal unit = BigDecimal.ONE.movePointLeft(Money.digits(invoice.currency()));
            BigDecimal exactTax = invoice.mode() == TaxMode.EXCLUSIVE
                    ? rounded.multiply(line.tax().percent()).divide(BigDecimal.valueOf(100))
                    : rounded.multiply(line.tax().percent()).divide(BigDecimal.valueOf(100).add(line.tax().percent()), 12,
                            RoundingMode.HALF_UP);
            assertThat(a.tax().amount().subtract(exactTax).abs()).isLessThanOrEqualTo(unit.divide(BigDecimal.valueOf(2)));
        }
    }

    record Invoice(Currency currency, TaxMode mode, List<Line> lines) {
    }

    @Provide
    Arbitrary<Invoice> invoices() {
        Arbitrary<Currency> currencies = Arbitraries.of("JPY", "BRL", "USD", "BHD", "KWD", "CLP").map(Currency::getInstance);
        Arbitrary<TaxRate> rates = Arbitraries.of(TaxRate.NONE, new TaxRate("ISS", new BigDecimal("5")),
                new TaxRate("VAT", new BigDecimal("20")), new TaxRate("IVA", new BigDecimal("21")),
                new TaxRate("GST", new BigDecimal("12.875")));
        return Combinators.combine(currencies, Arbitraries.of(TaxMode.values())).flatAs((currency, mode) -> {
            int digits = Money.digits(currency);
            Arbitrary<Line> line = Combinators.combine(
                    Arbitraries.bigDecimals().between(new BigDecimal("0.001"), new BigDecimal("1000")).ofScale(3),
                    Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100000")).ofScale(digits),
                    Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100")).ofScale(2),
                    rates).as((q, p, d, r) -> new Line(q, new Money(p, currency), d, r));
            return line.list().ofMinSize(1).ofMaxSize(12).map(ls -> new Invoice(currency, mode, new ArrayList<>(ls)));
        });
    }
}
