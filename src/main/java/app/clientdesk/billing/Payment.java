package app.clientdesk.billing;

import app.clientdesk.shared.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A recorded payment: {@code amount} settled the invoice (in its currency), {@code credit} went beyond the amount
 * due and became the client's credit. {@code received} is what came in, when in another currency, at
 * {@code receivedRate} (invoice-currency units per unit received). {@code baseRate} is the invoice currency's
 * rate in the workspace's base currency on the payment date, when known.
 */
public record Payment(UUID id, InvoiceId invoiceId, LocalDate paidOn, Money amount, Money credit, String method,
        Money fee, @Nullable Money received, @Nullable BigDecimal receivedRate, @Nullable BigDecimal baseRate,
        @Nullable String note, Instant createdAt) {

    public static final java.util.List<String> METHODS = java.util.List.of("BANK", "PAYPAL", "WISE", "CARD", "CASH",
            "CREDIT", "OTHER");

    /** What was received in the invoice's currency: the settled amount and the credit. */
    public Money total() {
        return amount.plus(credit);
    }
}
