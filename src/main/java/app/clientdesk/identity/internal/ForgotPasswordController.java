package app.clientdesk.identity.internal;

import app.clientdesk.identity.PasswordResets;
import app.clientdesk.shared.validation.InvalidInputException;
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
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Forgot password": ask for a link by email (the answer is the same whether or not the address has an
 * account), then set a new password from the link.
 */
@Controller
public class ForgotPasswordController {

    public record ForgotForm(@Nullable String email) {
    }

    public record ResetForm(@Nullable String password, @Nullable String confirmPassword) {
    }

    private final PasswordResets resets;
    private final AttemptLimits limits;
    private final MessageSource texts;

    ForgotPasswordController(PasswordResets resets, AttemptLimits limits, MessageSource texts) {
        this.resets = resets;
        this.limits = limits;
        this.texts = texts;
    }

    @PublicRoute("a person who forgot their password is not signed in")
    @GetMapping("/password/forgot")
    String forgot(Model model) {
        model.addAttribute("errors", FieldErrors.none());
        return "identity/passwordForgot";
    }

    @PublicRoute("a person who forgot their password is not signed in")
    @PostMapping("/password/forgot")
    String requestLink(@ModelAttribute ForgotForm form, Model model, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        String email = form.email() == null ? "" : form.email().trim();
        if (!limits.tryTake(AttemptLimits.Kind.RESET_ADDRESS, request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("errors", FieldErrors.of(List.of(app.clientdesk.shared.validation.Violation.of(
                    "email", "passwordForgot.throttled")), texts, LocaleContextHolder.getLocale()));
            return "identity/passwordForgot";
        }
        // Past the per-email limit nothing more is sent, but the answer does not change: it would tell
        // a stranger that the address has an account.
        if (!email.isEmpty() && limits.tryTake(AttemptLimits.Kind.RESET_EMAIL, email)) {
            resets.request(email);
        }
        Notices.flash(redirect, texts.getMessage("passwordForgot.sent", null, LocaleContextHolder.getLocale()));
        return "redirect:/password/forgot";
    }

    @PublicRoute("the secret token in the emailed link is the credential")
    @GetMapping("/password/reset/{token}")
    String showReset(@PathVariable String token, Model model, HttpServletResponse response) {
        if (!resets.usable(token)) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "identity/passwordResetUnusable";
        }
        return resetPage(model, token, FieldErrors.none());
    }

    @PublicRoute("the secret token in the emailed link is the credential")
    @PostMapping("/password/reset/{token}")
    String reset(@PathVariable String token, @ModelAttribute ResetForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (!resets.usable(token)) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "identity/passwordResetUnusable";
        }
        String password = form.password() == null ? "" : form.password();
        if (!password.equals(form.confirmPassword())) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return resetPage(model, token, FieldErrors.of(List.of(app.clientdesk.shared.validation.Violation.of(
                    "confirmPassword", "account.password.mismatch")), texts, LocaleContextHolder.getLocale()));
        }
        try {
            var email = resets.reset(token, password);
            if (email.isEmpty()) {
                response.setStatus(HttpStatus.NOT_FOUND.value());
                return "identity/passwordResetUnusable";
            }
            // Whoever was guessing the old password no longer holds the account back.
            limits.clear(AttemptLimits.Kind.SIGN_IN_ACCOUNT, email.get());
            Notices.flash(redirect, texts.getMessage("passwordReset.done", null, LocaleContextHolder.getLocale()));
            return "redirect:/login";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return resetPage(model, token, FieldErrors.of(e.violations(), texts, LocaleContextHolder.getLocale()));
        }
    }

    private static String resetPage(Model model, String token, FieldErrors errors) {
        model.addAttribute("token", token);
        model.addAttribute("errors", errors);
        return "identity/passwordReset";
    }
}
