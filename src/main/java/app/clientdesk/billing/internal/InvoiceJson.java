package app.clientdesk.billing.internal;

import app.clientdesk.billing.Invoice;
import app.clientdesk.billing.InvoiceLine;
import app.clientdesk.billing.InvoiceSummary;
import app.clientdesk.billing.Payment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * An invoice as the API answers it. Field names are the API's contract. Money is a string with the
 * currency's exact decimals ("1234.50", JPY "1500", BHD "10.125"), in the invoice's {@code currency}.
 * {@code overdue} is as of today in the workspace's time zone. Time lines give {@code hours} as h:mm and
 * their exact {@code seconds}; {@code quantity} is then the hours to 4 decimals.
 */
record InvoiceJson(UUID id, @Nullable String number, @Schema(allowableValues = {"INVOICE", "DEPOSIT", "CREDIT_NOTE"}) String kind, @Schema(allowableValues = {"DRAFT", "ISSUED", "SENT", "PARTIALLY_PAID", "PAID", "VOID"}) String status,
        UUID clientId, String clientName, @Schema(example = "GBP") String currency, @Schema(example = "en") String language,
        @Schema(allowableValues = {"EXCLUSIVE", "INCLUSIVE"}) String taxMode, String discountPercent, int netDays,
        @Nullable LocalDate issueDate, @Nullable LocalDate dueDate, boolean overdue, long daysOverdue, String subtotal,
        String discountTotal, List<TaxJson> taxes, String taxTotal, String total, String amountPaid, String amountDue,
        @Nullable String baseCurrency, @Nullable String baseTotal, @Nullable String notes, @Nullable String terms,
        @Nullable UUID creditFor, @Nullable UUID creditedBy, @Nullable UUID depositFor, List<LineJson> lines,
        @Nullable Instant sentAt, Instant createdAt, Instant updatedAt) {

    record TaxJson(String name, String rate, String amount) {
    }

    record LineJson(UUID id,
            @Schema(allowableValues = {"ITEM", "TIME", "EXPENSE", "RETAINER", "OVERAGE", "DEPOSIT", "DEDUCTION"}) String kind,
            String description, @Nullable String detail, String quantity,
            @Schema(allowableValues = {"ITEMS", "HOURS"}) String unit,
            @Nullable String hours, @Nullable Long seconds, String unitPrice, String discountPercent,
            @Nullable String taxName, String taxRate, String net, String tax, String gross) {

        static LineJson of(InvoiceLine l) {
            return new LineJson(l.id(), l.kind().name(), l.description(), l.detail(), l.quantity().toPlainString(),
                    l.unit(), l.seconds() == null ? null : app.clientdesk.time.RoundingText.duration(Math.abs(l.seconds()))
                            .transform(h -> l.seconds() < 0 ? "-" + h : h),
                    l.seconds(), l.unitPrice().plain(), l.discountPercent().toPlainString(),
                    l.taxRate().isNone() ? null : l.taxRate().name(), l.taxRate().percent().toPlainString(),
                    l.net().plain(), l.tax().plain(), l.gross().plain());
        }
    }

    static InvoiceJson of(Invoice i) {
        var base = i.baseTotal();
        return new InvoiceJson(i.id().value(), i.number(), i.kind().name(), i.status().name(), i.clientId().value(),
                i.clientName(), i.currency().getCurrencyCode(), i.language(), i.taxMode().name(),
                i.discountPercent().toPlainString(), i.netDays(), i.issueDate(), i.dueDate(), i.overdue(),
                i.daysOverdue(), i.subtotal().plain(), i.discountTotal().plain(),
                i.taxes().entrySet().stream().map(e -> new TaxJson(e.getKey().name(),
                        e.getKey().percent().toPlainString(), e.getValue().plain())).toList(),
                i.taxTotal().plain(), i.total().plain(), i.amountPaid().plain(), i.amountDue().plain(),
                base == null ? null : base.currency().getCurrencyCode(), base == null ? null : base.plain(), i.notes(),
                i.terms(), i.creditFor() == null ? null : i.creditFor().value(),
                i.creditedBy() == null ? null : i.creditedBy().value(),
                i.depositFor() == null ? null : i.depositFor().value(), i.lines().stream().map(LineJson::of).toList(),
                i.sentAt(), i.createdAt(), i.updatedAt());
    }

    /** An invoice in a list: the figures without the lines. */
    record SummaryJson(UUID id, @Nullable String number, @Schema(allowableValues = {"INVOICE", "DEPOSIT", "CREDIT_NOTE"}) String kind, @Schema(allowableValues = {"DRAFT", "ISSUED", "SENT", "PARTIALLY_PAID", "PAID", "VOID"}) String status,
            UUID clientId, String clientName,
            String currency, @Nullable LocalDate issueDate, @Nullable LocalDate dueDate, boolean overdue, String total,
            String amountPaid, String amountDue, Instant createdAt) {

        static SummaryJson of(InvoiceSummary s) {
            return new SummaryJson(s.id().value(), s.number(), s.kind().name(), s.status().name(), s.clientId().value(),
                    s.clientName(), s.total().currency().getCurrencyCode(), s.issueDate(), s.dueDate(), s.overdue(),
                    s.total().plain(), s.amountPaid().plain(), s.amountDue().plain(), s.createdAt());
        }
    }

    /** A payment: amounts in the invoice's currency; what came in, when in another currency, with its rate. */
    record PaymentJson(UUID id, UUID invoiceId, LocalDate date, String currency, String amount, String credit,
            @Schema(allowableValues = {"BANK", "PAYPAL", "WISE", "CARD", "CASH", "CREDIT", "OTHER"}) String method,
            String fee, @Nullable String receivedAmount, @Nullable String receivedCurrency,
            @Nullable String receivedRate, @Nullable String note, Instant createdAt) {

        static PaymentJson of(Payment p) {
            return new PaymentJson(p.id(), p.invoiceId().value(), p.paidOn(), p.amount().currency().getCurrencyCode(),
                    p.amount().plain(), p.credit().plain(), p.method(), p.fee().plain(),
                    p.received() == null ? null : p.received().plain(),
                    p.received() == null ? null : p.received().currency().getCurrencyCode(),
                    p.receivedRate() == null ? null : p.receivedRate().stripTrailingZeros().toPlainString(), p.note(),
                    p.createdAt());
        }
    }
}
