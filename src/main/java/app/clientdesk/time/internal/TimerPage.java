package app.clientdesk.time.internal;

import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.work.Task;
import java.util.List;

/**
 * The timer's own page: the timer (or the start form and a task search), the "when did you stop?" form for
 * a timer left running over a day, and what went wrong with the last action.
 */
public record TimerPage(TimerWidget widget, List<Task> tasks, String q, EndForm end, FieldErrors endErrors,
        FieldErrors errors) {

    public boolean askEnd() {
        return widget.needsEnd() || endErrors.any();
    }
}
