package app.clientdesk.time.internal;

import app.clientdesk.time.TimerStart;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The start-a-timer form as submitted: a task, or a client (and project) with a note. A checkbox sends
 * nothing when unticked, so the form also sends {@code billableShown}: without it (a one-click start from a
 * task) the timer is billable.
 */
public record StartForm(@Nullable String taskId, @Nullable String clientId, @Nullable String projectId,
        @Nullable String note, @Nullable String billable, @Nullable String billableShown,
        @Nullable String pomodoro, @Nullable String back) {

    static StartForm blank() {
        return new StartForm(null, null, null, null, null, null, null, null);
    }

    TimerStart toStart() {
        return new TimerStart(taskId, clientId, projectId, note, billableShown == null ? null : isBillable(),
                isPomodoro());
    }

    public boolean isBillable() {
        return billableShown == null || "true".equals(billable) || "on".equals(billable);
    }

    public boolean isPomodoro() {
        return "true".equals(pomodoro) || "on".equals(pomodoro);
    }

    public String client() {
        return Objects.toString(clientId, "");
    }

    public String project() {
        return Objects.toString(projectId, "");
    }

    public String text() {
        return Objects.toString(note, "");
    }
}
