package app.clientdesk.billing;

import app.clientdesk.shared.money.Money;
import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One line of an invoice with its figures as {@link InvoiceMath} computed them. {@code unit} is HOURS (the
 * quantity is decimal hours) or ITEMS. {@code detail} explains a derived line, such as the rounding applied
 * to its time. A line of time keeps its exact {@code seconds} ({@code quantity} shows them as hours to 4
 * decimals; its amount is computed from the seconds). {@code entries} counts the time entries a time line bills.
 */
public record InvoiceLine(UUID id, int position, LineKind kind, String description, @Nullable String detail,
        BigDecimal quantity, @Nullable Long seconds, String unit, Money unitPrice, BigDecimal discountPercent, TaxRate taxRate, Money net,
        Money tax, Money gross, @Nullable UUID serviceId, @Nullable UUID expenseId, @Nullable UUID depositInvoiceId,
        int entries) {

    public boolean hours() {
        return "HOURS".equals(unit);
    }
}
