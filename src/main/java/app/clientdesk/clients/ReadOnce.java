package app.clientdesk.clients;

import app.clientdesk.identity.CurrentUser;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What a page reads about one client, read once per GET request: a client's page asks for the client in each of
 * its sections (work, time, billing, retainers, each checking that the viewer may see it), which was four
 * statements each time. A GET changes no client, so the first answer holds for the rest of the request; any
 * other request, and work outside a request, reads afresh every time.
 */
final class ReadOnce {

    private ReadOnce() {
    }

    static <T> Optional<T> of(String what, CurrentUser viewer, UUID id, Supplier<Optional<T>> read) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)
                || !"GET".equals(servlet.getRequest().getMethod())) {
            return read.get();
        }
        String key = ReadOnce.class.getName() + "." + what + "." + viewer.workspaceId().value() + "."
                + viewer.id().value() + "." + id;
        @SuppressWarnings("unchecked")
        Optional<T> known = (Optional<T>) attributes.getAttribute(key, RequestAttributes.SCOPE_REQUEST);
        if (known != null) {
            return known;
        }
        Optional<T> found = read.get();
        attributes.setAttribute(key, found, RequestAttributes.SCOPE_REQUEST);
        return found;
    }
}
