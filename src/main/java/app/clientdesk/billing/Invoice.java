package app.clientdesk.billing;

import app.clientdesk.billing.InvoiceMath.TaxMode;
import app.clientdesk.clients.ClientId;
import app.clientdesk.shared.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An invoice as read, with its lines and figures. Totals are the stored sums of the lines' rounded figures;
 * {@code taxes} is the tax per named rate. {@code overdue} and {@code daysOverdue} are as of the workspace's
 * today. For a deposit invoice {@code depositFor} is the invoice that deducts it; for a credit note
 * {@code creditFor} is the invoice it voids; {@code creditedBy} is the credit note that voided this one.
 */
public record Invoice(InvoiceId id, ClientId clientId, String clientName, InvoiceKind kind, InvoiceStatus status,
        @Nullable String number, Currency currency, String language, TaxMode taxMode, BigDecimal discountPercent,
        int netDays, @Nullable LocalDate issueDate, @Nullable LocalDate dueDate, Money subtotal,
        Map<TaxRate, Money> taxes, Money taxTotal, Money total, Money amountPaid, @Nullable String notes,
        @Nullable String terms, @Nullable InvoiceId creditFor, @Nullable String creditForNumber,
        @Nullable InvoiceId creditedBy, @Nullable String creditedByNumber, @Nullable InvoiceId depositFor,
        @Nullable BigDecimal depositPercent, @Nullable Currency baseCurrency, @Nullable BigDecimal baseRate,
        @Nullable LocalDate baseRateDay, @Nullable Instant sentAt, @Nullable Instant paidAt,
        @Nullable Instant voidedAt, Instant createdAt, Instant updatedAt, boolean overdue, long daysOverdue,
        List<InvoiceLine> lines) {

    public boolean draft() {
        return status == InvoiceStatus.DRAFT;
    }

    /** What is still to be paid: the total less payments; nothing on a draft, a void invoice or a credit note. */
    public Money amountDue() {
        if (!status.open() || kind == InvoiceKind.CREDIT_NOTE) {
            return Money.zero(currency);
        }
        return new Money(total.amount().subtract(amountPaid.amount()), currency);
    }

    /** The total in the workspace's base currency at the rate recorded on the issue date, if one was. */
    public @Nullable Money baseTotal() {
        if (baseCurrency == null || baseRate == null) {
            return null;
        }
        return new Money(total.amount().multiply(baseRate)
                .setScale(Money.digits(baseCurrency), RoundingMode.HALF_UP), baseCurrency);
    }

    /** The sum of the lines before their discounts, and the discounts' sum, for showing a discount. */
    public Money discountTotal() {
        Money before = Money.zero(currency);
        for (InvoiceLine line : lines) {
            InvoiceMath.Line undiscounted = line.seconds() != null
                    ? InvoiceMath.Line.time(line.seconds(), line.unitPrice(), BigDecimal.ZERO, line.taxRate())
                    : new InvoiceMath.Line(line.quantity(), line.unitPrice(), BigDecimal.ZERO, line.taxRate());
            before = before.plus(InvoiceMath.line(undiscounted, TaxMode.EXCLUSIVE).net());
        }
        Money nets = lines.stream().map(l -> taxMode == TaxMode.EXCLUSIVE ? l.net() : l.gross())
                .reduce(Money.zero(currency), Money::plus);
        return new Money(before.amount().subtract(nets.amount()), currency);
    }
}
