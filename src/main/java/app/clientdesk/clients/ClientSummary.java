package app.clientdesk.clients;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/** One row of the clients list. */
public record ClientSummary(ClientId id, String name, ClientStatus status, ZoneId zone, Currency currency,
        @Nullable String country, @Nullable String primaryContactName, @Nullable String primaryContactEmail,
        BusinessHours businessHours, @Nullable Integer responseTimeHours, boolean archived) {

    public ZonedDateTime localTime(Clock clock) {
        return ZonedDateTime.now(clock.withZone(zone));
    }

    public boolean isOpenNow(Clock clock) {
        return businessHours.isOpenAt(localTime(clock));
    }
}
