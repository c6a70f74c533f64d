package app.clientdesk.portal;

import app.clientdesk.billing.InvoiceSummary;
import app.clientdesk.shared.money.Money;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The portal's invoices: the client's issued ones, what is due and overdue (per currency), and how to pay. */
public record PortalInvoicesView(List<InvoiceSummary> invoices, List<Money> due, List<Money> overdue,
        @Nullable String paymentInstructions) {
}
