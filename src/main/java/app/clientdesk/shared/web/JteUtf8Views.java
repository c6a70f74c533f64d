package app.clientdesk.shared.web;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.springframework.boot.autoconfigure.JteProperties;
import gg.jte.springframework.boot.autoconfigure.JteViewResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.view.AbstractTemplateView;
import org.springframework.web.servlet.view.AbstractUrlBasedView;

/**
 * Renders pages into UTF-8 bytes in memory and sends them in one write with their length. The
 * starter's view writes piece by piece through several response wrappers (Spring Security's and
 * Spring Session's each count every write), which cost more than rendering the page.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class JteUtf8Views {

    @Bean
    JteViewResolver jteViewResolver(TemplateEngine engine, JteProperties properties) {
        return new JteViewResolver(engine, properties) {
            @Override
            protected AbstractUrlBasedView instantiateView() {
                return new Utf8View(engine);
            }

            @Override
            protected Class<?> requiredViewClass() {
                return AbstractTemplateView.class;
            }
        };
    }

    static final class Utf8View extends AbstractTemplateView {

        private final TemplateEngine engine;

        Utf8View(TemplateEngine engine) {
            this.engine = engine;
        }

        @Override
        public boolean checkResource(Locale locale) {
            return engine.hasTemplate(getUrl());
        }

        @Override
        protected void renderMergedTemplateModel(Map<String, Object> model, HttpServletRequest request,
                HttpServletResponse response) throws Exception {
            Utf8ByteOutput output = new Utf8ByteOutput();
            engine.render(getUrl(), model, output);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            // One write: every write passes the response wrappers of Spring Security and Spring Session.
            byte[] page = output.toByteArray();
            response.setContentLength(page.length);
            response.getOutputStream().write(page);
        }
    }
}
