package app.clientdesk.time;

import app.clientdesk.shared.money.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * A rate rule: {@code hourly} for work in its currency within {@code scope}. {@code key} names the
 * client, project or member (their id), or the task type (lower case); it is empty for the workspace
 * default. {@code label} is what the key stood for when the rule was set (a name, a type).
 */
public record Rate(UUID id, RateScope scope, String key, String label, Money hourly, Instant updatedAt) {
}
