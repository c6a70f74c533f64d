package app.clientdesk.intake.internal;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.intake.ReviewList;
import app.clientdesk.shared.web.Notices;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Emails from unknown senders, for the VA: a page at a time, newest first; each assigned to a client (the
 * clients the viewer may see are offered) or discarded.
 */
@Controller
class ReviewController {

    private final ReviewList review;
    private final Clients clients;
    private final MessageSource texts;

    ReviewController(ReviewList review, Clients clients, MessageSource texts) {
        this.review = review;
        this.clients = clients;
        this.texts = texts;
    }

    @GetMapping("/intake/review")
    String list(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(defaultValue = "0") int offset,
            Model model) {
        model.addAttribute("page", review.page(viewer, offset));
        model.addAttribute("clients", clients.choices(viewer));
        return "intake/review";
    }

    @PostMapping("/intake/review/{intakeId}/assign")
    String assign(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID intakeId,
            @RequestParam(required = false) @Nullable String clientId, RedirectAttributes redirect) {
        viewer.requireStaff();
        ClientId client = clients.named(viewer, clientId).orElse(null);
        if (client == null) {
            Notices.flash(redirect, texts.getMessage("intake.review.chooseClient", null, viewer.locale()));
            return "redirect:/intake/review";
        }
        review.assign(viewer, intakeId, client);
        Notices.flash(redirect, texts.getMessage("intake.review.assigned",
                new Object[] {clients.get(viewer, client).name()}, viewer.locale()));
        return "redirect:/intake/review";
    }

    @PostMapping("/intake/review/{intakeId}/discard")
    String discard(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID intakeId,
            RedirectAttributes redirect) {
        review.discard(viewer, intakeId);
        Notices.flash(redirect, texts.getMessage("intake.review.discarded", null, viewer.locale()));
        return "redirect:/intake/review";
    }
}
