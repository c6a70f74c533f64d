package app.clientdesk.work.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Workspaces;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.shared.web.OwnerOnly;
import app.clientdesk.work.ProjectId;
import app.clientdesk.work.ProjectTemplate;
import app.clientdesk.work.ProjectTemplateId;
import app.clientdesk.work.Templates;
import app.clientdesk.work.Workflows;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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

/** The owner's project templates: the form, delete, and applying one to a client to make a project. */
@Controller
class ProjectTemplatesController {

    private final Templates templates;
    private final Workflows workflows;
    private final Workspaces workspaces;
    private final ClientChoices choices;
    private final Clock clock;

    ProjectTemplatesController(Templates templates, Workflows workflows, Workspaces workspaces, ClientChoices choices,
            Clock clock) {
        this.templates = templates;
        this.workflows = workflows;
        this.workspaces = workspaces;
        this.choices = choices;
        this.clock = clock;
    }

    @OwnerOnly
    @GetMapping("/templates/projects/new")
    String newTemplate(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        viewer.requireOwner();
        ProjectTemplateForm form = ProjectTemplateForm.blank(workflows.standard(viewer.workspaceId()).id().toString());
        return form(viewer, model, form, null, FieldErrors.none());
    }

    @OwnerOnly
    @PostMapping("/templates/projects")
    String create(@AuthenticationPrincipal CurrentUser viewer, @ModelAttribute("form") ProjectTemplateForm form,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        viewer.requireOwner();
        try {
            templates.createProjectTemplate(viewer, form.toInput());
            Notices.flash(redirect, choices.text(viewer, "templates.saved", form.getName().strip()));
            return "redirect:/templates";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(viewer, model, form.withSpareRows(), null, choices.errors(viewer, e));
        }
    }

    @OwnerOnly
    @GetMapping("/templates/projects/{projectTemplateId}/edit")
    String edit(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID projectTemplateId, Model model) {
        ProjectTemplate t = templates.projectTemplate(viewer, new ProjectTemplateId(projectTemplateId));
        viewer.requireOwner();
        return form(viewer, model, ProjectTemplateForm.of(t), t, FieldErrors.none());
    }

    @OwnerOnly
    @PostMapping("/templates/projects/{projectTemplateId}")
    String update(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID projectTemplateId,
            @ModelAttribute("form") ProjectTemplateForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        ProjectTemplate existing = templates.projectTemplate(viewer, new ProjectTemplateId(projectTemplateId));
        viewer.requireOwner();
        try {
            ProjectTemplate saved = templates.updateProjectTemplate(viewer, existing.id(), form.toInput());
            Notices.flash(redirect, choices.text(viewer, "templates.saved", saved.name()));
            return "redirect:/templates";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(viewer, model, form.withSpareRows(), existing, choices.errors(viewer, e));
        }
    }

    @OwnerOnly
    @PostMapping("/templates/projects/{projectTemplateId}/delete")
    String delete(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID projectTemplateId,
            RedirectAttributes redirect) {
        ProjectTemplate existing = templates.projectTemplate(viewer, new ProjectTemplateId(projectTemplateId));
        templates.deleteProjectTemplate(viewer, existing.id());
        Notices.flash(redirect, choices.text(viewer, "templates.deleted", existing.name()));
        return "redirect:/templates";
    }

    @OwnerOnly
    @GetMapping("/templates/projects/{projectTemplateId}/apply")
    String applyForm(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID projectTemplateId,
            @RequestParam(required = false) @Nullable String clientId, Model model) {
        ProjectTemplate t = templates.projectTemplate(viewer, new ProjectTemplateId(projectTemplateId));
        viewer.requireOwner();
        ZoneId zone = ZoneId.of(workspaces.settings(viewer.workspaceId()).timeZone());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        String month = DateTimeFormatter.ofPattern("LLLL yyyy", viewer.locale()).format(today);
        String name = t.name() + " — " + month.substring(0, 1).toUpperCase(viewer.locale()) + month.substring(1);
        return applyForm(viewer, model, t, Objects.toString(clientId, ""), name, today.toString(), FieldErrors.none());
    }

    @OwnerOnly
    @PostMapping("/templates/projects/{projectTemplateId}/apply")
    String apply(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID projectTemplateId,
            @RequestParam(required = false) @Nullable String clientId,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String startDate, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        ProjectTemplate t = templates.projectTemplate(viewer, new ProjectTemplateId(projectTemplateId));
        viewer.requireOwner();
        try {
            ProjectId project = templates.apply(viewer, t.id(), clientId, name, startDate);
            Notices.flash(redirect, choices.text(viewer, "templates.applied", Objects.toString(name, "").strip(),
                    t.items().size()));
            return "redirect:/projects/" + project;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return applyForm(viewer, model, t, Objects.toString(clientId, ""), Objects.toString(name, ""),
                    Objects.toString(startDate, ""), choices.errors(viewer, e));
        }
    }

    private String applyForm(CurrentUser viewer, Model model, ProjectTemplate template, String clientId, String name,
            String startDate, FieldErrors errors) {
        model.addAttribute("template", template);
        model.addAttribute("clients", choices.of(viewer));
        model.addAttribute("clientId", clientId);
        model.addAttribute("name", name);
        model.addAttribute("startDate", startDate);
        model.addAttribute("errors", errors);
        return "projects/applyProjectTemplate";
    }

    private String form(CurrentUser viewer, Model model, ProjectTemplateForm form, @Nullable ProjectTemplate existing,
            FieldErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("template", existing);
        model.addAttribute("errors", errors);
        model.addAttribute("workflows", workflows.all(viewer.workspaceId()));
        return "projects/projectTemplateForm";
    }
}
