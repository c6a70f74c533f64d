package app.clientdesk.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Working time on the days clocks change. */
class WeekHoursTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate SPRING = LocalDate.of(2026, 3, 29); // 01:00 GMT -> 02:00 BST, a Sunday
    private static final LocalDate AUTUMN = LocalDate.of(2026, 10, 25); // 02:00 BST -> 01:00 GMT, a Sunday

    private static WeekHours sunday(String... spans) {
        return new WeekHours(Map.of(DayOfWeek.SUNDAY, java.util.Arrays.stream(spans).map(s -> new WeekHours.Span(
                LocalTime.parse(s.substring(0, 5)), LocalTime.parse(s.substring(6)))).toList()));
    }

    @Test
    void aSpanTheSpringChangeSwallowsIsLeftOutAndOneItCutsStartsWhenTheClocksJump() {
        List<Interval> windows = sunday("01:15-01:45", "01:50-03:00")
                .windows(SPRING, SPRING.plusDays(1), LONDON, Set.of());
        assertThat(windows).containsExactly(new Interval(Instant.parse("2026-03-29T01:00:00Z"),
                Instant.parse("2026-03-29T02:00:00Z")));
    }

    @Test
    void theAutumnChangeGivesASpanAcrossItAnHourMore() {
        List<Interval> windows = sunday("00:30-03:00").windows(AUTUMN, AUTUMN.plusDays(1), LONDON, Set.of());
        assertThat(windows).singleElement().satisfies(w ->
                assertThat(w.duration()).isEqualTo(java.time.Duration.ofMinutes(210)));
    }
}
