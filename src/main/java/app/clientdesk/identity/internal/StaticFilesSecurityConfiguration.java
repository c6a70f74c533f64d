package app.clientdesk.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.AntPathMatcher;

/**
 * The door for static files and {@code /robots.txt}: open to anyone, without a session, CSRF state or a
 * saved request, so a stylesheet never reads or writes the session store. Spring Security's
 * {@code no-store} is left off here: the resource handler sends its own year-long cache header, which
 * is safe because every page links the files by a URL that carries a hash of their content. The health
 * check has a door of the same kind (issue 12): a load balancer asks for it many times a second, with or
 * without a session cookie, and it never needs to know who asks.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class StaticFilesSecurityConfiguration {

    static final String[] STATIC_FILES = {"/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
            "/robots.txt"};

    @Bean
    @Order(0)
    SecurityFilterChain staticFiles(HttpSecurity http) throws Exception {
        http.securityMatcher(STATIC_FILES)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // Nobody is signed in to fetch a file: no anonymous identity, whose details would look the session up.
                .anonymous(anonymous -> anonymous.disable())
                .headers(headers -> headers
                        .cacheControl(cache -> cache.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(SecurityConfiguration.CSP)));
        return http.build();
    }

    static final String[] HEALTH = {"/actuator/health", "/actuator/health/**"};

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    /** Whether a request is for a static file or the health check: neither ever reads or writes the session. */
    static boolean sessionless(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String[] patterns : new String[][] {STATIC_FILES, HEALTH}) {
            for (String pattern : patterns) {
                if (PATHS.match(pattern, path)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Bean
    @Order(0)
    SecurityFilterChain health(HttpSecurity http) throws Exception {
        http.securityMatcher(HEALTH)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(SecurityConfiguration.CSP)));
        return http.build();
    }
}
