package app.clientdesk.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * Where a screen's CSRF token is kept: in the session of a signed-in person, as before, and in a cookie of
 * its own for a visitor without a session (the sign-in, sign-up and password pages). The sign-in page used
 * to start a session only to hold its token, so every anonymous visit wrote a session row (issue 12); now a
 * visitor's first session is the one sign-in creates. The visitor's token is checked as a double-submit
 * cookie: the form field (masked per page, as before) must match the cookie, which other sites can neither
 * read (HttpOnly) nor send along with their forms (SameSite=Lax on a POST).
 */
final class CsrfTokens implements CsrfTokenRepository {

    static final String COOKIE = "CLIENTDESK_CSRF";
    static final String HEADER = "X-CSRF-TOKEN";
    static final String PARAMETER = "_csrf";

    private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();
    private final CookieCsrfTokenRepository cookies = new CookieCsrfTokenRepository();

    CsrfTokens() {
        sessions.setHeaderName(HEADER);
        sessions.setParameterName(PARAMETER);
        cookies.setCookieName(COOKIE);
        cookies.setHeaderName(HEADER);
        cookies.setParameterName(PARAMETER);
        cookies.setCookieCustomizer(cookie -> cookie.httpOnly(true).sameSite("Lax"));
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return sessions.generateToken(request);
    }

    @Override
    public void saveToken(@Nullable CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (token == null) {
            // Sign-in and sign-out: the old token is worth nothing wherever it was.
            sessions.saveToken(null, request, response);
            if (hasCookie(request)) {
                cookies.saveToken(null, request, response);
            }
        } else if (request.getSession(false) != null) {
            sessions.saveToken(token, request, response);
        } else {
            cookies.saveToken(token, request, response);
        }
    }

    @Override
    public @Nullable CsrfToken loadToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            CsrfToken token = sessions.loadToken(request);
            if (token != null) {
                return token;
            }
            if (session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null) {
                // A signed-in person's token lives in their session only: a cookie planted by a neighbouring
                // host can never stand in for it.
                return null;
            }
        }
        return cookies.loadToken(request);
    }

    private static boolean hasCookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return false;
        }
        for (jakarta.servlet.http.Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName())) {
                return true;
            }
        }
        return false;
    }
}
