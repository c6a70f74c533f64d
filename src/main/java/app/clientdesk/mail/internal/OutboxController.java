package app.clientdesk.mail.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.mail.MailAttachment;
import app.clientdesk.mail.Outbox;
import app.clientdesk.mail.OutboxMessage;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.shared.web.OwnerOnly;
import app.clientdesk.shared.web.Ui;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's outbox page: every email of the workspace and what became of it, "Retry now", the files sent. */
@OwnerOnly
@Controller
class OutboxController {

    static final int PAGE = 25;

    private final Outbox outbox;

    OutboxController(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/settings/outbox")
    String show(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String offset,
            Model model) {
        model.addAttribute("page", outbox.page(viewer, number(offset), PAGE));
        model.addAttribute("configured", outbox.mailConfigured());
        return "mail/outbox";
    }

    @PostMapping("/settings/outbox/{messageId}/retry")
    String retry(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID messageId,
            @RequestParam(required = false) @Nullable String offset, Model model, RedirectAttributes redirect) {
        boolean wasSent = outbox.get(viewer, messageId).sent();
        OutboxMessage after = outbox.retry(viewer, messageId);
        Ui ui = (Ui) model.getAttribute("ui");
        String subject = after.subject();
        String notice;
        if (wasSent) {
            notice = ui.t("mail.retry.alreadySent", subject);
        } else if (after.sent()) {
            notice = ui.t("mail.retry.sent", subject);
        } else if (!outbox.mailConfigured()) {
            notice = ui.t("mail.retry.notSetUp", subject);
        } else if (after.failed()) {
            notice = ui.t("mail.retry.gaveUp", subject, String.valueOf(after.lastError()));
        } else if (after.lastError() != null && after.retrying()) {
            notice = ui.t("mail.retry.failed", subject, after.lastError(), ui.dateTime(after.nextAttemptAt()));
        } else {
            notice = ui.t("mail.retry.queued", subject);
        }
        Notices.flash(redirect, notice);
        int from = number(offset);
        return "redirect:/settings/outbox" + (from > 0 ? "?offset=" + from : "");
    }

    @GetMapping("/settings/outbox/{messageId}/attachments/{mailAttachmentId}")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID messageId,
            @PathVariable UUID mailAttachmentId) {
        MailAttachment file = outbox.attachment(viewer, messageId, mailAttachmentId);
        MediaType type;
        try {
            type = MediaType.parseMediaType(file.contentType());
        } catch (RuntimeException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file.content());
    }

    private static int number(@Nullable String text) {
        if (text == null) {
            return 0;
        }
        try {
            return Math.max(0, Math.min(Integer.parseInt(text.strip()), 10_000_000));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
