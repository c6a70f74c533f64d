package app.clientdesk.identity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Says in the log who signed in or failed to, and from where; never a password or a token. */
@Component
class SignInAudit {

    private static final Logger log = LoggerFactory.getLogger("app.clientdesk.audit");

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            log.info("sign-in: {} from {}", event.getAuthentication().getName(), details.getRemoteAddress());
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String from = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "?";
        log.warn("sign-in refused: {} from {} ({})", event.getAuthentication().getName(), from,
                event.getException().getClass().getSimpleName());
    }
}
