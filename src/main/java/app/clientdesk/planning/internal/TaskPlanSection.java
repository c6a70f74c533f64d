package app.clientdesk.planning.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.planning.TaskPlans;
import app.clientdesk.shared.web.Ui;
import app.clientdesk.work.Task;
import app.clientdesk.work.TaskPageSection;
import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** "Planning" on a task's page: its start date and whether it needs the client online, for the auto-planner. */
@Component
@Order(20)
class TaskPlanSection implements TaskPageSection {

    private final TaskPlans plans;
    private final TemplateEngine engine;

    TaskPlanSection(TaskPlans plans, TemplateEngine engine) {
        this.plans = plans;
        this.engine = engine;
    }

    @Override
    public Content render(CurrentUser viewer, Task task, Ui ui) {
        if (viewer.isClientContact() || task.completed()) {
            return output -> { };
        }
        Map<String, Object> model = new HashMap<>();
        model.put("ui", ui);
        model.put("plan", plans.of(viewer, task.id()));
        return output -> engine.render("planning/taskSection.jte", model, output);
    }
}
