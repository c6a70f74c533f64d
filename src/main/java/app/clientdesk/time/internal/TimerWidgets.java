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

/** Builds the timer widget: one query while a timer runs; the start form's clients and projects otherwise. */
@Component
class TimerWidgets {

    private final Timer timer;
    private final Clients clients;
    private final Projects projects;
    private final Clock clock;

    TimerWidgets(Timer timer, Clients clients, Projects projects, Clock clock) {
        this.timer = timer;
        this.clients = clients;
        this.projects = projects;
        this.clock = clock;
    }

    TimerWidget of(CurrentUser viewer, String back) {
        return of(viewer, back, StartForm.blank(), FieldErrors.none(), null);
    }

    TimerWidget of(CurrentUser viewer, String back, StartForm form, FieldErrors errors, @Nullable String said) {
        Optional<RunningTimer> running = timer.current(viewer);
        if (running.isPresent()) {
            return new TimerWidget(running.get(), clock.instant(), back, List.of(), List.of(), form, errors, said);
        }
        return new TimerWidget(null, clock.instant(), back, clients.choices(viewer), projects.list(viewer, null, true),
                form, errors, said);
    }
}
