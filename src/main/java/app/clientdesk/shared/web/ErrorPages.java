package app.clientdesk.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/** Friendly error pages: what happened in plain words, and for failures of ours a reference id to quote. */
@Component
public class ErrorPages {

    private final MessageSource messages;
    private final Clock clock;

    // Absent when the application runs without a web server (the admin commands).
    private final ObjectProvider<ResourceUrlProvider> assets;

    ErrorPages(MessageSource messages, Clock clock, ObjectProvider<ResourceUrlProvider> assets) {
        this.messages = messages;
        this.clock = clock;
        this.assets = assets;
    }

    public static String newReference() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }

    public ModelAndView page(HttpServletRequest request, HttpStatus status, @Nullable String reference) {
        return page(request, status, reference, kind(status));
    }

    /** As {@link #page(HttpServletRequest, HttpStatus, String)}, with the words of {@code error.<kind>.*}. */
    ModelAndView page(HttpServletRequest request, HttpStatus status, @Nullable String reference, String kind) {
        Map<String, Object> model = new HashMap<>();
        model.put("ui", UiAdvice.build(messages, clock, request, assets.getIfAvailable()));
        model.put("status", status.value());
        model.put("kind", kind);
        model.put("reference", reference);
        ModelAndView view = new ModelAndView("error/page", model);
        view.setStatus(status);
        return view;
    }

    private static String kind(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "notFound";
            case FORBIDDEN -> "forbidden";
            case PAYLOAD_TOO_LARGE, CONTENT_TOO_LARGE -> "tooLarge";
            case BAD_REQUEST, UNPROCESSABLE_CONTENT -> "badRequest";
            case TOO_MANY_REQUESTS -> "tooMany";
            case METHOD_NOT_ALLOWED -> "badRequest";
            default -> status.is4xxClientError() ? "badRequest" : "failure";
        };
    }
}
