package app.clientdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import app.clientdesk.clients.BusinessHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class WorkingCalendarTest {

    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    private static final List<String> ZONES = List.of("America/Sao_Paulo", "Australia/Sydney", "Europe/Lisbon",
            "America/New_York", "Asia/Kolkata", "Pacific/Chatham", "Pacific/Apia", "UTC");
    private static final Instant FROM = Instant.parse("2010-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2030-12-31T00:00:00Z");

    // --- properties -------------------------------------------------------------------------------------------

    @Property(tries = 400)
    void addingThenMeasuringGivesTheSameSpan(@ForAll("calendars") WorkingCalendar calendar,
            @ForAll("instants") Instant start, @ForAll("durations") Duration businessTime) {
        Instant due = calendar.dueAt(start, businessTime);

        assertThat(due).isAfterOrEqualTo(start);
        assertThat(calendar.businessTimeBetween(start, due)).isEqualTo(businessTime);
    }

    @Property(tries = 300)
    void measuringThenAddingNeverOvershoots(@ForAll("calendars") WorkingCalendar calendar,
            @ForAll("instants") Instant a, @ForAll @IntRange(min = 0, max = 20 * 24 * 60) int minutesLater) {
        Instant b = a.plus(Duration.ofMinutes(minutesLater));
        Duration measured = calendar.businessTimeBetween(a, b);

        Instant due = calendar.dueAt(a, measured);
        assertThat(calendar.businessTimeBetween(a, due)).isEqualTo(measured);
        if (!measured.isZero()) {
            assertThat(due).isBeforeOrEqualTo(b);
            assertThat(calendar.businessTimeBetween(due, b)).isZero();
        }
    }

    @Property(tries = 300)
    void dueAtIsMonotoneInTheStart(@ForAll("calendars") WorkingCalendar calendar, @ForAll("instants") Instant start,
            @ForAll @IntRange(min = 0, max = 7 * 24 * 60) int minutesLater, @ForAll("durations") Duration businessTime) {
        Instant later = start.plus(Duration.ofMinutes(minutesLater));

        assertThat(calendar.dueAt(later, businessTime)).isAfterOrEqualTo(calendar.dueAt(start, businessTime));
    }

    @Property(tries = 300)
    void dueAtIsMonotoneInTheDuration(@ForAll("calendars") WorkingCalendar calendar, @ForAll("instants") Instant start,
            @ForAll("durations") Duration shorter, @ForAll @IntRange(min = 0, max = 600) int moreMinutes) {
        Duration longer = shorter.plusMinutes(moreMinutes);

        assertThat(calendar.dueAt(start, longer)).isAfterOrEqualTo(calendar.dueAt(start, shorter));
    }

    @Property(tries = 300)
    void zeroDurationAtANonWorkingTimeLandsAtTheNextWorkingStart(@ForAll("calendars") WorkingCalendar calendar,
            @ForAll("instants") Instant start) {
        Instant due = calendar.dueAt(start, Duration.ZERO);

        if (calendar.isWorkingAt(start)) {
            assertThat(due).isEqualTo(start);
        } else {
            assertThat(due).isAfter(start);
            assertThat(calendar.isWorkingAt(due)).as("work has started at %s", due).isTrue();
            assertThat(calendar.isWorkingAt(due.minusNanos(1))).as("but not a moment before").isFalse();
            assertThat(calendar.businessTimeBetween(start, due)).isZero();
        }
    }

    @Property(tries = 300)
    void measuringAddsUpOverAnySplit(@ForAll("calendars") WorkingCalendar calendar, @ForAll("instants") Instant a,
            @ForAll @IntRange(min = 0, max = 10 * 24 * 60) int toMiddle, @ForAll @IntRange(min = 0, max = 10 * 24 * 60) int toEnd) {
        Instant middle = a.plus(Duration.ofMinutes(toMiddle));
        Instant b = middle.plus(Duration.ofMinutes(toEnd));

        assertThat(calendar.businessTimeBetween(a, middle).plus(calendar.businessTimeBetween(middle, b)))
                .isEqualTo(calendar.businessTimeBetween(a, b));
    }

    /**
     * On each DST change of São Paulo (historical: clocks went forward at midnight until 2019), Sydney and Lisbon, a
     * working day counts exactly the real time between its opening and closing instants: an hour less or more only
     * when the jump falls between them.
     */
    @Property(tries = 200)
    void aDstDayCountsTheRealTimeBetweenOpeningAndClosing(@ForAll("dstDays") ZonedDateTime transitionDay,
            @ForAll("spans") BusinessHours.Span span) {
        ZoneId zone = transitionDay.getZone();
        LocalDate day = transitionDay.toLocalDate();
        WorkingCalendar calendar = new WorkingCalendar(everyDay(span), List.of(), zone);
        Instant dayStart = day.atStartOfDay(zone).toInstant();
        Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
        Duration nominal = Duration.between(span.opens(), span.closes());
        Duration jump = jumpWithin(zone, day, span);

        assertThat(calendar.businessTimeBetween(dayStart, dayEnd)).isEqualTo(nominal.plus(jump));
        if (!nominal.plus(jump).isZero()) {
            assertThat(calendar.dueAt(dayStart, nominal.plus(jump))).isBeforeOrEqualTo(dayEnd);
        }
    }

    // --- examples -----------------------------------------------------------------------------------------------

    @Example
    void fridayFivePmPlusTwoHoursIsMondayTenAm() {
        WorkingCalendar calendar = WorkingCalendar.standard(SAO_PAULO);
        Instant friday = at(SAO_PAULO, "2026-12-04T17:00");

        assertThat(calendar.dueAt(friday, Duration.ofHours(2))).isEqualTo(at(SAO_PAULO, "2026-12-07T10:00"));
        assertThat(calendar.businessTimeBetween(friday, at(SAO_PAULO, "2026-12-07T10:00")))
                .isEqualTo(Duration.ofHours(2));
    }

    @Example
    void aHolidayIsSkipped() {
        WorkingCalendar calendar = new WorkingCalendar(WorkingCalendar.standardHours(),
                List.of(new Holiday(LocalDate.of(2026, 12, 25), "Natal")), SAO_PAULO);

        assertThat(calendar.dueAt(at(SAO_PAULO, "2026-12-24T17:00"), Duration.ofHours(2)))
                .isEqualTo(at(SAO_PAULO, "2026-12-28T10:00"));
        assertThat(calendar.isWorkingAt(at(SAO_PAULO, "2026-12-25T11:00"))).isFalse();
        assertThat(calendar.holiday(LocalDate.of(2026, 12, 25))).contains("Natal");
    }

    @Example
    void workEndingExactlyAtCloseIsDueAtCloseNotAtTheNextOpening() {
        WorkingCalendar calendar = WorkingCalendar.standard(SAO_PAULO);

        assertThat(calendar.dueAt(at(SAO_PAULO, "2026-12-04T16:00"), Duration.ofHours(2)))
                .isEqualTo(at(SAO_PAULO, "2026-12-04T18:00"));
        assertThat(calendar.dueAt(at(SAO_PAULO, "2026-12-04T18:00"), Duration.ZERO))
                .isEqualTo(at(SAO_PAULO, "2026-12-07T09:00"));
        assertThat(calendar.dueAt(at(SAO_PAULO, "2026-12-05T12:34:56"), Duration.ofMinutes(1)))
                .isEqualTo(at(SAO_PAULO, "2026-12-07T09:01"));
    }

    @Example
    void lisbonSpringForwardTakesAnHourOnlyWhenTheGapIsInsideWorkingHours() {
        // 30 March 2025: at 01:00 Lisbon jumps to 02:00.
        LocalDate day = LocalDate.of(2025, 3, 30);
        WorkingCalendar night = new WorkingCalendar(everyDay(span("00:30", "06:00")), List.of(), LISBON);
        WorkingCalendar office = new WorkingCalendar(everyDay(span("09:00", "18:00")), List.of(), LISBON);

        assertThat(workOn(night, day)).isEqualTo(Duration.ofMinutes(270));
        assertThat(workOn(night, day.minusDays(1))).isEqualTo(Duration.ofMinutes(330));
        assertThat(workOn(office, day)).isEqualTo(Duration.ofHours(9));
        // 30 minutes of work after 00:30 end at 01:00, which the clock shows as 02:00.
        assertThat(night.dueAt(at(LISBON, "2025-03-30T00:30"), Duration.ofMinutes(45)))
                .isEqualTo(at(LISBON, "2025-03-30T02:15"));
    }

    @Example
    void saoPauloSpringForwardAtMidnightTakesAnHourFromADayThatStartsAtMidnight() {
        // 4 November 2018: at 00:00 São Paulo jumped to 01:00 (its last DST began then).
        LocalDate day = LocalDate.of(2018, 11, 4);
        WorkingCalendar allDay = new WorkingCalendar(everyDay(span("00:00", "23:59")), List.of(), SAO_PAULO);
        WorkingCalendar office = new WorkingCalendar(everyDay(span("09:00", "18:00")), List.of(), SAO_PAULO);

        assertThat(workOn(allDay, day)).isEqualTo(Duration.ofMinutes(22 * 60 + 59));
        assertThat(workOn(office, day)).isEqualTo(Duration.ofHours(9));
        // 17 February 2019: at 00:00 the clocks went back to 23:00 of the 16th, so the 16th read 23:00-23:59 twice.
        assertThat(workOn(allDay, LocalDate.of(2019, 2, 16))).isEqualTo(Duration.ofMinutes(24 * 60 + 58));
        assertThat(workOn(office, LocalDate.of(2019, 2, 16))).isEqualTo(Duration.ofHours(9));
    }

    @Example
    void sydneyFallBackGivesAnHourMoreOnlyWhenTheRepeatedHourIsWorked() {
        // 6 April 2025: at 03:00 Sydney goes back to 02:00.
        LocalDate day = LocalDate.of(2025, 4, 6);
        WorkingCalendar early = new WorkingCalendar(everyDay(span("01:00", "05:00")), List.of(), SYDNEY);
        WorkingCalendar office = new WorkingCalendar(everyDay(span("09:00", "18:00")), List.of(), SYDNEY);

        assertThat(workOn(early, day)).isEqualTo(Duration.ofHours(5));
        assertThat(workOn(office, day)).isEqualTo(Duration.ofHours(9));
    }

    @Example
    void aClientInSydneyAndAVaInSaoPauloReadTheSameDueTimeOnDifferentDays() {
        // The VA works 09:00-18:00 São Paulo time; a request arrives at 09:00 Monday in Sydney (Sunday 19:00 in
        // São Paulo): the clock starts on Monday morning in São Paulo.
        WorkingCalendar calendar = WorkingCalendar.standard(SAO_PAULO);
        Instant received = at(SYDNEY, "2026-12-07T09:00");

        Instant due = calendar.dueAt(received, Duration.ofHours(4));

        assertThat(due).isEqualTo(at(SAO_PAULO, "2026-12-07T13:00"));
        assertThat(due.atZone(SYDNEY).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-12-08T03:00"));
    }

    @Example
    void negativeBusinessTimeIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WorkingCalendar.standard(SAO_PAULO).dueAt(Instant.EPOCH, Duration.ofMinutes(-1)));
    }

    // --- generators and helpers ---------------------------------------------------------------------------------

    @Provide
    Arbitrary<BusinessHours.Span> spans() {
        return Arbitraries.integers().between(0, 1439 - 15).flatMap(opens -> Arbitraries.integers()
                .between(opens + 15, 1439).map(closes -> new BusinessHours.Span(
                        LocalTime.MIDNIGHT.plusMinutes(opens), LocalTime.MIDNIGHT.plusMinutes(closes))));
    }

    @Provide
    Arbitrary<WorkingCalendar> calendars() {
        Arbitrary<Map<DayOfWeek, BusinessHours.Span>> weeks = Arbitraries.maps(Arbitraries.of(DayOfWeek.class),
                spans()).ofMinSize(1).ofMaxSize(7);
        Arbitrary<List<Holiday>> holidays = Arbitraries.integers().between(0, 365 * 21)
                .map(d -> new Holiday(LocalDate.of(2010, 1, 1).plusDays(d), "Holiday")).list().ofMaxSize(30);
        Arbitrary<ZoneId> zones = Arbitraries.of(ZONES).map(ZoneId::of);
        return Combinators.combine(weeks, holidays, zones).as((w, h, z) -> new WorkingCalendar(
                new BusinessHours(new EnumMap<>(w)), dedupe(h), z));
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(FROM.getEpochSecond(), TO.getEpochSecond()).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<Duration> durations() {
        return Arbitraries.integers().between(0, 100 * 60).map(Duration::ofMinutes);
    }

    @Provide
    Arbitrary<ZonedDateTime> dstDays() {
        List<ZonedDateTime> days = new ArrayList<>();
        for (ZoneId zone : List.of(SAO_PAULO, SYDNEY, LISBON)) {
            zone.getRules().getTransitions().stream()
                    .filter(t -> t.getInstant().isAfter(FROM) && t.getInstant().isBefore(TO))
                    .forEach(t -> days.add(t.getInstant().atZone(zone)));
            zone.getRules().getTransitionRules().forEach(rule -> {
                for (int year = 2020; year <= 2030; year++) {
                    days.add(rule.createTransition(year).getInstant().atZone(zone));
                }
            });
        }
        return Arbitraries.of(days);
    }

    /** The real time added (negative: taken) by the zone's change on {@code day} between opening and closing. */
    private static Duration jumpWithin(ZoneId zone, LocalDate day, BusinessHours.Span span) {
        Instant from = day.minusDays(1).atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(2).atStartOfDay(zone).toInstant();
        Duration jump = Duration.ZERO;
        var rules = zone.getRules();
        for (var t = rules.nextTransition(from); t != null && t.getInstant().isBefore(to);
                t = rules.nextTransition(t.getInstant())) {
            LocalDateTime before = t.getDateTimeBefore();
            LocalDateTime after = t.getDateTimeAfter();
            LocalDateTime opens = day.atTime(span.opens());
            LocalDateTime closes = day.atTime(span.closes());
            if (t.isGap()) {
                // Wall-clock times from 'before' to 'after' never show: the part inside the span is not worked.
                jump = jump.minus(overlap(before, after, opens, closes));
            } else {
                // Wall-clock times from 'after' to 'before' show twice: the part inside the span is worked twice.
                jump = jump.plus(overlap(after, before, opens, closes));
            }
        }
        return jump;
    }

    private static Duration overlap(LocalDateTime a0, LocalDateTime a1, LocalDateTime b0, LocalDateTime b1) {
        LocalDateTime from = a0.isAfter(b0) ? a0 : b0;
        LocalDateTime to = a1.isBefore(b1) ? a1 : b1;
        return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
    }

    private static List<Holiday> dedupe(List<Holiday> holidays) {
        Map<LocalDate, Holiday> byDate = new java.util.TreeMap<>();
        holidays.forEach(h -> byDate.put(h.date(), h));
        return List.copyOf(byDate.values());
    }

    private static BusinessHours everyDay(BusinessHours.Span span) {
        Map<DayOfWeek, BusinessHours.Span> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day, span);
        }
        return new BusinessHours(days);
    }

    private static BusinessHours.Span span(String opens, String closes) {
        return new BusinessHours.Span(LocalTime.parse(opens), LocalTime.parse(closes));
    }

    private static Duration workOn(WorkingCalendar calendar, LocalDate day) {
        return calendar.businessTimeBetween(day.atStartOfDay(calendar.zone()).toInstant(),
                day.plusDays(1).atStartOfDay(calendar.zone()).toInstant());
    }

    private static Instant at(ZoneId zone, String local) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }
}
