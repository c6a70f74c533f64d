package app.clientdesk.identity.internal;

import app.clientdesk.shared.web.PublicRoute;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security handles the form's POST. */
@Controller
class SignInController {

    private final boolean signUpEnabled;

    SignInController(@Value("${clientdesk.signup.enabled:true}") boolean signUpEnabled) {
        this.signUpEnabled = signUpEnabled;
    }

    @PublicRoute("people sign in here")
    @GetMapping("/login")
    String signIn(@RequestParam(required = false) @Nullable String error, Model model,
            @Nullable Authentication authentication) {
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/";
        }
        String errorKey = null;
        if ("throttled".equals(error)) {
            errorKey = "signIn.error.throttled";
        } else if (error != null) {
            errorKey = "signIn.error.credentials";
        }
        model.addAttribute("errorKey", errorKey);
        model.addAttribute("signUpEnabled", signUpEnabled);
        return "identity/signIn";
    }
}
