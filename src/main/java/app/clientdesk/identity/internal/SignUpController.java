package app.clientdesk.identity.internal;

import app.clientdesk.identity.Workspaces;
import app.clientdesk.shared.validation.Emails;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.shared.web.PublicRoute;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sign-up: creates a workspace and its owner, or, for an address that already has an account, mails its holder;
 * either way it answers "check your inbox", so the page tells no one who has an account. The owner then
 * confirms the address with the mailed link and signs in. Can be closed by configuration.
 */
@Controller
class SignUpController {

    private final Workspaces workspaces;
    private final MessageSource texts;
    private final boolean enabled;

    SignUpController(Workspaces workspaces, MessageSource texts,
            @Value("${clientdesk.signup.enabled:true}") boolean enabled) {
        this.workspaces = workspaces;
        this.texts = texts;
        this.enabled = enabled;
    }

    @PublicRoute("anyone may open a workspace unless sign-up is closed by configuration")
    @GetMapping("/signup")
    String form(Model model, HttpServletResponse response) {
        if (!enabled) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "identity/signUpClosed";
        }
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("form", SignUpForm.blank(locale.toLanguageTag(),
                locale.getLanguage().equals("pt") ? "BRL" : "USD"));
        model.addAttribute("errors", FieldErrors.none());
        return "identity/signUp";
    }

    @PublicRoute("the answer to sign-up, the same whether or not the address has an account")
    @GetMapping("/signup/check-inbox")
    String checkInbox(Model model) {
        if (!model.containsAttribute("email")) {
            model.addAttribute("email", "");
        }
        return "identity/signUpSent";
    }

    @PublicRoute("anyone may open a workspace unless sign-up is closed by configuration")
    @PostMapping("/signup")
    String signUp(@ModelAttribute("form") SignUpForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!enabled) {
            throw new NotFoundException("sign-up");
        }
        try {
            try {
                workspaces.signUp(form.toNewWorkspace());
            } catch (DuplicateKeyException e) {
                // Another sign-up took this address a moment ago: answer as for any known address.
            }
            redirect.addFlashAttribute("email", Emails.normalise(form.ownerEmail()).orElse(""));
            return "redirect:/signup/check-inbox";
        } catch (InvalidInputException e) {
            model.addAttribute("form", form.withoutPassword());
            model.addAttribute("errors", FieldErrors.of(e.violations(), texts, LocaleContextHolder.getLocale()));
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "identity/signUp";
        }
    }
}
