package app.clientdesk.billing;

import app.clientdesk.shared.money.Money;
import java.util.Currency;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A service's price in one currency: {@code amount} is the hourly rate, the fixed price or the monthly fee, as
 * the service's model says; {@code overageRate} (retainers only, may be absent) the hourly rate for work beyond
 * the included hours, in the same currency.
 */
public record ServicePrice(UUID serviceId, ServiceModel model, Money amount, @Nullable Money overageRate) {

    public ServicePrice {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(amount, "amount");
        if (overageRate != null && (model != ServiceModel.RETAINER || !overageRate.currency().equals(amount.currency()))) {
            throw new IllegalArgumentException("an overage rate belongs to a retainer, in the fee's currency");
        }
    }

    public Currency currency() {
        return amount.currency();
    }
}
