package app.clientdesk.time.internal;

import app.clientdesk.shared.web.FieldErrors;

/**
 * The timer's own page: the timer (or the start form and a task search), the "when did you stop?" form for
 * a timer left running over a day, and what went wrong with the last action.
 */
public record TimerPage(TimerWidget widget, String q, EndForm end, FieldErrors endErrors,
        FieldErrors errors) {

    public boolean askEnd() {
        return widget.needsEnd() || endErrors.any();
    }
}
