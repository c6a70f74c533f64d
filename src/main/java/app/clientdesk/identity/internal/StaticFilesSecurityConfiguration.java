package app.clientdesk.identity.internal;

import java.util.Arrays;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The door for static files, {@code /robots.txt} and the health check: open to anyone, without a session, CSRF
 * state, a saved request or an anonymous identity, so neither ever reads or writes the session store. A load
 * balancer asks for the health check many times a second, with or without a session cookie, and it never needs
 * to know who asks (issue 12). Spring Security's {@code no-store} is left off the static files: the resource
 * handler sends its own year-long cache header, which is safe because every page links the files by a URL that
 * carries a hash of their content. The health check keeps {@code no-store}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class StaticFilesSecurityConfiguration {

    static final String[] STATIC_FILES = {"/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
            "/robots.txt"};

    static final String[] HEALTH = {"/actuator/health", "/actuator/health/**"};

    private static final RequestMatcher HEALTH_PATHS = paths(HEALTH);

    /** A static file or the health check: neither ever reads or writes the session. */
    static final RequestMatcher SESSIONLESS = new OrRequestMatcher(paths(STATIC_FILES), HEALTH_PATHS);

    @Bean
    @Order(0)
    SecurityFilterChain sessionless(HttpSecurity http) throws Exception {
        http.securityMatcher(SESSIONLESS)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // Nobody is signed in to fetch a file: no anonymous identity, whose details would look the session up.
                .anonymous(anonymous -> anonymous.disable())
                .headers(headers -> headers
                        .cacheControl(cache -> cache.disable())
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(HEALTH_PATHS,
                                new CacheControlHeadersWriter()))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(SecurityConfiguration.CSP)));
        return http.build();
    }

    private static RequestMatcher paths(String... patterns) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(Arrays.stream(patterns).map(paths::matcher).map(RequestMatcher.class::cast).toList());
    }
}
