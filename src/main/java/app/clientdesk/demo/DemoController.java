package app.clientdesk.demo;

import app.clientdesk.clients.Clients;
import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.shared.web.OwnerOnly;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The "load demo data" button of an empty workspace (owners only, by the URL rules of identity). */
@OwnerOnly
@Controller
class DemoController {

    private final DemoData demo;
    private final Clients clients;
    private final Accounts accounts;
    private final MessageSource texts;

    DemoController(DemoData demo, Clients clients, Accounts accounts, MessageSource texts) {
        this.demo = demo;
        this.clients = clients;
        this.accounts = accounts;
        this.texts = texts;
    }

    @PostMapping("/demo")
    String load(@AuthenticationPrincipal CurrentUser owner, RedirectAttributes redirect) {
        if (!clients.hasAny(owner.workspaceId())) {
            var members = accounts.members(owner.workspaceId()).stream().map(m -> m.id().value()).limit(1).toList();
            demo.loadSample(owner, members);
            Notices.flash(redirect, texts.getMessage("demo.loaded", null, owner.locale()));
        }
        return "redirect:/clients";
    }
}
