package app.clientdesk.identity.internal;

import app.clientdesk.identity.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls that carry {@code Authorization: Bearer <token>}. A token of a disabled or
 * client-contact account authenticates no one, nor does an expired token (the 401 then says it expired). Last
 * use is recorded at most once a minute per token, so a busy integration costs one write a minute, not one a call.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    /** Request attribute set when the token was known but has expired, for the 401's wording. */
    static final String EXPIRED = ApiTokenAuthenticationFilter.class.getName() + ".expired";

    private final TokenStore tokens;
    private final IdentityStore people;
    private final Clock clock;

    ApiTokenAuthenticationFilter(TokenStore tokens, IdentityStore people, Clock clock) {
        this.tokens = tokens;
        this.people = people;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).trim();
            authenticate(token, request).ifPresent(user -> {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                        user.getAuthorities()));
                SecurityContextHolder.setContext(context);
            });
        }
        chain.doFilter(request, response);
    }

    private Optional<CurrentUser> authenticate(String token, HttpServletRequest request) {
        if (token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.ownerOf(token).filter(owner -> {
            if (owner.expired(now)) {
                request.setAttribute(EXPIRED, Boolean.TRUE);
                return false;
            }
            return true;
        }).flatMap(owner -> {
            if (owner.lastUsedAt() == null || owner.lastUsedAt().isBefore(now.minus(Duration.ofMinutes(1)))) {
                tokens.touch(owner.tokenId(), now);
            }
            return people.principalById(owner.userId());
        }).filter(user -> user.isEnabled() && !user.isClientContact()).map(user -> {
            user.eraseCredentials();
            return user;
        });
    }
}
