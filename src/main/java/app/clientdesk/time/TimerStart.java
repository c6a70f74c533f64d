package app.clientdesk.time;

import org.jspecify.annotations.Nullable;

/** What to start a timer on: a task, or a client (and optionally a project) with a note. */
public record TimerStart(@Nullable String taskId, @Nullable String clientId, @Nullable String projectId,
        @Nullable String note, @Nullable Boolean billable, boolean pomodoro) {

    public static TimerStart onTask(String taskId) {
        return new TimerStart(taskId, null, null, null, null, false);
    }

    public static TimerStart onClient(String clientId, @Nullable String note) {
        return new TimerStart(null, clientId, null, note, null, false);
    }
}
