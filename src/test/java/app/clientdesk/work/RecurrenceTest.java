package app.clientdesk.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RecurrenceTest {

    @Test
    void monthlyKeepsTheAnchorDayAndFallsBackToTheMonthsLastDay() {
        Recurrence monthly = new Recurrence(Recurrence.Frequency.MONTHLY, 1, Set.of(), LocalDate.of(2027, 1, 31), null);
        assertThat(monthly.next(LocalDate.of(2027, 1, 31))).contains(LocalDate.of(2027, 2, 28));
        assertThat(monthly.next(LocalDate.of(2027, 2, 28))).contains(LocalDate.of(2027, 3, 31));
    }

    @Test
    void weeklyOnTwoDaysEveryOtherWeek() {
        // Monday 2026-11-30 is the anchor; every 2 weeks on Monday and Thursday.
        Recurrence r = new Recurrence(Recurrence.Frequency.WEEKLY, 2, EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY),
                LocalDate.of(2026, 11, 30), null);
        assertThat(r.next(LocalDate.of(2026, 11, 30))).contains(LocalDate.of(2026, 12, 3));
        assertThat(r.next(LocalDate.of(2026, 12, 3))).contains(LocalDate.of(2026, 12, 14));
    }

    @Test
    void nothingAfterTheEndDate() {
        Recurrence r = new Recurrence(Recurrence.Frequency.DAILY, 3, Set.of(), LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 3));
        assertThat(r.firesAfter(LocalDate.of(2026, 12, 1))).isFalse();
        assertThat(new Recurrence(Recurrence.Frequency.DAILY, 2, Set.of(), LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 3)).next(LocalDate.of(2026, 12, 1))).contains(LocalDate.of(2026, 12, 3));
    }

    @Property
    void theNextOccurrenceIsLaterAndOnTheRhythm(@ForAll("recurrences") Recurrence r,
            @ForAll @IntRange(min = 0, max = 2000) int daysAfterAnchor) {
        LocalDate after = r.anchor().plusDays(daysAfterAnchor);
        LocalDate next = r.next(after).orElseThrow();
        assertThat(next).isAfter(after);
        switch (r.frequency()) {
            case DAILY -> {
                assertThat(ChronoUnit.DAYS.between(r.anchor(), next) % r.interval()).isZero();
                assertThat(ChronoUnit.DAYS.between(after, next)).isLessThanOrEqualTo(r.interval());
            }
            case WEEKLY -> {
                assertThat(r.weekdays()).contains(next.getDayOfWeek());
                LocalDate anchorWeek = r.anchor().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                LocalDate nextWeek = next.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                assertThat(ChronoUnit.WEEKS.between(anchorWeek, nextWeek) % r.interval()).isZero();
                assertThat(ChronoUnit.DAYS.between(after, next)).isLessThanOrEqualTo(7L * r.interval() + 6);
            }
            case MONTHLY -> {
                long months = ChronoUnit.MONTHS.between(r.anchor().withDayOfMonth(1), next.withDayOfMonth(1));
                assertThat(months % r.interval()).isZero();
                assertThat(next.getDayOfMonth()).isEqualTo(Math.min(r.anchor().getDayOfMonth(), next.lengthOfMonth()));
            }
        }
    }

    @Property
    void noOccurrenceIsSkipped(@ForAll("recurrences") Recurrence r, @ForAll @IntRange(min = 0, max = 400) int days) {
        // Stepping from the anchor by next() meets every day of the rhythm: none between two steps.
        LocalDate current = r.anchor();
        LocalDate end = r.anchor().plusDays(days);
        while (current.isBefore(end)) {
            LocalDate next = r.next(current).orElseThrow();
            for (LocalDate d = current.plusDays(1); d.isBefore(next); d = d.plusDays(1)) {
                assertThat(r.next(d.minusDays(1))).as("after %s", d.minusDays(1)).contains(next);
            }
            current = next;
        }
    }

    @Provide
    Arbitrary<Recurrence> recurrences() {
        Arbitrary<LocalDate> anchors = Arbitraries.integers().between(0, 3650)
                .map(d -> LocalDate.of(2024, 1, 1).plusDays(d));
        Arbitrary<Integer> intervals = Arbitraries.integers().between(1, 12);
        Arbitrary<Set<DayOfWeek>> days = Arbitraries.of(DayOfWeek.class).set().ofMinSize(1).ofMaxSize(7);
        return Arbitraries.of(Recurrence.Frequency.class).flatMap(f -> anchors.flatMap(a -> intervals.flatMap(
                i -> days.map(d -> new Recurrence(f, i, f == Recurrence.Frequency.WEEKLY ? d : Set.of(), a, null)))));
    }
}
