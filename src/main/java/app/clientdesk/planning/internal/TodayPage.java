package app.clientdesk.planning.internal;

import app.clientdesk.requests.RequestSummary;
import app.clientdesk.time.RunningTimer;
import app.clientdesk.work.Task;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What Today shows, all in the person's calendar zone: the day's agenda in time order, the tasks due today and how
 * many are overdue, the running timer, requests whose response clock is at risk or breached, and tomorrow's first
 * commitment. {@code dueTodayCount} may exceed the tasks listed.
 */
public record TodayPage(ZoneId zone, LocalDate today, ZonedDateTime now, List<AgendaItem> agenda, List<Task> dueToday,
        long dueTodayCount, long overdueCount, @Nullable RunningTimer timer, List<RequestSummary> atRisk,
        List<RequestSummary> breached, @Nullable Commitment tomorrow) {

    /**
     * One entry of the day: a time block or a meeting ({@link Kind}). {@code clientNow} is the client's local time at the moment the page was made, for a
     * client in another zone. {@code timerTaskId} or {@code timerClientId} (with {@code timerNote}) start the timer
     * from it.
     */
    public record AgendaItem(Kind kind, String id, ZonedDateTime start, ZonedDateTime end, String label,
            @Nullable String clientName, @Nullable ZonedDateTime clientNow, @Nullable String timerTaskId,
            @Nullable String timerClientId, @Nullable String timerNote, boolean past, boolean current) {

        public enum Kind { BLOCK, MEETING }

        public boolean startsTimer() {
            return timerTaskId != null || timerClientId != null;
        }
    }

    /** Tomorrow's first commitment: the first block, or a task due tomorrow ({@code at} null for a due date alone). */
    public record Commitment(String label, @Nullable String clientName, @Nullable ZonedDateTime at, boolean task) {
    }

    public boolean empty() {
        return agenda.isEmpty() && dueToday.isEmpty() && overdueCount == 0 && timer == null && atRisk.isEmpty()
                && breached.isEmpty() && tomorrow == null;
    }
}
