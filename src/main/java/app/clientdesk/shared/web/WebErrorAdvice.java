package app.clientdesk.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Errors on screens become a friendly page; a failure of ours is logged with the reference shown. */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class WebErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(WebErrorAdvice.class);

    private final ErrorPages pages;
    private final ApiProblems apiProblems;

    WebErrorAdvice(ErrorPages pages, ApiProblems apiProblems) {
        this.pages = pages;
        this.apiProblems = apiProblems;
    }

    @ExceptionHandler({NotFoundException.class, NoResourceFoundException.class,
            MethodArgumentTypeMismatchException.class})
    ModelAndView notFound(HttpServletRequest request) {
        return pages.page(request, HttpStatus.NOT_FOUND, null);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden(HttpServletRequest request) {
        return pages.page(request, HttpStatus.FORBIDDEN, null);
    }

    /** A form post that cannot even be bound (a field of the wrong type, a missing field) is the sender's mistake. */
    @ExceptionHandler({MissingServletRequestParameterException.class,
            org.springframework.web.bind.ServletRequestBindingException.class,
            org.springframework.validation.BindException.class})
    ModelAndView badRequest(HttpServletRequest request) {
        return pages.page(request, HttpStatus.BAD_REQUEST, null);
    }

    /**
     * A method nobody serves at this path: 405 with Allow. Under /api the controller advice of the API never sees
     * it (no controller was chosen), so the problem detail is answered here.
     */
    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object methodNotAllowed(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
            HttpRequestMethodNotSupportedException e) {
        if (ApiPaths.isApi(request)) {
            return apiProblems.methodNotAllowed(e);
        }
        if (e.getSupportedHttpMethods() != null) {
            response.setHeader(org.springframework.http.HttpHeaders.ALLOW, e.getSupportedHttpMethods().stream()
                    .map(org.springframework.http.HttpMethod::name).collect(java.util.stream.Collectors.joining(", ")));
        }
        return pages.page(request, HttpStatus.METHOD_NOT_ALLOWED, null);
    }

    /** A body type the API does not read (anything but JSON): 415 under /api. */
    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotSupportedException.class)
    Object unsupportedMediaType(HttpServletRequest request) {
        if (ApiPaths.isApi(request)) {
            return apiProblems.response(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "problem.unsupportedMediaType");
        }
        return pages.page(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, null);
    }

    /** NUL in a form or query: a page that says which character, rather than a failure at the database. */
    @ExceptionHandler(NulCharacterException.class)
    ModelAndView nul(HttpServletRequest request) {
        return pages.page(request, HttpStatus.BAD_REQUEST, null, "nul");
    }

    /** An upload over the multipart limit (a chunked body has no length for the body-size filter to see). */
    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request) {
        return pages.page(request, HttpStatus.PAYLOAD_TOO_LARGE, null);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView failure(HttpServletRequest request, Exception e) {
        String reference = ErrorPages.newReference();
        log.error("Unexpected error on {} {}, reference {}", request.getMethod(), request.getRequestURI(), reference, e);
        return pages.page(request, HttpStatus.INTERNAL_SERVER_ERROR, reference);
    }
}
