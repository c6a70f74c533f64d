package app.clientdesk.time;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.work.Project;
import app.clientdesk.work.ProjectId;
import app.clientdesk.work.Projects;
import app.clientdesk.work.Task;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The viewer's one running timer, kept on the server. Starting a timer stops the one running (its time
 * becomes an entry); pausing starts a break and resuming ends it; stopping makes the entry: its span from
 * start to stop, its duration that span less the breaks. A timer stopped during a break ends when the
 * break began.
 */
@Service
public class Timer {

    private final TimerStore store;
    private final TimeEntries entries;
    private final Clients clients;
    private final Projects projects;
    private final Tasks tasks;
    private final Clock clock;

    Timer(TimerStore store, TimeEntries entries, Clients clients, Projects projects, Tasks tasks, Clock clock) {
        this.store = store;
        this.entries = entries;
        this.clients = clients;
        this.projects = projects;
        this.tasks = tasks;
        this.clock = clock;
    }

    public Optional<RunningTimer> current(CurrentUser viewer) {
        if (viewer.isClientContact()) {
            return Optional.empty();
        }
        return store.find(viewer.workspaceId(), viewer.id().value());
    }

    /** What {@link #start} did: the new timer, and the entry made from the timer it stopped, if one ran. */
    public record Started(RunningTimer timer, @Nullable TimeEntry stopped) {
    }

    /**
     * Starts a timer on a task, or on a client (and project) with a note, stopping the one running.
     *
     * @throws InvalidInputException when the task or client is not the viewer's, or the running timer cannot
     *     become an entry (say, it ran over 24 hours: stop it with an end time first)
     */
    @Transactional
    public Started start(CurrentUser viewer, TimerStart start) {
        viewer.requireStaff();
        WorkspaceId workspace = viewer.workspaceId();
        Violations v = new Violations();
        UUID client = null;
        UUID project = null;
        UUID task = null;
        if (TimeEntryRules.text(start.taskId()) != null) {
            Optional<Task> found = parse(start.taskId(), "taskId", v).flatMap(id -> tasks.find(viewer, new TaskId(id)));
            if (found.isEmpty()) {
                v.add("taskId", "time.task.unknown");
            } else {
                task = found.get().id().value();
                client = found.get().clientId().value();
                project = found.get().projectId() == null ? null : found.get().projectId().value();
            }
        } else if (TimeEntryRules.text(start.clientId()) != null) {
            Optional<Client> found = parse(start.clientId(), "clientId", v)
                    .flatMap(id -> clients.find(viewer, new ClientId(id)));
            if (found.isEmpty()) {
                v.add("clientId", "time.client.unknown");
            } else {
                client = found.get().id().value();
                if (TimeEntryRules.text(start.projectId()) != null) {
                    Optional<Project> p = parse(start.projectId(), "projectId", v)
                            .flatMap(id -> projects.find(viewer, new ProjectId(id)));
                    if (p.isEmpty()) {
                        v.add("projectId", "time.project.unknown");
                    } else if (!p.get().clientId().value().equals(client)) {
                        v.add("projectId", "time.project.otherClient");
                    } else {
                        project = p.get().id().value();
                    }
                }
            }
        } else {
            v.add("clientId", "time.timer.what");
        }
        String note = TimeEntryRules.text(start.note());
        if (note != null && note.length() > TimeEntryRules.NOTE_MAX) {
            v.add("note", "time.note.tooLong", TimeEntryRules.NOTE_MAX);
        }
        v.throwIfAny();

        TimeEntry stopped = store.find(workspace, viewer.id().value()).isPresent() ? stopNow(viewer, null) : null;
        Integer work = null;
        Integer rest = null;
        if (start.pomodoro()) {
            int[] lengths = store.pomodoro(workspace, viewer.id().value());
            work = lengths[0];
            rest = lengths[1];
        }
        store.insert(workspace, viewer.id().value(), client, project, task, note,
                start.billable() == null || start.billable(), viewer.zone(), now(), work, rest);
        return new Started(store.find(workspace, viewer.id().value()).orElseThrow(), stopped);
    }

    /** Starts a break; a timer already on a break stays as it is. */
    @Transactional
    public RunningTimer pause(CurrentUser viewer) {
        RunningTimer timer = running(viewer);
        if (!timer.paused()) {
            store.pause(viewer.workspaceId(), viewer.id().value(), now());
        }
        return running(viewer);
    }

    /** Ends the break; a timer not on a break stays as it is. */
    @Transactional
    public RunningTimer resume(CurrentUser viewer) {
        RunningTimer timer = running(viewer);
        if (timer.paused()) {
            Instant now = now();
            long breakSeconds = timer.breakSeconds() + Duration.between(timer.pausedAt(), now).getSeconds();
            store.resume(viewer.workspaceId(), viewer.id().value(), breakSeconds, now);
        }
        return running(viewer);
    }

    /**
     * Stops the timer and makes its entry; {@code end} (optional) ends it earlier than now, for a timer left
     * running. A timer stopped within its first second makes no entry (empty).
     *
     * @throws InvalidInputException when no timer runs, it ran over 24 hours (give an end), or the entry would
     *     overlap another
     */
    @Transactional
    public Optional<TimeEntry> stop(CurrentUser viewer, @Nullable Instant end) {
        running(viewer);
        return Optional.ofNullable(stopNow(viewer, end));
    }

    /** Throws the running timer away without making an entry. */
    @Transactional
    public void discard(CurrentUser viewer) {
        running(viewer);
        store.delete(viewer.workspaceId(), viewer.id().value());
    }

    /** The Pomodoro lengths in minutes the viewer's timers use: {work, break}. */
    public int[] pomodoroLengths(CurrentUser viewer) {
        viewer.requireStaff();
        return store.pomodoro(viewer.workspaceId(), viewer.id().value());
    }

    /** Sets the viewer's Pomodoro lengths: work 5–120 minutes, break 1–60. */
    @Transactional
    public void setPomodoroLengths(CurrentUser viewer, int workMinutes, int breakMinutes) {
        viewer.requireStaff();
        Violations v = new Violations();
        if (workMinutes < 5 || workMinutes > 120) {
            v.add("workMinutes", "time.pomodoro.work", 5, 120);
        }
        if (breakMinutes < 1 || breakMinutes > 60) {
            v.add("breakMinutes", "time.pomodoro.break", 1, 60);
        }
        v.throwIfAny();
        store.putPomodoro(viewer.workspaceId(), viewer.id().value(), workMinutes, breakMinutes);
    }

    private @Nullable TimeEntry stopNow(CurrentUser viewer, @Nullable Instant requestedEnd) {
        WorkspaceId workspace = viewer.workspaceId();
        RunningTimer t = store.find(workspace, viewer.id().value()).orElseThrow();
        Instant now = now();
        Instant end = t.pausedAt() != null ? t.pausedAt() : now;
        long breakSeconds = t.breakSeconds();
        if (requestedEnd != null) {
            Instant wanted = requestedEnd.truncatedTo(ChronoUnit.SECONDS);
            if (!wanted.isAfter(t.startedAt()) || wanted.isAfter(now)) {
                throw InvalidInputException.of("end", "time.timer.end", t.startedAt().atZone(viewer.zone()).toLocalDateTime()
                        .truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' '));
            }
            if (t.resumedAt() != null && breakSeconds > 0 && wanted.isBefore(t.resumedAt())) {
                // Breaks are kept as a total, so an end before the last break ended would still subtract it.
                throw InvalidInputException.of("end", "time.timer.endBeforeBreak", t.resumedAt().atZone(viewer.zone())
                        .toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' '));
            }
            if (wanted.isBefore(end)) {
                end = wanted;
            }
        }
        if (Duration.between(t.startedAt(), end).compareTo(TimeEntryRules.LONGEST) > 0) {
            throw InvalidInputException.of("end", "time.timer.tooLong");
        }
        store.delete(workspace, viewer.id().value());
        if (!end.isAfter(t.startedAt())) {
            return null;
        }
        long span = Duration.between(t.startedAt(), end).getSeconds();
        breakSeconds = Math.min(breakSeconds, span - 1);
        TimeEntries.Priced priced = entries.price(workspace, t.clientId().value(),
                t.projectId() == null ? null : t.projectId().value(), t.taskId() == null ? null : t.taskId().value(),
                viewer.id().value());
        UUID id = UUID.randomUUID();
        entries.write(workspace, new TimeStore.Row(id, viewer.id().value(), t.clientId().value(),
                t.projectId() == null ? null : t.projectId().value(), t.taskId() == null ? null : t.taskId().value(),
                priced.taskType(), t.startedAt(), end, t.zone(), breakSeconds, t.billable(), t.note(),
                java.util.List.of(), priced.rate(), null, null), null, false, viewer.id().value());
        return entries.get(viewer, new TimeEntryId(id));
    }

    private RunningTimer running(CurrentUser viewer) {
        viewer.requireStaff();
        return store.find(viewer.workspaceId(), viewer.id().value())
                .orElseThrow(() -> InvalidInputException.of("timer", "time.timer.none"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static Optional<UUID> parse(@Nullable String text, String field, Violations v) {
        try {
            return Optional.of(UUID.fromString(text == null ? "" : text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
