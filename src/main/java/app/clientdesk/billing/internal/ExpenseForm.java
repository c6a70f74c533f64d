package app.clientdesk.billing.internal;

import app.clientdesk.billing.Expense;
import app.clientdesk.billing.ExpenseInput;
import org.jspecify.annotations.Nullable;

/** The expense form as typed; every field a string, so that what was typed shows again beside its error. */
public record ExpenseForm(@Nullable String clientId, @Nullable String projectId, @Nullable String spentOn,
        @Nullable String description, @Nullable String category, @Nullable String amount, @Nullable String currency,
        @Nullable String billable, @Nullable String removeReceipt) {

    static ExpenseForm blank(String today, @Nullable String clientId) {
        return new ExpenseForm(clientId, "", today, "", "", "", "", "true", null);
    }

    static ExpenseForm of(Expense e) {
        return new ExpenseForm(e.clientId().value().toString(), e.projectId() == null ? "" : e.projectId().toString(),
                e.spentOn().toString(), e.description(), e.category() == null ? "" : e.category(), e.amount().plain(),
                e.amount().currency().getCurrencyCode(), Boolean.toString(e.billable()), null);
    }

    /** Every field is on the form: a box left unticked is "not billable", an empty field is cleared. */
    ExpenseInput toInput() {
        return new ExpenseInput(orEmpty(clientId), orEmpty(projectId), orEmpty(spentOn), orEmpty(description),
                orEmpty(category), orEmpty(amount), orEmpty(currency), isBillable());
    }

    public boolean isBillable() {
        return "true".equals(billable);
    }

    boolean removesReceipt() {
        return "true".equals(removeReceipt);
    }

    public String value(@Nullable String field) {
        return field == null ? "" : field;
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
