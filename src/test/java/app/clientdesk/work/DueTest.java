package app.clientdesk.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DueTest {

    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    @Test
    void aMomentInSydneyIsTheDayBeforeForSaoPaulo() {
        Due due = Due.at(LocalDate.of(2026, 12, 2), LocalTime.of(9, 0), SYDNEY);
        assertThat(due.date()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(due.dateIn(SAO_PAULO)).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(due.timeInStatedZone()).isEqualTo(LocalTime.of(9, 0));
    }

    @Test
    void aDateAloneIsTheSameDayEverywhere() {
        Due due = Due.on(LocalDate.of(2026, 12, 2));
        assertThat(due.dateIn(SYDNEY)).isEqualTo(due.dateIn(SAO_PAULO)).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(due.hasTime()).isFalse();
    }

    @Test
    void aRepeatKeepsTheLocalTimeAcrossADaylightSavingChange() {
        // Sydney moves its clocks forward on 2026-10-04: 09:00 stays 09:00 local, the offset changes.
        Due before = Due.at(LocalDate.of(2026, 10, 1), LocalTime.of(9, 0), SYDNEY);
        Due after = before.movedTo(LocalDate.of(2026, 10, 8));
        assertThat(after.timeInStatedZone()).isEqualTo(LocalTime.of(9, 0));
        assertThat(after.at().atZone(SYDNEY).getOffset()).isNotEqualTo(before.at().atZone(SYDNEY).getOffset());
    }
}
