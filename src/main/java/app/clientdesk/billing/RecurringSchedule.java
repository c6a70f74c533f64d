package app.clientdesk.billing;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The dates of a recurring invoice: every {@code every} weeks, months or years from the start. Each date is
 * counted from the start (the n-th is start + n × every), so a start on the 31st falls on the last day of
 * shorter months and comes back to the 31st afterwards.
 */
public final class RecurringSchedule {

    public enum Unit { WEEK, MONTH, YEAR }

    private static final int MAX_STEPS = 100_000;

    private RecurringSchedule() {}

    public static LocalDate occurrence(LocalDate start, int every, Unit unit, int n) {
        long step = (long) every * n;
        return switch (unit) {
            case WEEK -> start.plusWeeks(step);
            case MONTH -> start.plusMonths(step);
            case YEAR -> start.plusYears(step);
        };
    }

    /**
     * The first date after {@code after} (or the start itself when {@code after} is null), or null when it
     * falls after {@code endsOn}.
     */
    public static @Nullable LocalDate nextAfter(LocalDate start, int every, Unit unit, @Nullable LocalDate after,
            @Nullable LocalDate endsOn) {
        if (every < 1) {
            throw new IllegalArgumentException("every is at least 1: " + every);
        }
        LocalDate next = null;
        for (int n = 0; n < MAX_STEPS; n++) {
            LocalDate d = occurrence(start, every, unit, n);
            if (after == null || d.isAfter(after)) {
                next = d;
                break;
            }
        }
        return next == null || endsOn != null && next.isAfter(endsOn) ? null : next;
    }
}
