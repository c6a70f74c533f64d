package app.clientdesk.billing.internal;

import app.clientdesk.billing.BillingReports;
import app.clientdesk.billing.ExchangeDifferences;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.OwnerOnly;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The realised exchange differences of payments in other currencies, over a range of payment dates. */
@OwnerOnly
@Controller
class ExchangeDifferencesController {

    private final ExchangeDifferences differences;
    private final BillingReports reports;
    private final MessageSource texts;

    ExchangeDifferencesController(ExchangeDifferences differences, BillingReports reports, MessageSource texts) {
        this.differences = differences;
        this.reports = reports;
        this.texts = texts;
    }

    @GetMapping("/billing/reports/exchange")
    String page(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String offset,
            Model model) {
        viewer.requireOwner();
        LocalDate today = reports.today(viewer.workspaceId());
        Violations v = new Violations();
        LocalDate end = date(to, "to", today, v);
        LocalDate start = date(from, "from", end.minusYears(1).plusDays(1), v);
        if (start.isAfter(end)) {
            v.add("to", "billingreports.error.range");
            start = end;
        }
        int skip = 0;
        try {
            skip = offset == null || offset.isBlank() ? 0 : Math.max(0, Math.min(Integer.parseInt(offset.strip()),
                    1_000_000));
        } catch (NumberFormatException e) {
            // the first payments, then
        }
        model.addAttribute("report", differences.report(viewer, start, end, skip));
        model.addAttribute("from", from == null || from.isBlank() ? start.toString() : from.strip());
        model.addAttribute("to", to == null || to.isBlank() ? end.toString() : to.strip());
        model.addAttribute("errors", FieldErrors.of(v.list(), texts, viewer.locale()));
        return "billing/reports/exchange";
    }

    private static LocalDate date(@Nullable String text, String field, LocalDate fallback, Violations v) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            v.add(field, "billingreports.error.date");
            return fallback;
        }
    }
}
