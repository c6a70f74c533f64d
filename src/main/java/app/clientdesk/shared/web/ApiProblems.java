package app.clientdesk.shared.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestMethodNotSupportedException;

/** Problem details in the caller's language, for errors answered outside the API's controller advice. */
@Component
class ApiProblems {

    private final MessageSource texts;

    ApiProblems(MessageSource texts) {
        this.texts = texts;
    }

    /** The key of the words for {@code status}; a status without words of its own says only that the request was refused. */
    static String key(HttpStatus status) {
        // By number: 413 resolves to CONTENT_TOO_LARGE, not to its deprecated alias PAYLOAD_TOO_LARGE.
        return switch (status.value()) {
            case 404 -> "problem.notFound";
            case 413 -> "problem.tooLarge";
            case 401 -> "problem.unauthorized";
            case 403 -> "problem.forbidden";
            case 405 -> "problem.methodNotAllowed";
            case 415 -> "problem.unsupportedMediaType";
            case 406 -> "problem.notAcceptable";
            case 429 -> "problem.tooMany";
            default -> status.is4xxClientError() ? "problem.badRequest" : "problem.failure";
        };
    }

    ProblemDetail problem(HttpStatus status, String key) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(text(key + ".title"));
        problem.setDetail(text(key + ".detail"));
        return problem;
    }

    ResponseEntity<ProblemDetail> response(HttpStatus status, String key) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem(status, key));
    }

    ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        HttpHeaders headers = new HttpHeaders();
        if (e.getSupportedHttpMethods() != null) {
            headers.setAllow(e.getSupportedHttpMethods());
        }
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem(HttpStatus.METHOD_NOT_ALLOWED, "problem.methodNotAllowed"), headers,
                HttpStatus.METHOD_NOT_ALLOWED);
    }

    private String text(String key) {
        return texts.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
