package app.clientdesk.planning.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.planning.TaskPlans;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.work.TaskId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A task's planning facts from the form on the task's page. */
@Controller
class TaskPlanController {

    private final TaskPlans plans;
    private final MessageSource texts;

    TaskPlanController(TaskPlans plans, MessageSource texts) {
        this.plans = plans;
        this.texts = texts;
    }

    @PostMapping("/plan/tasks/{taskId}")
    String save(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID taskId,
            @RequestParam(required = false) @Nullable String startsOn,
            @RequestParam(required = false) @Nullable String needsClientOnline, RedirectAttributes redirect) {
        try {
            plans.save(viewer, new TaskId(taskId), startsOn, "true".equals(needsClientOnline)
                    || "on".equals(needsClientOnline));
            Notices.flash(redirect, texts.getMessage("planning.task.saved", null, viewer.locale()));
        } catch (InvalidInputException e) {
            FieldErrors errors = FieldErrors.of(e.violations(), texts, viewer.locale());
            Notices.flash(redirect, errors.get("startsOn"));
        }
        return "redirect:/tasks/" + taskId;
    }
}
