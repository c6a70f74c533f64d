package app.clientdesk.work;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How a task repeats: every {@code interval} days, weeks (on the given weekdays) or months, counted from
 * {@code anchor} (the first occurrence), optionally until a last date. Months keep the anchor's day,
 * falling back to the month's last day (31 January → 28 February → 31 March).
 */
public record Recurrence(Frequency frequency, int interval, Set<DayOfWeek> weekdays, LocalDate anchor,
        @Nullable LocalDate until) {

    public enum Frequency {
        DAILY, WEEKLY, MONTHLY
    }

    public Recurrence {
        Objects.requireNonNull(frequency);
        Objects.requireNonNull(anchor);
        weekdays = weekdays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekdays));
        if (interval < 1) {
            throw new IllegalArgumentException("interval must be at least 1");
        }
        if (frequency == Frequency.WEEKLY && weekdays.isEmpty()) {
            throw new IllegalArgumentException("a weekly repeat needs a weekday");
        }
    }

    /** The first occurrence strictly after {@code after}, or empty once past {@code until}. */
    public Optional<LocalDate> next(LocalDate after) {
        LocalDate next = switch (frequency) {
            case DAILY -> {
                long days = ChronoUnit.DAYS.between(anchor, after);
                long steps = days < 0 ? 0 : days / interval + 1;
                yield anchor.plusDays(steps * interval);
            }
            case WEEKLY -> nextWeekly(after);
            case MONTHLY -> {
                long months = Math.max(0, ChronoUnit.MONTHS.between(anchor.withDayOfMonth(1), after.withDayOfMonth(1)));
                long k = months / interval;
                LocalDate candidate = anchor.plusMonths(k * interval);
                while (!candidate.isAfter(after)) {
                    k++;
                    candidate = anchor.plusMonths(k * interval);
                }
                yield candidate;
            }
        };
        if (next.isBefore(anchor)) {
            next = anchor;
        }
        return until != null && next.isAfter(until) ? Optional.empty() : Optional.of(next);
    }

    private LocalDate nextWeekly(LocalDate after) {
        LocalDate anchorWeek = anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate day = after.plusDays(1);
        if (day.isBefore(anchor)) {
            day = anchor;
        }
        // At most interval weeks plus one to look through before a chosen weekday in a chosen week.
        for (int i = 0; i < 7 * (interval + 1); i++, day = day.plusDays(1)) {
            long weeks = ChronoUnit.WEEKS.between(anchorWeek, day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            if (weeks % interval == 0 && weekdays.contains(day.getDayOfWeek())) {
                return day;
            }
        }
        throw new AssertionError("a weekly repeat with weekdays always has a next day");
    }

    /** Whether this repeat happens at least once after its first occurrence on {@code first}. */
    public boolean firesAfter(LocalDate first) {
        return next(first).isPresent();
    }
}
