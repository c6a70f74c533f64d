package app.clientdesk.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;

/**
 * The dispatcher asks the flash map manager on every request whether a flash message waits in the session,
 * which looks the session up in the session store: for a stylesheet or a health check sent with a session
 * cookie, that was one SELECT each (issue 12). No flash message is ever meant for a static file or the health
 * check, so for those paths the session is not asked.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class QuietFlashMaps {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    @Bean
    static BeanPostProcessor quietFlashMapManager() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof FlashMapManager flashMaps && !(bean instanceof Quiet) ? new Quiet(flashMaps) : bean;
            }
        };
    }

    /** Whether a request is for a static file or the health check, which never read or write the session. */
    static boolean sessionless(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String pattern : StaticFilesSecurityConfiguration.STATIC_FILES) {
            if (PATHS.match(pattern, path)) {
                return true;
            }
        }
        for (String pattern : StaticFilesSecurityConfiguration.HEALTH) {
            if (PATHS.match(pattern, path)) {
                return true;
            }
        }
        return false;
    }

    private record Quiet(FlashMapManager delegate) implements FlashMapManager {
        @Override
        public @Nullable FlashMap retrieveAndUpdate(HttpServletRequest request, HttpServletResponse response) {
            return sessionless(request) ? null : delegate.retrieveAndUpdate(request, response);
        }

        @Override
        public void saveOutputFlashMap(FlashMap flashMap, HttpServletRequest request, HttpServletResponse response) {
            delegate.saveOutputFlashMap(flashMap, request, response);
        }
    }
}
