package app.clientdesk.identity.internal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sessions live in the database so that nodes can share them; left alone, Spring Session writes the
 * session row on every request only to move its last-access time. That write (a row lock and a
 * synchronous commit) was the largest cost of a page view. Here the last-access time moves at most
 * once a minute: a session idle for its whole timeout still expires, at most a minute late. Logins,
 * session id changes and attribute changes are written at once, as before.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SessionTouchThrottle {

    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /**
     * The session this request saved. Spring Session commits a session twice per request (when the response is
     * committed and again when its filter ends), and the second commit looks the requested session up once more:
     * a second SELECT of the session on every signed-in page. That lookup is answered with what this request
     * itself just saved; {@link #requestScope()} forgets it when the request ends, so another request always
     * reads the store.
     */
    static final ThreadLocal<Session> SAVED = new ThreadLocal<>();

    /**
     * Set while a static file or the health check is served: no session is looked up for them, even when the
     * browser sends its cookie (the dispatcher's flash-map lookup and the actuator's security context would each
     * cost a SELECT of the session otherwise). Nothing on those paths needs a session (issue 12).
     */
    static final ThreadLocal<Boolean> SESSIONLESS = new ThreadLocal<>();

    /** Outermost filter, around Spring Session's: the saved session is this request's only. */
    @Bean
    FilterRegistrationBean<Filter> requestScope() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            if (request instanceof HttpServletRequest http && StaticFilesSecurityConfiguration.SESSIONLESS.matches(http)) {
                SESSIONLESS.set(Boolean.TRUE);
            }
            try {
                chain.doFilter(request, response);
            } finally {
                SAVED.remove();
                SESSIONLESS.remove();
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        registration.setName("sessionRequestScope");
        return registration;
    }

    /** Wraps the repository Boot configures, so its settings and its expired-session cleanup stay as they are. */
    @Bean
    static BeanPostProcessor throttledSessionRepository() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JdbcIndexedSessionRepository sessions ? new Repository(sessions) : bean;
            }
        };
    }

    static final class Repository implements SessionRepository<Session>, DisposableBean {

        private final DisposableBean jdbc;
        private final SessionRepository<Session> delegate;

        @SuppressWarnings({"unchecked", "rawtypes"})
        Repository(JdbcIndexedSessionRepository jdbc) {
            // Its sessions are all JdbcSessions; the raw view lets this class hand them back unchanged.
            this((SessionRepository) jdbc, jdbc);
        }

        Repository(SessionRepository<Session> delegate, DisposableBean jdbc) {
            this.jdbc = jdbc;
            this.delegate = delegate;
        }

        @Override
        public Session createSession() {
            return delegate.createSession();
        }

        @Override
        public void destroy() throws Exception {
            jdbc.destroy();
        }

        /**
         * Writes the session, unless it was read from the store and nothing about it changed: then there is
         * nothing to write, and Spring Session would still open (and commit) a transaction for it, twice per
         * signed-in page (issue 12).
         */
        @Override
        public void save(Session session) {
            if (session instanceof Touched touched) {
                if (touched.changed) {
                    delegate.save(touched.delegate);
                    touched.changed = false;
                }
                SAVED.set(touched.delegate);
                return;
            }
            delegate.save(session);
            SAVED.set(session);
        }

        @Override
        public @Nullable Session findById(String id) {
            if (SESSIONLESS.get() != null) {
                return null;
            }
            Session saved = SAVED.get();
            if (saved != null && saved.getId().equals(id)) {
                return new Touched(saved);
            }
            Session found = delegate.findById(id);
            return found == null ? null : new Touched(found);
        }

        @Override
        public void deleteById(String id) {
            SAVED.remove();
            delegate.deleteById(id);
        }
    }

    /**
     * A stored session whose last-access time only moves when it is a minute stale, and which knows whether
     * anything of it changed since it was read (only then is it written).
     */
    static final class Touched implements Session {

        private final Session delegate;
        private boolean changed;

        Touched(Session delegate) {
            this.delegate = delegate;
        }

        @Override
        public void setLastAccessedTime(Instant time) {
            if (time.isAfter(delegate.getLastAccessedTime().plus(TOUCH_EVERY))) {
                delegate.setLastAccessedTime(time);
                changed = true;
            }
        }

        @Override
        public String getId() {
            return delegate.getId();
        }

        @Override
        public String changeSessionId() {
            changed = true;
            return delegate.changeSessionId();
        }

        @Override
        public <T> @Nullable T getAttribute(String name) {
            return delegate.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return delegate.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            delegate.setAttribute(name, value);
            writeRowFirst();
        }

        @Override
        public void removeAttribute(String name) {
            delegate.removeAttribute(name);
            writeRowFirst();
        }

        /**
         * Marks the session row changed, so its save updates that row before the attribute rows: two saves
         * of one session at once then wait for each other on the row's lock instead of racing to insert the
         * same attribute (see {@link SessionAttributeUpserts}).
         */
        private void writeRowFirst() {
            delegate.setLastAccessedTime(delegate.getLastAccessedTime());
            changed = true;
        }

        @Override
        public Instant getCreationTime() {
            return delegate.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return delegate.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            delegate.setMaxInactiveInterval(interval);
            changed = true;
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return delegate.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return delegate.isExpired();
        }
    }
}
