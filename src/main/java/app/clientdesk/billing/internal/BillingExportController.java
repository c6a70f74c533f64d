package app.clientdesk.billing.internal;

import app.clientdesk.billing.BillingReports;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.shared.web.CsvStyle;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.OwnerOnly;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Currency;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The accountant's files: invoices, their lines and payments over a date range, as CSV (UTF-8 with a
 * byte-order mark so Excel reads accents; dates ISO; money as exact decimals beside a currency column, in the
 * owner's own form by default or the plain machine-readable one with {@code numbers=plain}, see {@link
 * CsvStyle}; headers in English so an accountant's import keeps working whatever the owner's language).
 *
 * <p>Formula injection: a spreadsheet runs a cell starting with {@code = + - @}, a tab or a carriage return.
 * Cells are of two kinds and never mixed: <em>text</em> cells (names, numbers of invoices, descriptions, notes,
 * every value a person typed) go through {@link #text}, which puts an apostrophe before such a first character;
 * <em>amount</em> cells are written only from a {@link BigDecimal} by {@link CsvStyle#number(BigDecimal)}, so they
 * can only be a number such as {@code -120.00} (or {@code -120,00}) and stay numbers. A typed value never reaches an amount cell.
 */
@OwnerOnly
@Controller
class BillingExportController {

    private final BillingReports reports;
    private final MessageSource texts;

    BillingExportController(BillingReports reports, MessageSource texts) {
        this.reports = reports;
        this.texts = texts;
    }

    /** A date range from the query, or this year so far. */
    private record Range(LocalDate from, LocalDate to, Violations violations, String typedFrom, String typedTo) {
        String query() {
            return "from=" + from + "&to=" + to;
        }
    }

    private Range range(CurrentUser viewer, @Nullable String from, @Nullable String to) {
        LocalDate today = reports.today(viewer.workspaceId());
        Violations v = new Violations();
        LocalDate start = BillingReportsController.date(from, "from", v);
        LocalDate end = BillingReportsController.date(to, "to", v);
        if (start != null && end != null && end.isBefore(start)) {
            v.add("to", "billingreports.error.range");
        }
        return new Range(start == null ? LocalDate.of(today.getYear(), 1, 1) : start,
                end == null ? today : end, v, from == null ? "" : from.strip(), to == null ? "" : to.strip());
    }

    @GetMapping("/billing/reports/export")
    String page(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, Model model) {
        viewer.requireOwner();
        Range r = range(viewer, from, to);
        LocalDate today = reports.today(viewer.workspaceId());
        YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
        model.addAttribute("from", r.violations().list().isEmpty() ? r.from().toString() : r.typedFrom());
        model.addAttribute("to", r.violations().list().isEmpty() ? r.to().toString() : r.typedTo());
        model.addAttribute("query", r.violations().list().isEmpty() ? r.query() : null);
        model.addAttribute("lastMonth", "from=" + lastMonth.atDay(1) + "&to=" + lastMonth.atEndOfMonth());
        model.addAttribute("lastYear", "from=" + LocalDate.of(today.getYear() - 1, 1, 1) + "&to="
                + LocalDate.of(today.getYear() - 1, 12, 31));
        model.addAttribute("errors", FieldErrors.of(r.violations().list(), texts, viewer.locale()));
        return "billing/reports/export";
    }

    @GetMapping("/billing/reports/export/invoices.csv")
    @Nullable String invoices(@AuthenticationPrincipal CurrentUser viewer,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(name = CsvStyle.PARAM, required = false) @Nullable String numbers,
            HttpServletResponse response) throws IOException {
        viewer.requireOwner();
        Range r = range(viewer, from, to);
        if (!r.violations().list().isEmpty()) {
            return back(r);
        }
        CsvStyle style = CsvStyle.of(numbers, viewer.locale());
        try (CSVPrinter csv = printer(response, style, "invoices-" + r.from() + "-" + r.to() + ".csv")) {
            csv.printRecord("number", "kind", "status", "issue_date", "due_date", "client", "currency", "subtotal",
                    "tax_total", "total", "amount_paid", "amount_due", "base_currency", "base_rate", "base_total",
                    "credit_for");
            reports.exportInvoices(viewer, r.from(), r.to(), i -> print(csv, text(i.number()), i.kind().name(),
                    i.status().name(), i.issueDate().toString(), i.dueDate().toString(), text(i.clientName()),
                    code(i.currency()), style.number(i.subtotal()), style.number(i.taxTotal()),
                    style.number(i.total()), style.number(i.amountPaid()), style.number(i.amountDue()),
                    code(i.baseCurrency()), style.number(i.baseRate()), style.number(i.baseTotal()),
                    text(i.creditForNumber())));
        }
        return null;
    }

    @GetMapping("/billing/reports/export/lines.csv")
    @Nullable String lines(@AuthenticationPrincipal CurrentUser viewer,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(name = CsvStyle.PARAM, required = false) @Nullable String numbers,
            HttpServletResponse response) throws IOException {
        viewer.requireOwner();
        Range r = range(viewer, from, to);
        if (!r.violations().list().isEmpty()) {
            return back(r);
        }
        CsvStyle style = CsvStyle.of(numbers, viewer.locale());
        try (CSVPrinter csv = printer(response, style, "invoice-lines-" + r.from() + "-" + r.to() + ".csv")) {
            csv.printRecord("invoice_number", "issue_date", "client", "currency", "line", "kind", "description",
                    "quantity", "unit", "unit_price", "discount_percent", "tax_name", "tax_percent", "net", "tax",
                    "gross");
            reports.exportLines(viewer, r.from(), r.to(), l -> print(csv, text(l.invoiceNumber()),
                    l.issueDate().toString(), text(l.clientName()), code(l.currency()), String.valueOf(l.position()),
                    l.kind().name(), text(l.description()), style.number(l.quantity()), l.unit(),
                    style.number(l.unitPrice()), style.number(l.discountPercent()), text(l.taxName()),
                    style.number(l.taxPercent()), style.number(l.net()), style.number(l.tax()),
                    style.number(l.gross())));
        }
        return null;
    }

    @GetMapping("/billing/reports/export/payments.csv")
    @Nullable String payments(@AuthenticationPrincipal CurrentUser viewer,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(name = CsvStyle.PARAM, required = false) @Nullable String numbers,
            HttpServletResponse response) throws IOException {
        viewer.requireOwner();
        Range r = range(viewer, from, to);
        if (!r.violations().list().isEmpty()) {
            return back(r);
        }
        CsvStyle style = CsvStyle.of(numbers, viewer.locale());
        try (CSVPrinter csv = printer(response, style, "payments-" + r.from() + "-" + r.to() + ".csv")) {
            csv.printRecord("date", "invoice_number", "client", "currency", "amount", "credit", "fee", "method",
                    "received_currency", "received_amount", "received_rate", "note");
            reports.exportPayments(viewer, r.from(), r.to(), p -> print(csv, p.paidOn().toString(),
                    text(p.invoiceNumber()), text(p.clientName()), code(p.currency()), style.number(p.amount()),
                    style.number(p.credit()), style.number(p.fee()), p.method(), code(p.receivedCurrency()),
                    style.number(p.receivedAmount()), style.number(p.receivedRate()), text(p.note())));
        }
        return null;
    }

    private static String back(Range r) {
        return "redirect:/billing/reports/export?from=" + encode(r.typedFrom()) + "&to=" + encode(r.typedTo());
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static CSVPrinter printer(HttpServletResponse response, CsvStyle style, String fileName)
            throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        return new CSVPrinter(out, style.format());
    }

    private static void print(CSVPrinter csv, String... cells) {
        try {
            csv.printRecord(Arrays.asList(cells));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text cell: one a spreadsheet would read as a formula gets a leading apostrophe. */
    static String text(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    private static String code(@Nullable Currency currency) {
        return currency == null ? "" : currency.getCurrencyCode();
    }
}
