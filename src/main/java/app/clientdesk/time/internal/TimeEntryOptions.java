package app.clientdesk.time.internal;

import app.clientdesk.clients.ClientChoice;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.Account;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.time.TimeZones;
import app.clientdesk.work.Project;
import app.clientdesk.work.Projects;
import app.clientdesk.work.Task;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.TaskQuery;
import app.clientdesk.work.Tasks;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What the time screens offer to choose from: the viewer's clients, their projects, their open tasks (and
 * the one an entry already has, even if done), and for the owner the team.
 */
@Component
public class TimeEntryOptions {

    public record Options(List<ClientChoice> clients, List<Project> projects, List<Task> tasks, List<Account> people,
            List<String> zones) {
    }

    private final Clients clients;
    private final Projects projects;
    private final Tasks tasks;

    TimeEntryOptions(Clients clients, Projects projects, Tasks tasks) {
        this.clients = clients;
        this.projects = projects;
        this.tasks = tasks;
    }

    Options of(CurrentUser viewer, @Nullable String selectedTask) {
        List<Task> open = new ArrayList<>(tasks.search(viewer, TaskQuery.all().openOnly()));
        if (selectedTask != null && !selectedTask.isBlank()) {
            try {
                TaskId id = new TaskId(UUID.fromString(selectedTask.strip()));
                if (open.stream().noneMatch(t -> t.id().equals(id))) {
                    tasks.find(viewer, id).ifPresent(open::add);
                }
            } catch (IllegalArgumentException e) {
                // not a task: nothing more to offer
            }
        }
        open.sort(Comparator.comparing(Task::clientName, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Task::title, String.CASE_INSENSITIVE_ORDER));
        List<Project> all = new ArrayList<>(projects.list(viewer, null, false));
        all.sort(Comparator.comparing(Project::clientName, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Project::name, String.CASE_INSENSITIVE_ORDER));
        return new Options(clients.choices(viewer), all, open,
                viewer.isOwner() ? tasks.assignable(viewer) : List.of(), TimeZones.selectable());
    }

    List<ClientChoice> clients(CurrentUser viewer) {
        return clients.choices(viewer);
    }
}
