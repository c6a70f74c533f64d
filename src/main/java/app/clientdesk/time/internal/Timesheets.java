package app.clientdesk.time.internal;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.Account;
import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.identity.UserId;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.time.TimeEntries;
import app.clientdesk.time.TimeEntry;
import app.clientdesk.work.Project;
import app.clientdesk.work.ProjectId;
import app.clientdesk.work.Projects;
import app.clientdesk.work.Task;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.Tasks;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Builds the week a timesheet shows, and reads the timesheet's parameters (which week, whose, which rows). */
@Component
class Timesheets {

    private static final int MAX_EXTRA_ROWS = 20;

    private final TimeEntries entries;
    private final Accounts accounts;
    private final Clients clients;
    private final Projects projects;
    private final Tasks tasks;
    private final Clock clock;

    Timesheets(TimeEntries entries, Accounts accounts, Clients clients, Projects projects, Tasks tasks, Clock clock) {
        this.entries = entries;
        this.accounts = accounts;
        this.clients = clients;
        this.projects = projects;
        this.tasks = tasks;
        this.clock = clock;
    }

    LocalDate today(CurrentUser viewer) {
        return LocalDate.ofInstant(clock.instant(), viewer.zone());
    }

    /** The Monday of the week holding {@code week} (any ISO date), or of this week when it is missing or bad. */
    LocalDate firstDay(CurrentUser viewer, @Nullable String week) {
        LocalDate day = today(viewer);
        if (week != null && !week.isBlank()) {
            try {
                day = LocalDate.parse(week.strip());
            } catch (DateTimeParseException e) {
                // this week, then
            }
        }
        return TimeEntries.weekOf(day);
    }

    /**
     * Whose timesheet: the viewer's own, or for the owner anyone's on the team. Another id, or any id from a
     * member, is not found.
     */
    Account person(CurrentUser viewer, @Nullable String user) {
        viewer.requireStaff();
        UserId id = viewer.id();
        if (user != null && !user.isBlank()) {
            try {
                id = new UserId(UUID.fromString(user.strip()));
            } catch (IllegalArgumentException e) {
                throw new NotFoundException("person");
            }
        }
        if (!id.equals(viewer.id()) && !viewer.isOwner()) {
            throw new NotFoundException("person");
        }
        return accounts.find(viewer.workspaceId(), id).filter(a -> a.role() != Role.CLIENT)
                .orElseThrow(() -> new NotFoundException("person"));
    }

    /** The rows a person added by hand ("client.project.task,…"); rows that do not fit together are dropped. */
    List<RowKey> rows(@Nullable String rows) {
        if (rows == null || rows.isBlank()) {
            return List.of();
        }
        return Arrays.stream(rows.split(",")).map(RowKey::parse).flatMap(Optional::stream).distinct()
                .limit(MAX_EXTRA_ROWS).toList();
    }

    /** A row as picked: a task brings its own client and project. Empty when nothing fits. */
    Optional<RowKey> picked(CurrentUser viewer, @Nullable String client, @Nullable String project,
            @Nullable String task) {
        // A row named by an id the viewer may not see is refused, not quietly left out.
        clients.named(viewer, client);
        projects.named(viewer, project);
        Optional<RowKey> key = RowKey.of(client, project, task);
        if (key.isEmpty() && task != null && !task.isBlank()) {
            try {
                key = Optional.of(tasks.get(viewer, new TaskId(UUID.fromString(task.strip()))))
                        .map(t -> new RowKey(t.clientId().value(), null, t.id().value()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        if (key.isEmpty()) {
            return Optional.empty();
        }
        RowKey k = key.get();
        if (k.task() != null) {
            Optional<Task> t = Optional.of(tasks.get(viewer, new TaskId(k.task())));
            ProjectId p = t.get().projectId();
            return Optional.of(new RowKey(t.get().clientId().value(), p == null ? k.project() : p.value(), k.task()));
        }
        return Optional.of(k);
    }

    Timesheet week(CurrentUser viewer, Account person, LocalDate firstDay, List<RowKey> extra) {
        List<TimeEntry> week = entries.week(viewer, person.id(), firstDay);
        List<LocalDate> days = new ArrayList<>(7);
        for (int i = 0; i < 7; i++) {
            days.add(firstDay.plusDays(i));
        }
        Map<RowKey, long[]> seconds = new LinkedHashMap<>();
        Map<RowKey, String[]> names = new LinkedHashMap<>();
        long[] dayTotals = new long[7];
        long total = 0;
        long billable = 0;
        for (TimeEntry e : week) {
            RowKey key = RowKey.of(e);
            int day = (int) (e.localDate().toEpochDay() - firstDay.toEpochDay());
            seconds.computeIfAbsent(key, k -> new long[7])[day] += e.durationSeconds();
            names.putIfAbsent(key, new String[] {e.clientName(), e.projectName(), e.taskTitle()});
            dayTotals[day] += e.durationSeconds();
            total += e.durationSeconds();
            if (e.billable()) {
                billable += e.durationSeconds();
            }
        }
        List<RowKey> kept = new ArrayList<>();
        for (RowKey key : new LinkedHashSet<>(extra)) {
            if (!seconds.containsKey(key)) {
                Optional<String[]> label = label(viewer, key);
                if (label.isEmpty()) {
                    continue;
                }
                seconds.put(key, new long[7]);
                names.put(key, label.get());
            }
            kept.add(key);
        }
        List<Timesheet.Row> rows = new ArrayList<>();
        for (Map.Entry<RowKey, long[]> row : seconds.entrySet()) {
            String[] n = names.get(row.getKey());
            long[] s = row.getValue();
            rows.add(new Timesheet.Row(row.getKey(), n[0], n[1], n[2], Arrays.stream(s).boxed().toList(),
                    Arrays.stream(s).sum()));
        }
        Comparator<String> text = Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER);
        rows.sort(Comparator.comparing(Timesheet.Row::clientName, text)
                .thenComparing(Timesheet.Row::projectName, text).thenComparing(Timesheet.Row::taskTitle, text)
                .thenComparing(r -> r.key().param()));
        boolean others = !person.id().equals(viewer.id());
        return new Timesheet(person.id(), person.displayName(), others, firstDay, today(viewer), days, rows,
                Arrays.stream(dayTotals).boxed().toList(), total, billable, week, kept);
    }

    /** Names of a row the person added, if its client, project and task exist, are visible and fit together. */
    private Optional<String[]> label(CurrentUser viewer, RowKey key) {
        Optional<Client> client = clients.find(viewer, new ClientId(key.client()));
        if (client.isEmpty()) {
            return Optional.empty();
        }
        String project = null;
        if (key.project() != null) {
            Optional<Project> p = projects.find(viewer, new ProjectId(key.project()));
            if (p.isEmpty() || !p.get().clientId().value().equals(key.client())) {
                return Optional.empty();
            }
            project = p.get().name();
        }
        String task = null;
        if (key.task() != null) {
            Optional<Task> t = tasks.find(viewer, new TaskId(key.task()));
            if (t.isEmpty() || !t.get().clientId().value().equals(key.client())
                    || (t.get().projectId() != null && !Objects.equals(t.get().projectId().value(), key.project()))) {
                return Optional.empty();
            }
            task = t.get().title();
        }
        return Optional.of(new String[] {client.get().name(), project, task});
    }
}
