package app.clientdesk.time.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DatesTest {

    @Test
    void readsTimesOfDayInTheFormsTheTrackersWrite() {
        assertThat(Dates.time("09:05:07")).isEqualTo(LocalTime.of(9, 5, 7));
        assertThat(Dates.time("9:05")).isEqualTo(LocalTime.of(9, 5));
        assertThat(Dates.time("12:00:00 AM")).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(Dates.time("12:30 PM")).isEqualTo(LocalTime.of(12, 30));
        assertThat(Dates.time("01:15:00 pm")).isEqualTo(LocalTime.of(13, 15));
        assertThat(Dates.time("11:59 p.m.")).isEqualTo(LocalTime.of(23, 59));
        assertThat(Dates.time("13:00 PM")).isNull();
        assertThat(Dates.time("24:00")).isNull();
        assertThat(Dates.time("9h30")).isNull();
        assertThat(Dates.time("9:5")).isNull();
        assertThat(Dates.time(null)).isNull();
    }

    @Test
    void readsDatesInTheOrderGivenButYearFirstAlwaysSo() {
        assertThat(Dates.date("2026-03-04", DateOrder.MDY)).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(Dates.date("03/04/2026", DateOrder.MDY)).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(Dates.date("03/04/2026", DateOrder.DMY)).isEqualTo(LocalDate.of(2026, 4, 3));
        assertThat(Dates.date("04.03.26", DateOrder.DMY)).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(Dates.date("13/04/2026", DateOrder.MDY)).isNull();
        assertThat(Dates.date("2026-02-30", DateOrder.YMD)).isNull();
        assertThat(Dates.date("03/04/2026", DateOrder.YMD)).isNull();
        assertThat(Dates.date("March 4", DateOrder.MDY)).isNull();
    }

    @Test
    void tellsTheOrderFromADayAboveTwelve() {
        assertThat(Dates.detect(Arrays.asList("03/04/2026", "03/13/2026", null)).order()).isEqualTo(DateOrder.MDY);
        assertThat(Dates.detect(Arrays.asList("03/04/2026", "13/03/2026")).order()).isEqualTo(DateOrder.DMY);
        assertThat(Dates.detect(Arrays.asList("2026-03-04", "2026-12-31")).order()).isEqualTo(DateOrder.YMD);
        assertThat(Dates.detect(Arrays.asList("03.04.2026")).order()).isEqualTo(DateOrder.DMY);
        DateDetection unsure = Dates.detect(Arrays.asList("01/01/2026", "03/04/2026", "04/03/2026"));
        assertThat(unsure.ambiguous()).isTrue();
        assertThat(unsure.example()).isEqualTo("03/04/2026");
    }

    @Test
    void readsDurations() {
        assertThat(Dates.duration("1:30:00")).isEqualTo(5400);
        assertThat(Dates.duration("01:30")).isEqualTo(5400);
        assertThat(Dates.duration("125:00:01")).isEqualTo(450001);
        assertThat(Dates.duration("1.50")).isEqualTo(5400);
        assertThat(Dates.duration("0,25")).isEqualTo(900);
        assertThat(Dates.duration("-1:00:00")).isNull();
        assertThat(Dates.duration("soon")).isNull();
    }
}
