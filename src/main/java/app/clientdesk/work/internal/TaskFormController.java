package app.clientdesk.work.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violation;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.work.Task;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.Tasks;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The new-task and edit-task form. */
@Controller
class TaskFormController {

    private final Tasks tasks;
    private final TaskFormOptions options;
    private final MessageSource texts;

    TaskFormController(Tasks tasks, TaskFormOptions options, MessageSource texts) {
        this.tasks = tasks;
        this.options = options;
        this.texts = texts;
    }

    @GetMapping("/tasks/new")
    String newTask(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String clientId,
            @RequestParam(required = false) @Nullable String projectId, Model model) {
        viewer.requireStaff();
        options.requireVisible(viewer, clientId, projectId);
        return form(viewer, model, TaskForm.blank(clientId, projectId), null, FieldErrors.none());
    }

    @PostMapping("/tasks")
    String create(@AuthenticationPrincipal CurrentUser viewer, @ModelAttribute("form") TaskForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        viewer.requireStaff();
        try {
            TaskId id = tasks.create(viewer, form.toInput());
            Notices.flash(redirect, texts.getMessage("tasks.created", new Object[] {form.getTitle().strip()},
                    viewer.locale()));
            return "redirect:/tasks/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(viewer, model, form, null, errors(e, viewer));
        }
    }

    @GetMapping("/tasks/{taskId}/edit")
    String edit(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID taskId, Model model) {
        viewer.requireStaff();
        Task task = tasks.get(viewer, new TaskId(taskId));
        return form(viewer, model, TaskForm.of(task), task, FieldErrors.none());
    }

    @PostMapping("/tasks/{taskId}")
    String update(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID taskId,
            @ModelAttribute("form") TaskForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        viewer.requireStaff();
        Task existing = tasks.get(viewer, new TaskId(taskId));
        try {
            Task saved = tasks.update(viewer, existing.id(), form.toInput());
            Notices.flash(redirect, texts.getMessage("tasks.saved", new Object[] {saved.title()}, viewer.locale()));
            return "redirect:/tasks/" + saved.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(viewer, model, form, existing, errors(e, viewer));
        }
    }

    private String form(CurrentUser viewer, Model model, TaskForm form, @Nullable Task existing, FieldErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("task", existing);
        model.addAttribute("errors", errors);
        model.addAttribute("options", options.of(viewer));
        return "tasks/form";
    }

    private FieldErrors errors(InvalidInputException e, CurrentUser viewer) {
        return FieldErrors.of(e.violations().stream()
                .map(v -> new Violation(TaskForm.formField(v.field()), v.messageKey(), v.args())).toList(),
                texts, viewer.locale());
    }
}
