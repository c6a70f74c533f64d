package app.clientdesk.identity.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.i18n.Languages;
import app.clientdesk.shared.web.PublicRoute;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language switch in the page header. A signed-in person's choice is saved to their account;
 * before sign-in it is kept in a cookie.
 */
@Controller
class LanguageController {

    private final IdentityStore store;
    private final LocaleResolver locales;
    private final SessionSignIn sessions;

    LanguageController(IdentityStore store, LocaleResolver locales, SessionSignIn sessions) {
        this.store = store;
        this.locales = locales;
        this.sessions = sessions;
    }

    @PublicRoute("visitors choose the language of the sign-in and sign-up pages")
    @PostMapping("/language")
    @Transactional
    String change(@RequestParam String lang, @RequestParam(required = false) @Nullable String back,
            @AuthenticationPrincipal @Nullable CurrentUser user, HttpServletRequest request,
            HttpServletResponse response) {
        Locale locale = Languages.match(lang).orElse(Languages.ENGLISH);
        locales.setLocale(request, response, locale);
        if (user != null) {
            store.updateLocale(user.id(), locale.toLanguageTag());
            sessions.replace(user.with(user.displayName(), locale, user.zone()), request, response);
        }
        return "redirect:" + safeLocalPath(back);
    }

    /** Only paths of this site, so the switch cannot be used to send people elsewhere. */
    static String safeLocalPath(@Nullable String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")
                || back.contains("\r") || back.contains("\n")) {
            return "/";
        }
        return back;
    }
}
