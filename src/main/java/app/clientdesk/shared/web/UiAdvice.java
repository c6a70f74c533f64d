package app.clientdesk.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Puts {@link Ui} into the model of every page. Only the application's own controllers get it: the actuator's
 * endpoints (the health check, asked many times a second) and other libraries' handlers render no page, and
 * building a {@code Ui} for each of their requests was a measurable share of the health check (issue 12).
 */
@ControllerAdvice(basePackages = "app.clientdesk")
class UiAdvice {

    static final String NOTICE = "notice";

    private final MessageSource messages;
    private final Clock clock;
    private final List<HeaderWidget> widgets;
    // Absent when the application runs without a web server (the admin commands). Looked up on the first page,
    // not on every one: resolving it through the bean factory cost as much as building the rest of the Ui.
    private final ObjectProvider<ResourceUrlProvider> assets;
    private volatile @Nullable ResourceUrlProvider assetUrls;

    UiAdvice(MessageSource messages, Clock clock, List<HeaderWidget> widgets, ObjectProvider<ResourceUrlProvider> assets) {
        this.messages = messages;
        this.clock = clock;
        this.widgets = widgets;
        this.assets = assets;
    }

    @ModelAttribute("ui")
    Ui ui(HttpServletRequest request) {
        ResourceUrlProvider urls = assetUrls;
        if (urls == null) {
            urls = assets.getIfAvailable();
            assetUrls = urls;
        }
        return build(messages, clock, request, widgets, urls);
    }

    /** For error pages: no header widgets, so a page about a failure does not depend on other modules. */
    static Ui build(MessageSource messages, Clock clock, HttpServletRequest request, @Nullable ResourceUrlProvider assets) {
        return build(messages, clock, request, List.of(), assets);
    }

    static Ui build(MessageSource messages, Clock clock, HttpServletRequest request, List<HeaderWidget> widgets,
            @Nullable ResourceUrlProvider assets) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        Object notice = flash == null ? null : flash.get(NOTICE);
        return new Ui(messages, LocaleContextHolder.getLocale(), currentViewer(),
                // Spring Security's default field name; asking the token for it would load (and store) the token.
                () -> csrf == null ? null : csrf.getToken(), "_csrf",
                request.getRequestURI().substring(request.getContextPath().length()), clock,
                notice == null ? null : notice.toString(), widgets, path -> versioned(assets, path));
    }

    /** The content-hashed URL of a static file; the plain path if no resource handler serves it. */
    private static String versioned(@Nullable ResourceUrlProvider assets, String path) {
        String url = assets == null ? null : assets.getForLookupPath(path);
        return url == null ? path : url;
    }

    static @Nullable Viewer currentViewer() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Viewer viewer) {
            return viewer;
        }
        return null;
    }
}
