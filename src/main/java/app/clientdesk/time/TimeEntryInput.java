package app.clientdesk.time;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A time entry as typed or sent. The span is given either as two instants with their offset ({@code start},
 * {@code end}: "2026-11-30T09:00:00-03:00"), or as local date and times in {@code zone} ({@code date},
 * {@code startTime}, {@code endDate} (defaults to {@code date}), {@code endTime}). When changing an entry, a
 * null field keeps what the entry has; an empty one clears it. {@code userId} is for the owner only (an
 * entry for a member); {@code rate} sets the entry's own hourly rate (owner only), in the client's currency.
 */
public record TimeEntryInput(@Nullable String clientId, @Nullable String projectId, @Nullable String taskId,
        @Nullable String userId, @Nullable String start, @Nullable String end, @Nullable String date,
        @Nullable String startTime, @Nullable String endDate, @Nullable String endTime, @Nullable String zone,
        @Nullable String breakMinutes, @Nullable Boolean billable, @Nullable String note, @Nullable List<String> tags,
        @Nullable String rate) {

    /** An entry from instants, as the API and imports give it. */
    public static TimeEntryInput ofInstants(@Nullable String clientId, @Nullable String projectId,
            @Nullable String taskId, String start, String end, @Nullable Boolean billable, @Nullable String note,
            @Nullable List<String> tags) {
        return new TimeEntryInput(clientId, projectId, taskId, null, start, end, null, null, null, null, null, null,
                billable, note, tags, null);
    }

    /** An entry from local date and times, as a form gives it. */
    public static TimeEntryInput ofLocal(@Nullable String clientId, @Nullable String projectId, @Nullable String taskId,
            String date, String startTime, @Nullable String endDate, String endTime, @Nullable String zone,
            @Nullable Boolean billable, @Nullable String note, @Nullable List<String> tags) {
        return new TimeEntryInput(clientId, projectId, taskId, null, null, null, date, startTime, endDate, endTime, zone,
                null, billable, note, tags, null);
    }
}
