package app.clientdesk.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violation;
import app.clientdesk.shared.validation.Violations;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarRulesTest {

    @Test
    void aDayTakesSeveralSpansInAnyOrderWithAnyDash() {
        Violations v = new Violations();
        List<WeekHours.Span> spans = CalendarRules.spans("14:00 – 18:00, 9:00-12:00;19:00—20:30", "days[0]", v);
        assertThat(v.isEmpty()).isTrue();
        assertThat(spans).containsExactly(span("09:00", "12:00"), span("14:00", "18:00"), span("19:00", "20:30"));
        assertThat(CalendarRules.text(spans)).isEqualTo("09:00-12:00, 14:00-18:00, 19:00-20:30");
    }

    @Test
    void spansThatTouchAreFineButSpansThatOverlapAreNot() {
        Violations v = new Violations();
        assertThat(CalendarRules.spans("09:00-12:00, 12:00-13:00", "days[0]", v)).hasSize(2);
        assertThat(CalendarRules.spans("09:00-12:00, 11:30-13:00", "days[1]", v)).isEmpty();
        assertThat(v.list()).containsExactly(Violation.of("days[1]", "calendars.span.overlap", "09:00-12:00",
                "11:30-13:00"));
    }

    @Test
    void eachBrokenPieceIsNamedInItsDaysError() {
        Violations v = new Violations();
        CalendarRules.spans("9-12, 25:00-26:00, 18:00-09:00, 10:00-11:00", "days[2]", v);
        assertThat(v.list()).containsExactly(Violation.of("days[2]", "calendars.span.format", "9-12"),
                Violation.of("days[2]", "calendars.span.format", "25:00-26:00"),
                Violation.of("days[2]", "calendars.span.order", "18:00-09:00"));
    }

    @Test
    void aWholeCalendarParsesWithHoursTypedWithAComma() {
        CalendarRules.Parsed parsed = CalendarRules.parse(new PersonCalendarInput("Europe/London",
                days("09:00-12:00, 14:00-18:00", "", "08:00-16:00"), "15", "5,5"));
        assertThat(parsed.zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(parsed.hours().on(DayOfWeek.MONDAY)).hasSize(2);
        assertThat(parsed.hours().on(DayOfWeek.TUESDAY)).isEmpty();
        assertThat(parsed.hours().on(DayOfWeek.WEDNESDAY)).containsExactly(span("08:00", "16:00"));
        assertThat(parsed.buffer()).isEqualTo(Duration.ofMinutes(15));
        assertThat(parsed.focusLimit()).isEqualTo(Duration.ofMinutes(330));
    }

    @Test
    void everyBrokenFieldIsReportedAtOnce() {
        assertThatThrownBy(() -> CalendarRules.parse(new PersonCalendarInput("Mars/Olympus", days("", "", ""), "-5",
                "30")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("timeZone", "days", "bufferMinutes",
                                "focusHours"));
        assertThatThrownBy(() -> CalendarRules.parse(new PersonCalendarInput("+03:00", days("09:00-17:00"), "10",
                "0.25")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("timeZone", "focusHours"));
    }

    private static List<String> days(String... texts) {
        List<String> days = new ArrayList<>(Arrays.asList(texts));
        while (days.size() < 7) {
            days.add("");
        }
        return days;
    }

    private static WeekHours.Span span(String start, String end) {
        return new WeekHours.Span(LocalTime.parse(start), LocalTime.parse(end));
    }
}
