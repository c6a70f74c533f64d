package app.clientdesk.shared.web;

import java.util.HashMap;
import java.util.Map;
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
 *
 * <p>Work outside a request that changes none of what is memoised (the email intake storing a batch of messages:
 * it writes requests, never clients or settings) opens a {@link #batch()} on its thread: inside it, reads are kept
 * the same way until it is closed.
 */
public final class RequestMemo {

    private static final String PREFIX = RequestMemo.class.getName() + ".";

    private static final ThreadLocal<@Nullable Map<String, Optional<?>>> BATCH = new ThreadLocal<>();

    private RequestMemo() {
    }

    /** Keeps reads on this thread until closed; inside an open batch it changes nothing (the outer one keeps). */
    public static Batch batch() {
        if (BATCH.get() != null) {
            return () -> { };
        }
        BATCH.set(new HashMap<>());
        return BATCH::remove;
    }

    /** An open batch; closing it forgets what it kept. */
    public interface Batch extends AutoCloseable {
        @Override
        void close();
    }

    /** What {@code read} answers, read at most once per GET request for the same name and arguments. */
    public static <T extends @Nullable Object> T once(String name, Supplier<T> read, Object... args) {
        Map<String, Optional<?>> batch = BATCH.get();
        if (batch != null) {
            String key = key(name, args);
            Optional<?> known = batch.get(key);
            if (known == null) {
                known = Optional.ofNullable(read.get());
                batch.put(key, known);
            }
            @SuppressWarnings("unchecked")
            T value = (T) known.orElse(null);
            return value;
        }
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)
                || !"GET".equals(servlet.getRequest().getMethod())) {
            return read.get();
        }
        String key = key(name, args);
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

    private static String key(String name, Object... args) {
        return PREFIX + Stream.concat(Stream.of(name), Stream.of(args).map(String::valueOf))
                .collect(Collectors.joining("."));
    }
}
