package app.clientdesk.clients;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A client of the business, as read for display and for the API. */
public record Client(ClientId id, String name, ClientStatus status, ZoneId zone, Currency currency, String locale,
        @Nullable String country, @Nullable String website, @Nullable String billingAddress, @Nullable String taxId,
        BusinessHours businessHours, @Nullable Integer responseTimeHours, Channels channels, @Nullable String culturalNotes,
        @Nullable String notes, List<Contact> contacts, Set<UUID> memberIds, @Nullable Instant archivedAt,
        Instant createdAt, Instant updatedAt) {

    public ZonedDateTime localTime(Clock clock) {
        return ZonedDateTime.now(clock.withZone(zone));
    }

    public boolean isOpenNow(Clock clock) {
        return businessHours.isOpenAt(localTime(clock));
    }

    public boolean archived() {
        return archivedAt != null;
    }

    public Optional<Contact> primaryContact() {
        return contacts.stream().filter(Contact::primary).findFirst();
    }
}
