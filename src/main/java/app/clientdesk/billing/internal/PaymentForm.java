package app.clientdesk.billing.internal;

import app.clientdesk.billing.Invoice;
import app.clientdesk.billing.PaymentInput;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * "Record payment" as submitted. {@code requestKey} is a one-time key written into the form when it is shown, so
 * that a double click records one payment; {@code confirmOverpayment} is the box shown when the amount is above
 * what is due.
 */
public record PaymentForm(@Nullable String amount, @Nullable String currency, @Nullable String rate,
        @Nullable String date, @Nullable String method, @Nullable String fee, @Nullable String note,
        @Nullable String requestKey, @Nullable String confirmOverpayment) {

    /** The whole amount due, today, by bank transfer, in the invoice's currency, with a fresh key. */
    static PaymentForm blank(Invoice invoice, LocalDate today) {
        return new PaymentForm(invoice.amountDue().plain(), invoice.currency().getCurrencyCode(), "", today.toString(),
                "BANK", "", "", UUID.randomUUID().toString(), null);
    }

    PaymentInput toInput() {
        return new PaymentInput(amount, currency, rate, date, method, fee, note, confirmed());
    }

    public boolean confirmed() {
        return confirmOverpayment != null && !confirmOverpayment.isBlank() && !"false".equals(confirmOverpayment);
    }

    public boolean isMethod(String m) {
        return m.equals(method);
    }

    public boolean isCurrency(String code) {
        return code.equalsIgnoreCase(currency == null ? "" : currency.strip());
    }
}
