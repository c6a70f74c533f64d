package app.clientdesk.time;

import app.clientdesk.shared.money.Money;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A workspace's rate rules at one moment, to price many entries without a query each. The most specific
 * rule that applies wins: member, then task type, then project, then client, then the workspace default;
 * only rules in the entry's currency (the client's) apply.
 */
public final class RateBook {

    /** The rate an entry gets and the rule it came from. */
    public record Applied(Money hourly, RateScope source) {
    }

    private final Map<String, Money> rules = new HashMap<>();

    public RateBook(List<Rate> rates) {
        for (Rate r : rates) {
            rules.put(key(r.scope(), r.key(), r.hourly().currency()), r.hourly());
        }
    }

    public Optional<Applied> resolve(Currency currency, UUID client, @Nullable UUID project, @Nullable String taskType,
            UUID user) {
        Money m = rules.get(key(RateScope.MEMBER, user.toString(), currency));
        if (m != null) {
            return Optional.of(new Applied(m, RateScope.MEMBER));
        }
        if (taskType != null && !taskType.isBlank()) {
            m = rules.get(key(RateScope.TASK_TYPE, typeKey(taskType), currency));
            if (m != null) {
                return Optional.of(new Applied(m, RateScope.TASK_TYPE));
            }
        }
        if (project != null) {
            m = rules.get(key(RateScope.PROJECT, project.toString(), currency));
            if (m != null) {
                return Optional.of(new Applied(m, RateScope.PROJECT));
            }
        }
        m = rules.get(key(RateScope.CLIENT, client.toString(), currency));
        if (m != null) {
            return Optional.of(new Applied(m, RateScope.CLIENT));
        }
        m = rules.get(key(RateScope.WORKSPACE, "", currency));
        return Optional.ofNullable(m).map(h -> new Applied(h, RateScope.WORKSPACE));
    }

    static String typeKey(String taskType) {
        return taskType.strip().toLowerCase(Locale.ROOT);
    }

    private static String key(RateScope scope, String key, Currency currency) {
        return scope + "|" + key + "|" + currency.getCurrencyCode();
    }
}
