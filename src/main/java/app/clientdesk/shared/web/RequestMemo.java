package app.clientdesk.shared.web;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A read kept for the rest of one GET request: a page asks for the same thing from several of its sections,
 * and a GET changes nothing, so the first answer holds until the request ends. The answer lives in the
 * request's attributes, so it never reaches another request; any other method, and work outside a request
 * (jobs, the mail outbox), reads afresh every time. The key is a name and the arguments the answer depends on
 * (who asks, which workspace, which id): every one of them must be part of it.
 */
public final class RequestMemo {

    private static final String PREFIX = RequestMemo.class.getName() + ".";

    private RequestMemo() {
    }

    /** What {@code read} answers, read at most once per GET request for the same name and arguments. */
    public static <T extends @Nullable Object> T once(String name, Supplier<T> read, Object... args) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)
                || !"GET".equals(servlet.getRequest().getMethod())) {
            return read.get();
        }
        String key = PREFIX + Stream.concat(Stream.of(name), Stream.of(args).map(String::valueOf))
                .collect(Collectors.joining("."));
        Object known = attributes.getAttribute(key, RequestAttributes.SCOPE_REQUEST);
        if (known != null) {
            @SuppressWarnings("unchecked")
            T value = (T) ((Optional<?>) known).orElse(null);
            return value;
        }
        T value = read.get();
        attributes.setAttribute(key, Optional.ofNullable(value), RequestAttributes.SCOPE_REQUEST);
        return value;
    }
}
