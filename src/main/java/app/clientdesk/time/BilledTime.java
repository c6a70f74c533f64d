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
