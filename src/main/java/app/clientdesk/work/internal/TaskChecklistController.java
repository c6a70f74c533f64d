package app.clientdesk.work.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.work.Task;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.Tasks;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A task's checklist: add an item, tick or untick it, remove it. htmx gets the checklist back as a
 * fragment; without JavaScript the page comes back whole.
 */
@Controller
class TaskChecklistController {

    private final Tasks tasks;
    private final TaskPage page;
    private final MessageSource texts;

    TaskChecklistController(Tasks tasks, TaskPage page, MessageSource texts) {
        this.tasks = tasks;
        this.page = page;
        this.texts = texts;
    }

    @PostMapping("/tasks/{taskId}/checklist")
    String add(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID taskId,
            @RequestParam(required = false) @Nullable String text,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model,
            HttpServletResponse response) {
        Task task = visible(viewer, taskId);
        FieldErrors errors = FieldErrors.none();
        String typed = "";
        try {
            tasks.addChecklistItem(viewer, task.id(), text);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            errors = FieldErrors.of(e.violations(), texts, viewer.locale());
            typed = Objects.toString(text, "");
        }
        return answer(viewer, task, htmx, model, errors, typed);
    }

    @PostMapping("/tasks/{taskId}/checklist/{itemId}")
    String tick(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID taskId, @PathVariable UUID itemId,
            @RequestParam(defaultValue = "false") boolean done,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
        Task task = visible(viewer, taskId);
        tasks.checkItem(viewer, task.id(), itemId, done);
        return answer(viewer, task, htmx, model, FieldErrors.none(), "");
    }

    @PostMapping("/tasks/{taskId}/checklist/{itemId}/remove")
    String remove(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID taskId, @PathVariable UUID itemId,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
        Task task = visible(viewer, taskId);
        tasks.removeChecklistItem(viewer, task.id(), itemId);
        return answer(viewer, task, htmx, model, FieldErrors.none(), "");
    }

    private Task visible(CurrentUser viewer, UUID taskId) {
        viewer.requireStaff();
        return tasks.get(viewer, new TaskId(taskId));
    }

    private String answer(CurrentUser viewer, Task task, @Nullable String htmx, Model model, FieldErrors errors,
            String typed) {
        if (htmx == null) {
            if (!errors.any()) {
                return "redirect:/tasks/" + task.id() + "#checklist";
            }
            return page.show(viewer, task.id(), model, errors, "", "");
        }
        model.addAttribute("task", task);
        model.addAttribute("items", tasks.checklist(viewer, task.id()));
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        return "tasks/checklist";
    }
}
