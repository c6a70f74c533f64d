package app.clientdesk.planning.internal;

import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where "/" leads: the portal for a client contact; for staff, Today — except in a workspace with no client yet,
 * where the clients page (add the first client, or load the demo) is the only useful start.
 */
@Controller
class HomeController {

    private final Clients clients;

    HomeController(Clients clients) {
        this.clients = clients;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user) {
        if (user.isClientContact()) {
            return "redirect:/portal";
        }
        return clients.hasAny(user.workspaceId()) ? "redirect:/today" : "redirect:/clients";
    }
}
