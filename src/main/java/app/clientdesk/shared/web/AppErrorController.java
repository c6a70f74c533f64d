package app.clientdesk.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
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
    private final ApiProblems problems;

    AppErrorController(ErrorPages pages, ApiProblems problems) {
        this.pages = pages;
        this.problems = problems;
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
        return problems.response(status, ApiProblems.key(status));
    }

    /** The status of the failed request; /error asked for directly (no error behind it) is a page nobody serves. */
    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            return HttpStatus.NOT_FOUND;
        }
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
