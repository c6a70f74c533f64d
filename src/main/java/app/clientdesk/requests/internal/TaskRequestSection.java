package app.clientdesk.requests.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.requests.Requests;
import app.clientdesk.shared.web.Ui;
import app.clientdesk.work.Task;
import app.clientdesk.work.TaskPageSection;
import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** "From request" on a task's page: a link back to the client request the task was converted from. */
@Component
@Order(10)
class TaskRequestSection implements TaskPageSection {

    private final Requests requests;
    private final TemplateEngine engine;

    TaskRequestSection(Requests requests, TemplateEngine engine) {
        this.requests = requests;
        this.engine = engine;
    }

    @Override
    public Content render(CurrentUser viewer, Task task, Ui ui) {
        return requests.findByTask(viewer, task.id())
                .<Content>map(r -> output -> engine.render("requests/taskSection.jte",
                        Map.of("ui", ui, "request", r), output))
                .orElse(output -> { });
    }
}
