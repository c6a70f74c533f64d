package app.clientdesk.work.internal;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.shared.web.OwnerOnly;
import app.clientdesk.work.Project;
import app.clientdesk.work.ProjectId;
import app.clientdesk.work.ProjectInput;
import app.clientdesk.work.ProjectStatus;
import app.clientdesk.work.Projects;
import app.clientdesk.work.TaskQuery;
import app.clientdesk.work.Tasks;
import app.clientdesk.work.Workflows;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
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

/** The projects screens: the list across clients, a project's page with its tasks, the form, delete. */
@Controller
class ProjectsController {

    private final Projects projects;
    private final Tasks tasks;
    private final Workflows workflows;
    private final ClientChoices choices;

    ProjectsController(Projects projects, Tasks tasks, Workflows workflows, ClientChoices choices) {
        this.projects = projects;
        this.tasks = tasks;
        this.workflows = workflows;
        this.choices = choices;
    }

    @GetMapping("/projects")
    String list(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable UUID clientId,
            @RequestParam(defaultValue = "open") String status, Model model) {
        String shown = List.of("open", "closed", "all").contains(status) ? status : "open";
        List<Project> found = projects.list(viewer, clientId == null ? null : new ClientId(clientId),
                shown.equals("open")).stream()
                .filter(p -> !shown.equals("closed") || !p.status().isOpen()).toList();
        model.addAttribute("projects", found);
        model.addAttribute("clients", choices.of(viewer));
        model.addAttribute("clientId", clientId == null ? "" : clientId.toString());
        model.addAttribute("status", shown);
        return "projects/list";
    }

    @OwnerOnly
    @GetMapping("/projects/new")
    String newProject(@AuthenticationPrincipal CurrentUser viewer,
            @RequestParam(required = false) @Nullable String clientId, Model model) {
        viewer.requireOwner();
        choices.requireVisible(viewer, clientId);
        ProjectInput blank = new ProjectInput(clientId, null, ProjectStatus.ACTIVE.name(), null, null, null, null,
                workflows.standard(viewer.workspaceId()).id().toString());
        return form(viewer, model, blank, null, FieldErrors.none());
    }

    @OwnerOnly
    @PostMapping("/projects")
    String create(@AuthenticationPrincipal CurrentUser viewer, @ModelAttribute("form") ProjectInput form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        viewer.requireOwner();
        try {
            ProjectId id = projects.create(viewer, form);
            Notices.flash(redirect, choices.text(viewer, "projects.created", Objects.toString(form.name(), "").strip()));
            return "redirect:/projects/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(viewer, model, form, null, choices.errors(viewer, e));
        }
    }

    @GetMapping("/projects/{projectId}")
    String show(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID projectId, Model model) {
        Project project = projects.get(viewer, new ProjectId(projectId));
        model.addAttribute("project", project);
        model.addAttribute("tasks", tasks.search(viewer, new TaskQuery(null, project.id(), null, null, null, null, null,
                null, null, null, 500, 0)));
        model.addAttribute("budgetHours", hours(project.budgetMinutes()));
        return "projects/show";
    }

    @OwnerOnly
    @GetMapping("/projects/{projectId}/edit")
    String edit(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID projectId, Model model) {
        Project p = projects.get(viewer, new ProjectId(projectId));
        viewer.requireOwner();
        BigDecimal hours = hours(p.budgetMinutes());
        ProjectInput form = new ProjectInput(p.clientId().toString(), p.name(), p.status().name(),
                text(p.startDate()), text(p.dueDate()), hours == null ? null : hours.toPlainString(),
                p.budgetAmount() == null ? null : p.budgetAmount().toPlainString(), p.workflowId().toString());
        return form(viewer, model, form, p, FieldErrors.none());
    }

    @OwnerOnly
    @PostMapping("/projects/{projectId}")
    String update(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID projectId,
            @ModelAttribute("form") ProjectInput form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Project existing = projects.get(viewer, new ProjectId(projectId));
        viewer.requireOwner();
        try {
            Project saved = projects.update(viewer, existing.id(), form);
            Notices.flash(redirect, choices.text(viewer, "projects.saved", saved.name()));
            return "redirect:/projects/" + saved.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(viewer, model, form, existing, choices.errors(viewer, e));
        }
    }

    @OwnerOnly
    @PostMapping("/projects/{projectId}/delete")
    String delete(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID projectId,
            RedirectAttributes redirect) {
        Project project = projects.get(viewer, new ProjectId(projectId));
        viewer.requireOwner();
        try {
            projects.delete(viewer, project.id());
            Notices.flash(redirect, choices.text(viewer, "projects.deleted", project.name()));
            return "redirect:/clients/" + project.clientId();
        } catch (InvalidInputException e) {
            Notices.flash(redirect, choices.text(viewer, e.violations().get(0).messageKey()));
            return "redirect:/projects/" + project.id();
        }
    }

    private String form(CurrentUser viewer, Model model, ProjectInput form, @Nullable Project existing,
            FieldErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("project", existing);
        model.addAttribute("errors", errors);
        model.addAttribute("clients", choices.of(viewer));
        model.addAttribute("workflows", workflows.all(viewer.workspaceId()));
        return "projects/form";
    }

    private static @Nullable BigDecimal hours(@Nullable Integer minutes) {
        return minutes == null ? null
                : BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 4, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }
}
