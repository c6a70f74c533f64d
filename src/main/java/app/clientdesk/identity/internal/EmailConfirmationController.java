package app.clientdesk.identity.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.EmailConfirmations;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.shared.web.PublicRoute;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The link that confirms an owner's email address, and "resend the link" from the banner. */
@Controller
class EmailConfirmationController {

    private final EmailConfirmations confirmations;
    private final MessageSource texts;

    EmailConfirmationController(EmailConfirmations confirmations, MessageSource texts) {
        this.confirmations = confirmations;
        this.texts = texts;
    }

    /**
     * Confirms on opening the link (confirming twice does no harm, so a mail scanner that opens it does none
     * either), then goes to the sign-in page, or home when already signed in.
     */
    @PublicRoute("the link in the confirmation email works before sign-in; the token is the credential")
    @GetMapping("/confirm-email/{token}")
    String confirm(@PathVariable String token, @AuthenticationPrincipal @Nullable CurrentUser viewer,
            RedirectAttributes redirect) {
        boolean done = confirmations.confirm(token).isPresent();
        Notices.flash(redirect, texts.getMessage(done ? "confirm.done" : "confirm.unusable", null,
                LocaleContextHolder.getLocale()));
        return viewer == null ? "redirect:/login" : "redirect:/";
    }

    @PostMapping("/settings/confirm-email")
    String resend(@AuthenticationPrincipal CurrentUser owner, @RequestParam(defaultValue = "/") String back,
            RedirectAttributes redirect) {
        confirmations.resend(owner);
        Notices.flash(redirect, texts.getMessage("confirm.resent", new Object[] {owner.email()}, owner.locale()));
        return "redirect:" + LanguageController.safeLocalPath(back);
    }
}
