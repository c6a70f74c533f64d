package app.clientdesk.identity.internal;

import app.clientdesk.identity.UserId;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.shared.web.PublicRoute;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Where an invited member lands: choose a name, password, language and zone, and join. */
@Controller
public class InvitationController {

    public record AcceptForm(@Nullable String displayName, @Nullable String password, @Nullable String locale,
            @Nullable String timeZone) {
    }

    private final Invitations invitations;
    private final IdentityStore people;
    private final SessionSignIn sessions;
    private final MessageSource texts;

    InvitationController(Invitations invitations, IdentityStore people, SessionSignIn sessions, MessageSource texts) {
        this.invitations = invitations;
        this.people = people;
        this.sessions = sessions;
        this.texts = texts;
    }

    @PublicRoute("the invited person has no account yet; the secret token in the link is the credential")
    @GetMapping("/invitations/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        var invitation = invitations.find(token).filter(InvitationStore.Invitation::usable);
        if (invitation.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "identity/invitationUnusable";
        }
        model.addAttribute("invitation", invitation.get());
        model.addAttribute("form", new AcceptForm(invitation.get().displayName(), "",
                LocaleContextHolder.getLocale().toLanguageTag(), ""));
        model.addAttribute("errors", FieldErrors.none());
        model.addAttribute("token", token);
        return "identity/invitation";
    }

    @PublicRoute("the invited person has no account yet; the secret token in the link is the credential")
    @PostMapping("/invitations/{token}")
    String accept(@PathVariable String token, @ModelAttribute AcceptForm form, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        var invitation = invitations.find(token).filter(InvitationStore.Invitation::usable);
        if (invitation.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "identity/invitationUnusable";
        }
        try {
            UserId id = invitations.accept(token, form.displayName(), form.password(), form.locale(), form.timeZone());
            people.principalById(id).ifPresent(user -> sessions.signIn(user, request, response));
            Notices.flash(redirect, texts.getMessage("invitation.welcome", new Object[] {invitation.get().workspaceName()},
                    LocaleContextHolder.getLocale()));
            return "redirect:/";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("invitation", invitation.get());
            model.addAttribute("form", new AcceptForm(form.displayName(), "", form.locale(), form.timeZone()));
            model.addAttribute("errors", FieldErrors.of(e.violations(), texts, LocaleContextHolder.getLocale()));
            model.addAttribute("token", token);
            return "identity/invitation";
        }
    }
}
