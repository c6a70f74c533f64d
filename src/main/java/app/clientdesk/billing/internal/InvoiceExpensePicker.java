package app.clientdesk.billing.internal;

import app.clientdesk.billing.Expense;

/** What the "add expenses" picker shows. */
public final class InvoiceExpensePicker {

    private InvoiceExpensePicker() {}

    /** An unbilled expense; {@code pickable} is false when it is in another currency than the invoice's. */
    public record Row(Expense expense, boolean pickable) {
    }
}
