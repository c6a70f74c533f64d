package app.clientdesk.time.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.money.Money;
import app.clientdesk.shared.web.CsvStyle;
import app.clientdesk.time.ReportQuery;
import app.clientdesk.time.TimeReport;
import app.clientdesk.time.TimeReport.Figures;
import app.clientdesk.time.TimeReport.Line;
import app.clientdesk.time.TimeReports;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ContentDisposition;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The report as CSV files a spreadsheet opens: the grouped table as the page shows it, and every entry of
 * the report. UTF-8 with a byte-order mark (so Excel reads accents), numbers in the reader's own form or the
 * plain one ({@link CsvStyle}), and any text cell that a spreadsheet would take for a formula starts with an
 * apostrophe. One who sees no money gets durations only: no rate, currency or amount column. Bad filters lead
 * to the report page, which says what is wrong with them.
 */
@Controller
class TimeReportsCsvController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final TimeReports reports;
    private final ReportParams params;
    private final MessageSource texts;

    TimeReportsCsvController(TimeReports reports, ReportParams params, MessageSource texts) {
        this.reports = reports;
        this.params = params;
        this.texts = texts;
    }

    @GetMapping("/time/reports.csv")
    @Nullable String grouped(@AuthenticationPrincipal CurrentUser viewer, @ModelAttribute ReportForm form,
            @RequestParam(name = CsvStyle.PARAM, required = false) @Nullable String numbers,
            HttpServletResponse response) throws IOException {
        ReportParams.Parsed parsed = params.parse(viewer, form);
        ReportQuery q = parsed.query();
        if (q == null) {
            return "redirect:/time/reports?" + form.query();
        }
        TimeReport report = reports.report(viewer, q);
        List<Currency> currencies = new ArrayList<>(new TreeSet<>(report.total().amounts().stream()
                .map(Money::currency).map(Currency::getCurrencyCode).toList()).stream().map(Currency::getInstance)
                .toList());
        Locale locale = viewer.locale();
        CsvStyle style = CsvStyle.of(numbers, locale);
        try (CSVPrinter csv = printer(response, "time-report-" + q.from() + "-" + q.to() + ".csv", style)) {
            List<String> header = new ArrayList<>();
            header.add(t(locale, ReportPage.byKey(q.by())));
            if (q.thenBy() != null) {
                header.add(t(locale, ReportPage.byKey(q.thenBy())));
            }
            header.add(t(locale, "timereports.csv.trackedHours"));
            header.add(t(locale, "timereports.csv.billableHours"));
            header.add(t(locale, "timereports.csv.nonBillableHours"));
            for (Currency c : currencies) {
                header.add(t(locale, "timereports.csv.amountIn", c.getCurrencyCode()));
            }
            header.add(t(locale, "timereports.csv.share"));
            csv.printRecord(header);
            for (Line line : report.lines()) {
                String label = label(locale, line.group());
                csv.printRecord(row(List.of(label), q.thenBy() != null, line.figures(), report.total(), currencies,
                        style));
                for (Line sub : line.lines()) {
                    csv.printRecord(row(List.of(label, label(locale, sub.group())), false, sub.figures(),
                            report.total(), currencies, style));
                }
            }
            csv.printRecord(row(List.of(t(locale, "timereports.total")), q.thenBy() != null, report.total(),
                    report.total(), currencies, style));
        }
        return null;
    }

    @GetMapping("/time/reports/entries.csv")
    @Nullable String entries(@AuthenticationPrincipal CurrentUser viewer, @ModelAttribute ReportForm form,
            @RequestParam(name = CsvStyle.PARAM, required = false) @Nullable String numbers,
            HttpServletResponse response) throws IOException {
        ReportParams.Parsed parsed = params.parse(viewer, form);
        ReportQuery q = parsed.query();
        if (q == null) {
            return "redirect:/time/reports?" + form.query();
        }
        Locale locale = viewer.locale();
        String yes = t(locale, "timereports.csv.yes");
        String no = t(locale, "timereports.csv.no");
        CsvStyle style = CsvStyle.of(numbers, locale);
        boolean money = viewer.seesMoney();
        try (CSVPrinter csv = printer(response, "time-entries-" + q.from() + "-" + q.to() + ".csv", style)) {
            List<String> header = new ArrayList<>();
            for (String column : List.of("timereports.csv.date", "timereports.csv.start", "timereports.csv.end",
                    "timereports.csv.zone", "timereports.csv.person", "timereports.csv.client", "timereports.csv.project",
                    "timereports.csv.task", "timereports.csv.taskType", "timereports.csv.tags", "timereports.csv.note",
                    "timereports.csv.billable", "timereports.csv.trackedMinutes", "timereports.csv.billedMinutes")) {
                header.add(t(locale, column));
            }
            if (money) {
                for (String column : List.of("timereports.csv.rate", "timereports.csv.currency",
                        "timereports.csv.amount")) {
                    header.add(t(locale, column));
                }
            }
            csv.printRecord(header);
            reports.export(viewer, q, e -> {
                var start = e.start().atZone(e.zone());
                var end = e.end().atZone(e.zone());
                List<String> cells = new ArrayList<>(List.of(e.date().toString(), TIME.format(start),
                        end.toLocalDate().equals(start.toLocalDate()) ? TIME.format(end) : DAY_TIME.format(end),
                        e.zone().getId(), text(e.person()), text(e.client()), text(e.project()), text(e.task()),
                        text(e.taskType()), text(String.join(", ", e.tags())), text(e.note()),
                        e.billable() ? yes : no, style.number(minutes(e.trackedSeconds())),
                        e.billable() ? style.number(minutes(e.billedSeconds())) : ""));
                if (money) {
                    cells.add(e.rate() == null ? "" : style.number(e.rate().plain()));
                    cells.add(e.rate() == null ? "" : e.rate().currency().getCurrencyCode());
                    cells.add(e.amount() == null ? "" : style.number(e.amount().plain()));
                }
                try {
                    csv.printRecord(cells);
                } catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                }
            });
        }
        return null;
    }

    private static CSVPrinter printer(HttpServletResponse response, String fileName, CsvStyle style)
            throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        // The byte-order mark tells Excel the file is UTF-8; without it accents come out garbled.
        out.write('\uFEFF');
        return new CSVPrinter(out, style.format());
    }

    private List<String> row(List<String> labels, boolean padded, Figures f, Figures total, List<Currency> currencies,
            CsvStyle style) {
        List<String> cells = new ArrayList<>();
        labels.forEach(l -> cells.add(text(l)));
        if (padded) {
            cells.add("");
        }
        cells.add(style.number(hours(f.trackedSeconds())));
        cells.add(style.number(hours(f.billedSeconds())));
        cells.add(style.number(hours(f.nonBillableSeconds())));
        for (Currency c : currencies) {
            cells.add(style.number(f.amounts().stream().filter(m -> m.currency().equals(c)).findFirst()
                    .map(Money::plain).orElse(Money.zero(c).plain())));
        }
        cells.add(style.number(BigDecimal.valueOf(f.sharePercentOf(total)).setScale(1, RoundingMode.HALF_UP)));
        return cells;
    }

    private String label(Locale locale, TimeReport.Group g) {
        if (g.day() != null) {
            return switch (g.by()) {
                case WEEK -> g.day().toString();
                case MONTH -> g.day().toString().substring(0, 7);
                default -> g.day().toString();
            };
        }
        if (g.key() == null) {
            return t(locale, ReportPage.noneKey(g.by()));
        }
        return g.label() == null ? "?" : g.label();
    }

    /**
     * A text cell a spreadsheet shows as text: one starting with =, +, -, @, a tab or a carriage return
     * would be run as a formula (CSV injection), so it gets a leading apostrophe.
     */
    static String text(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    static String hours(long seconds) {
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP).toPlainString();
    }

    static String minutes(long seconds) {
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP).toPlainString();
    }

    private String t(Locale locale, String key, Object... args) {
        return texts.getMessage(key, args, key, locale);
    }
}
