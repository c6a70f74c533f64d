package app.clientdesk.identity.internal;

import app.clientdesk.identity.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Where "/" leads: Today (the staff's day, in the planning module), or the portal for a client contact. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user) {
        return user.isClientContact() ? "redirect:/portal" : "redirect:/today";
    }
}
