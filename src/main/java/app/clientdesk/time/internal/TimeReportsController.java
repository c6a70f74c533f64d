package app.clientdesk.time.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.time.TimeReport;
import app.clientdesk.time.TimeReports;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The time report: filters, the grouped table, charts, estimates against actuals and time sinks. Bad filters
 * come back on the page with their errors (status 422, as any refused input), never as a failure.
 */
@Controller
class TimeReportsController {

    private final TimeReports reports;
    private final ReportParams params;
    private final MessageSource texts;

    TimeReportsController(TimeReports reports, ReportParams params, MessageSource texts) {
        this.reports = reports;
        this.params = params;
        this.texts = texts;
    }

    @GetMapping("/time/reports")
    String report(@AuthenticationPrincipal CurrentUser viewer, @ModelAttribute ReportForm form, Model model,
            HttpServletResponse response) {
        ReportParams.Parsed parsed = params.parse(viewer, form);
        TimeReport report = null;
        FieldErrors errors = FieldErrors.none();
        if (parsed.query() == null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            errors = FieldErrors.of(parsed.violations(), texts, viewer.locale());
        } else {
            report = reports.report(viewer, parsed.query());
        }
        model.addAttribute("page", new ReportPage(parsed.form(), errors, report,
                params.options(viewer, parsed.query() == null ? null : parsed.query().clientId())));
        return "time/reports/report";
    }
}
