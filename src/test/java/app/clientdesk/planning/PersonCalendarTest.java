package app.clientdesk.planning;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.sla.Holiday;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonCalendarTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void windowsFollowTheWallClockAcrossTheClockChangeAndSkipHolidays() {
        Map<DayOfWeek, List<WeekHours.Span>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY)) {
            days.put(day, List.of(span("09:00", "12:00"), span("13:00", "17:00")));
        }
        // Clocks go forward in London at 01:00 UTC on Sunday 29 March 2026; a Sunday span across it is an hour short.
        days.put(DayOfWeek.SUNDAY, List.of(span("00:30", "03:00")));
        PersonCalendar calendar = new PersonCalendar(LONDON, new WeekHours(days),
                List.of(new Holiday(LocalDate.of(2026, 3, 30), "Day off")), Duration.ofMinutes(10), Duration.ofHours(6),
                true);

        List<Interval> windows = calendar.windows(LocalDate.of(2026, 3, 27), LocalDate.of(2026, 4, 1));

        assertThat(windows).containsExactly(
                interval("2026-03-27T09:00:00Z", "2026-03-27T12:00:00Z"),
                interval("2026-03-27T13:00:00Z", "2026-03-27T17:00:00Z"),
                interval("2026-03-29T00:30:00Z", "2026-03-29T02:00:00Z"),
                // Monday 30 March is a holiday; Tuesday is on summer time, an hour earlier in UTC.
                interval("2026-03-31T08:00:00Z", "2026-03-31T11:00:00Z"),
                interval("2026-03-31T12:00:00Z", "2026-03-31T16:00:00Z"));
        assertThat(windows.get(2).duration()).isEqualTo(Duration.ofMinutes(90));
    }

    private static Interval interval(String start, String end) {
        return new Interval(Instant.parse(start), Instant.parse(end));
    }

    private static WeekHours.Span span(String start, String end) {
        return new WeekHours.Span(LocalTime.parse(start), LocalTime.parse(end));
    }
}
