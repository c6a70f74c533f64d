package app.clientdesk.shared.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler that anyone may call without signing in. The route sweep test refuses every route
 * that lacks it to anonymous callers, so this is the only way to open a route, and it needs a reason.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface PublicRoute {

    /** Why a stranger may call this route. */
    String value();
}
