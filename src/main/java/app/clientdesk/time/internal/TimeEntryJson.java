package app.clientdesk.time.internal;

import app.clientdesk.time.TimeEntry;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A time entry as the API answers it. Field names are the API's contract; change them only with a new
 * version. {@code start} and {@code end} are ISO-8601 with the offset of the entry's {@code zone} at that
 * moment; {@code durationMinutes} is the tracked time rounded half-up to the minute ({@code durationSeconds}
 * exact), breaks excluded; {@code rate} is the hourly rate stored on the entry as an exact decimal string in
 * {@code currency} (null without one), {@code rateSource} the rule that gave it (ENTRY: set by hand).
 */
record TimeEntryJson(UUID id, UUID clientId, @Nullable UUID projectId, @Nullable UUID taskId, UUID userId,
        String start, String end, String zone, long durationMinutes, long durationSeconds, long breakMinutes,
        boolean billable, @Nullable String note, List<String> tags, @Nullable String rate, @Nullable String currency,
        @Nullable String rateSource, boolean locked, @Nullable String invoiceNumber) {

    static TimeEntryJson of(TimeEntry e) {
        return new TimeEntryJson(e.id().value(), e.clientId().value(),
                e.projectId() == null ? null : e.projectId().value(), e.taskId() == null ? null : e.taskId().value(),
                e.userId().value(), e.localStart().toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                e.localEnd().toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), e.zone().getId(),
                (e.durationSeconds() + 30) / 60, e.durationSeconds(), (e.breakSeconds() + 30) / 60, e.billable(),
                e.note(), e.tags(), e.rate() == null ? null : e.rate().plain(),
                e.rate() == null ? null : e.rate().currency().getCurrencyCode(),
                e.rateSource() == null ? null : e.rateSource().name(), e.locked(), e.invoiceNumber());
    }
}
