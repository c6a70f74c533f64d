package app.clientdesk.billing.internal;

import app.clientdesk.billing.AgeingBucket;
import app.clientdesk.billing.BillingReports;
import app.clientdesk.billing.RevenueForecast;
import app.clientdesk.billing.RevenueShareReport;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.OwnerOnly;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The money reports, one page each: receivables by age (and the invoices behind an amount), revenue and cash
 * by month, late payers, shares of revenue, the forecast. Bad parameters are explained beside their field and
 * the page shows its default instead.
 */
@OwnerOnly
@Controller
class BillingReportsController {

    private final BillingReports reports;
    private final Clients clients;
    private final MessageSource texts;

    BillingReportsController(BillingReports reports, Clients clients, MessageSource texts) {
        this.reports = reports;
        this.clients = clients;
        this.texts = texts;
    }

    @GetMapping("/billing/reports")
    String ageing(@AuthenticationPrincipal CurrentUser viewer,
            @RequestParam(required = false) @Nullable String page, Model model) {
        int chosen = 1;
        try {
            chosen = page == null || page.isBlank() ? 1 : Math.max(1, Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            return "redirect:/billing/reports";
        }
        var report = reports.ageing(viewer, chosen);
        if (chosen > 1 && report.clients().isEmpty()) {
            return "redirect:/billing/reports"; // past the last page
        }
        model.addAttribute("report", report);
        model.addAttribute("filledLater", reports.filledLater(viewer, null, null));
        return "billing/reports/ageing";
    }

    @GetMapping("/billing/reports/ageing/invoices")
    String ageingInvoices(@AuthenticationPrincipal CurrentUser viewer,
            @RequestParam(required = false) @Nullable String bucket,
            @RequestParam(required = false) @Nullable String clientId, Model model) {
        viewer.requireOwner();
        clients.named(viewer, clientId);
        AgeingBucket chosen = AgeingBucket.parse(bucket).orElse(null);
        ClientId client = uuid(clientId).map(ClientId::new).orElse(null);
        if (chosen == null || clientId != null && !clientId.isBlank() && client == null) {
            return "redirect:/billing/reports";
        }
        model.addAttribute("items", reports.ageingItems(viewer, chosen, client));
        model.addAttribute("base", reports.baseCurrency(viewer.workspaceId()));
        return "billing/reports/ageing-invoices";
    }

    @GetMapping("/billing/reports/revenue")
    String revenue(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String year,
            Model model) {
        viewer.requireOwner();
        Violations v = new Violations();
        int thisYear = reports.months(viewer.workspaceId(), null).get(11).getYear();
        Integer chosen = null;
        if (year != null && !year.isBlank() && !"last12".equals(year.strip())) {
            try {
                chosen = Integer.parseInt(year.strip());
                if (chosen < 2000 || chosen > thisYear + 1) {
                    chosen = null;
                    v.add("year", "billingreports.error.year");
                }
            } catch (NumberFormatException e) {
                v.add("year", "billingreports.error.year");
            }
        }
        List<Integer> years = new ArrayList<>();
        for (int y = thisYear; y >= thisYear - 5; y--) {
            years.add(y);
        }
        if (chosen != null && !years.contains(chosen)) {
            years.add(chosen);
        }
        var report = reports.revenue(viewer, chosen);
        model.addAttribute("report", report);
        model.addAttribute("filledLater", reports.filledLater(viewer, report.months().get(0).atDay(1),
                report.months().get(report.months().size() - 1).atEndOfMonth()));
        model.addAttribute("years", years);
        model.addAttribute("errors", FieldErrors.of(v.list(), texts, viewer.locale()));
        return "billing/reports/revenue";
    }

    @GetMapping("/billing/reports/late")
    String late(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        model.addAttribute("report", reports.latePayers(viewer));
        // Overdue amounts are of open invoices of any age, as on the ageing page.
        model.addAttribute("filledLater", reports.filledLater(viewer, null, null));
        return "billing/reports/late";
    }

    @GetMapping("/billing/reports/share")
    String share(@AuthenticationPrincipal CurrentUser viewer,
            @RequestParam(required = false) @Nullable String threshold, Model model) {
        viewer.requireOwner();
        Violations v = new Violations();
        int percent = RevenueShareReport.DEFAULT_THRESHOLD;
        String typed = threshold == null ? "" : threshold.strip();
        if (!typed.isEmpty()) {
            try {
                int parsed = Integer.parseInt(typed.endsWith("%") ? typed.substring(0, typed.length() - 1).strip()
                        : typed);
                if (parsed < 1 || parsed > 100) {
                    v.add("threshold", "billingreports.error.threshold");
                } else {
                    percent = parsed;
                }
            } catch (NumberFormatException e) {
                v.add("threshold", "billingreports.error.threshold");
            }
        }
        RevenueShareReport report = reports.share(viewer, percent);
        model.addAttribute("report", report);
        model.addAttribute("filledLater", reports.filledLater(viewer, report.from().atDay(1), report.to().atEndOfMonth()));
        model.addAttribute("typed", v.list().isEmpty() ? String.valueOf(percent) : typed);
        model.addAttribute("errors", FieldErrors.of(v.list(), texts, viewer.locale()));
        return "billing/reports/share";
    }

    @GetMapping("/billing/reports/forecast")
    String forecast(@AuthenticationPrincipal CurrentUser viewer,
            @RequestParam(required = false) @Nullable String without, Model model) {
        viewer.requireOwner();
        ClientId client = uuid(without).map(ClientId::new).orElse(null);
        RevenueForecast forecast = reports.forecast(viewer, client);
        model.addAttribute("report", forecast);
        model.addAttribute("choices", clients.choices(viewer));
        return "billing/reports/forecast";
    }

    static java.util.Optional<UUID> uuid(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    static @Nullable LocalDate date(@Nullable String text, String field, Violations v) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            v.add(field, "validation.date");
            return null;
        }
    }
}
