package app.clientdesk.portal;

import app.clientdesk.billing.ClientInvoices;
import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.Downloads;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.work.Approvals;
import app.clientdesk.work.Attachment;
import app.clientdesk.work.Attachments;
import app.clientdesk.work.StageId;
import app.clientdesk.work.TaskId;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The portal's approvals: the deliverables waiting for the contact's client, each with what is delivered and its
 * files, approved or sent back with a comment. The client comes from the contact's session; a task or file of any
 * other client answers 404. An answer to a task that no longer waits says so and changes nothing.
 */
@Controller
class PortalApprovalsController {

    record AnswerForm(@Nullable String stageId, @Nullable String comment) {
    }

    private final Approvals approvals;
    private final Clients clients;
    private final ClientInvoices invoices;
    private final MessageSource texts;

    PortalApprovalsController(Approvals approvals, Clients clients, ClientInvoices invoices, MessageSource texts) {
        this.approvals = approvals;
        this.clients = clients;
        this.invoices = invoices;
        this.texts = texts;
    }

    @GetMapping("/portal/approvals")
    String list(@AuthenticationPrincipal CurrentUser contact, Model model) {
        return page(contact, model, null, FieldErrors.none(), "");
    }

    @PostMapping("/portal/approvals/{taskId}/approve")
    String approve(@AuthenticationPrincipal CurrentUser contact, @PathVariable UUID taskId,
            @ModelAttribute AnswerForm form, RedirectAttributes redirect) {
        Approvals.Outcome outcome = approvals.approve(contact, new TaskId(taskId), stage(form.stageId()));
        Notices.flash(redirect, text(outcome == Approvals.Outcome.ANSWERED ? "portal.approvals.approved"
                : "portal.approvals.notWaiting"));
        return "redirect:/portal/approvals";
    }

    @PostMapping("/portal/approvals/{taskId}/changes")
    String requestChanges(@AuthenticationPrincipal CurrentUser contact, @PathVariable UUID taskId,
            @ModelAttribute AnswerForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Approvals.Outcome outcome;
        try {
            outcome = approvals.requestChanges(contact, new TaskId(taskId), stage(form.stageId()), form.comment());
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(contact, model, taskId, FieldErrors.of(e.violations(), texts, locale()),
                    form.comment() == null ? "" : form.comment());
        }
        Notices.flash(redirect, text(outcome == Approvals.Outcome.ANSWERED ? "portal.approvals.changesSent"
                : "portal.approvals.notWaiting"));
        return "redirect:/portal/approvals";
    }

    @GetMapping("/portal/approvals/{taskId}/attachments/{attachmentId}")
    ResponseEntity<Resource> attachment(@AuthenticationPrincipal CurrentUser contact, @PathVariable UUID taskId,
            @PathVariable UUID attachmentId) {
        Attachments.Stored stored = approvals.attachment(contact, new TaskId(taskId), attachmentId);
        Attachment a = stored.attachment();
        return Downloads.attachment(a.fileName(), a.contentType(), a.sizeBytes(),
                new FileSystemResource(stored.file()));
    }

    private String page(CurrentUser contact, Model model, @Nullable UUID failedTask, FieldErrors errors,
            String comment) {
        UUID clientId = contact.clientId().orElseThrow(() -> new NotFoundException("client"));
        Client client = clients.get(contact, new ClientId(clientId));
        model.addAttribute("client", client);
        model.addAttribute("brand", new PortalBrand(contact.workspaceName(), invoices.hasLogo(contact.workspaceId())));
        model.addAttribute("items", approvals.waiting(contact));
        model.addAttribute("failedTask", failedTask == null ? "" : failedTask.toString());
        model.addAttribute("errors", errors);
        model.addAttribute("comment", comment);
        return "portal/approvals";
    }

    /** The stage the contact saw the task in; a malformed one is no stage (the answer then applies as it waits now). */
    private static @Nullable StageId stage(@Nullable String id) {
        try {
            return id == null || id.isBlank() ? null : new StageId(UUID.fromString(id.strip()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String text(String key) {
        return texts.getMessage(key, null, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
