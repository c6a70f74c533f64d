package app.clientdesk.time;

import org.jspecify.annotations.Nullable;

/**
 * A rate rule as typed: {@code scope} one of {@link RateScope#RULES}; {@code key} the client's, project's
 * or member's id, or the task type (blank for the workspace default); an ISO currency and an hourly amount.
 */
public record RateInput(@Nullable String scope, @Nullable String key, @Nullable String currency,
        @Nullable String amount) {
}
