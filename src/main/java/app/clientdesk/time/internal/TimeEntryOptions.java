package app.clientdesk.time.internal;

import app.clientdesk.clients.ClientChoice;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.Account;
import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.identity.UserId;
import app.clientdesk.shared.time.TimeZones;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.work.ProjectChoice;
import app.clientdesk.work.Projects;
import app.clientdesk.work.TaskChoice;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.Tasks;
import java.util.ArrayList;
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

    public record Options(List<ClientChoice> clients, List<ProjectChoice> projects, List<TaskChoice> tasks,
            List<Account> people, List<String> zones) {
    }

    /** The open tasks a picker lists; more are reached from the task itself (its "Start timer", its page). */
    static final int MAX_TASKS = 500;

    private final Clients clients;
    private final Projects projects;
    private final Tasks tasks;
    private final Accounts accounts;

    TimeEntryOptions(Clients clients, Projects projects, Tasks tasks, Accounts accounts) {
        this.clients = clients;
        this.projects = projects;
        this.tasks = tasks;
        this.accounts = accounts;
    }

    /**
     * Refuses (404) a client, project or (for the owner) person named in a filter that the viewer may not
     * see: another workspace's, a client not assigned to a member. A blank or malformed id names nothing.
     */
    void requireVisible(CurrentUser viewer, @Nullable String clientId, @Nullable String projectId,
            @Nullable String userId) {
        clients.named(viewer, clientId);
        projects.named(viewer, projectId);
        // A member has no person filter (their own entries are all they see), so theirs is not read at all.
        if (viewer.isOwner() && userId != null && !userId.isBlank()) {
            try {
                UserId id = new UserId(UUID.fromString(userId.strip()));
                if (accounts.find(viewer.workspaceId(), id).filter(a -> a.role() != Role.CLIENT).isEmpty()) {
                    throw new NotFoundException("person");
                }
            } catch (IllegalArgumentException e) {
                // a malformed id names nobody
            }
        }
    }

    Options of(CurrentUser viewer, @Nullable String selectedTask) {
        List<TaskChoice> open = new ArrayList<>(tasks.openChoices(viewer, MAX_TASKS));
        if (selectedTask != null && !selectedTask.isBlank()) {
            try {
                TaskId id = new TaskId(UUID.fromString(selectedTask.strip()));
                if (open.stream().noneMatch(t -> t.id().equals(id))) {
                    tasks.find(viewer, id).map(TaskChoice::of).ifPresent(open::add);
                }
            } catch (IllegalArgumentException e) {
                // not a task: nothing more to offer
            }
        }
        return new Options(clients.choices(viewer), projects.choices(viewer), open,
                viewer.isOwner() ? tasks.assignable(viewer) : List.of(), TimeZones.selectable());
    }

    List<ClientChoice> clients(CurrentUser viewer) {
        return clients.choices(viewer);
    }
}
