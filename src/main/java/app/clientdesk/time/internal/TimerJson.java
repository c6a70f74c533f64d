package app.clientdesk.time.internal;

import app.clientdesk.time.RunningTimer;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The API's shapes of the timer. Field names are the API's contract; change them only with a new version. */
sealed interface TimerJson permits TimerJson.Idle, TimerJson.Running {

    /** No timer runs: {@code {"running": false}}. */
    record Idle(@io.swagger.v3.oas.annotations.media.Schema(allowableValues = "false") boolean running)
            implements TimerJson {
    }

    record Pomodoro(int workMinutes, int breakMinutes) {
    }

    /**
     * The running timer. Instants are ISO-8601 with the offset of the caller's zone; {@code workedSeconds} is
     * the time since {@code start} less the breaks, at the moment of the answer; {@code pausedAt} is set
     * during a break; {@code workingSince} is when the current stretch of work began (a Pomodoro work period
     * runs from then). {@code stopped} is the id of the entry made from the timer a start stopped.
     */
    record Running(@io.swagger.v3.oas.annotations.media.Schema(allowableValues = "true") boolean running, UUID clientId, String clientName, @Nullable UUID projectId,
            @Nullable String projectName, @Nullable UUID taskId, @Nullable String taskTitle, @Nullable String note,
            String label, boolean billable, String start, @Nullable String pausedAt, long breakSeconds,
            long workedSeconds, String workingSince, @Nullable Pomodoro pomodoro, @Nullable UUID stopped)
            implements TimerJson {

        static Running of(RunningTimer t, Instant now, ZoneId zone, @Nullable UUID stopped) {
            return new Running(true, t.clientId().value(), t.clientName(),
                    t.projectId() == null ? null : t.projectId().value(), t.projectName(),
                    t.taskId() == null ? null : t.taskId().value(), t.taskTitle(), t.note(), t.label(), t.billable(),
                    TimeEntryJson.iso(t.startedAt(), zone),
                    t.pausedAt() == null ? null : TimeEntryJson.iso(t.pausedAt(), zone), t.breakSeconds(),
                    t.workedSeconds(now), TimeEntryJson.iso(t.workingSince(), zone),
                    t.pomodoroWorkMinutes() == null || t.pomodoroBreakMinutes() == null ? null
                            : new Pomodoro(t.pomodoroWorkMinutes(), t.pomodoroBreakMinutes()),
                    stopped);
        }
    }

    /**
     * What {@code POST /api/v1/timer/start} accepts: {@code taskId}, or {@code clientId} with an optional
     * {@code projectId} and {@code note}. {@code billable} defaults to true; {@code pomodoro} runs the timer in
     * Pomodoro mode with the caller's lengths.
     */
    record Start(@Nullable String taskId, @Nullable String clientId, @Nullable String projectId,
            @Nullable String note, @Nullable Boolean billable, @Nullable Boolean pomodoro) {
    }

    /** What {@code POST /api/v1/timer/stop} accepts: optionally when work ended, ISO-8601 with offset. */
    record Stop(@Nullable String end) {
    }
}
