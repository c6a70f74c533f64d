package app.clientdesk.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Readable cases of the auto-planner: what a person in Sydney, London or São Paulo sees in the proposal. */
class AutoPlannerTest {

    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private final AutoPlanner planner = new AutoPlanner();

    @Test
    void inSydneyTheFocusLimitIsCountedPerSydneyDayAcrossTheSpringForward() {
        // Clocks go forward on Sunday 4 October 2026; 08:00 is 22:00 UTC the day before until then, 21:00 after.
        WeekHours hours = everyDay(new WeekHours.Span(time("08:00"), time("12:00")),
                new WeekHours.Span(time("13:00"), time("17:00")));
        PlanPerson ana = person(SYDNEY, hours, LocalDate.of(2026, 10, 2), 7, Duration.ZERO, Duration.ofHours(6));
        PlanTask books = PlanTask.simple(id(1), ana.id(), Duration.ofHours(20), null);

        Plan plan = planner.plan(new PlanRequest(at("2026-10-02T08:00", SYDNEY), at("2026-10-09T00:00", SYDNEY),
                List.of(ana), List.of(books)));

        assertThat(local(plan, SYDNEY)).containsExactly(
                "Fri 02 08:00-12:00", "Fri 02 13:00-15:00",
                "Sat 03 08:00-12:00", "Sat 03 13:00-15:00",
                "Sun 04 08:00-12:00", "Sun 04 13:00-15:00",
                "Mon 05 08:00-10:00");
        assertThat(plan.blocks().get(2).start()).isEqualTo(Instant.parse("2026-10-02T22:00:00Z"));
        assertThat(plan.blocks().get(4).start()).isEqualTo(Instant.parse("2026-10-03T21:00:00Z"));
    }

    @Test
    void inLondonTheNightTheClocksGoBackHasAnHourMoreButStillOnlyTheDaysFocusLimit() {
        // 25 October 2026: 02:00 BST becomes 01:00 GMT, so 00:00-03:00 that night is four real hours.
        WeekHours nights = everyDay(new WeekHours.Span(time("00:00"), time("03:00")));
        PlanPerson ben = person(LONDON, nights, LocalDate.of(2026, 10, 24), 5, Duration.ZERO, Duration.ofMinutes(210));
        PlanTask translation = PlanTask.simple(id(1), ben.id(), Duration.ofHours(10), null);

        Plan plan = planner.plan(new PlanRequest(at("2026-10-24T00:00", LONDON), at("2026-10-29T00:00", LONDON),
                List.of(ben), List.of(translation)));

        assertThat(local(plan, LONDON)).containsExactly("Sat 24 00:00-03:00", "Sun 25 00:00-02:30",
                "Mon 26 00:00-03:00", "Tue 27 00:00-00:30");
        assertThat(plan.blocks().get(1).interval().duration()).isEqualTo(Duration.ofMinutes(210));
    }

    @Test
    void tasksOfOneTypeAreBatchedBackToBackAndKeepTheBufferToOtherWork() {
        PlanPerson carla = person(SAO_PAULO, WeekHours.standard(), LocalDate.of(2026, 12, 7), 5,
                Duration.ofMinutes(15), null);
        Instant monday = at("2026-12-07T09:00", SAO_PAULO);
        PlanTask report = PlanTask.simple(id(1), carla.id(), Duration.ofHours(1), monday.plus(Duration.ofHours(2)));
        PlanTask firstEmails = typed(id(2), carla.id(), Duration.ofMinutes(30), monday.plus(Duration.ofHours(3)), "email");
        PlanTask invoice = PlanTask.simple(id(3), carla.id(), Duration.ofMinutes(45), monday.plus(Duration.ofHours(5)));
        PlanTask laterEmails = typed(id(4), carla.id(), Duration.ofMinutes(30), monday.plus(Duration.ofDays(2)), "email");

        Plan plan = planner.plan(new PlanRequest(monday, monday.plus(Duration.ofDays(5)), List.of(carla),
                List.of(invoice, laterEmails, report, firstEmails)));

        assertThat(local(plan, SAO_PAULO)).containsExactly("Mon 07 09:00-10:00", "Mon 07 10:15-10:45",
                "Mon 07 10:45-11:15", "Mon 07 11:30-12:15");
        assertThat(plan.blocks()).extracting(ProposedBlock::taskId).containsExactly(id(1), id(2), id(4), id(3));
        assertThat(plan.blocks()).extracting(ProposedBlock::batch).containsExactly(null, "email #1", "email #1", null);
    }

    @Test
    void aTaskThatCannotFinishInTimeIsAtRiskByHowLateItWillBe() {
        PlanPerson dan = person(LONDON, WeekHours.standard(), LocalDate.of(2026, 12, 7), 5, Duration.ZERO, null);
        Instant monday = at("2026-12-07T09:00", LONDON);
        PlanTask proposal = PlanTask.simple(id(1), dan.id(), Duration.ofHours(3), monday.plus(Duration.ofHours(1)));
        PlanTask audit = PlanTask.simple(id(2), dan.id(), Duration.ofHours(30), monday.plus(Duration.ofHours(4)));
        PlanTask filing = PlanTask.simple(id(3), dan.id(), Duration.ofHours(2), monday.plus(Duration.ofDays(1)));

        Plan plan = planner.plan(new PlanRequest(monday, at("2026-12-09T18:00", LONDON), List.of(dan),
                List.of(proposal, audit, filing)));

        assertThat(plan.unplaced()).containsExactly(id(2));
        assertThat(plan.atRisk()).extracting(LateTask::taskId).containsExactly(id(1), id(2));
        LateTask proposalLate = plan.atRisk().get(0);
        assertThat(proposalLate.plannedEnd()).isEqualTo(at("2026-12-07T12:00", LONDON));
        assertThat(proposalLate.lateByMinutes()).isEqualTo(120);
        LateTask auditLate = plan.atRisk().get(1);
        assertThat(auditLate.plannedEnd()).isNull();
        assertThat(auditLate.lateBy()).isEqualTo(Duration.between(monday.plus(Duration.ofHours(4)),
                at("2026-12-09T18:00", LONDON)));
    }

    @Test
    void aDayIsOverCapacityWhenTheWorkDueByItsEndExceedsTheFocusTimeLeftUntilThen() {
        PlanPerson eva = person(SAO_PAULO, WeekHours.standard(), LocalDate.of(2026, 12, 7), 5, Duration.ZERO,
                Duration.ofHours(4));
        Instant monday = at("2026-12-07T09:00", SAO_PAULO);
        PlanTask call = PlanTask.simple(id(1), eva.id(), Duration.ofHours(1), at("2026-12-07T18:00", SAO_PAULO));
        PlanTask books = PlanTask.simple(id(2), eva.id(), Duration.ofHours(6), at("2026-12-08T17:00", SAO_PAULO));
        PlanTask payroll = PlanTask.simple(id(3), eva.id(), Duration.ofHours(3), at("2026-12-08T18:00", SAO_PAULO));

        Plan plan = planner.plan(new PlanRequest(monday, monday.plus(Duration.ofDays(5)), List.of(eva),
                List.of(call, books, payroll)));

        assertThat(plan.overCapacity()).containsExactly(new OverCapacityDay(eva.id(), LocalDate.of(2026, 12, 8),
                Duration.ofHours(10), Duration.ofHours(8), Duration.ofHours(2)));
        assertThat(plan.atRisk()).extracting(LateTask::taskId).containsExactly(id(3));
    }

    @Test
    void aTeamPlanGivesEachTaskToItsAssigneeAndListsTheUnassigned() {
        PlanPerson fay = person(LONDON, WeekHours.standard(), LocalDate.of(2026, 12, 7), 5, Duration.ZERO, null);
        PlanPerson gil = person(SAO_PAULO, WeekHours.standard(), LocalDate.of(2026, 12, 7), 5, Duration.ZERO, null);
        Instant now = Instant.parse("2026-12-07T09:00:00Z");
        Plan plan = planner.plan(new PlanRequest(now, now.plus(Duration.ofDays(4)), List.of(fay, gil), List.of(
                PlanTask.simple(id(1), fay.id(), Duration.ofHours(2), null),
                PlanTask.simple(id(2), gil.id(), Duration.ofHours(2), null),
                PlanTask.simple(id(3), null, Duration.ofHours(2), null))));

        assertThat(plan.blocks()).extracting(ProposedBlock::personId, ProposedBlock::taskId, ProposedBlock::start)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(fay.id(), id(1), Instant.parse("2026-12-07T09:00:00Z")),
                        org.assertj.core.groups.Tuple.tuple(gil.id(), id(2), Instant.parse("2026-12-07T12:00:00Z")));
        assertThat(plan.unassigned()).containsExactly(id(3));
        assertThat(plan.unplaced()).isEmpty();
    }

    @Test
    void aTaskThatNeedsTheClientOnlineWaitsForTheClientsBusinessHours() {
        PlanPerson hal = person(LONDON, WeekHours.standard(), LocalDate.of(2026, 12, 7), 5, Duration.ZERO, null);
        List<Interval> newYorkHours = WeekHours.standard().windows(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 12),
                NEW_YORK, Set.of());
        PlanTask onboarding = new PlanTask(id(1), hal.id(), Duration.ofHours(2), null, null, false, false, null, true,
                newYorkHours);

        Plan plan = planner.plan(new PlanRequest(at("2026-12-07T09:00", LONDON), at("2026-12-12T00:00", LONDON),
                List.of(hal), List.of(onboarding)));

        assertThat(local(plan, LONDON)).containsExactly("Mon 07 14:00-16:00");
    }

    private static PlanTask typed(UUID id, UUID assignee, Duration estimate, Instant due, String type) {
        return new PlanTask(id, assignee, estimate, due, null, false, false, type, false, List.of());
    }

    private static PlanPerson person(ZoneId zone, WeekHours hours, LocalDate from, int days, Duration buffer,
            Duration focusLimit) {
        return new PlanPerson(UUID.randomUUID(), zone, hours.windows(from, from.plusDays(days), zone, Set.of()),
                List.of(), List.of(), buffer, focusLimit);
    }

    private static WeekHours everyDay(WeekHours.Span... spans) {
        Map<DayOfWeek, List<WeekHours.Span>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day, List.of(spans));
        }
        return new WeekHours(days);
    }

    private static List<String> local(Plan plan, ZoneId zone) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE dd HH:mm", java.util.Locale.ENGLISH);
        DateTimeFormatter hour = DateTimeFormatter.ofPattern("HH:mm");
        return plan.blocks().stream()
                .map(block -> day.format(block.start().atZone(zone)) + "-" + hour.format(block.end().atZone(zone)))
                .toList();
    }

    private static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    private static LocalTime time(String text) {
        return LocalTime.parse(text);
    }

    private static UUID id(int n) {
        return new UUID(0, n);
    }
}
