package app.clientdesk.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses an {@link OwnerOnly} handler to anyone but the workspace owner, before the handler reads a
 * parameter. The refusal is an {@link AccessDeniedException}, so screens show the 403 page and the API
 * answers a 403 problem, as for every other refusal.
 */
public final class OwnerOnlyInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && ownerOnly(method) && !owner()) {
            throw new AccessDeniedException("only the workspace owner may do this");
        }
        return true;
    }

    /** Whether a handler is marked {@link OwnerOnly}, on itself or on its controller. */
    public static boolean ownerOnly(HandlerMethod method) {
        return AnnotatedElementUtils.hasAnnotation(method.getMethod(), OwnerOnly.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), OwnerOnly.class);
    }

    private static boolean owner() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Viewer viewer && viewer.isOwner();
    }
}
