package app.clientdesk.notifications.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.notifications.Notification;
import app.clientdesk.notifications.Notifications;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.shared.web.Ui;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's own notifications: newest first, a page at a time ("show more"), each linking to its subject, marked
 * read one by one or all at once. With htmx, marking one read swaps that item and the bell in place; without
 * JavaScript every action is a form that comes back to the page.
 */
@Controller
class NotificationsController {

    private final Notifications notifications;
    private final MessageSource texts;

    NotificationsController(Notifications notifications, MessageSource texts) {
        this.notifications = notifications;
        this.texts = texts;
    }

    @GetMapping("/notifications")
    String list(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable UUID before,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
        model.addAttribute("page", notifications.page(viewer, before));
        model.addAttribute("older", before != null);
        if (htmx == null || before == null) {
            model.addAttribute("unread", notifications.unread(viewer));
        }
        return htmx != null && before != null ? "notifications/more" : "notifications/list";
    }

    @PostMapping("/notifications/{notificationId}/read")
    String markRead(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID notificationId,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
        Notification read = notifications.markRead(viewer, notificationId);
        if (htmx == null) {
            return "redirect:/notifications";
        }
        model.addAttribute("n", read);
        model.addAttribute("bell", Bell.of((Ui) model.getAttribute("ui"), notifications.unread(viewer), true));
        return "notifications/read";
    }

    @PostMapping("/notifications/read")
    String markAllRead(@AuthenticationPrincipal CurrentUser viewer, RedirectAttributes redirect) {
        int marked = notifications.markAllRead(viewer);
        Notices.flash(redirect, texts.getMessage("notifications.allRead", new Object[] {marked}, viewer.locale()));
        return "redirect:/notifications";
    }
}
