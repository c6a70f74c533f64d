package app.clientdesk.billing;

import app.clientdesk.billing.InvoiceMath.TaxMode;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A workspace's billing settings: number patterns of invoices and credit notes, default payment terms (net
 * days) and tax, whether prices include tax, the business's details and payment instructions printed on
 * invoices (bank, PayPal, Wise), default notes and terms, whether to print the total in the base currency,
 * the last day of the closed period (no invoice or payment may be dated on or before it), the reminder
 * schedule (days relative to the due date, e.g. -3, 0, 7, 14) and whether a logo was uploaded.
 */
public record BillingSettings(InvoiceNumberPattern invoicePattern, InvoiceNumberPattern creditNotePattern,
        int netDays, TaxMode taxMode, TaxRate defaultTax, @Nullable String businessDetails,
        @Nullable String paymentInstructions, @Nullable String defaultNotes, @Nullable String defaultTerms,
        boolean showBaseTotal, @Nullable LocalDate closedThrough, List<Integer> reminderDays, boolean hasLogo) {

    public static final String INVOICE_PATTERN = "INV-{yyyy}-{seq:4}";
    public static final String CREDIT_NOTE_PATTERN = "CN-{yyyy}-{seq:4}";

    public static BillingSettings defaults() {
        return new BillingSettings(new InvoiceNumberPattern(INVOICE_PATTERN),
                new InvoiceNumberPattern(CREDIT_NOTE_PATTERN), 14, TaxMode.EXCLUSIVE, TaxRate.NONE, null, null,
                null, null, true, null, List.of(-3, 0, 7, 14), false);
    }

    public InvoiceNumberPattern pattern(InvoiceKind kind) {
        return kind == InvoiceKind.CREDIT_NOTE ? creditNotePattern : invoicePattern;
    }

    /** Whether {@code day} falls in the closed period. */
    public boolean closed(LocalDate day) {
        return closedThrough != null && !day.isAfter(closedThrough);
    }
}
