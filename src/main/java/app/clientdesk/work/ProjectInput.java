package app.clientdesk.work;

import org.jspecify.annotations.Nullable;

/**
 * A project as typed in a form or sent to the API, before any rule is checked. {@code budgetHours} is a
 * decimal number of hours ("12.5"); {@code budgetAmount} is money in the client's currency.
 */
public record ProjectInput(@Nullable String clientId, @Nullable String name, @Nullable String status,
        @Nullable String startDate, @Nullable String dueDate, @Nullable String budgetHours,
        @Nullable String budgetAmount, @Nullable String workflowId) {
}
