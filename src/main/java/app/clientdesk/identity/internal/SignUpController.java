package app.clientdesk.identity.internal;

import app.clientdesk.identity.WorkspaceCreated;
import app.clientdesk.identity.Workspaces;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.i18n.Languages;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.shared.web.PublicRoute;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sign-up creates a workspace and its owner, then signs the owner in. Can be closed by configuration. */
@Controller
class SignUpController {

    private final Workspaces workspaces;
    private final IdentityStore store;
    private final SessionSignIn sessions;
    private final MessageSource texts;
    private final boolean enabled;

    SignUpController(Workspaces workspaces, IdentityStore store, SessionSignIn sessions, MessageSource texts,
            @Value("${clientdesk.signup.enabled:true}") boolean enabled) {
        this.workspaces = workspaces;
        this.store = store;
        this.sessions = sessions;
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

    @PublicRoute("anyone may open a workspace unless sign-up is closed by configuration")
    @PostMapping("/signup")
    String signUp(@ModelAttribute("form") SignUpForm form, Model model, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (!enabled) {
            throw new NotFoundException("sign-up");
        }
        try {
            WorkspaceCreated created = workspaces.create(form.toNewWorkspace());
            store.principalById(created.ownerId()).ifPresent(user -> sessions.signIn(user, request, response));
            Notices.flash(redirect, texts.getMessage("signUp.welcome", null,
                    Languages.match(form.locale()).orElse(LocaleContextHolder.getLocale())));
            return "redirect:/clients";
        } catch (InvalidInputException e) {
            model.addAttribute("form", form.withoutPassword());
            model.addAttribute("errors", FieldErrors.of(e.violations(), texts, LocaleContextHolder.getLocale()));
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "identity/signUp";
        }
    }
}
