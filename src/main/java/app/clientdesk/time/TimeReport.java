package app.clientdesk.time;

import app.clientdesk.shared.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A time report as {@link TimeReports} computes it: the figures of the whole range and of each line (one
 * level, or two with a "then by"), the time of each day, the rounding rule each client was billed under,
 * estimates against actuals per task type, and the task types that look like time sinks. Amounts are kept
 * per currency and never added across currencies.
 */
public record TimeReport(ReportQuery query, Figures total, List<Line> lines, List<Day> days, List<ClientRule> rules,
        List<Estimate> estimates, Sinks sinks) {

    /**
     * Hours and money of a line or of the report. {@code billableSeconds} is billable time as tracked,
     * {@code billedSeconds} the same time after each client's rounding; {@code amounts} are the billed amounts,
     * one per currency, in currency order.
     */
    public record Figures(long trackedSeconds, long billableSeconds, long billedSeconds, long nonBillableSeconds,
            List<Money> amounts, long entries) {

        /** This line's share of {@code whole}'s tracked time, in per cent with one decimal (0 for an empty whole). */
        public double sharePercentOf(Figures whole) {
            return whole.trackedSeconds == 0 ? 0 : Math.round(trackedSeconds * 1000.0 / whole.trackedSeconds) / 10.0;
        }

        Figures withoutMoney() {
            return new Figures(trackedSeconds, billableSeconds, billedSeconds, nonBillableSeconds, List.of(), entries);
        }
    }

    /**
     * What a line stands for. {@code key} is the id of the client, project, task or person, the task type or
     * tag in lower case, or the period's first day; null for "none" (time without a project, task, task type
     * or tag). {@code label} is the name to show (null for none and for periods), {@code detail} a hint such
     * as the client of a project or task; {@code day} the first day of a period line.
     */
    public record Group(ReportQuery.By by, @Nullable String key, @Nullable String label, @Nullable String detail,
            @Nullable LocalDate day) {
    }

    /** A line: its group, its figures and, under a "then by", its own lines. */
    public record Line(Group group, Figures figures, List<Line> lines) {

        Line withoutMoney() {
            return new Line(group, figures.withoutMoney(), lines.stream().map(Line::withoutMoney).toList());
        }
    }

    /** Tracked time of one day of the range, billable or not (before rounding). */
    public record Day(LocalDate date, long billableSeconds, long nonBillableSeconds) {

        public long trackedSeconds() {
            return billableSeconds + nonBillableSeconds;
        }
    }

    /** The rounding a client's billable time in the report was billed under. */
    public record ClientRule(UUID clientId, String clientName, Rounding rounding) {
    }

    /**
     * Tasks of one type (null: without a type) that have an estimate and time in the report: how many,
     * their estimates and the time tracked on them in the report, and actual ÷ estimate in per cent, the
     * median and the mean over the tasks.
     */
    public record Estimate(@Nullable String taskType, int tasks, long estimatedSeconds, long actualSeconds,
            int medianPercent, int meanPercent) {
    }

    /** Task types that eat the most time, recur most, and earn the least per hour tracked (per currency). */
    public record Sinks(List<TypeTime> mostTime, List<TypeRecurrence> mostRecurring, List<TypeRate> lowestRate) {

        public boolean isEmpty() {
            return mostTime.isEmpty() && mostRecurring.isEmpty() && lowestRate.isEmpty();
        }
    }

    public record TypeTime(String taskType, long trackedSeconds) {
    }

    /** How often a type comes back: its tasks, its entries, and the repeating series its tasks belong to. */
    public record TypeRecurrence(String taskType, int tasks, long entries, int series) {
    }

    /** Billed amount ÷ all tracked hours of a type, for clients billed in {@code hourly}'s currency. */
    public record TypeRate(String taskType, Money hourly, long trackedSeconds, Money amount) {
    }

    public boolean isEmpty() {
        return total.entries() == 0;
    }

    /** The same report with durations only: no amounts, no earnings per hour (for one who sees no money). */
    public TimeReport withoutMoney() {
        return new TimeReport(query, total.withoutMoney(), lines.stream().map(Line::withoutMoney).toList(), days,
                rules, estimates, new Sinks(sinks.mostTime(), sinks.mostRecurring(), List.of()));
    }
}
