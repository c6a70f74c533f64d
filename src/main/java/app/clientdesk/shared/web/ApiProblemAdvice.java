package app.clientdesk.shared.web;

import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violation;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error is an RFC 9457 problem detail in the caller's language; invalid input lists each
 * broken rule under {@code errors} as {@code {field, message}}.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);
    static final URI VALIDATION = URI.create("https://clientdesk.app/problems/invalid-input");

    private final MessageSource texts;

    ApiProblemAdvice(MessageSource texts) {
        this.texts = texts;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        return problem(invalidInput(e.violations()));
    }

    ProblemDetail invalidInput(List<Violation> violations) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        problem.setType(VALIDATION);
        problem.setTitle(text("problem.invalid.title"));
        problem.setDetail(text("problem.invalid.detail"));
        problem.setProperty("errors", violations.stream()
                .map(v -> Map.of("field", v.field(), "message",
                        texts.getMessage(v.messageKey(), v.args().toArray(), v.messageKey(),
                                LocaleContextHolder.getLocale())))
                .toList());
        return problem;
    }

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ProblemDetail> notFound() {
        return problem(simple(HttpStatus.NOT_FOUND, "problem.notFound"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden() {
        return problem(simple(HttpStatus.FORBIDDEN, "problem.forbidden"));
    }

    /** A row held by a concurrent request past the lock timeout: nothing was changed, so a retry is safe. */
    @ExceptionHandler(org.springframework.dao.PessimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> busy() {
        ProblemDetail problem = simple(HttpStatus.SERVICE_UNAVAILABLE, "problem.busy");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> failure(Exception e) {
        String reference = ErrorPages.newReference();
        log.error("Unexpected API error, reference {}", reference, e);
        ProblemDetail problem = simple(HttpStatus.INTERNAL_SERVER_ERROR, "problem.failure");
        problem.setProperty("reference", reference);
        return problem(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return cast(problem(simple(HttpStatus.BAD_REQUEST, "problem.unreadable")));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail p ? p : ProblemDetail.forStatus(statusCode);
        return new ResponseEntity<>(problem, withProblemType(headers), statusCode);
    }

    ProblemDetail simple(HttpStatus status, String key) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(text(key + ".title"));
        problem.setDetail(text(key + ".detail"));
        return problem;
    }

    private String text(String key) {
        return texts.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpHeaders withProblemType(HttpHeaders headers) {
        HttpHeaders copy = new HttpHeaders();
        copy.putAll(headers);
        copy.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static ResponseEntity<Object> cast(ResponseEntity<?> entity) {
        return (ResponseEntity<Object>) entity;
    }
}
