package app.clientdesk.work.internal;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientPageSection;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.web.Ui;
import app.clientdesk.work.Projects;
import app.clientdesk.work.Task;
import app.clientdesk.work.TaskQuery;
import app.clientdesk.work.Tasks;
import app.clientdesk.work.Templates;
import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** "Projects and open work" on a client's page: the client's projects (open first) and open tasks (due first). */
@Component
@org.springframework.core.annotation.Order(10)
class ClientWorkSection implements ClientPageSection {

    static final int OPEN_TASKS_SHOWN = 20;

    private final Projects projects;
    private final Tasks tasks;
    private final Templates templates;
    private final TemplateEngine engine;

    ClientWorkSection(Projects projects, Tasks tasks, Templates templates, TemplateEngine engine) {
        this.projects = projects;
        this.tasks = tasks;
        this.templates = templates;
        this.engine = engine;
    }

    @Override
    public Content render(CurrentUser viewer, Client client, Ui ui) {
        List<Task> open = tasks.search(viewer, new TaskQuery(client.id(), null, null, null, null, null, null, null,
                true, null, OPEN_TASKS_SHOWN + 1, 0));
        Map<String, Object> params = new HashMap<>();
        params.put("ui", ui);
        params.put("client", client);
        params.put("projects", projects.list(viewer, client.id(), false));
        params.put("tasks", open.stream().limit(OPEN_TASKS_SHOWN).toList());
        params.put("moreTasks", open.size() > OPEN_TASKS_SHOWN);
        params.put("projectTemplates", ui.isOwner() ? templates.projectTemplates(viewer) : List.of());
        params.put("taskTemplates", templates.taskTemplates(viewer));
        return output -> engine.render("projects/clientWork.jte", params, output);
    }
}
