package app.clientdesk.work.internal;

import app.clientdesk.clients.ClientChoice;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.Account;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.time.TimeZones;
import app.clientdesk.work.Project;
import app.clientdesk.work.Projects;
import app.clientdesk.work.Tasks;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The choices the task form offers: the viewer's clients and their projects, the team, types and zones. */
@Component
public class TaskFormOptions {

    public record Options(List<ClientChoice> clients, List<Project> projects, List<Account> assignable, List<String> types,
            List<String> zones) {
    }

    private final Clients clients;
    private final Projects projects;
    private final Tasks tasks;

    /** Refuses (404) a pre-filled client or project that the viewer may not see. */
    void requireVisible(CurrentUser viewer, @Nullable String clientId, @Nullable String projectId) {
        clients.named(viewer, clientId);
        projects.named(viewer, projectId);
    }

    TaskFormOptions(Clients clients, Projects projects, Tasks tasks) {
        this.clients = clients;
        this.projects = projects;
        this.tasks = tasks;
    }

    List<ClientChoice> clients(CurrentUser viewer) {
        return clients.choices(viewer);
    }

    Options of(CurrentUser viewer) {
        return new Options(clients(viewer), projects.list(viewer, null, false), tasks.assignable(viewer),
                tasks.types(viewer), TimeZones.selectable());
    }
}
