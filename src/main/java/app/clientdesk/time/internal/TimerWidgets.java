package app.clientdesk.time.internal;

import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.time.RunningTimer;
import app.clientdesk.time.Timer;
import app.clientdesk.work.Projects;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Builds the timer widget: one query on every page; the start panel's clients, projects and tasks only
 * when the panel is shown.
 */
@Component
class TimerWidgets {

    private final Timer timer;
    private final Clients clients;
    private final Projects projects;
    private final TaskPicker picker;
    private final Clock clock;

    TimerWidgets(Timer timer, Clients clients, Projects projects, TaskPicker picker, Clock clock) {
        this.timer = timer;
        this.clients = clients;
        this.projects = projects;
        this.picker = picker;
        this.clock = clock;
    }

    TimerWidget of(CurrentUser viewer, String back) {
        return of(viewer, back, StartForm.blank(), FieldErrors.none(), null);
    }

    /** The widget as the header shows it; its start panel filled only when it comes back with errors. */
    TimerWidget of(CurrentUser viewer, String back, StartForm form, FieldErrors errors, @Nullable String said) {
        return build(viewer, back, "", form, errors, said, errors.any());
    }

    /** The widget with its start panel filled (unless a timer runs): the form's choices and open tasks matching q. */
    TimerWidget withPanel(CurrentUser viewer, String back, String q, StartForm form, FieldErrors errors,
            @Nullable String said) {
        return build(viewer, back, q, form, errors, said, true);
    }

    private TimerWidget build(CurrentUser viewer, String back, String q, StartForm form, FieldErrors errors,
            @Nullable String said, boolean panel) {
        Optional<RunningTimer> running = timer.current(viewer);
        if (running.isPresent() || !panel) {
            return new TimerWidget(running.orElse(null), clock.instant(), back, List.of(), List.of(), List.of(), form,
                    errors, said);
        }
        return new TimerWidget(null, clock.instant(), back, clients.choices(viewer), projects.openChoices(viewer),
                picker.find(viewer, q), form, errors, said);
    }
}
