package app.clientdesk.planning;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.shared.validation.Violations;
import app.clientdesk.sla.Holiday;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The day's text a person reads is the text they can type back; windows stay inside the spans and off holidays. */
class PersonCalendarPropertiesTest {

    private static final List<ZoneId> ZONES = List.of("Europe/London", "America/Sao_Paulo", "America/New_York",
            "Australia/Sydney", "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Chatham", "America/Santiago",
            "Africa/Casablanca", "UTC").stream().map(ZoneId::of).toList();

    /** Up to four spans a day on a five-minute grid, sorted and apart (touching allowed). */
    @Provide
    Arbitrary<List<WeekHours.Span>> days() {
        return Arbitraries.integers().between(0, 287).set().ofMinSize(0).ofMaxSize(8).map(points -> {
            List<Integer> sorted = new ArrayList<>(new TreeSet<>(points));
            List<WeekHours.Span> spans = new ArrayList<>();
            for (int i = 0; i + 1 < sorted.size(); i += 2) {
                spans.add(new WeekHours.Span(LocalTime.ofSecondOfDay(sorted.get(i) * 300L),
                        LocalTime.ofSecondOfDay(sorted.get(i + 1) * 300L)));
            }
            return spans;
        });
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZONES);
    }

    @Property(tries = 500)
    void aDaysTextReadsBackAsTheSameSpans(@ForAll("days") List<WeekHours.Span> spans) {
        Violations v = new Violations();
        assertThat(CalendarRules.spans(CalendarRules.text(spans), "days[0]", v)).isEqualTo(spans);
        assertThat(v.isEmpty()).isTrue();
    }

    @Property(tries = 300)
    void windowsAreWorkingWallClockTimeAndNeverOnAHoliday(@ForAll("days") List<WeekHours.Span> weekdays,
            @ForAll("days") List<WeekHours.Span> saturday, @ForAll("zones") ZoneId zone,
            @ForAll @IntRange(min = 2000, max = 2040) int year, @ForAll @IntRange(min = 0, max = 364) int dayOfYear,
            @ForAll @IntRange(min = 0, max = 13) int holidayOffset) {
        Map<DayOfWeek, List<WeekHours.Span>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            days.put(day, weekdays);
        }
        days.put(DayOfWeek.SATURDAY, saturday);
        LocalDate from = LocalDate.ofYearDay(year, dayOfYear + 1);
        LocalDate holiday = from.plusDays(holidayOffset);
        PersonCalendar calendar = new PersonCalendar(zone, new WeekHours(days), List.of(new Holiday(holiday, "Off")),
                Duration.ofMinutes(10), Duration.ofHours(6), true);

        List<Interval> windows = calendar.windows(from, from.plusDays(14));

        for (int i = 0; i < windows.size(); i++) {
            Interval w = windows.get(i);
            ZonedDateTime start = w.start().atZone(zone);
            assertThat(start.toLocalDate()).isNotEqualTo(holiday);
            // Also on the day of a clock change: a start the change skips is the moment the clocks jump, inside the
            // span (WeekHours.windows).
            assertThat(calendar.hours().contains(start)).as("%s starts in working time", start).isTrue();
            if (i > 0) {
                assertThat(w.start()).isAfterOrEqualTo(windows.get(i - 1).end());
            }
        }
        Set<LocalDate> worked = new TreeSet<>();
        windows.forEach(w -> worked.add(w.start().atZone(zone).toLocalDate()));
        assertThat(worked).allMatch(d -> !d.isBefore(from) && d.isBefore(from.plusDays(14)));
    }
}
