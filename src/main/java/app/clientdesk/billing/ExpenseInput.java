package app.clientdesk.billing;

import org.jspecify.annotations.Nullable;

/**
 * An expense as typed or sent. When changing an expense, a null field keeps what it has and an empty one
 * clears it where it can be cleared (project, category); {@code currency} empty means the client's.
 * {@code amount} is a plain decimal ("12.50", "1500"), with no more decimals than the currency has.
 */
public record ExpenseInput(@Nullable String clientId, @Nullable String projectId, @Nullable String spentOn,
        @Nullable String description, @Nullable String category, @Nullable String amount, @Nullable String currency,
        @Nullable Boolean billable) {
}
