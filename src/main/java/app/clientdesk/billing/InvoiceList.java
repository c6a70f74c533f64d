package app.clientdesk.billing;

import app.clientdesk.shared.money.Money;
import java.util.List;

/**
 * One page of invoices, whether more follow, how many match in all ({@link #NOT_COUNTED} for a page that did not
 * count them: a count reads the whole history), and what is outstanding (per currency) among them.
 */
public record InvoiceList(List<InvoiceSummary> invoices, long total, boolean more, List<Money> outstanding) {

    public static final long NOT_COUNTED = -1;

    public boolean counted() {
        return total != NOT_COUNTED;
    }
}
