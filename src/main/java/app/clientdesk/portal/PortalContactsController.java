package app.clientdesk.portal;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.shared.web.OwnerOnly;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner invites a client's contact to the portal, or closes their access, from the client's page. */
@OwnerOnly
@Controller
class PortalContactsController {

    private final PortalAccess access;
    private final MessageSource texts;

    PortalContactsController(PortalAccess access, MessageSource texts) {
        this.access = access;
        this.texts = texts;
    }

    @PostMapping("/clients/{clientId}/contacts/{contactId}/portal/invite")
    String invite(@AuthenticationPrincipal CurrentUser owner, @PathVariable UUID clientId,
            @PathVariable UUID contactId, @RequestParam(required = false) @Nullable String language,
            RedirectAttributes redirect) {
        String notice;
        try {
            access.invite(owner, new ClientId(clientId), contactId, language);
            notice = texts.getMessage("portal.invite.sent", null, LocaleContextHolder.getLocale());
        } catch (InvalidInputException e) {
            // A missing or taken email, or mail the workspace may not send yet (MailRefused): said in words.
            notice = String.join(" ", e.violations().stream().map(v -> texts.getMessage(v.messageKey(),
                    v.args().toArray(), LocaleContextHolder.getLocale())).toList());
        }
        Notices.flash(redirect, notice);
        return "redirect:/clients/" + clientId + "#portal";
    }

    @PostMapping("/clients/{clientId}/contacts/{contactId}/portal/close")
    String close(@AuthenticationPrincipal CurrentUser owner, @PathVariable UUID clientId,
            @PathVariable UUID contactId, RedirectAttributes redirect) {
        access.close(owner, new ClientId(clientId), contactId);
        Notices.flash(redirect, texts.getMessage("portal.access.closed", null, LocaleContextHolder.getLocale()));
        return "redirect:/clients/" + clientId + "#portal";
    }
}
