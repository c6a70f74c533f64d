package app.clientdesk.billing;

import app.clientdesk.shared.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The money rule of an invoice, in one place: each line's amount is quantity × unit price less its discount,
 * rounded half-up to the currency's minor unit; each line's tax is computed from that rounded amount and
 * rounded half-up too; every total is a sum of rounded line figures. So what a screen, a PDF and the API show
 * always adds up, and nothing a client sends is taken as a total.
 *
 * <p>With {@link TaxMode#EXCLUSIVE} prices the tax is added: net = the line amount, tax = net × rate.
 * With {@link TaxMode#INCLUSIVE} prices already hold the tax: gross = the line amount, tax = gross × rate ÷
 * (100 + rate), net = gross − tax.
 */
public final class InvoiceMath {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private InvoiceMath() {}

    /** Whether unit prices hold the tax or the tax comes on top. */
    public enum TaxMode { EXCLUSIVE, INCLUSIVE }

    /**
     * One line as entered: quantity (negative only on credit notes), unit price, discount in percent, tax.
     * {@code per} divides the quantity: 1 for items, 3600 for time, whose quantity is then seconds and whose
     * price is per hour, so 1:20 at 60/h is exactly 80 and not 1.3333 × 60 (time has no exact decimal hours).
     */
    public record Line(BigDecimal quantity, Money unitPrice, BigDecimal discountPercent, TaxRate tax, int per) {

        public Line {
            if (per < 1) {
                throw new IllegalArgumentException("per must be positive: " + per);
            }
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(unitPrice, "unitPrice");
            Objects.requireNonNull(discountPercent, "discountPercent");
            Objects.requireNonNull(tax, "tax");
            if (discountPercent.signum() < 0 || discountPercent.compareTo(HUNDRED) > 0) {
                throw new IllegalArgumentException("a discount is 0–100%: " + discountPercent);
            }
        }

        public Line(BigDecimal quantity, Money unitPrice, BigDecimal discountPercent, TaxRate tax) {
            this(quantity, unitPrice, discountPercent, tax, 1);
        }

        /** A line of {@code seconds} of time at an hourly price. */
        public static Line time(long seconds, Money hourly, BigDecimal discountPercent, TaxRate tax) {
            return new Line(BigDecimal.valueOf(seconds), hourly, discountPercent, tax, 3600);
        }

        public static Line of(String quantity, Money unitPrice) {
            return new Line(new BigDecimal(quantity), unitPrice, BigDecimal.ZERO, TaxRate.NONE);
        }
    }

    /** A line's figures: net (before tax), tax and gross (net + tax). */
    public record LineAmounts(Money net, Money tax, Money gross) {
    }

    /** The invoice's figures: each line's, the subtotal (nets), the tax per rate, the tax total and the total. */
    public record Totals(List<LineAmounts> lines, Money subtotal, Map<TaxRate, Money> taxes, Money taxTotal,
            Money total) {
    }

    public static Totals totals(List<Line> lines, TaxMode mode, Currency currency) {
        List<LineAmounts> amounts = new ArrayList<>(lines.size());
        Map<TaxRate, Money> taxes = new LinkedHashMap<>();
        Money subtotal = Money.zero(currency);
        Money taxTotal = Money.zero(currency);
        for (Line line : lines) {
            if (!line.unitPrice().currency().equals(currency)) {
                throw new IllegalArgumentException("a line in " + line.unitPrice().currency() + " on an invoice in " + currency);
            }
            LineAmounts a = line(line, mode);
            amounts.add(a);
            subtotal = subtotal.plus(a.net());
            taxTotal = taxTotal.plus(a.tax());
            if (!line.tax().isNone()) {
                taxes.merge(line.tax(), a.tax(), Money::plus);
            }
        }
        return new Totals(List.copyOf(amounts), subtotal, taxes, taxTotal, subtotal.plus(taxTotal));
    }

    /**
     * A line's discount and the invoice's discount as one percentage: 100 − (100 − line) × (100 − invoice) / 100,
     * exact (at most 8 decimals), so an invoice discount lowers each line and totals stay sums of lines.
     */
    public static BigDecimal combined(BigDecimal linePercent, BigDecimal invoicePercent) {
        if (invoicePercent.signum() == 0) {
            return linePercent;
        }
        return HUNDRED.subtract(HUNDRED.subtract(linePercent).multiply(HUNDRED.subtract(invoicePercent))
                .divide(HUNDRED)).stripTrailingZeros();
    }

    /** One line's figures under {@code mode}. */
    public static LineAmounts line(Line line, TaxMode mode) {
        Currency currency = line.unitPrice().currency();
        int digits = Money.digits(currency);
        BigDecimal amount = line.quantity().multiply(line.unitPrice().amount())
                .multiply(HUNDRED.subtract(line.discountPercent()))
                .divide(HUNDRED.multiply(BigDecimal.valueOf(line.per())), digits, RoundingMode.HALF_UP);
        BigDecimal rate = line.tax().percent();
        if (mode == TaxMode.EXCLUSIVE) {
            BigDecimal tax = amount.multiply(rate).divide(HUNDRED).setScale(digits, RoundingMode.HALF_UP);
            return new LineAmounts(new Money(amount, currency), new Money(tax, currency),
                    new Money(amount.add(tax), currency));
        }
        BigDecimal tax = amount.multiply(rate).divide(HUNDRED.add(rate), digits, RoundingMode.HALF_UP);
        return new LineAmounts(new Money(amount.subtract(tax), currency), new Money(tax, currency),
                new Money(amount, currency));
    }
}
