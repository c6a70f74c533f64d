package app.clientdesk.planning;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** The days over capacity of one person (given their own tasks), as {@link OverCapacityDay} defines them. */
final class CapacityCheck {

    private CapacityCheck() {}

    static List<OverCapacityDay> overCapacity(UUID person, List<PlanTask> tasks, FreeTime free, Instant now,
            Instant horizon) {
        ZoneId zone = free.zone();
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate lastDay = horizon.atZone(zone).toLocalDate();
        TreeMap<LocalDate, Duration> dueOn = new TreeMap<>();
        for (PlanTask task : tasks) {
            if (task.due() != null) {
                // Due at midnight is due by the end of the day before: a due date's end is the next day's start.
                LocalDate day = task.due().minusNanos(1).atZone(zone).toLocalDate();
                if (day.isBefore(today)) {
                    day = today;
                }
                if (!day.isAfter(lastDay)) {
                    dueOn.merge(day, task.estimate(), Duration::plus);
                }
            }
        }
        List<OverCapacityDay> days = new ArrayList<>();
        Duration dueWork = Duration.ZERO;
        Duration freeFocus = Duration.ZERO;
        LocalDate counted = today.minusDays(1);
        for (Map.Entry<LocalDate, Duration> due : dueOn.entrySet()) {
            while (counted.isBefore(due.getKey())) {
                counted = counted.plusDays(1);
                freeFocus = freeFocus.plus(free.freeFocusAtStart(counted));
            }
            dueWork = dueWork.plus(due.getValue());
            if (dueWork.compareTo(freeFocus) > 0) {
                days.add(new OverCapacityDay(person, due.getKey(), dueWork, freeFocus, dueWork.minus(freeFocus)));
            }
        }
        return days;
    }
}
