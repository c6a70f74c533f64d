package app.clientdesk.shared.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link OwnerOnlyInterceptor} in front of every handler. */
@Configuration(proxyBeanMethods = false)
class OwnerOnlyConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new OwnerOnlyInterceptor());
    }
}
