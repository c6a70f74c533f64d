package app.clientdesk.billing;

import app.clientdesk.shared.money.Money;
import java.util.List;

/** One page of invoices, how many match in all, and what is outstanding (per currency) among them. */
public record InvoiceList(List<InvoiceSummary> invoices, long total, List<Money> outstanding) {
}
