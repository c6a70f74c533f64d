package app.clientdesk.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler (or every handler of a controller) that only the workspace owner may call: a member
 * or a client contact gets 403 before the handler runs. {@link OwnerOnlyInterceptor} enforces it, and
 * the route sweep test tries every route carrying it as a member, so the mark is the one place that says
 * a route is the owner's. The services' own {@code requireOwner()} checks stay as a second wall.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface OwnerOnly {
}
