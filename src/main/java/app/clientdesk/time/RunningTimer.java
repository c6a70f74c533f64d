package app.clientdesk.time;

import app.clientdesk.clients.ClientId;
import app.clientdesk.work.ProjectId;
import app.clientdesk.work.TaskId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * A person's running timer, kept on the server: it survives a reload, another tab or device and a restart.
 * While {@code pausedAt} is set it is on a break; {@code breakSeconds} adds up the breaks already over.
 * With Pomodoro lengths set, a work period runs from {@link #workingSince()} for {@code pomodoroWorkMinutes},
 * then a break of {@code pomodoroBreakMinutes}.
 */
public record RunningTimer(ClientId clientId, String clientName, @Nullable ProjectId projectId,
        @Nullable String projectName, @Nullable TaskId taskId, @Nullable String taskTitle, @Nullable String note,
        boolean billable, ZoneId zone, Instant startedAt, @Nullable Instant pausedAt, @Nullable Instant resumedAt,
        long breakSeconds, @Nullable Integer pomodoroWorkMinutes, @Nullable Integer pomodoroBreakMinutes) {

    public boolean paused() {
        return pausedAt != null;
    }

    public boolean pomodoro() {
        return pomodoroWorkMinutes != null;
    }

    /** When the current (or last) stretch of work began: the start, or the end of the last break. */
    public Instant workingSince() {
        return resumedAt != null ? resumedAt : startedAt;
    }

    /** Worked seconds at {@code now}: the time since the start, less breaks (a running break counts as break). */
    public long workedSeconds(Instant now) {
        Instant until = pausedAt != null ? pausedAt : now;
        return Math.max(0, Duration.between(startedAt, until).getSeconds() - breakSeconds);
    }

    /** What the timer is on, for its label: the task, else the note, else the project, else the client. */
    public String label() {
        if (taskTitle != null) {
            return taskTitle;
        }
        if (note != null) {
            return note;
        }
        return projectName != null ? projectName : clientName;
    }
}
