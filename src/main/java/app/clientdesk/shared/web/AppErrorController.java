package app.clientdesk.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors that happen before a controller is reached (an oversized body, a path nobody serves): a
 * friendly page on screens, a problem detail under /api.
 */
@Controller
class AppErrorController implements ErrorController {

    private final ErrorPages pages;
    private final MessageSource texts;

    AppErrorController(ErrorPages pages, MessageSource texts) {
        this.pages = pages;
        this.texts = texts;
    }

    @PublicRoute("the error page must render for whoever hit the error, signed in or not")
    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request) {
        HttpStatus status = status(request);
        String reference = status.is5xxServerError() ? ErrorPages.newReference() : null;
        return pages.page(request, status, reference);
    }

    @PublicRoute("the error page must render for whoever hit the error, signed in or not")
    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        String key = switch (status) {
            case NOT_FOUND -> "problem.notFound";
            case PAYLOAD_TOO_LARGE -> "problem.tooLarge";
            case UNAUTHORIZED -> "problem.unauthorized";
            case FORBIDDEN -> "problem.forbidden";
            default -> status.is4xxClientError() ? "problem.unreadable" : "problem.failure";
        };
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(texts.getMessage(key + ".title", null, key, LocaleContextHolder.getLocale()));
        problem.setDetail(texts.getMessage(key + ".detail", null, key, LocaleContextHolder.getLocale()));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
