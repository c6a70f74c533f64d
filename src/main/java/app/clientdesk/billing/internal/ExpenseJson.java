package app.clientdesk.billing.internal;

import app.clientdesk.billing.Expense;
import app.clientdesk.billing.ExpenseList;
import app.clientdesk.shared.money.Money;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An expense as the API answers it. Field names are the API's contract. {@code amount} is a string with
 * exactly the currency's decimals ("49.90", "1500", "1.250"); {@code receipt} is null or the file's name,
 * type, size and where to download it; {@code invoiceId} and {@code invoiceNumber} say which invoice holds it
 * (the number is null while that invoice is a draft), and such an expense is {@code locked}.
 */
record ExpenseJson(UUID id, UUID clientId, String clientName, @Nullable UUID projectId, String spentOn,
        String description, @Nullable String category, String amount, String currency, boolean billable,
        @Nullable ReceiptJson receipt, @Nullable UUID invoiceId, @Nullable String invoiceNumber, boolean locked,
        String createdAt, String updatedAt) {

    record ReceiptJson(String name, String contentType, long size, String url) {
    }

    record ExpenseTotalJson(String amount, String currency) {
        static ExpenseTotalJson of(Money m) {
            return new ExpenseTotalJson(m.plain(), m.currency().getCurrencyCode());
        }
    }

    /** A page of expenses: {@code total} counts every match, {@code totals} sums every match per currency. */
    record ExpensePageJson(List<ExpenseJson> items, long total, List<ExpenseTotalJson> totals, int limit, int offset, boolean hasMore) {
        static ExpensePageJson of(ExpenseList list) {
            return new ExpensePageJson(list.items().stream().map(ExpenseJson::of).toList(), list.total(),
                    list.totals().stream().map(ExpenseTotalJson::of).toList(), list.limit(), list.offset(), list.hasMore());
        }
    }

    static ExpenseJson of(Expense e) {
        Expense.Receipt r = e.receipt();
        return new ExpenseJson(e.id(), e.clientId().value(), e.clientName(), e.projectId(), e.spentOn().toString(),
                e.description(), e.category(), e.amount().plain(), e.amount().currency().getCurrencyCode(),
                e.billable(), r == null ? null : new ReceiptJson(r.name(), r.contentType(), r.size(),
                        "/billing/expenses/" + e.id() + "/receipt"),
                e.invoiceId(), e.invoiceNumber(), e.invoiced(), e.createdAt().toString(), e.updatedAt().toString());
    }
}
