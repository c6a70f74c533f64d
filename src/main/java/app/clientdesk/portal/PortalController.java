package app.clientdesk.portal;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.web.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's home for a client contact: their own client, and nothing of any other. */
@Controller
class PortalController {

    private final Clients clients;

    PortalController(Clients clients) {
        this.clients = clients;
    }

    @GetMapping("/portal")
    String home(@AuthenticationPrincipal CurrentUser contact, Model model) {
        var clientId = contact.clientId().orElseThrow(() -> new NotFoundException("client"));
        model.addAttribute("client", clients.get(contact, new ClientId(clientId)));
        return "portal/home";
    }
}
