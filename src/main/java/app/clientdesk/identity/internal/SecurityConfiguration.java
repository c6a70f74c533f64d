package app.clientdesk.identity.internal;

import app.clientdesk.identity.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two doors: the API (stateless, bearer tokens, problem+json answers) and the screens (session,
 * sign-in form, CSRF on every form and htmx request). Everything not opened here needs a signed-in
 * owner or member; client contacts are kept to the portal.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    // Swagger UI styles its widgets with inline styles; its page holds no workspace data.
    static final String DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    private static final String[] PUBLIC_PAGES = {"/login", "/signup", "/invitations/*", "/language", "/error",
            "/password/forgot", "/password/reset/*",
            "/signup/check-inbox", "/confirm-email/*",
            "/portal/sign-in", "/portal/sign-in/*", "/portal/link/*", "/feeds/*",
            "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/actuator/health",
            "/actuator/health/**"};

    /**
     * No observation around each filter of the security chains. Switching Spring Security's observations off by
     * name ({@code management.observations.enable.spring.security=false}) left every filter wrapped in a
     * decorator that made and discarded an observation per filter per request (issue 12); without it the chain
     * runs its filters directly. The request's own {@code http.server.requests} observation stays.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    UserDetailsService userDetailsService(IdentityStore store) {
        return email -> store.principalByEmail(email.trim().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, TokenStore tokens, IdentityStore people, Clock clock,
            ProblemWriter problems) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, people, clock),
                        UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/openapi.json", "/api/v1/openapi.json/**", "/api/v1/docs",
                                "/api/v1/docs/**", "/api/v1/swagger-ui/**").permitAll()
                        // Billing is the owner's: members (subcontractors) see no money of the business.
                        .requestMatchers("/api/v1/invoices", "/api/v1/invoices/**", "/api/v1/services",
                                "/api/v1/services/**", "/api/v1/expenses", "/api/v1/expenses/**").hasRole("OWNER")
                        .requestMatchers("/api/**").hasAnyRole("OWNER", "MEMBER"))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problems.write(request, response, 401,
                                    request.getAttribute(ApiTokenAuthenticationFilter.EXPIRED) != null
                                            ? "problem.tokenExpired" : "problem.unauthorized");
                        })
                        .accessDeniedHandler((request, response, ex) ->
                                problems.write(request, response, 403, "problem.forbidden")))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(DOCS_CSP)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, AttemptLimits limits, KnownDevices devices, UserDetailsService users,
            PasswordEncoder passwords, AuthenticationEventPublisher events) throws Exception {
        DaoAuthenticationProvider passwordsProvider = new DaoAuthenticationProvider(users);
        passwordsProvider.setPasswordEncoder(passwords);
        // The form's own manager, without a parent: Spring Security would otherwise fall back to a global
        // manager holding a plain password provider, which signs in whoever the throttle refused.
        ProviderManager signIn = new ProviderManager(new ThrottledAuthenticationProvider(passwordsProvider, limits,
                devices));
        signIn.setAuthenticationEventPublisher(events);
        // Redirects name a path only: never a host taken from the request's Host or X-Forwarded-Host.
        RedirectStrategy pathOnly = new PathOnlyRedirectStrategy();
        LoginUrlAuthenticationEntryPoint toSignIn = new LoginUrlAuthenticationEntryPoint("/login");
        toSignIn.setFavorRelativeUris(true);
        SavedRequestAwareAuthenticationSuccessHandler signedIn = new SavedRequestAwareAuthenticationSuccessHandler();
        signedIn.setDefaultTargetUrl("/");
        signedIn.setRedirectStrategy(pathOnly);
        // The page asked for before sign-in waits in a cookie, not in a session made for every visitor.
        CookieRequestCache requestCache = new CookieRequestCache();
        signedIn.setRequestCache(requestCache);
        http.authenticationManager(signIn)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC_PAGES).permitAll()
                        .requestMatchers("/portal", "/portal/**").hasRole("CLIENT")
                        .requestMatchers("/members", "/members/**", "/settings/workspace", "/demo").hasRole("OWNER")
                        .requestMatchers("/billing", "/billing/**", "/settings/outbox", "/settings/outbox/**")
                        .hasRole("OWNER")
                        .requestMatchers(HttpMethod.POST, "/logout").authenticated()
                        .anyRequest().hasAnyRole("OWNER", "MEMBER"))
                .formLogin(form -> form
                        .loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .authenticationDetailsSource(SignInDetails::new)
                        .successHandler((request, response, authentication) -> {
                            if (authentication.getPrincipal() instanceof CurrentUser user) {
                                devices.remember(user.id(), request, response);
                            }
                            signedIn.onAuthenticationSuccess(request, response, authentication);
                        })
                        .failureHandler(failureHandler()))
                .requestCache(cache -> cache.requestCache(requestCache))
                .csrf(csrf -> csrf.csrfTokenRepository(new CsrfTokens()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler((request, response, auth) ->
                        response.sendRedirect(request.getContextPath()
                                + (auth != null && auth.getPrincipal() instanceof CurrentUser user
                                        && user.isClientContact() ? "/portal/sign-in?signedOut" : "/login?signedOut"))))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> {
                            // The portal has its own sign-in page: a contact's bookmark leads there, not to the VA's.
                            String path = request.getRequestURI().substring(request.getContextPath().length());
                            if (path.equals("/portal") || path.startsWith("/portal/")) {
                                response.sendRedirect(request.getContextPath() + "/portal/sign-in");
                            } else {
                                toSignIn.commence(request, response, ex);
                            }
                        })
                        .accessDeniedHandler(SecurityConfiguration::deniedPage))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny())
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                                "camera=(), microphone=(), geolocation=(), payment=()")));
        return http.build();
    }

    private static AuthenticationFailureHandler failureHandler() {
        return (request, response, exception) -> {
            String reason = exception instanceof ThrottledAuthenticationProvider.SignInThrottledException
                    ? "throttled" : "credentials";
            response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
        };
    }

    /** A client contact who wanders off the portal is taken back to it; anyone else sees "not allowed". */
    private static void deniedPage(HttpServletRequest request, HttpServletResponse response,
            org.springframework.security.access.AccessDeniedException ex) throws IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean clientContact = auth != null && auth.getPrincipal() instanceof CurrentUser user
                && user.isClientContact();
        if (clientContact && "GET".equals(request.getMethod())) {
            response.sendRedirect(request.getContextPath() + "/portal");
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }

    /** Redirects to the path (and query) of a URL, dropping any scheme and host that came from the request. */
    static final class PathOnlyRedirectStrategy implements RedirectStrategy {
        @Override
        public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url)
                throws IOException {
            java.net.URI uri = java.net.URI.create(url);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (uri.isAbsolute() || uri.getRawAuthority() != null) {
                path = path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            } else {
                path = url.startsWith("/") ? request.getContextPath() + url : url;
            }
            response.sendRedirect(response.encodeRedirectURL(path));
        }
    }

    /** Writes a small problem+json body from filters, where no controller advice runs. */
    @org.springframework.stereotype.Component
    static class ProblemWriter {
        private final MessageSource texts;
        private final LocaleResolver locales;
        private final JsonMapper json;

        ProblemWriter(MessageSource texts, LocaleResolver locales, JsonMapper json) {
            this.texts = texts;
            this.locales = locales;
            this.json = json;
        }

        void write(HttpServletRequest request, HttpServletResponse response, int status, String key)
                throws IOException {
            Locale locale = locales.resolveLocale(request);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "about:blank");
            body.put("title", texts.getMessage(key + ".title", null, key, locale));
            body.put("status", status);
            body.put("detail", texts.getMessage(key + ".detail", null, key, locale));
            body.put("instance", request.getRequestURI());
            response.setStatus(status);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), body);
        }
    }
}
