package app.clientdesk.time.internal;

import static com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL;

import app.clientdesk.time.TimeEntry;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A time entry as the API answers it. Field names are the API's contract; change them only with a new
 * version. {@code start} and {@code end} are ISO-8601 with the offset of the entry's {@code zone};
 * {@code durationMinutes} and {@code breakMinutes} are rounded half up from the seconds; {@code rate} is
 * the hourly rate in force when the entry was made, with the currency's decimals ("45.50"), or null.
 * {@code rate}, {@code currency}, {@code rateSource} and {@code invoiceNumber} are money of the business: left
 * out of the answer for a caller who sees no money (a member), as they are when empty.
 */
record TimeEntryJson(UUID id, UUID clientId, @Nullable UUID projectId, @Nullable UUID taskId, UUID userId,
        String start, String end, String zone, long durationMinutes, long durationSeconds, long breakMinutes,
        boolean billable, @Nullable String note, List<String> tags, @JsonInclude(NON_NULL) @Nullable String rate,
        @JsonInclude(NON_NULL) @Nullable String currency, @JsonInclude(NON_NULL) @Nullable String rateSource,
        boolean locked, @JsonInclude(NON_NULL) @Nullable String invoiceNumber) {

    static TimeEntryJson of(TimeEntry e) {
        return new TimeEntryJson(e.id().value(), e.clientId().value(),
                e.projectId() == null ? null : e.projectId().value(), e.taskId() == null ? null : e.taskId().value(),
                e.userId().value(), iso(e.start(), e.zone()), iso(e.end(), e.zone()), e.zone().getId(),
                halfUpMinutes(e.durationSeconds()), e.durationSeconds(), halfUpMinutes(e.breakSeconds()), e.billable(),
                e.note(), e.tags(), e.rate() == null ? null : e.rate().plain(),
                e.rate() == null ? null : e.rate().currency().getCurrencyCode(),
                e.rateSource() == null ? null : e.rateSource().name(), e.locked(), e.invoiceNumber());
    }

    static String iso(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static long halfUpMinutes(long seconds) {
        return (seconds + 30) / 60;
    }
}
