package app.clientdesk.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violation;
import app.clientdesk.sla.Holiday;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HolidayFileTest {

    @Test
    void allDayEventsBecomeHolidaysOneADayAndTimedEventsAreCounted() throws IOException {
        HolidayFile.Read read = HolidayFile.read(resource("/planning/uk-holidays.ics"), "Holiday");
        assertThat(read.holidays()).containsExactly(new Holiday(LocalDate.of(2026, 4, 3), "Good Friday"),
                new Holiday(LocalDate.of(2026, 4, 6), "Easter Monday"),
                new Holiday(LocalDate.of(2026, 12, 25), "Christmas and Boxing Day"),
                new Holiday(LocalDate.of(2026, 12, 26), "Christmas and Boxing Day"));
        assertThat(read.timedEvents()).isEqualTo(1);
    }

    @Test
    void anEventWithoutAReadableDateRefusesTheWholeFile() throws IOException {
        byte[] broken = resource("/planning/broken-date.ics");
        assertThatThrownBy(() -> HolidayFile.read(broken, "Holiday"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .containsExactly(Violation.of("file", "calendars.ics.noDate", 2)));
    }

    @Test
    void somethingThatIsNotACalendarIsRefused() {
        assertThatThrownBy(() -> HolidayFile.read("%PDF-1.4 not a calendar".getBytes(StandardCharsets.US_ASCII), "x"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .containsExactly(Violation.of("file", "calendars.ics.unreadable")));
        assertThatThrownBy(() -> HolidayFile.read("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"
                .getBytes(StandardCharsets.US_ASCII), "x"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .containsExactly(Violation.of("file", "calendars.ics.empty")));
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = HolidayFileTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }
}
