package app.clientdesk.time.internal;

import app.clientdesk.clients.ClientChoice;
import app.clientdesk.identity.Account;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Ui;
import app.clientdesk.time.ReportQuery.By;
import app.clientdesk.time.Rounding;
import app.clientdesk.time.TimeReport;
import app.clientdesk.time.TimeReport.Day;
import app.clientdesk.time.TimeReport.Estimate;
import app.clientdesk.time.TimeReport.Group;
import app.clientdesk.time.TimeReport.Line;
import app.clientdesk.work.ProjectChoice;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The report page as the template draws it: the filters, their errors, the report, and what the table and
 * the two charts show (the charts are inline SVG, laid out here in per cent so they stretch to any width
 * while their text keeps its size).
 */
public final class ReportPage {

    /** Lines shown in the table; the CSV has them all. Periods may show a year of days. */
    static final int LINES = 100;
    static final int PERIOD_LINES = 400;
    static final int SUB_LINES = 20;
    /** Groups drawn as bars. */
    static final int BARS = 12;
    /** Days drawn one column each; a longer range is drawn a column per week. */
    static final int DAY_COLUMNS = 400;

    /** What the filters offer. */
    public record Options(List<ClientChoice> clients, List<ProjectChoice> projects, List<Account> people, List<String> types,
            List<String> tags) {
    }

    /** One bar of the chart of groups: the label, the hours, and the billable and non-billable widths in per cent. */
    public record Bar(Group group, long billableSeconds, long nonBillableSeconds, String billableWidth,
            String nonBillableWidth) {
    }

    /**
     * One column of the chart of days (or weeks): its first day, its time, and its geometry in the chart's own
     * units (a column is 1 wide, the highest column 96 high, the chart 100 high; the chart stretches to fit).
     */
    public record Column(LocalDate day, boolean week, long billableSeconds, long nonBillableSeconds, String x,
            String width, String billableY, String billableHeight, String nonBillableY, String nonBillableHeight) {
    }

    private final ReportForm form;
    private final FieldErrors errors;
    private final @Nullable TimeReport report;
    private final Options options;

    ReportPage(ReportForm form, FieldErrors errors, @Nullable TimeReport report, Options options) {
        this.form = form;
        this.errors = errors;
        this.report = report;
        this.options = options;
    }

    public ReportForm form() {
        return form;
    }

    public FieldErrors errors() {
        return errors;
    }

    public @Nullable TimeReport report() {
        return report;
    }

    public Options options() {
        return options;
    }

    public String csvQuery() {
        return form.query();
    }

    /** The lines the table shows. */
    public List<Line> lines() {
        List<Line> all = report == null ? List.of() : report.lines();
        return all.subList(0, Math.min(all.size(), cap()));
    }

    public int moreLines() {
        return report == null ? 0 : Math.max(0, report.lines().size() - cap());
    }

    public List<Line> subLines(Line line) {
        return line.lines().subList(0, Math.min(line.lines().size(), SUB_LINES));
    }

    public int moreSubLines(Line line) {
        return Math.max(0, line.lines().size() - SUB_LINES);
    }

    private int cap() {
        return report != null && report.query().by().isPeriod() ? PERIOD_LINES : LINES;
    }

    // --- words --------------------------------------------------------------------------------------

    /** The name of a line as a person reads it. */
    public static String label(Ui ui, Group g) {
        if (g.day() != null) {
            return switch (g.by()) {
                case WEEK -> ui.t("timereports.weekOf", ui.date(g.day()));
                case MONTH -> month(ui, g.day());
                default -> weekday(ui, g.day()) + " " + ui.date(g.day());
            };
        }
        if (g.key() == null) {
            return ui.t(noneKey(g.by()));
        }
        return g.label() == null ? "?" : g.label();
    }

    /** The message key of a grouping's name. */
    static String byKey(By by) {
        return switch (by) {
            case CLIENT -> "timereports.by.CLIENT";
            case PROJECT -> "timereports.by.PROJECT";
            case TASK -> "timereports.by.TASK";
            case TASK_TYPE -> "timereports.by.TASK_TYPE";
            case MEMBER -> "timereports.by.MEMBER";
            case TAG -> "timereports.by.TAG";
            case DAY -> "timereports.by.DAY";
            case WEEK -> "timereports.by.WEEK";
            case MONTH -> "timereports.by.MONTH";
        };
    }

    /** The message key of the line of time without a project, task, type or tag. */
    static String noneKey(By by) {
        return switch (by) {
            case PROJECT -> "timereports.none.PROJECT";
            case TASK -> "timereports.none.TASK";
            case TASK_TYPE -> "timereports.none.TASK_TYPE";
            case TAG -> "timereports.none.TAG";
            default -> throw new IllegalArgumentException("every line by " + by + " has one");
        };
    }

    public static String month(Ui ui, LocalDate day) {
        String name = DateTimeFormatter.ofPattern("LLLL yyyy", ui.locale()).format(day);
        return name.substring(0, 1).toUpperCase(ui.locale()) + name.substring(1);
    }

    public static String weekday(Ui ui, LocalDate day) {
        return DateTimeFormatter.ofPattern("EEE", ui.locale()).format(day);
    }

    public static String byName(Ui ui, By by) {
        return ui.t(byKey(by));
    }

    /** Hours and minutes, such as "12:05", the minutes rounded to the nearest. */
    public static String hours(long seconds) {
        long minutes = (seconds + 30) / 60;
        return minutes / 60 + ":" + String.format(Locale.ROOT, "%02d", minutes % 60);
    }

    public static String percent(Ui ui, double value) {
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(ui.locale());
        f.setMaximumFractionDigits(1);
        f.setMinimumFractionDigits(1);
        return f.format(value) + "%";
    }

    /** A client's rounding rule in words: "Rounded up to 15 min, per entry", "No rounding". */
    public static String rule(Ui ui, Rounding r) {
        if (r.isNone()) {
            return ui.t("timereports.rule.none");
        }
        String mode = switch (r.mode()) {
            case UP -> ui.t("timereports.rule.UP", r.minutes());
            case DOWN -> ui.t("timereports.rule.DOWN", r.minutes());
            case NEAREST -> ui.t("timereports.rule.NEAREST", r.minutes());
            case NONE -> ui.t("timereports.rule.none");
        };
        return mode + ", " + ui.t(r.scope() == Rounding.Scope.DAY ? "timereports.rule.scope.DAY"
                : "timereports.rule.scope.ENTRY");
    }

    /** "Usually over by 20%", "usually under by 10%" or "usually on target" (within 5%). */
    public static String verdict(Ui ui, Estimate e) {
        int off = e.medianPercent() - 100;
        if (Math.abs(off) <= 5) {
            return ui.t("timereports.estimates.onTarget");
        }
        return off > 0 ? ui.t("timereports.estimates.over", off) : ui.t("timereports.estimates.under", -off);
    }

    public static boolean over(Estimate e) {
        return e.medianPercent() - 100 > 5;
    }

    // --- charts -------------------------------------------------------------------------------------

    /** Bars of the biggest groups (none for periods: the chart of days shows those). */
    public List<Bar> bars() {
        if (report == null || report.query().by().isPeriod()) {
            return List.of();
        }
        List<Line> top = report.lines().subList(0, Math.min(BARS, report.lines().size()));
        long max = top.stream().mapToLong(l -> l.figures().trackedSeconds()).max().orElse(0);
        if (max == 0 || top.size() < 2) {
            return List.of();
        }
        List<Bar> bars = new ArrayList<>(top.size());
        for (Line l : top) {
            long billable = l.figures().billableSeconds();
            long other = l.figures().nonBillableSeconds();
            bars.add(new Bar(l.group(), billable, other, pct(billable * 100.0 / max), pct(other * 100.0 / max)));
        }
        return bars;
    }

    /** Columns of the chart over the range: one a day, or one a week over long ranges; none for a day or less. */
    public List<Column> columns() {
        if (columns == null) {
            columns = layOutColumns();
        }
        return columns;
    }

    private @Nullable List<Column> columns;

    private List<Column> layOutColumns() {
        if (report == null || report.days().size() < 2 || report.isEmpty()) {
            return List.of();
        }
        List<Day> days = report.days();
        boolean weekly = days.size() > DAY_COLUMNS;
        List<long[]> sums = new ArrayList<>();
        List<LocalDate> starts = new ArrayList<>();
        for (Day d : days) {
            LocalDate start = weekly ? app.clientdesk.time.TimeEntries.weekOf(d.date()) : d.date();
            if (starts.isEmpty() || !starts.get(starts.size() - 1).equals(start)) {
                starts.add(start);
                sums.add(new long[2]);
            }
            long[] s = sums.get(sums.size() - 1);
            s[0] += d.billableSeconds();
            s[1] += d.nonBillableSeconds();
        }
        long max = sums.stream().mapToLong(s -> s[0] + s[1]).max().orElse(0);
        int n = sums.size();
        double gap = n <= 62 ? 0.2 : 0.1;
        List<Column> columns = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long[] s = sums.get(i);
            double hb = max == 0 ? 0 : s[0] * 96.0 / max;
            double hn = max == 0 ? 0 : s[1] * 96.0 / max;
            columns.add(new Column(starts.get(i), weekly, s[0], s[1], num(i + gap / 2), num(1 - gap), num(100 - hb),
                    num(hb), num(100 - hb - hn), num(hn)));
        }
        return columns;
    }

    /** The chart's width in its own units: one per column. */
    public int columnCount() {
        return columns().size();
    }

    /**
     * The billable (or non-billable) columns as one SVG path, for long ranges: far smaller than a rectangle
     * each, and the same picture.
     */
    public String columnPath(boolean billable) {
        StringBuilder d = new StringBuilder();
        for (Column c : columns()) {
            String height = billable ? c.billableHeight() : c.nonBillableHeight();
            if ((billable ? c.billableSeconds() : c.nonBillableSeconds()) == 0) {
                continue;
            }
            d.append('M').append(c.x()).append(' ').append(billable ? c.billableY() : c.nonBillableY())
                    .append('h').append(c.width()).append('v').append(height).append("h-").append(c.width()).append('z');
        }
        return d.toString();
    }

    /** The most time of one column, for the chart's scale. */
    public long columnMax() {
        return columns().stream().mapToLong(c -> c.billableSeconds() + c.nonBillableSeconds()).max().orElse(0);
    }

    /** Per-column hover titles only where columns are wide enough to point at. */
    public boolean columnTitles() {
        return report != null && report.days().size() <= 62;
    }

    /** The busiest column, for the chart's description. */
    public @Nullable Column busiest() {
        Column best = null;
        for (Column c : columns()) {
            if (best == null || c.billableSeconds() + c.nonBillableSeconds()
                    > best.billableSeconds() + best.nonBillableSeconds()) {
                best = c;
            }
        }
        return best;
    }

    public long activeColumns() {
        return columns().stream().filter(c -> c.billableSeconds() + c.nonBillableSeconds() > 0).count();
    }

    private static String pct(double value) {
        return String.format(Locale.ROOT, "%.3f%%", Math.max(0, value));
    }

    private static String num(double value) {
        String text = String.format(Locale.ROOT, "%.2f", Math.max(0, value));
        return text.endsWith(".00") ? text.substring(0, text.length() - 3) : text;
    }
}
