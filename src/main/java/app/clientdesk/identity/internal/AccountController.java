package app.clientdesk.identity.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.PasswordPolicy;
import app.clientdesk.shared.i18n.Languages;
import app.clientdesk.shared.time.TimeZones;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's own settings: name, language, time zone and password. */
@Controller
public class AccountController {

    public record ProfileForm(@Nullable String displayName, @Nullable String locale, @Nullable String timeZone) {
    }

    public record PasswordForm(@Nullable String currentPassword, @Nullable String newPassword,
            @Nullable String confirmPassword) {
    }

    private final IdentityStore store;
    private final PasswordEncoder passwords;
    private final SessionSignIn sessions;
    private final MessageSource texts;
    private final PersonSessions personSessions;
    private final AttemptLimits limits;

    AccountController(IdentityStore store, PasswordEncoder passwords, SessionSignIn sessions, MessageSource texts,
            PersonSessions personSessions, AttemptLimits limits) {
        this.personSessions = personSessions;
        this.limits = limits;
        this.store = store;
        this.passwords = passwords;
        this.sessions = sessions;
        this.texts = texts;
    }

    @GetMapping("/settings/account")
    String show(@AuthenticationPrincipal CurrentUser user, Model model) {
        return page(model, new ProfileForm(user.displayName(), user.locale().toLanguageTag(), user.zone().getId()),
                FieldErrors.none(), FieldErrors.none());
    }

    @PostMapping("/settings/account")
    @Transactional
    String saveProfile(@AuthenticationPrincipal CurrentUser user, @ModelAttribute ProfileForm form, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Violations violations = new Violations();
        String name = form.displayName() == null ? "" : form.displayName().trim();
        if (name.isEmpty()) {
            violations.add("displayName", "validation.required");
        } else if (name.length() > 120) {
            violations.add("displayName", "validation.tooLong", 120);
        }
        var locale = Languages.match(form.locale());
        if (locale.isEmpty()) {
            violations.add("locale", "validation.language");
        }
        var zone = TimeZones.parse(form.timeZone());
        if (zone.isEmpty()) {
            violations.add("timeZone", "validation.timeZone");
        }
        if (!violations.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model, form, FieldErrors.of(violations.list(), texts, user.locale()), FieldErrors.none());
        }
        store.updateProfile(user.id(), name, locale.get().toLanguageTag(), zone.get().getId());
        sessions.replace(user.with(name, locale.get(), zone.get()), request, response);
        Notices.flash(redirect, texts.getMessage("account.saved", null, locale.get()));
        return "redirect:/settings/account";
    }

    @PostMapping("/settings/password")
    @Transactional
    String changePassword(@AuthenticationPrincipal CurrentUser user, @ModelAttribute PasswordForm form, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Locale locale = user.locale();
        Violations violations = new Violations();
        String hash = store.passwordHash(user.id()).orElse("");
        String who = user.id().value().toString();
        if (limits.exhausted(AttemptLimits.Kind.PASSWORD_CHANGE, who)) {
            // A stolen session must not become a way to guess the password without the sign-in form's limits.
            violations.add("currentPassword", "account.password.throttled");
        } else if (form.currentPassword() == null || !passwords.matches(form.currentPassword(), hash)) {
            limits.spend(AttemptLimits.Kind.PASSWORD_CHANGE, who);
            violations.add("currentPassword", "account.password.wrong");
        }
        PasswordPolicy.check("newPassword", form.newPassword(), violations);
        if (form.newPassword() != null && !form.newPassword().equals(form.confirmPassword())) {
            violations.add("confirmPassword", "account.password.mismatch");
        }
        if (!violations.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model, new ProfileForm(user.displayName(), locale.toLanguageTag(), user.zone().getId()),
                    FieldErrors.none(), FieldErrors.of(violations.list(), texts, locale));
        }
        store.updatePassword(user.id(), passwords.encode(form.newPassword()));
        // Whoever else is signed in as this person (a forgotten laptop, a thief) is signed out; this browser stays.
        var current = request.getSession(false);
        if (current != null) {
            personSessions.endOthers(user.email(), current.getId());
        } else {
            personSessions.endAll(user.email());
        }
        Notices.flash(redirect, texts.getMessage("account.password.changed", null, locale));
        return "redirect:/settings/account";
    }

    private static String page(Model model, ProfileForm profile, FieldErrors profileErrors,
            FieldErrors passwordErrors) {
        model.addAttribute("profile", profile);
        model.addAttribute("profileErrors", profileErrors);
        model.addAttribute("passwordErrors", passwordErrors);
        return "identity/account";
    }
}
