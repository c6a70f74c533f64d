package app.clientdesk.billing;

import app.clientdesk.clients.ClientId;
import app.clientdesk.shared.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** An invoice as the list shows it. */
public record InvoiceSummary(InvoiceId id, ClientId clientId, String clientName, InvoiceKind kind,
        InvoiceStatus status, @Nullable String number, @Nullable LocalDate issueDate, @Nullable LocalDate dueDate,
        Money total, Money amountPaid, boolean overdue, Instant createdAt) {

    public Money amountDue() {
        if (!status.open() || kind == InvoiceKind.CREDIT_NOTE) {
            return Money.zero(total.currency());
        }
        return new Money(total.amount().subtract(amountPaid.amount()), total.currency());
    }
}
