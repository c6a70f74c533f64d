package app.clientdesk.planning;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One person as the auto-planner sees them, filled from their working calendar and their week.
 *
 * <p>{@code workingWindows} must already leave out holidays and days off: the planner never reads a calendar
 * itself, so the same rules decide "working time" here and in the weekly planner. Existing {@code blocks} use up
 * the day's focus time, {@code meetings} do not (a call is not heads-down work); both keep the {@code buffer}
 * around them. The lists need not be sorted and may overlap; nothing here checks that they are inside the
 * windows. A null {@code focusLimit} means the day has no limit beyond its working hours.
 */
public record PlanPerson(UUID id, ZoneId zone, List<Interval> workingWindows, List<Interval> blocks,
        List<Interval> meetings, Duration buffer, @Nullable Duration focusLimit) {

    public PlanPerson {
        workingWindows = List.copyOf(workingWindows);
        blocks = List.copyOf(blocks);
        meetings = List.copyOf(meetings);
        if (buffer.isNegative()) {
            throw new IllegalArgumentException("a buffer cannot be negative");
        }
        if (focusLimit != null && focusLimit.isNegative()) {
            throw new IllegalArgumentException("a focus limit cannot be negative");
        }
    }
}
