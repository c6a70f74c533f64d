package app.clientdesk.work.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.TaskInput;
import app.clientdesk.work.Tasks;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Quick add from any page: title, client and due date, in a dialog of the layout that loads this form
 * when first opened. htmx gets the form back (with a link to the new task, or with errors); without
 * JavaScript a created task opens on its page.
 */
@Controller
class QuickAddController {

    private final Tasks tasks;
    private final TaskFormOptions options;
    private final MessageSource texts;

    QuickAddController(Tasks tasks, TaskFormOptions options, MessageSource texts) {
        this.tasks = tasks;
        this.options = options;
        this.texts = texts;
    }

    @GetMapping("/tasks/quick")
    String form(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        viewer.requireStaff();
        return quickForm(viewer, model, "", "", "", FieldErrors.none(), null, null);
    }

    @PostMapping("/tasks/quick")
    String create(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String clientId,
            @RequestParam(required = false) @Nullable String dueDate,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        viewer.requireStaff();
        String cleanTitle = Objects.toString(title, "");
        try {
            TaskId id = tasks.create(viewer, TaskInput.quick(cleanTitle, Objects.toString(clientId, ""), dueDate));
            String notice = texts.getMessage("tasks.created", new Object[] {cleanTitle.strip()}, viewer.locale());
            if (htmx == null) {
                Notices.flash(redirect, notice);
                return "redirect:/tasks/" + id;
            }
            // The next task is often for the same client: keep it chosen.
            return quickForm(viewer, model, "", Objects.toString(clientId, ""), "", FieldErrors.none(), id, notice);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return quickForm(viewer, model, cleanTitle, Objects.toString(clientId, ""), Objects.toString(dueDate, ""),
                    FieldErrors.of(e.violations(), texts, viewer.locale()), null, null);
        }
    }

    private String quickForm(CurrentUser viewer, Model model, String title, String clientId, String dueDate,
            FieldErrors errors, @Nullable TaskId created, @Nullable String createdText) {
        model.addAttribute("clients", options.clients(viewer));
        model.addAttribute("title", title);
        model.addAttribute("clientId", clientId);
        model.addAttribute("dueDate", dueDate);
        model.addAttribute("errors", errors);
        model.addAttribute("created", created);
        model.addAttribute("createdText", createdText);
        return "tasks/quick";
    }
}
