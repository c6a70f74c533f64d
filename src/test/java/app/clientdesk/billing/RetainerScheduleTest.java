package app.clientdesk.billing;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.billing.RetainerSchedule.Period;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class RetainerScheduleTest {

    private static final List<String> ZONES = List.of("America/Sao_Paulo", "Europe/London", "America/New_York",
            "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Apia", "UTC");

    @Provide
    Arbitrary<LocalDate> days() {
        return Arbitraries.integers().between(0, 365 * 30).map(n -> LocalDate.of(2010, 1, 1).plusDays(n));
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZONES).map(ZoneId::of);
    }

    @Property
    void periodsFollowEachOtherWithoutGapsAndStartOnTheIssueDayOrTheMonthsLastDay(@ForAll("days") LocalDate day,
            @ForAll @IntRange(min = 1, max = 31) int issueDay) {
        Period p = RetainerSchedule.containing(day, issueDay);
        assertThat(p.contains(day)).isTrue();
        assertThat(p.start().getDayOfMonth()).isEqualTo(Math.min(issueDay, p.month().lengthOfMonth()));
        Period next = RetainerSchedule.next(p, issueDay);
        assertThat(next.start()).isEqualTo(p.end().plusDays(1));
        assertThat(RetainerSchedule.previous(next, issueDay)).isEqualTo(p);
        assertThat(p.days()).isBetween(28L, 31L);
    }

    @Example
    void issueDay31UsesTheLastDayOfShorterMonthsAndComesBack() {
        assertThat(RetainerSchedule.ofMonth(YearMonth.of(2027, 2), 31))
                .isEqualTo(new Period(LocalDate.parse("2027-02-28"), LocalDate.parse("2027-03-30")));
        assertThat(RetainerSchedule.ofMonth(YearMonth.of(2028, 2), 31).start()).isEqualTo("2028-02-29");
        assertThat(RetainerSchedule.ofMonth(YearMonth.of(2027, 3), 31))
                .isEqualTo(new Period(LocalDate.parse("2027-03-31"), LocalDate.parse("2027-04-29")));
        assertThat(RetainerSchedule.ofMonth(YearMonth.of(2026, 12), 1))
                .isEqualTo(new Period(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-31")));
    }

    /**
     * Each day's invoice is due at one instant: the first instant of that day there, or, for a day the zone
     * skipped (Samoa left out 30 December 2011), the first instant of the next day that exists. The instant
     * just before it belongs to an earlier day, and later days are never due earlier.
     */
    @Property
    void theIssueInstantIsTheFirstInstantOfTheDayInTheClientsZone(@ForAll("days") LocalDate day,
            @ForAll("zones") ZoneId zone) {
        Instant at = RetainerSchedule.issueInstant(day, zone);
        LocalDate dueDay = RetainerSchedule.today(at, zone);
        assertThat(dueDay).isAfterOrEqualTo(day);
        if (!dueDay.equals(day)) {
            assertThat(day.atStartOfDay(zone).toLocalDate()).as("only a skipped day moves").isNotEqualTo(day);
        }
        assertThat(RetainerSchedule.today(at.minusNanos(1), zone)).isBefore(day);
        assertThat(RetainerSchedule.issueInstant(day.plusDays(1), zone)).isAfterOrEqualTo(at);
    }

    @Example
    void aDayTheZoneSkippedIsDueAtTheStartOfTheNextDay() {
        ZoneId apia = ZoneId.of("Pacific/Apia");
        Instant due = RetainerSchedule.issueInstant(LocalDate.parse("2011-12-30"), apia);
        assertThat(RetainerSchedule.today(due, apia)).isEqualTo("2011-12-31");
        assertThat(RetainerSchedule.today(due.minusNanos(1), apia)).isEqualTo("2011-12-29");
        assertThat(RetainerSchedule.issueInstant(LocalDate.parse("2011-12-31"), apia)).isEqualTo(due);
    }

    /** Walking through a year in 15-minute steps, each period becomes due exactly once, DST changes or not. */
    @Property(tries = 12)
    void walkingThroughTheYearEachPeriodBecomesDueOnce(@ForAll("zones") ZoneId zone,
            @ForAll @IntRange(min = 1, max = 31) int issueDay) {
        Instant t = LocalDate.of(2018, 1, 1).atStartOfDay(zone).toInstant();
        Instant end = LocalDate.of(2019, 1, 1).atStartOfDay(zone).toInstant();
        Period last = RetainerSchedule.containing(RetainerSchedule.today(t, zone), issueDay);
        int dueChanges = 0;
        while (t.isBefore(end)) {
            t = t.plus(Duration.ofMinutes(15));
            Period now = RetainerSchedule.containing(RetainerSchedule.today(t, zone), issueDay);
            if (!now.equals(last)) {
                assertThat(now).as("never skips a period").isEqualTo(RetainerSchedule.next(last, issueDay));
                assertThat(t).isAfterOrEqualTo(RetainerSchedule.issueInstant(now.start(), zone));
                dueChanges++;
                last = now;
            }
        }
        assertThat(dueChanges).isEqualTo(12);
    }

    @Example
    void whereMidnightDoesNotExistTheDayStartsAtOneAndIsDueOnce() {
        ZoneId saoPaulo = ZoneId.of("America/Sao_Paulo");
        // 4 November 2018: Brazil moved the clocks from 00:00 to 01:00.
        Instant due = RetainerSchedule.issueInstant(LocalDate.parse("2018-11-04"), saoPaulo);
        assertThat(due.atZone(saoPaulo).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2018-11-04T01:00"));
        assertThat(due).isEqualTo(Instant.parse("2018-11-04T03:00:00Z"));
        // London and New York change at 01:00/02:00: midnight exists, the day starts at 00:00.
        assertThat(RetainerSchedule.issueInstant(LocalDate.parse("2026-03-29"), ZoneId.of("Europe/London")))
                .isEqualTo(Instant.parse("2026-03-29T00:00:00Z"));
        assertThat(RetainerSchedule.issueInstant(LocalDate.parse("2026-11-01"), ZoneId.of("America/New_York")))
                .isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
    }

    @Example
    void rolledHoursExpireAtTheEndOfThePeriodTheSetMonthsLater() {
        Period november = RetainerSchedule.ofMonth(YearMonth.of(2026, 11), 1);
        assertThat(RetainerSchedule.rolloverExpiry(november, 1, 1)).isEqualTo("2026-12-31");
        assertThat(RetainerSchedule.rolloverExpiry(november, 3, 1)).isEqualTo("2027-02-28");
        Period fromThe15th = RetainerSchedule.ofMonth(YearMonth.of(2026, 11), 15);
        assertThat(RetainerSchedule.rolloverExpiry(fromThe15th, 2, 15)).isEqualTo("2027-02-14");
    }
}
