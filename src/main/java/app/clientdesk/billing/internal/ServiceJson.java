package app.clientdesk.billing.internal;

import app.clientdesk.billing.Service;
import app.clientdesk.billing.ServiceInput;
import app.clientdesk.billing.ServicePrice;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A service as the API answers it. Field names are the API's contract. Money is a string with the currency's
 * exact decimals beside its {@code currency} ("15000" in JPY, "1250.50" in BRL, "12.500" in BHD).
 * {@code includedMinutes} and {@code includedHours} ("12:30") are set for a retainer only; {@code taxPercent}
 * is a string such as "5" or "7.25".
 */
record ServiceJson(UUID id, String name, String description, List<String> deliverables,
        @Schema(allowableValues = {"HOURLY", "FIXED", "RETAINER"}) String model,
        @Nullable Integer includedMinutes, @Nullable String includedHours, @Nullable String taxName,
        @Nullable String taxPercent, List<PriceJson> prices, boolean archived, @Nullable Instant archivedAt,
        Instant createdAt, Instant updatedAt) {

    /** {@code amount} is the hourly rate, the fixed price or the monthly fee, as the model says. */
    record PriceJson(String currency, String amount, @Nullable String overageRate) {
    }

    /** A page of services: {@code limit} from {@code offset}; {@code total} counts all, {@code hasMore} says whether more follow. */
    record ServicePageJson(List<ServiceJson> items, long total, int limit, long offset, boolean hasMore) {
    }

    static ServiceJson of(Service s) {
        return new ServiceJson(s.id(), s.name(), s.description(), s.deliverables(), s.model().name(),
                s.includedMinutes(), s.includedMinutes() == null ? null : ServiceInput.hours(s.includedMinutes()),
                s.tax() == null ? null : s.tax().name(), s.tax() == null ? null : s.tax().percent().toPlainString(),
                s.prices().stream().map(ServiceJson::price).toList(), s.archived(), s.archivedAt(), s.createdAt(),
                s.updatedAt());
    }

    static PriceJson price(ServicePrice p) {
        return new PriceJson(p.currency().getCurrencyCode(), p.amount().plain(),
                p.overageRate() == null ? null : p.overageRate().plain());
    }
}
