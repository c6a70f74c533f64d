package app.clientdesk.time;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.time.internal.TimesheetDurations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a person may type into a timesheet cell, and how a cell shows time. */
class TimesheetDurationsTest {

    @ParameterizedTest
    @CsvSource({"1:30, 90", "0:05, 5", "12:00, 720", "1.5, 90", "'1,5', 90", "' 1,25 ', 75", "90m, 90", "90 min, 90",
            "2h, 120", "2, 120", "1h30m, 90", "1h 30, 90", "0.1, 6", "0.01, 1", "'', 0", "0, 0", "24:00, 1440"})
    void readsTheWaysPeopleWriteTime(String typed, long minutes) {
        assertThat(TimesheetDurations.parse(typed)).hasValue(minutes * 60);
    }

    @ParameterizedTest
    @ValueSource(strings = {"an hour", "1:75", "1:3", "-1", "1h75m", "1.2.3", "1;30", "999:00"})
    void refusesWhatItCannotRead(String typed) {
        assertThat(TimesheetDurations.parse(typed)).isEmpty();
    }

    @Test
    void showsHoursAndMinutesRoundedHalfUp() {
        assertThat(TimesheetDurations.format(0)).isEqualTo("0:00");
        assertThat(TimesheetDurations.format(89 * 60 + 29)).isEqualTo("1:29");
        assertThat(TimesheetDurations.format(89 * 60 + 30)).isEqualTo("1:30");
        assertThat(TimesheetDurations.format(30 * 3600)).isEqualTo("30:00");
        assertThat(TimesheetDurations.cell(0)).isEmpty();
        assertThat(TimesheetDurations.cell(300)).isEqualTo("0:05");
    }
}
