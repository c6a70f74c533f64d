package app.clientdesk.work.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.shared.web.OwnerOnly;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.TaskTemplate;
import app.clientdesk.work.TaskTemplateId;
import app.clientdesk.work.TemplateInputs.TaskTemplateInput;
import app.clientdesk.work.Templates;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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

/** The list of templates, the owner's task template form, and using a task template for a client. */
@Controller
class TaskTemplatesController {

    private final Templates templates;
    private final ClientChoices choices;

    TaskTemplatesController(Templates templates, ClientChoices choices) {
        this.templates = templates;
        this.choices = choices;
    }

    @GetMapping("/templates")
    String list(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable UUID clientId,
            Model model) {
        choices.requireVisible(viewer, clientId);
        model.addAttribute("taskTemplates", templates.taskTemplates(viewer));
        model.addAttribute("projectTemplates", templates.projectTemplates(viewer));
        model.addAttribute("clientQuery", clientId == null ? "" : "?clientId=" + clientId);
        return "projects/templates";
    }

    @OwnerOnly
    @GetMapping("/templates/tasks/new")
    String newTemplate(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        viewer.requireOwner();
        return form(model, new TaskTemplateInput(null, null, null, null, null, false, false, null, null), null,
                FieldErrors.none());
    }

    @OwnerOnly
    @PostMapping("/templates/tasks")
    String create(@AuthenticationPrincipal CurrentUser viewer, @ModelAttribute("form") TaskTemplateInput form,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        viewer.requireOwner();
        try {
            templates.createTaskTemplate(viewer, form);
            Notices.flash(redirect, choices.text(viewer, "templates.saved", Objects.toString(form.name(), "").strip()));
            return "redirect:/templates";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, form, null, choices.errors(viewer, e));
        }
    }

    @OwnerOnly
    @GetMapping("/templates/tasks/{templateId}/edit")
    String edit(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID templateId, Model model) {
        TaskTemplate t = templates.taskTemplate(viewer, new TaskTemplateId(templateId));
        viewer.requireOwner();
        TaskTemplateInput form = new TaskTemplateInput(t.name(), t.title(), t.description(), t.type(),
                t.estimateMinutes() == null ? null : t.estimateMinutes().toString(), t.urgent(), t.important(),
                String.join("\n", t.checklist()), t.sop());
        return form(model, form, t, FieldErrors.none());
    }

    @OwnerOnly
    @PostMapping("/templates/tasks/{templateId}")
    String update(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID templateId,
            @ModelAttribute("form") TaskTemplateInput form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        TaskTemplate existing = templates.taskTemplate(viewer, new TaskTemplateId(templateId));
        viewer.requireOwner();
        try {
            TaskTemplate saved = templates.updateTaskTemplate(viewer, existing.id(), form);
            Notices.flash(redirect, choices.text(viewer, "templates.saved", saved.name()));
            return "redirect:/templates";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, form, existing, choices.errors(viewer, e));
        }
    }

    @OwnerOnly
    @PostMapping("/templates/tasks/{templateId}/delete")
    String delete(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID templateId,
            RedirectAttributes redirect) {
        TaskTemplate existing = templates.taskTemplate(viewer, new TaskTemplateId(templateId));
        templates.deleteTaskTemplate(viewer, existing.id());
        Notices.flash(redirect, choices.text(viewer, "templates.deleted", existing.name()));
        return "redirect:/templates";
    }

    @GetMapping("/templates/tasks/{templateId}/use")
    String useForm(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID templateId,
            @RequestParam(required = false) @Nullable String clientId, Model model) {
        TaskTemplate t = templates.taskTemplate(viewer, new TaskTemplateId(templateId));
        choices.requireVisible(viewer, clientId);
        return useForm(viewer, model, t, clientId, null, FieldErrors.none());
    }

    @PostMapping("/templates/tasks/{templateId}/use")
    String use(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID templateId,
            @RequestParam(required = false) @Nullable String clientId,
            @RequestParam(required = false) @Nullable String dueDate, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        TaskTemplate t = templates.taskTemplate(viewer, new TaskTemplateId(templateId));
        try {
            TaskId task = templates.use(viewer, t.id(), clientId, dueDate);
            Notices.flash(redirect, choices.text(viewer, "templates.used", t.title()));
            return "redirect:/tasks/" + task;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return useForm(viewer, model, t, clientId, dueDate, choices.errors(viewer, e));
        }
    }

    private String useForm(CurrentUser viewer, Model model, TaskTemplate template, @Nullable String clientId,
            @Nullable String dueDate, FieldErrors errors) {
        model.addAttribute("template", template);
        model.addAttribute("clients", choices.of(viewer));
        model.addAttribute("clientId", Objects.toString(clientId, ""));
        model.addAttribute("dueDate", Objects.toString(dueDate, ""));
        model.addAttribute("errors", errors);
        return "projects/useTaskTemplate";
    }

    private String form(Model model, TaskTemplateInput form, @Nullable TaskTemplate existing, FieldErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("template", existing);
        model.addAttribute("errors", errors);
        return "projects/taskTemplateForm";
    }
}
