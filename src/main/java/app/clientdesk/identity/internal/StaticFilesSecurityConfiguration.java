package app.clientdesk.identity.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.session.web.http.SessionRepositoryFilter;
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

    /**
     * Hides the session from everything that serves a static file or the health check, just inside Spring
     * Session's filter: the dispatcher's flash-map lookup and the health endpoint's security context would each
     * look the session up in the store when the browser sends its cookie (a SELECT per stylesheet, issue 12).
     * Nothing on these paths ever needs the session; none is ever created there either.
     */
    @Bean
    FilterRegistrationBean<Filter> sessionlessPaths() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) ->
                chain.doFilter(request instanceof HttpServletRequest http && sessionless(http)
                        ? new WithoutSession(http) : request, response));
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        registration.setName("sessionlessPaths");
        return registration;
    }

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

    private static final class WithoutSession extends HttpServletRequestWrapper {
        WithoutSession(HttpServletRequest request) {
            super(request);
        }

        @Override
        public @Nullable HttpSession getSession(boolean create) {
            return create ? super.getSession(true) : null;
        }

        @Override
        public boolean isRequestedSessionIdValid() {
            return false;
        }
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
