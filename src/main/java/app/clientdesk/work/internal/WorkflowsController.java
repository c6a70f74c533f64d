package app.clientdesk.work.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.shared.web.OwnerOnly;
import app.clientdesk.work.StageKind;
import app.clientdesk.work.Workflow;
import app.clientdesk.work.WorkflowId;
import app.clientdesk.work.Workflows;
import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's workflows: the list with their stages, and the editor of a workflow's name and ordered stages. */
@OwnerOnly
@Controller
class WorkflowsController {

    private final Workflows workflows;
    private final ClientChoices choices;

    WorkflowsController(Workflows workflows, ClientChoices choices) {
        this.workflows = workflows;
        this.choices = choices;
    }

    @GetMapping("/workflows")
    String list(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        viewer.requireOwner();
        model.addAttribute("workflows", workflows.all(viewer.workspaceId()));
        return "projects/workflows";
    }

    @GetMapping("/workflows/new")
    String newWorkflow(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        viewer.requireOwner();
        return form(model, WorkflowForm.blank(), null, FieldErrors.none());
    }

    @PostMapping("/workflows")
    String create(@AuthenticationPrincipal CurrentUser viewer, @ModelAttribute("form") WorkflowForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        viewer.requireOwner();
        return save(viewer, null, form, model, response, redirect);
    }

    @GetMapping("/workflows/{workflowId}/edit")
    String edit(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID workflowId, Model model) {
        Workflow workflow = workflows.get(viewer.workspaceId(), new WorkflowId(workflowId));
        viewer.requireOwner();
        return form(model, WorkflowForm.of(workflow), workflow, FieldErrors.none());
    }

    @PostMapping("/workflows/{workflowId}")
    String update(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID workflowId,
            @ModelAttribute("form") WorkflowForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Workflow existing = workflows.get(viewer.workspaceId(), new WorkflowId(workflowId));
        viewer.requireOwner();
        return save(viewer, existing, form, model, response, redirect);
    }

    private String save(CurrentUser viewer, @Nullable Workflow existing, WorkflowForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        WorkflowForm.Converted converted = form.toInput();
        try {
            workflows.save(viewer, existing == null ? null : existing.id(), form.getName(), converted.stages());
            Notices.flash(redirect, choices.text(viewer, "workflows.saved", form.getName().strip()));
            return "redirect:/workflows";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, form.withSpareRows(), existing, choices.errors(viewer, e, converted::formField));
        }
    }

    private String form(Model model, WorkflowForm form, @Nullable Workflow existing, FieldErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("workflow", existing);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", StageKind.values());
        return "projects/workflowForm";
    }
}
