package app.clientdesk.time.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.time.RateScope;
import app.clientdesk.time.TimeEntry;
import app.clientdesk.time.TimeEntryInput;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The entry form as submitted: local date and times in {@code zone}, the end date defaulting to the start's
 * (so an entry may cross midnight). {@code userId} and {@code rate} are read from the owner only. An
 * unticked {@code billable} is not sent, so null means "not billable".
 */
public record TimeEntryForm(@Nullable String clientId, @Nullable String projectId, @Nullable String taskId,
        @Nullable String date, @Nullable String startTime, @Nullable String endDate, @Nullable String endTime,
        @Nullable String breakMinutes, @Nullable String zone, @Nullable String billable, @Nullable String note,
        @Nullable String tags, @Nullable String userId, @Nullable String rate) {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");

    static TimeEntryForm blank(String date, ZoneId zone, @Nullable String userId) {
        return new TimeEntryForm("", "", "", date, "", date, "", "", zone.getId(), "true", "", "",
                Objects.toString(userId, ""), "");
    }

    static TimeEntryForm of(TimeEntry e) {
        return new TimeEntryForm(e.clientId().value().toString(),
                e.projectId() == null ? "" : e.projectId().value().toString(),
                e.taskId() == null ? "" : e.taskId().value().toString(), e.localStart().toLocalDate().toString(),
                time(e.localStart().toLocalTime()), e.localEnd().toLocalDate().toString(), time(e.localEnd().toLocalTime()),
                e.breakSeconds() == 0 ? "" : Long.toString(TimesheetDurations.minutes(e.breakSeconds())), e.zone().getId(),
                e.billable() ? "true" : null, Objects.toString(e.note(), ""), String.join(", ", e.tags()),
                e.userId().value().toString(),
                e.rateSource() == RateScope.ENTRY && e.rate() != null ? e.rate().plain() : "");
    }

    private static String time(LocalTime t) {
        return (t.getSecond() == 0 ? MINUTES : SECONDS).format(t);
    }

    TimeEntryInput toInput(CurrentUser viewer) {
        boolean owner = viewer.isOwner();
        return new TimeEntryInput(orEmpty(clientId), orEmpty(projectId), orEmpty(taskId),
                owner && userId != null && !userId.isBlank() ? userId : null, null, null, orEmpty(date), orEmpty(startTime),
                endDate == null || endDate.isBlank() ? orEmpty(date) : endDate, orEmpty(endTime), orEmpty(zone),
                orEmpty(breakMinutes), billable != null && !billable.isBlank() && !"false".equals(billable),
                orEmpty(note), List.of(orEmpty(tags)), owner ? orEmpty(rate) : null);
    }

    public boolean isBillable() {
        return billable != null && !billable.isBlank() && !"false".equals(billable);
    }

    public boolean hasSeconds() {
        return (startTime != null && startTime.length() > 5) || (endTime != null && endTime.length() > 5);
    }

    /** The form's field for a rule's field: spans and overlaps speak of start and end. */
    static String formField(String field) {
        return switch (field) {
            case "start" -> "startTime";
            case "end" -> "endTime";
            case "entry" -> "";
            default -> field;
        };
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
