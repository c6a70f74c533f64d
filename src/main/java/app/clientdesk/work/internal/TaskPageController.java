package app.clientdesk.work.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.work.Attachments;
import app.clientdesk.work.StageId;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A task's page and what is done on it as a whole: move to a stage, complete, approve or ask for changes
 * at a gate, comment, delete. A refused action comes back as the page with the reason (422), nothing changed.
 */
@Controller
class TaskPageController {

    private final TaskPage page;
    private final Tasks tasks;
    private final Attachments attachments;
    private final MessageSource texts;

    TaskPageController(TaskPage page, Tasks tasks, Attachments attachments, MessageSource texts) {
        this.page = page;
        this.tasks = tasks;
        this.attachments = attachments;
        this.texts = texts;
    }

    @GetMapping("/tasks/{taskId}")
    String show(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID taskId, Model model) {
        return page.show(viewer, new TaskId(taskId), model, FieldErrors.none(), "", "");
    }

    @PostMapping("/tasks/{taskId}/move")
    String move(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID taskId,
            @RequestParam(required = false) @Nullable String stageId, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Task task = visible(viewer, taskId);
        try {
            StageId target = parse(stageId).map(StageId::new)
                    .orElseThrow(() -> InvalidInputException.of("stageId", "validation.choice"));
            Task moved = tasks.move(viewer, task.id(), target, null);
            Notices.flash(redirect, message(viewer, "tasks.moved", moved.stage().name()));
            return "redirect:/tasks/" + task.id();
        } catch (InvalidInputException e) {
            return refused(viewer, task, e, model, response, "", "");
        }
    }

    @PostMapping("/tasks/{taskId}/complete")
    String complete(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID taskId, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Task task = visible(viewer, taskId);
        try {
            tasks.complete(viewer, task.id());
            Notices.flash(redirect, message(viewer, "tasks.completed", task.title()));
            return "redirect:/tasks/" + task.id();
        } catch (InvalidInputException e) {
            return refused(viewer, task, e, model, response, "", "");
        }
    }

    @PostMapping("/tasks/{taskId}/approve")
    String approve(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID taskId,
            @RequestParam(required = false) @Nullable String note, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return atGate(viewer, taskId, note, tasks::approve, "tasks.approved", model, response, redirect);
    }

    @PostMapping("/tasks/{taskId}/request-changes")
    String requestChanges(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID taskId,
            @RequestParam(required = false) @Nullable String note, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return atGate(viewer, taskId, note, tasks::requestChanges, "tasks.changesRequested", model, response, redirect);
    }

    /** What a gate decides (approve, or ask for changes), then back to the task with where it went. */
    private String atGate(CurrentUser viewer, UUID taskId, @Nullable String note, GateDecision decision,
            String notice, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Task task = visible(viewer, taskId);
        try {
            Task moved = decision.decide(viewer, task.id(), note);
            Notices.flash(redirect, message(viewer, notice, moved.stage().name()));
            return "redirect:/tasks/" + task.id();
        } catch (InvalidInputException e) {
            return refused(viewer, task, e, model, response, "", Objects.toString(note, ""));
        }
    }

    private interface GateDecision {
        Task decide(CurrentUser viewer, TaskId id, @Nullable String note);
    }

    @PostMapping("/tasks/{taskId}/comments")
    String comment(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID taskId,
            @RequestParam(required = false) @Nullable String body, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Task task = visible(viewer, taskId);
        try {
            tasks.comment(viewer, task.id(), body);
            Notices.flash(redirect, message(viewer, "tasks.commented"));
            return "redirect:/tasks/" + task.id() + "#comments";
        } catch (InvalidInputException e) {
            return refused(viewer, task, e, model, response, Objects.toString(body, ""), "");
        }
    }

    @PostMapping("/tasks/{taskId}/delete")
    String delete(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID taskId,
            RedirectAttributes redirect) {
        Task task = visible(viewer, taskId);
        attachments.deleteTask(viewer, task.id());
        Notices.flash(redirect, message(viewer, "tasks.deleted", task.title()));
        return "redirect:/clients/" + task.clientId();
    }

    private Task visible(CurrentUser viewer, UUID taskId) {
        viewer.requireStaff();
        return tasks.get(viewer, new TaskId(taskId));
    }

    private String refused(CurrentUser viewer, Task task, InvalidInputException e, Model model,
            HttpServletResponse response, String comment, String note) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page.show(viewer, task.id(), model, FieldErrors.of(e.violations(), texts, viewer.locale()), comment,
                note);
    }

    private String message(CurrentUser viewer, String key, Object... args) {
        return texts.getMessage(key, args, viewer.locale());
    }

    static java.util.Optional<UUID> parse(@Nullable String id) {
        try {
            return id == null || id.isBlank() ? java.util.Optional.empty()
                    : java.util.Optional.of(UUID.fromString(id.strip()));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
