package app.clientdesk.intake.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.intake.ConnectionCheck;
import app.clientdesk.intake.MailboxInput;
import app.clientdesk.intake.MailboxSecurity;
import app.clientdesk.intake.MailboxSettings;
import app.clientdesk.intake.Mailboxes;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.shared.web.OwnerOnly;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owner's intake mailbox page: the IMAP settings, saved or tried ("test connection"). The password field is
 * always empty: the saved password is never sent back, and leaving the field empty keeps it.
 */
@OwnerOnly
@Controller
class MailboxController {

    private final Mailboxes mailboxes;
    private final MessageSource texts;

    MailboxController(Mailboxes mailboxes, MessageSource texts) {
        this.mailboxes = mailboxes;
        this.texts = texts;
    }

    @GetMapping("/settings/mailbox")
    String show(@AuthenticationPrincipal CurrentUser owner, Model model) {
        Optional<MailboxSettings> saved = mailboxes.settings(owner);
        MailboxInput form = saved.map(s -> new MailboxInput(s.host(), Integer.toString(s.port()), s.security().name(),
                s.username(), null, s.folder(), s.enabled())).orElse(new MailboxInput(null, "993",
                MailboxSecurity.SSL.name(), null, null, Mailboxes.DEFAULT_FOLDER, true));
        return page(model, owner, saved, form, FieldErrors.none(), null);
    }

    @PostMapping("/settings/mailbox")
    String save(@AuthenticationPrincipal CurrentUser owner, @ModelAttribute MailboxInput form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            mailboxes.save(owner, form);
            Notices.flash(redirect, texts.getMessage("intake.saved", null, owner.locale()));
            return "redirect:/settings/mailbox";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model, owner, mailboxes.settings(owner), form, FieldErrors.of(e.violations(), texts, owner.locale()),
                    null);
        }
    }

    @PostMapping("/settings/mailbox/test")
    String test(@AuthenticationPrincipal CurrentUser owner, @ModelAttribute MailboxInput form, Model model,
            HttpServletResponse response) {
        try {
            ConnectionCheck check = mailboxes.test(owner, form);
            if (!check.ok()) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            }
            return page(model, owner, mailboxes.settings(owner), form, FieldErrors.none(), check);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model, owner, mailboxes.settings(owner), form, FieldErrors.of(e.violations(), texts, owner.locale()),
                    null);
        }
    }

    private String page(Model model, CurrentUser owner, Optional<MailboxSettings> saved, MailboxInput form,
            FieldErrors errors, @Nullable ConnectionCheck check) {
        if (check != null) {
            model.addAttribute("checkText", texts.getMessage(check.messageKey(), check.arguments().toArray(),
                    owner.locale()));
        }
        saved.filter(s -> s.lastError() != null).ifPresent(s -> {
            String error = s.lastError();
            String key = error.startsWith("intake.test.") && error.contains(":")
                    ? error.substring(0, error.indexOf(':')) : "intake.test.other";
            model.addAttribute("lastErrorText", texts.getMessage(key,
                    new Object[] {s.host(), Integer.toString(s.port()), s.folder()}, key, owner.locale()));
        });
        // The password typed is never echoed back into the page.
        model.addAttribute("form", new MailboxInput(form.host(), form.port(), form.security(), form.username(), null,
                form.folder(), form.enabled()));
        model.addAttribute("saved", saved.orElse(null));
        model.addAttribute("errors", errors);
        model.addAttribute("check", check);
        return "intake/mailbox";
    }
}
