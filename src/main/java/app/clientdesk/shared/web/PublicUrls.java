package app.clientdesk.shared.web;

import java.net.URI;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Absolute links to this deployment (invitations, emails, password resets), built from the configured public
 * base URL ({@code CLIENTDESK_BASE_URL}) and never from a request's {@code Host} or {@code X-Forwarded-Host}
 * header, which a stranger controls.
 */
@Component
public class PublicUrls {

    private final String base;

    PublicUrls(@Value("${clientdesk.base-url}") String baseUrl) {
        this.base = checked(baseUrl);
    }

    /** The base URL without a trailing slash, e.g. {@code https://desk.example.com}. */
    public String base() {
        return base;
    }

    /** An absolute link to {@code path} (which starts with {@code /}), its {@code {placeholders}} filled and encoded. */
    public String to(String path, Object... variables) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("A path starts with '/': " + path);
        }
        return UriComponentsBuilder.fromUriString(base).path(path).buildAndExpand(variables).encode().toUriString();
    }

    static String checked(String baseUrl) {
        String trimmed = baseUrl.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("CLIENTDESK_BASE_URL is not a URL: " + baseUrl, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalStateException(
                    "CLIENTDESK_BASE_URL must be an absolute http(s) URL without query or fragment, e.g. "
                            + "https://desk.example.com; it is: " + baseUrl);
        }
        return trimmed;
    }
}
