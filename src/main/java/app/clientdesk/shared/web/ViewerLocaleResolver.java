package app.clientdesk.shared.web;

import app.clientdesk.shared.i18n.Languages;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a request: the signed-in person's own choice; before sign-in, the language picked
 * on the page (kept in a cookie), else the browser's Accept-Language; English when nothing matches.
 */
@Component("localeResolver")
class ViewerLocaleResolver implements LocaleResolver {

    static final String COOKIE = "clientdesk_lang";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Viewer viewer = UiAdvice.currentViewer();
        if (viewer != null) {
            return Languages.supportedOrDefault(viewer.locale());
        }
        return fromCookie(request).or(() -> fromHeader(request)).orElse(Languages.ENGLISH);
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        if (response == null) {
            return;
        }
        Cookie cookie = new Cookie(COOKIE, locale == null ? "" : locale.toLanguageTag());
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge(locale == null ? 0 : 60 * 60 * 24 * 365);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    private static Optional<Locale> fromCookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return Optional.empty();
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName())) {
                return Languages.match(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private static Optional<Locale> fromHeader(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return Optional.empty();
        }
        Enumeration<Locale> locales = request.getLocales();
        while (locales.hasMoreElements()) {
            Optional<Locale> match = Languages.match(locales.nextElement().toLanguageTag());
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }
}
