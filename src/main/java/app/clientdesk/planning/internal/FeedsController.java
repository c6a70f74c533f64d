package app.clientdesk.planning.internal;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.planning.CalendarFeeds;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.shared.web.OwnerOnly;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Calendar feeds: the signed-in person's own, and for the owner each client's. A new address is shown once, after
 * it is made (only its hash is kept); making another replaces it, revoking ends it.
 */
@Controller
class FeedsController {

    static final String BASE = "/plan/feeds";

    private final CalendarFeeds feeds;
    private final Clients clients;
    private final MessageSource texts;

    FeedsController(CalendarFeeds feeds, Clients clients, MessageSource texts) {
        this.feeds = feeds;
        this.clients = clients;
        this.texts = texts;
    }

    @GetMapping(BASE)
    String show(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        model.addAttribute("mine", feeds.mine(viewer).orElse(null));
        model.addAttribute("clients", viewer.isOwner() ? clients.choices(viewer) : java.util.List.of());
        model.addAttribute("clientFeeds", viewer.isOwner() ? feeds.ofClients(viewer) : Map.of());
        if (!model.containsAttribute("newFeedUrl")) {
            model.addAttribute("newFeedUrl", null);
            model.addAttribute("newFeedFor", null);
        }
        return "planning/feeds";
    }

    @PostMapping(BASE + "/mine")
    String issueMine(@AuthenticationPrincipal CurrentUser viewer, RedirectAttributes redirect) {
        String url = feeds.issueMine(viewer);
        redirect.addFlashAttribute("newFeedUrl", url);
        redirect.addFlashAttribute("newFeedFor", "mine");
        Notices.flash(redirect, text(viewer, "feeds.issued"));
        return "redirect:" + BASE;
    }

    @PostMapping(BASE + "/mine/revoke")
    String revokeMine(@AuthenticationPrincipal CurrentUser viewer, RedirectAttributes redirect) {
        feeds.revokeMine(viewer);
        Notices.flash(redirect, text(viewer, "feeds.revoked"));
        return "redirect:" + BASE;
    }

    @OwnerOnly
    @PostMapping(BASE + "/clients/{clientId}")
    String issueForClient(@AuthenticationPrincipal CurrentUser viewer, @PathVariable("clientId") UUID clientId,
            RedirectAttributes redirect) {
        String url = feeds.issueForClient(viewer, new ClientId(clientId));
        redirect.addFlashAttribute("newFeedUrl", url);
        redirect.addFlashAttribute("newFeedFor", clientId.toString());
        Notices.flash(redirect, text(viewer, "feeds.issued"));
        return "redirect:" + BASE;
    }

    @OwnerOnly
    @PostMapping(BASE + "/clients/{clientId}/revoke")
    String revokeForClient(@AuthenticationPrincipal CurrentUser viewer, @PathVariable("clientId") UUID clientId,
            RedirectAttributes redirect) {
        feeds.revokeForClient(viewer, new ClientId(clientId));
        Notices.flash(redirect, text(viewer, "feeds.revoked"));
        return "redirect:" + BASE;
    }

    private String text(CurrentUser viewer, String key) {
        return texts.getMessage(key, null, viewer.locale());
    }
}
