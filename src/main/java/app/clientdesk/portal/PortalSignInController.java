package app.clientdesk.portal;

import app.clientdesk.identity.ContactLogins;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.Violation;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.shared.web.PublicRoute;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The portal's own door: a contact signs in with their email and password, or asks for a sign-in link by email
 * (the answer is the same whether or not the email is a contact's), or follows a link. A link opens a page with
 * one button, so a mail scanner that fetches the link does not use it up.
 */
@Controller
class PortalSignInController {

    record SignInForm(@Nullable String email, @Nullable String password) {
    }

    record LinkForm(@Nullable String email) {
    }

    private final PortalAccess access;
    private final ContactLogins logins;
    private final MessageSource texts;

    PortalSignInController(PortalAccess access, ContactLogins logins, MessageSource texts) {
        this.access = access;
        this.logins = logins;
        this.texts = texts;
    }

    @PublicRoute("a client contact signs in here")
    @GetMapping("/portal/sign-in")
    String page(@AuthenticationPrincipal @Nullable CurrentUser user, Model model) {
        if (user != null && user.isClientContact()) {
            return "redirect:/portal";
        }
        return page(model, FieldErrors.none(), FieldErrors.none(), "");
    }

    @PublicRoute("a client contact signs in here")
    @PostMapping("/portal/sign-in")
    String signIn(@ModelAttribute SignInForm form, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        String email = form.email() == null ? "" : form.email().trim();
        String password = form.password() == null ? "" : form.password();
        ContactLogins.PasswordCheck check = logins.checkPassword(email, password, request.getRemoteAddr());
        if (check instanceof ContactLogins.PasswordCheck.SignedIn signedIn) {
            CurrentUser contact = signedIn.contact();
            logins.signIn(contact, request, response);
            access.signedIn(contact);
            return "redirect:/portal";
        }
        if (check instanceof ContactLogins.PasswordCheck.Closed closed && access.waitsForClient(closed.contact())) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return page(model, errors("password", "portal.signIn.clientArchived"), FieldErrors.none(), email);
        }
        boolean throttled = check instanceof ContactLogins.PasswordCheck.Throttled;
        response.setStatus(throttled ? HttpStatus.TOO_MANY_REQUESTS.value() : HttpStatus.UNAUTHORIZED.value());
        return page(model, errors("password", throttled ? "portal.signIn.throttled" : "portal.signIn.wrong"),
                FieldErrors.none(), email);
    }

    @PublicRoute("a client contact asks for a sign-in link")
    @PostMapping("/portal/sign-in/link")
    String requestLink(@ModelAttribute LinkForm form, Model model, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        String email = form.email() == null ? "" : form.email().trim();
        ContactLogins.LinkRequest allowed = logins.linkRequest(request.getRemoteAddr(), email);
        if (allowed == ContactLogins.LinkRequest.ADDRESS_THROTTLED) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return page(model, FieldErrors.none(), errors("linkEmail", "portal.link.throttled"), email);
        }
        // Past the per-email limit nothing more is sent, but the answer does not change: it would tell a
        // stranger that the address is a contact's.
        if (allowed == ContactLogins.LinkRequest.SEND && !email.isEmpty()) {
            access.requestLink(email);
        }
        Notices.flash(redirect, texts.getMessage("portal.link.sent", new Object[] {PortalAccess.LINK_VALID.toMinutes()},
                LocaleContextHolder.getLocale()));
        return "redirect:/portal/sign-in";
    }

    @PublicRoute("the secret token in the emailed link is the credential")
    @GetMapping("/portal/link/{token}")
    String link(@PathVariable String token, Model model, HttpServletResponse response) {
        PortalAccess.LinkState state = access.check(token);
        if (state != PortalAccess.LinkState.USABLE) {
            return unusable(state, model, response);
        }
        model.addAttribute("token", token);
        return "portal/link";
    }

    @PublicRoute("the secret token in the emailed link is the credential")
    @PostMapping("/portal/link/{token}")
    String useLink(@PathVariable String token, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        PortalAccess.LinkUse use = access.use(token);
        if (use.contact() == null) {
            return unusable(use.state(), model, response);
        }
        logins.signIn(use.contact(), request, response);
        return access.hasPassword(use.contact()) ? "redirect:/portal" : "redirect:/portal/password?welcome";
    }

    private String unusable(PortalAccess.LinkState state, Model model, HttpServletResponse response) {
        response.setStatus(state == PortalAccess.LinkState.UNKNOWN ? HttpStatus.NOT_FOUND.value()
                : state == PortalAccess.LinkState.CLIENT_ARCHIVED ? HttpStatus.FORBIDDEN.value()
                : HttpStatus.GONE.value());
        model.addAttribute("state", state.name());
        model.addAttribute("errors", FieldErrors.none());
        return "portal/linkUnusable";
    }

    private String page(Model model, FieldErrors signInErrors, FieldErrors linkErrors, String email) {
        model.addAttribute("errors", signInErrors);
        model.addAttribute("linkErrors", linkErrors);
        model.addAttribute("email", email);
        return "portal/signIn";
    }

    private FieldErrors errors(String field, String key) {
        return FieldErrors.of(List.of(Violation.of(field, key)), texts, LocaleContextHolder.getLocale());
    }
}
