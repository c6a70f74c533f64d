package app.clientdesk.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import app.clientdesk.planning.MeetingPlan.DstWarning;
import app.clientdesk.planning.MeetingPlan.Outcome;
import app.clientdesk.planning.MeetingPlan.PartyDate;
import app.clientdesk.planning.MeetingPlan.Slot;
import app.clientdesk.planning.MeetingQuery.Kind;
import app.clientdesk.planning.MeetingQuery.Party;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The meeting planner on the cases a VA with clients in Australia, the UK and the Americas runs into. */
class MeetingPlannerTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void londonAndNewYorkMeetInTheAfternoonAndNewYorksTimeMovesTwiceInSpringAndAutumn() {
        MeetingPlan plan = MeetingPlanner.find(MeetingQuery.of(List.of(
                party("ana", Kind.MEMBER, LONDON, "09:00", "17:00"),
                party("harbour", Kind.CLIENT, NEW_YORK, "09:00", "17:00")), LONDON, LocalDate.of(2027, 1, 4), 52,
                HOUR));

        assertThat(plan.outcome()).isEqualTo(Outcome.INSIDE_ALL_WEEKS);
        assertThat(plan.noSlotInsideAllWeeks()).isFalse();
        Slot best = plan.slots().get(0);
        assertThat(best.day()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(best.time()).isEqualTo(LocalTime.of(14, 0));
        assertThat(best.insideAllWeeks()).isTrue();
        assertThat(best.firstStarts().get("harbour").toLocalDateTime()).isEqualTo(LocalDateTime.of(2027, 1, 4, 9, 0));
        // New York moves on 14 March and 7 November, London on 28 March and 31 October: four Mondays between.
        assertThat(best.dstWarnings()).containsExactly(
                new DstWarning(LocalDate.of(2027, 3, 15), "harbour", LocalDateTime.of(2027, 3, 15, 9, 0),
                        LocalDateTime.of(2027, 3, 15, 10, 0), false),
                new DstWarning(LocalDate.of(2027, 3, 29), "harbour", LocalDateTime.of(2027, 3, 29, 10, 0),
                        LocalDateTime.of(2027, 3, 29, 9, 0), false),
                new DstWarning(LocalDate.of(2027, 11, 1), "harbour", LocalDateTime.of(2027, 11, 1, 9, 0),
                        LocalDateTime.of(2027, 11, 1, 10, 0), false),
                new DstWarning(LocalDate.of(2027, 11, 8), "harbour", LocalDateTime.of(2027, 11, 8, 10, 0),
                        LocalDateTime.of(2027, 11, 8, 9, 0), false));
        // 13:00 London is 08:00 in New York: never first.
        assertThat(plan.slots()).allSatisfy(slot -> assertThat(slot.time()).isBetween(LocalTime.of(14, 0),
                LocalTime.of(16, 0)));
        // Each weekday they share 14:00–17:00 London (13:00–17:00 in the weeks the clocks disagree).
        assertThat(plan.weeks()).hasSize(52);
        assertThat(plan.weeks().get(0).overlap()).hasSize(5);
        assertThat(plan.weeks().get(0).longest()).isEqualTo(Duration.ofHours(3));
        assertThat(plan.weeks().get(10).longest()).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void aWarningSaysWhenTheNewTimeFallsOutsideSomeonesHours() {
        // 16:00 London is 11:00 in New York, but the client stops at 11:30: the spring weeks take it past 11:30.
        MeetingQuery query = MeetingQuery.of(List.of(party("ana", Kind.MEMBER, LONDON, "09:00", "17:00"),
                party("harbour", Kind.CLIENT, NEW_YORK, "07:00", "11:30")), LONDON, LocalDate.of(2027, 1, 4), 52,
                Duration.ofMinutes(30));

        Slot slot = MeetingPlanner.slot(query, DayOfWeek.MONDAY, LocalTime.of(16, 0));

        assertThat(slot.insideAllWeeks()).isFalse();
        assertThat(slot.dstWarnings()).extracting(DstWarning::date, DstWarning::newTime, DstWarning::outsideHours)
                .containsExactly(
                        tuple(LocalDate.of(2027, 3, 15), LocalTime.of(12, 0), true),
                        tuple(LocalDate.of(2027, 3, 29), LocalTime.of(11, 0), false),
                        tuple(LocalDate.of(2027, 11, 1), LocalTime.of(12, 0), true),
                        tuple(LocalDate.of(2027, 11, 8), LocalTime.of(11, 0), false));
        assertThat(slot.outside()).containsExactly(new PartyDate(LocalDate.of(2027, 3, 15), "harbour"),
                new PartyDate(LocalDate.of(2027, 3, 22), "harbour"),
                new PartyDate(LocalDate.of(2027, 11, 1), "harbour"));
        assertThat(slot.partyWeeksOutside()).isEqualTo(3);
    }

    @Test
    void fiveZonesChangeClocksOnTheirOwnDates() {
        Party wide = party("ny", Kind.MEMBER, NEW_YORK, "06:00", "23:00");
        MeetingQuery query = MeetingQuery.of(List.of(wide,
                party("london", Kind.CLIENT, LONDON, "06:00", "23:00"),
                party("sp", Kind.CLIENT, SAO_PAULO, "06:00", "23:00"),
                party("sydney", Kind.CLIENT, SYDNEY, "06:00", "23:00"),
                party("auckland", Kind.CLIENT, AUCKLAND, "06:00", "23:00")), NEW_YORK, LocalDate.of(2027, 1, 5), 52,
                HOUR);

        Slot slot = MeetingPlanner.slot(query, DayOfWeek.TUESDAY, LocalTime.of(17, 0));

        assertThat(warningDates(slot, "ny")).isEmpty();
        // São Paulo keeps its clock (no DST since 2019), so only New York's changes move it.
        assertThat(warningDates(slot, "sp")).containsExactly(LocalDate.of(2027, 3, 16), LocalDate.of(2027, 11, 9));
        assertThat(warningDates(slot, "london")).containsExactly(LocalDate.of(2027, 3, 16),
                LocalDate.of(2027, 3, 30), LocalDate.of(2027, 11, 2), LocalDate.of(2027, 11, 9));
        assertThat(warningDates(slot, "sydney")).containsExactly(LocalDate.of(2027, 3, 16),
                LocalDate.of(2027, 4, 6), LocalDate.of(2027, 10, 5), LocalDate.of(2027, 11, 9));
        assertThat(warningDates(slot, "auckland")).containsExactly(LocalDate.of(2027, 3, 16),
                LocalDate.of(2027, 4, 6), LocalDate.of(2027, 9, 28), LocalDate.of(2027, 11, 9));
        // Tuesday 17:00 in New York is already Wednesday in Sydney and Auckland.
        assertThat(slot.firstStarts().get("sydney").toLocalDateTime()).isEqualTo(LocalDateTime.of(2027, 1, 6, 9, 0));
        assertThat(slot.firstStarts().get("auckland").toLocalDateTime())
                .isEqualTo(LocalDateTime.of(2027, 1, 6, 11, 0));
        assertThat(slot.firstStarts().get("sp").toLocalDateTime()).isEqualTo(LocalDateTime.of(2027, 1, 5, 19, 0));
    }

    @Test
    void saoPauloStoppedChangingClocksIn2019() {
        List<Party> parties = List.of(party("ana", Kind.MEMBER, LONDON, "09:00", "17:00"),
                party("sp", Kind.CLIENT, SAO_PAULO, "07:00", "17:00"));

        Slot before = MeetingPlanner.slot(MeetingQuery.of(parties, LONDON, LocalDate.of(2018, 9, 3), 52, HOUR),
                DayOfWeek.MONDAY, LocalTime.of(13, 0));
        Slot after = MeetingPlanner.slot(MeetingQuery.of(parties, LONDON, LocalDate.of(2019, 9, 2), 52, HOUR),
                DayOfWeek.MONDAY, LocalTime.of(13, 0));

        // 2018–19: London's two changes and São Paulo's own summer time (4 November to 17 February).
        assertThat(warningDates(before, "sp")).containsExactly(LocalDate.of(2018, 10, 29), LocalDate.of(2018, 11, 5),
                LocalDate.of(2019, 2, 18), LocalDate.of(2019, 4, 1));
        // 2019–20: the rule changed (no summer time from November 2019); only London's changes remain.
        assertThat(warningDates(after, "sp")).containsExactly(LocalDate.of(2019, 10, 28), LocalDate.of(2020, 3, 30));
        assertThat(after.firstStarts().get("sp").toLocalTime()).isEqualTo(LocalTime.of(9, 0));
    }

    @Test
    void kolkatasHalfHourShowsInEveryonesTimes() {
        MeetingPlan plan = MeetingPlanner.find(MeetingQuery.of(List.of(
                party("ravi", Kind.MEMBER, KOLKATA, "13:00", "19:00"),
                party("harbour", Kind.CLIENT, LONDON, "09:00", "17:00")), KOLKATA, LocalDate.of(2027, 1, 4), 52, HOUR));

        Slot best = plan.slots().get(0);
        assertThat(plan.outcome()).isEqualTo(Outcome.INSIDE_ALL_WEEKS);
        // 14:30 Kolkata is 09:00 London in winter, 10:00 in summer: inside both ways.
        assertThat(best.time()).isEqualTo(LocalTime.of(14, 30));
        assertThat(best.firstStarts().get("harbour").toLocalTime()).isEqualTo(LocalTime.of(9, 0));
        assertThat(warningDates(best, "ravi")).isEmpty();
        assertThat(warningDates(best, "harbour")).containsExactly(LocalDate.of(2027, 3, 29), LocalDate.of(2027, 11, 1));
    }

    @Test
    void sydneyAndLondonOfficeHoursNeverMeet() {
        MeetingPlan plan = MeetingPlanner.find(MeetingQuery.of(List.of(
                party("ana", Kind.MEMBER, LONDON, "09:00", "17:00"),
                party("koala", Kind.CLIENT, SYDNEY, "09:00", "17:00")), LONDON, LocalDate.of(2027, 1, 4), 52, HOUR));

        assertThat(plan.outcome()).isEqualTo(Outcome.NO_OVERLAP);
        assertThat(plan.impossible()).isTrue();
        assertThat(plan.noSlotInsideAllWeeks()).isTrue();
        assertThat(plan.weeks()).allSatisfy(week -> assertThat(week.overlap()).isEmpty());
        // The least bad times are still offered, each outside someone's hours every week.
        assertThat(plan.slots()).isNotEmpty().allSatisfy(slot -> assertThat(slot.partyWeeksOutside()).isEqualTo(52));
    }

    @Test
    void sydneyAndLondonEarlyAndLateMeetOnlyWhenTheirClocksAllowAndTheBestCompromiseIsOffered() {
        MeetingPlan plan = MeetingPlanner.find(MeetingQuery.of(List.of(
                party("ana", Kind.MEMBER, LONDON, "07:00", "19:00"),
                party("koala", Kind.CLIENT, SYDNEY, "08:00", "18:00")), LONDON, LocalDate.of(2027, 1, 4), 52, HOUR));

        assertThat(plan.outcome()).isEqualTo(Outcome.COMPROMISE);
        assertThat(plan.impossible()).isFalse();
        assertThat(plan.noSlotInsideAllWeeks()).isTrue();
        Slot best = plan.slots().get(0);
        assertThat(best.insideAllWeeks()).isFalse();
        // 07:00 London is 17:00 Sydney from late March to late October, and 18:00 (closed) in the southern summer.
        assertThat(best.time()).isEqualTo(LocalTime.of(7, 0));
        assertThat(best.outside()).isNotEmpty().allSatisfy(missed -> {
            assertThat(missed.party()).isEqualTo("koala");
            assertThat(missed.date().getMonth()).isIn(Month.OCTOBER, Month.NOVEMBER, Month.DECEMBER, Month.JANUARY,
                    Month.FEBRUARY, Month.MARCH);
        });
        assertThat(plan.slots()).isSortedAccordingTo(Comparator.comparingInt(Slot::partyWeeksOutside));
    }

    @Test
    void aHolidayIsListedButDoesNotCountAsOutsideHours() {
        LocalDate boxingDayObserved = LocalDate.of(2027, 12, 27);
        Party ana = new Party("ana", "Ana", Kind.MEMBER, LONDON, hours("09:00", "17:00"), Set.of(boxingDayObserved));
        MeetingQuery query = MeetingQuery.of(List.of(ana, party("harbour", Kind.CLIENT, NEW_YORK, "09:00", "17:00")),
                LONDON, LocalDate.of(2027, 12, 6), 4, HOUR);

        Slot monday = MeetingPlanner.slot(query, DayOfWeek.MONDAY, LocalTime.of(14, 0));
        MeetingPlan plan = MeetingPlanner.find(query);

        assertThat(monday.insideAllWeeks()).isTrue();
        assertThat(monday.holidays()).containsExactly(new PartyDate(boxingDayObserved, "ana"));
        assertThat(plan.slots().get(0)).isEqualTo(monday);
        // The week of the holiday has four shared afternoons, not five.
        assertThat(plan.weeks().get(3).overlap()).hasSize(4);
        assertThat(plan.weeks().get(2).overlap()).hasSize(5);
    }

    @Test
    void theSameQueryGivesTheSamePlan() {
        MeetingQuery query = MeetingQuery.of(List.of(party("a", Kind.MEMBER, AUCKLAND, "08:00", "18:00"),
                party("b", Kind.CLIENT, SAO_PAULO, "08:00", "18:00"), party("c", Kind.CLIENT, KOLKATA, "10:00",
                        "19:00")), SAO_PAULO, LocalDate.of(2026, 12, 7), 52, Duration.ofMinutes(45));
        assertThat(MeetingPlanner.find(query)).isEqualTo(MeetingPlanner.find(query));
    }

    @Test
    void aQueryOutOfShapeIsRefused() {
        List<Party> one = List.of(party("a", Kind.MEMBER, LONDON, "09:00", "17:00"));
        LocalDate date = LocalDate.of(2027, 1, 4);
        assertThatThrownBy(() -> MeetingQuery.of(List.of(), LONDON, date, 4, HOUR))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MeetingQuery.of(one, LONDON, date, 0, HOUR))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MeetingQuery(one, LONDON, date, 4, HOUR, Duration.ofMinutes(7), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MeetingQuery.of(List.of(one.get(0), one.get(0)), LONDON, date, 4, HOUR))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<LocalDate> warningDates(Slot slot, String party) {
        return slot.dstWarnings().stream().filter(warning -> warning.party().equals(party)).map(DstWarning::date)
                .toList();
    }

    static Party party(String key, Kind kind, ZoneId zone, String from, String to) {
        return new Party(key, key, kind, zone, hours(from, to));
    }

    static WeekHours hours(String from, String to) {
        Map<DayOfWeek, List<WeekHours.Span>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            days.put(day, List.of(new WeekHours.Span(LocalTime.parse(from), LocalTime.parse(to))));
        }
        return new WeekHours(days);
    }
}
