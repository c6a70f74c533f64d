package app.clientdesk.planning;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.planning.MeetingPlan.DstWarning;
import app.clientdesk.planning.MeetingPlan.PartyDate;
import app.clientdesk.planning.MeetingPlan.Slot;
import app.clientdesk.planning.MeetingQuery.Kind;
import app.clientdesk.planning.MeetingQuery.Party;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The meeting planner's promises over random parties in zones with odd rules (half and quarter hours, half-hour
 * DST, southern summers, zones that changed their rules), 2000 to 2040, checked against a plain walk of each
 * occurrence on each party's wall clock.
 */
class MeetingPlannerProperties {

    private static final List<String> ZONES = List.of("Europe/London", "America/New_York", "America/Sao_Paulo",
            "Australia/Sydney", "Pacific/Auckland", "Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe",
            "America/St_Johns", "Africa/Casablanca", "Asia/Tehran", "Europe/Moscow", "Pacific/Apia",
            "America/Santiago", "Europe/Berlin", "UTC");

    @Provide
    Arbitrary<MeetingQuery> queries() {
        Arbitrary<ZoneId> zones = Arbitraries.of(ZONES).map(ZoneId::of);
        Arbitrary<LocalDate> firstDates = Arbitraries.integers().between(0, 40 * 365)
                .map(days -> LocalDate.of(2000, 1, 1).plusDays(days));
        Arbitrary<List<Party>> parties = hours().list().ofMinSize(1).ofMaxSize(4).flatMap(hours -> {
            List<Arbitrary<Party>> each = new ArrayList<>();
            for (int i = 0; i < hours.size(); i++) {
                WeekHours weekHours = hours.get(i);
                String key = "p" + i;
                Kind kind = i % 2 == 0 ? Kind.MEMBER : Kind.CLIENT;
                each.add(zones.map(zone -> new Party(key, key, kind, zone, weekHours)));
            }
            return Combinators.combine(each).as(list -> list);
        });
        return Combinators.combine(parties, zones, firstDates, Arbitraries.integers().between(1, 60),
                        Arbitraries.of(30, 45, 60, 90, 120), Arbitraries.of(15, 30, 60),
                        Arbitraries.integers().between(0, 1_000_000))
                .as((list, organizer, first, weeks, minutes, step, seed) -> new MeetingQuery(
                        withHolidays(list, first, weeks, seed), organizer, first, weeks, Duration.ofMinutes(minutes),
                        Duration.ofMinutes(step), 25));
    }

    /** Working hours of one or two spans on some weekdays, between 06:00 and 23:30 (clear of clock changes). */
    private Arbitrary<WeekHours> hours() {
        Arbitrary<List<WeekHours.Span>> day = Arbitraries.integers().between(12, 44).flatMap(start ->
                Arbitraries.integers().between(1, 20).flatMap(length -> Arbitraries.integers().between(0, 6)
                        .map(gap -> {
                            List<WeekHours.Span> spans = new ArrayList<>();
                            int end = Math.min(start + length, 46);
                            spans.add(new WeekHours.Span(half(start), half(end)));
                            if (gap > 0 && end + gap < 46) {
                                spans.add(new WeekHours.Span(half(end + gap), half(46)));
                            } else if (gap == 0 && end < 46) {
                                // Two spans that touch, as one working stretch.
                                spans.add(new WeekHours.Span(half(end), half(46)));
                            }
                            return spans;
                        })));
        return Arbitraries.subsetOf(DayOfWeek.values()).ofMinSize(1).flatMap(days -> day.list().ofSize(days.size())
                .map(spans -> {
                    Map<DayOfWeek, List<WeekHours.Span>> map = new EnumMap<>(DayOfWeek.class);
                    int i = 0;
                    for (DayOfWeek weekday : days.stream().sorted().toList()) {
                        map.put(weekday, spans.get(i++));
                    }
                    return new WeekHours(map);
                }));
    }

    private static LocalTime half(int halfHours) {
        return LocalTime.of(halfHours / 2, halfHours % 2 * 30);
    }

    private static List<Party> withHolidays(List<Party> parties, LocalDate first, int weeks, int seed) {
        List<Party> result = new ArrayList<>();
        java.util.Random random = new java.util.Random(seed);
        for (Party party : parties) {
            Set<LocalDate> days = new HashSet<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                days.add(first.plusDays(random.nextInt(weeks * 7)));
            }
            result.add(new Party(party.key(), party.name(), party.kind(), party.zone(), party.hours(), days));
        }
        return result;
    }

    @Property(tries = 150)
    void aSlotCountsExactlyTheWeeksItFallsOutsideSomeonesHours(@ForAll("queries") MeetingQuery query) {
        for (Slot slot : MeetingPlanner.find(query).slots()) {
            List<PartyDate> outside = new ArrayList<>();
            List<PartyDate> holidays = new ArrayList<>();
            for (int week = 0; week < query.weeks(); week++) {
                ZonedDateTime start = occurrence(query, slot, week);
                for (Party party : query.parties()) {
                    PartyDate at = new PartyDate(start.toLocalDate(), party.key());
                    boolean holiday = party.holidays().contains(start.withZoneSameInstant(party.zone()).toLocalDate());
                    if (holiday) {
                        holidays.add(at);
                    } else if (!everyMinuteInside(party, start.toInstant(), query.duration())) {
                        outside.add(at);
                    }
                }
            }
            assertThat(slot.outside()).as("%s %s", slot.day(), slot.time()).isEqualTo(outside);
            assertThat(slot.holidays()).isEqualTo(holidays);
            assertThat(slot.partyWeeksOutside()).isEqualTo(outside.size());
            assertThat(slot.insideAllWeeks()).isEqualTo(outside.isEmpty());
        }
    }

    @Property(tries = 150)
    void warningsFallExactlyOnTheDatesSomeonesLocalTimeMoves(@ForAll("queries") MeetingQuery query) {
        for (Slot slot : MeetingPlanner.find(query).slots()) {
            List<DstWarning> expected = new ArrayList<>();
            for (int week = 1; week < query.weeks(); week++) {
                ZonedDateTime previous = occurrence(query, slot, week - 1);
                ZonedDateTime start = occurrence(query, slot, week);
                for (Party party : query.parties()) {
                    LocalDateTime was = previous.withZoneSameInstant(party.zone()).toLocalDateTime().plusWeeks(1);
                    LocalDateTime now = start.withZoneSameInstant(party.zone()).toLocalDateTime();
                    if (!was.equals(now)) {
                        expected.add(new DstWarning(start.toLocalDate(), party.key(), was, now,
                                !everyMinuteInside(party, start.toInstant(), query.duration())));
                    }
                }
            }
            assertThat(slot.dstWarnings()).as("%s %s", slot.day(), slot.time()).isEqualTo(expected);
        }
    }

    @Property(tries = 100)
    void slotsComeBestFirstAndTheOutcomeSaysWhetherOneFitsEveryWeek(@ForAll("queries") MeetingQuery query) {
        MeetingPlan plan = MeetingPlanner.find(query);
        List<Slot> slots = plan.slots();
        assertThat(slots).hasSize(Math.min(25, 7 * (int) (Duration.ofDays(1).toMinutes() / query.step().toMinutes())));
        for (int i = 1; i < slots.size(); i++) {
            Slot a = slots.get(i - 1);
            Slot b = slots.get(i);
            assertThat(a.partyWeeksOutside() < b.partyWeeksOutside() || a.partyWeeksOutside() == b.partyWeeksOutside()
                    && (a.dstWarnings().size() < b.dstWarnings().size() || a.dstWarnings().size() == b.dstWarnings()
                    .size() && weekOrder(a) < weekOrder(b))).as("%s before %s", a, b).isTrue();
        }
        assertThat(plan.noSlotInsideAllWeeks()).isEqualTo(!slots.get(0).insideAllWeeks());
        if (plan.impossible()) {
            assertThat(plan.weeks()).noneMatch(week -> week.fits(query.duration()));
        }
        // A slot inside everyone's hours in a week lies in that week's common time.
        for (Slot slot : slots) {
            for (int week = 0; week < query.weeks(); week++) {
                ZonedDateTime start = occurrence(query, slot, week);
                Interval meeting = new Interval(start.toInstant(), start.toInstant().plus(query.duration()));
                boolean everyoneIn = query.parties().stream().allMatch(party -> !party.holidays().contains(
                        start.withZoneSameInstant(party.zone()).toLocalDate())
                        && everyMinuteInside(party, start.toInstant(), query.duration()));
                if (everyoneIn && !meeting.start().isBefore(weekStart(query, week))
                        && !meeting.end().isAfter(weekStart(query, week + 1))) {
                    assertThat(plan.weeks().get(week).overlap()).anyMatch(common -> common.contains(meeting));
                }
            }
        }
    }

    @Property(tries = 50)
    void theSameQueryGivesTheSamePlan(@ForAll("queries") MeetingQuery query) {
        assertThat(MeetingPlanner.find(query)).isEqualTo(MeetingPlanner.find(query));
    }

    private static ZonedDateTime occurrence(MeetingQuery query, Slot slot, int week) {
        int ahead = (slot.day().getValue() - query.firstDate().getDayOfWeek().getValue() + 7) % 7;
        return ZonedDateTime.of(query.firstDate().plusDays(ahead).plusWeeks(week), slot.time(), query.organizerZone());
    }

    private static Instant weekStart(MeetingQuery query, int week) {
        return query.firstDate().plusWeeks(week).atStartOfDay(query.organizerZone()).toInstant();
    }

    private static int weekOrder(Slot slot) {
        return slot.day().getValue() * 24 * 60 + slot.time().getHour() * 60 + slot.time().getMinute();
    }

    /** The party's wall clock reads a working time at every minute of the meeting. */
    private static boolean everyMinuteInside(Party party, Instant start, Duration duration) {
        for (long minute = 0; minute < duration.toMinutes(); minute++) {
            if (!party.hours().contains(start.plusSeconds(minute * 60).atZone(party.zone()))) {
                return false;
            }
        }
        return true;
    }
}
