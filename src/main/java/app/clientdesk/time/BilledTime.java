package app.clientdesk.time;

import app.clientdesk.shared.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Billable time as a client is billed for it: tracked time rounded by the client's rule, then priced.
 * A unit is one entry ({@link Rounding.Scope#ENTRY}), or all of one day's entries on one task at one rate
 * ({@link Rounding.Scope#DAY}; entries without a task count per project, or per client without one). Each
 * unit's amount is its billed time at its rate, rounded half-up to the currency's minor unit; totals are
 * sums of units, so lines and totals always add up.
 */
public final class BilledTime {

    private BilledTime() {}

    /** One billed unit: which entries, their tracked and billed seconds, and the amount (null without a rate). */
    public record Unit(LocalDate date, @Nullable UUID taskId, @Nullable UUID projectId, @Nullable Money rate,
            long trackedSeconds, long billedSeconds, @Nullable Money amount, List<TimeEntryId> entries) {
    }

    /** The units of {@code entries} (non-billable ones are left out) under {@code rounding}. */
    public static List<Unit> units(Collection<TimeEntry> entries, Rounding rounding) {
        List<Unit> units = new ArrayList<>();
        if (rounding.scope() == Rounding.Scope.ENTRY) {
            for (TimeEntry e : entries) {
                if (e.billable()) {
                    units.add(unit(e.localDate(), e.taskId() == null ? null : e.taskId().value(),
                            e.projectId() == null ? null : e.projectId().value(), e.rate(), e.durationSeconds(),
                            List.of(e.id()), rounding));
                }
            }
            return units;
        }
        record Key(LocalDate date, @Nullable UUID task, @Nullable UUID project, @Nullable Money rate) {
        }
        Map<Key, List<TimeEntry>> groups = new LinkedHashMap<>();
        for (TimeEntry e : entries) {
            if (!e.billable()) {
                continue;
            }
            UUID task = e.taskId() == null ? null : e.taskId().value();
            UUID project = task != null || e.projectId() == null ? null : e.projectId().value();
            groups.computeIfAbsent(new Key(e.localDate(), task, project, e.rate()), k -> new ArrayList<>()).add(e);
        }
        groups.forEach((key, group) -> {
            long seconds = group.stream().mapToLong(TimeEntry::durationSeconds).sum();
            UUID project = key.project() != null ? key.project()
                    : group.get(0).projectId() == null ? null : group.get(0).projectId().value();
            units.add(unit(key.date(), key.task(), project, key.rate(), seconds,
                    group.stream().map(TimeEntry::id).toList(), rounding));
        });
        return units;
    }

    private static Unit unit(LocalDate date, @Nullable UUID task, @Nullable UUID project, @Nullable Money rate,
            long tracked, List<TimeEntryId> ids, Rounding rounding) {
        long billed = rounding.apply(tracked);
        return new Unit(date, task, project, rate, tracked, billed, rate == null ? null : rate.forSeconds(billed), ids);
    }

    /**
     * Billable time already summed by the caller (a report reads sums from the database, not entries):
     * {@code entries} entries on the task (else the project, else the client alone) at {@code rate},
     * {@code seconds} in all, the shortest {@code shortest} and the longest {@code longest} seconds long.
     * Under {@link Rounding.Scope#DAY} the sum is of one day ({@code date}). Under
     * {@link Rounding.Scope#ENTRY} each entry is rounded and priced on its own, so a sum may only hold
     * entries that round alike (the shortest and the longest do; rounding never goes down as time goes up),
     * and {@code date} may be null; without rounding and without a rate, any entries will do.
     */
    public record Sum(@Nullable LocalDate date, @Nullable UUID taskId, @Nullable UUID projectId, @Nullable Money rate,
            long seconds, long entries, long shortest, long longest) {

        public Sum {
            if (seconds < 0 || entries < 1 || shortest < 0 || longest < shortest) {
                throw new IllegalArgumentException("a sum holds one entry or more and no negative time");
            }
        }

        /** One entry. */
        public static Sum of(@Nullable LocalDate date, @Nullable UUID taskId, @Nullable UUID projectId,
                @Nullable Money rate, long seconds) {
            return new Sum(date, taskId, projectId, rate, seconds, 1, seconds, seconds);
        }
    }

    /**
     * What some of the sums given to {@link #ofSums} are billed, by their indexes in that list: under
     * {@link Rounding.Scope#ENTRY} one per sum (its entries rounded and priced one by one, then added), under
     * {@link Rounding.Scope#DAY} one per day's task at one rate, grouped exactly as {@link #units} groups
     * entries. The amount is null without a rate.
     */
    public record SumUnit(long trackedSeconds, long billedSeconds, @Nullable Money amount, List<Integer> sums) {
    }

    /**
     * The billed units of {@code sums} (all billable) under {@code rounding}: the same seconds and amounts
     * as {@link #units} gives for the entries behind them.
     *
     * @throws IllegalArgumentException for a sum of entries that do not round alike under
     *     {@link Rounding.Scope#ENTRY}, or of several days under {@link Rounding.Scope#DAY}
     */
    public static List<SumUnit> ofSums(List<Sum> sums, Rounding rounding) {
        List<SumUnit> units = new ArrayList<>();
        if (rounding.scope() == Rounding.Scope.ENTRY) {
            for (int i = 0; i < sums.size(); i++) {
                Sum s = sums.get(i);
                if (s.rate() == null && rounding.isNone()) {
                    units.add(new SumUnit(s.seconds(), s.seconds(), null, List.of(i)));
                    continue;
                }
                long each = rounding.apply(s.shortest());
                if (rounding.apply(s.longest()) != each) {
                    throw new IllegalArgumentException("entries that round differently in one sum: " + s);
                }
                Money amount = s.rate() == null ? null : s.rate().forSeconds(each);
                units.add(new SumUnit(s.seconds(), each * s.entries(), amount == null ? null
                        : new Money(amount.amount().multiply(java.math.BigDecimal.valueOf(s.entries())),
                                amount.currency()), List.of(i)));
            }
            return units;
        }
        record Key(LocalDate date, @Nullable UUID task, @Nullable UUID project, @Nullable Money rate) {
        }
        Map<Key, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < sums.size(); i++) {
            Sum s = sums.get(i);
            if (s.date() == null) {
                throw new IllegalArgumentException("a sum rounded per day needs its day: " + s);
            }
            UUID project = s.taskId() != null ? null : s.projectId();
            groups.computeIfAbsent(new Key(s.date(), s.taskId(), project, s.rate()), k -> new ArrayList<>()).add(i);
        }
        groups.forEach((key, members) -> {
            long seconds = 0;
            for (int i : members) {
                seconds += sums.get(i).seconds();
            }
            long billed = rounding.apply(seconds);
            units.add(new SumUnit(seconds, billed, key.rate() == null ? null : key.rate().forSeconds(billed),
                    List.copyOf(members)));
        });
        return units;
    }

    /** The billed seconds of all units. */
    public static long billedSeconds(Collection<Unit> units) {
        return units.stream().mapToLong(Unit::billedSeconds).sum();
    }

    /** The sum of the units' amounts in {@code currency}; units without a rate add nothing. */
    public static Money amount(Collection<Unit> units, java.util.Currency currency) {
        Money total = Money.zero(currency);
        for (Unit u : units) {
            if (u.amount() != null && Objects.equals(u.amount().currency(), currency)) {
                total = total.plus(u.amount());
            }
        }
        return total;
    }
}
