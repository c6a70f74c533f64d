package app.clientdesk.billing;

import app.clientdesk.shared.money.Money;
import java.util.List;

/**
 * A page of expenses, with {@code total} counting every match and {@code totals} the sum of every match per
 * currency (never added across currencies), in currency order.
 */
public record ExpenseList(List<Expense> items, long total, List<Money> totals, int limit, int offset) {

    public ExpenseList {
        items = List.copyOf(items);
        totals = List.copyOf(totals);
    }

    public boolean hasMore() {
        return offset + items.size() < total;
    }
}
