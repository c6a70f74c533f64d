package app.clientdesk.billing;

import org.jspecify.annotations.Nullable;

/**
 * A payment as typed: the amount received and its currency (the invoice's when blank; another needs the
 * rate of 1 unit of it in the invoice's currency), the date, the method, fees kept by the payment provider
 * (in the invoice's currency), a note, and whether an amount above what is due may become the client's credit.
 */
public record PaymentInput(@Nullable String amount, @Nullable String currency, @Nullable String rate,
        @Nullable String date, @Nullable String method, @Nullable String fee, @Nullable String note,
        boolean confirmOverpayment) {
}
