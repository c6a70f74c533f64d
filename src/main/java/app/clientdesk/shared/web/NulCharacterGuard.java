package app.clientdesk.shared.web;

import app.clientdesk.shared.text.Text;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Refuses NUL (U+0000) in every request parameter (query, form, multipart field and file name) and in every
 * JSON string and property name, before a controller sees it, with {@link NulCharacterException}. One check for
 * every route, so no form or API field can forget it; the other characters a name may not hold are cleaned by
 * {@link Text#name}.
 */
@Component
class NulCharacterGuard implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Parameters());
    }

    static final class Parameters implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                if (Text.hasNul(parameter.getKey())) {
                    throw new NulCharacterException("");
                }
                for (String value : parameter.getValue()) {
                    if (Text.hasNul(value)) {
                        throw new NulCharacterException(parameter.getKey());
                    }
                }
            }
            if (request instanceof MultipartHttpServletRequest multipart) {
                for (Map.Entry<String, MultipartFile> file : multipart.getFileMap().entrySet()) {
                    if (Text.hasNul(file.getValue().getOriginalFilename())) {
                        throw new NulCharacterException(file.getKey());
                    }
                }
            }
            return true;
        }
    }

    /** Reads a JSON body once more with a streaming parser, string by string; the converter then reads it as usual. */
    @ControllerAdvice
    static final class JsonBodies extends RequestBodyAdviceAdapter {

        private static final JsonFactory JSON = new JsonFactory();

        @Override
        public boolean supports(MethodParameter parameter, Type targetType,
                Class<? extends HttpMessageConverter<?>> converterType) {
            return true;
        }

        @Override
        public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
            MediaType type = input.getHeaders().getContentType();
            if (type == null || !(MediaType.APPLICATION_JSON.isCompatibleWith(type)
                    || type.getSubtype().endsWith("+json"))) {
                return input;
            }
            byte[] body = input.getBody().readAllBytes();
            check(body);
            HttpHeaders headers = input.getHeaders();
            return new HttpInputMessage() {
                @Override
                public InputStream getBody() {
                    return new ByteArrayInputStream(body);
                }

                @Override
                public HttpHeaders getHeaders() {
                    return headers;
                }
            };
        }

        /** @throws NulCharacterException naming the JSON field (as a pointer without its first slash) */
        static void check(byte[] body) {
            try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
                JsonToken token;
                while ((token = parser.nextToken()) != null) {
                    if ((token == JsonToken.VALUE_STRING || token == JsonToken.PROPERTY_NAME)
                            && Text.hasNul(parser.getString())) {
                        String pointer = parser.streamReadContext().pathAsPointer().toString();
                        throw new NulCharacterException(pointer.startsWith("/") ? pointer.substring(1) : pointer);
                    }
                }
            } catch (JacksonException e) {
                // Not valid JSON: the converter says so in its own words.
            }
        }
    }
}
