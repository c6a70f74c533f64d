package app.clientdesk.billing;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A service of the catalogue: a package of work with its deliverables, billed {@link ServiceModel hourly, at a
 * fixed price or as a monthly retainer}, priced in one or more currencies (sorted by currency code).
 * {@code includedMinutes} is set for a retainer only; {@code tax} is the rate an invoice line starts with, or
 * null for none. An archived service keeps its prices (invoices and retainers already using it go on) but is
 * no longer offered.
 */
public record Service(UUID id, String name, String description, List<String> deliverables, ServiceModel model,
        @Nullable Integer includedMinutes, @Nullable TaxRate tax, List<ServicePrice> prices,
        @Nullable Instant archivedAt, Instant createdAt, Instant updatedAt) {

    public Service {
        deliverables = List.copyOf(deliverables);
        prices = List.copyOf(prices);
    }

    public boolean archived() {
        return archivedAt != null;
    }

    public Optional<ServicePrice> price(Currency currency) {
        return prices.stream().filter(p -> p.currency().equals(currency)).findFirst();
    }
}
