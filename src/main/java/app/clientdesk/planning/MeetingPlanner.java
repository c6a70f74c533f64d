package app.clientdesk.planning;

import app.clientdesk.planning.MeetingPlan.DstWarning;
import app.clientdesk.planning.MeetingPlan.Outcome;
import app.clientdesk.planning.MeetingPlan.PartyDate;
import app.clientdesk.planning.MeetingPlan.Slot;
import app.clientdesk.planning.MeetingPlan.WeekOverlap;
import app.clientdesk.planning.MeetingQuery.Party;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds a weekly meeting time for people in several zones: where their hours overlap week by week, and every
 * candidate slot (each step of each weekday in the organizer's zone) ranked by how well it holds over the weeks.
 *
 * <p>Each occurrence is placed as a calendar places an RRULE with a TZID: the same wall-clock time in the
 * organizer's zone every week (a time a clock change skips moves forward by the gap), lasting the meeting's real
 * duration. An occurrence is inside a party's hours when it fits in one stretch of their working time; spans of a
 * day that touch (09:00–12:00, 12:00–18:00) count as one stretch. A party's day off (by their local date of the
 * meeting's start) excuses that week: it is listed on the slot, not counted as outside hours, since a holiday
 * makes someone miss one meeting rather than rule out the slot.
 *
 * <p>Ranking: fewest party-weeks outside hours (zero means inside all weeks), then fewest DST warnings, then
 * earliest in the week (Monday first, in the organizer's zone). The same query always gives the same plan.
 * The planner does not know about meetings already booked; it reads hours, not calendars.
 */
public final class MeetingPlanner {

    private static final long DAY = 86_400;
    private static final long WEEK = 7 * DAY;

    private MeetingPlanner() {}

    public static MeetingPlan find(MeetingQuery query) {
        return new Run(query).plan();
    }

    /**
     * One weekly slot, {@code day} at {@code time} in the organizer's zone, judged as {@link #find} judges the
     * slots it ranks: for the slot a person picked, or a meeting that already exists. {@code time} need not be on
     * the query's step.
     */
    public static Slot slot(MeetingQuery query, DayOfWeek day, LocalTime time) {
        return Objects.requireNonNull(new Run(query).evaluate(day, time, true).slot);
    }

    /** The precomputed hours of every party and the occurrence grid of one query. */
    private static final class Run {

        private final MeetingQuery query;
        private final List<Party> parties;
        private final ZoneRules[] rules;
        private final Stretches[] working;
        private final long[][] holidayDays;
        private final LocalDate[] firstDates = new LocalDate[7];
        private final int slotsPerDay;
        private final long durationSeconds;

        Run(MeetingQuery query) {
            this.query = query;
            this.parties = query.parties();
            int n = parties.size();
            rules = new ZoneRules[n];
            working = new Stretches[n];
            holidayDays = new long[n][];
            // Two days either side: an occurrence's local date can be a day off from the organizer's.
            LocalDate from = query.firstDate().minusDays(2);
            LocalDate to = query.firstDate().plusWeeks(query.weeks()).plusDays(2);
            for (int p = 0; p < n; p++) {
                Party party = parties.get(p);
                rules[p] = party.zone().getRules();
                working[p] = Stretches.of(party.hours().windows(from, to, party.zone(), Set.of()));
                holidayDays[p] = party.holidays().stream().mapToLong(LocalDate::toEpochDay).sorted().toArray();
            }
            for (DayOfWeek day : DayOfWeek.values()) {
                int ahead = (day.getValue() - query.firstDate().getDayOfWeek().getValue() + 7) % 7;
                firstDates[day.ordinal()] = query.firstDate().plusDays(ahead);
            }
            slotsPerDay = (int) (Duration.ofDays(1).toMinutes() / query.step().toMinutes());
            durationSeconds = query.duration().toSeconds();
        }

        MeetingPlan plan() {
            List<WeekOverlap> weeks = overlaps();
            int count = 7 * slotsPerDay;
            int[] outside = new int[count];
            int[] warnings = new int[count];
            for (int s = 0; s < count; s++) {
                Tally tally = evaluate(s, false);
                outside[s] = tally.outside;
                warnings[s] = tally.warnings;
            }
            Integer[] order = new Integer[count];
            Arrays.setAll(order, i -> i);
            // Slot numbers already run Monday 00:00 first, so the index breaks the last tie by time in the week.
            Arrays.sort(order, Comparator.<Integer>comparingInt(s -> outside[s]).thenComparingInt(s -> warnings[s])
                    .thenComparingInt(s -> s));
            List<Slot> slots = new ArrayList<>();
            for (int i = 0; i < Math.min(query.slotsWanted(), count); i++) {
                slots.add(Objects.requireNonNull(evaluate(order[i], true).slot));
            }
            Outcome outcome;
            if (outside[order[0]] == 0) {
                outcome = Outcome.INSIDE_ALL_WEEKS;
            } else if (weeks.stream().anyMatch(week -> week.fits(query.duration()))) {
                outcome = Outcome.COMPROMISE;
            } else {
                outcome = Outcome.NO_OVERLAP;
            }
            return new MeetingPlan(outcome, weeks, slots);
        }

        /** Everyone's working time minus their holidays, intersected, cut into the query's weeks. */
        private List<WeekOverlap> overlaps() {
            ZoneId organizer = query.organizerZone();
            LocalDate from = query.firstDate().minusDays(2);
            LocalDate to = query.firstDate().plusWeeks(query.weeks()).plusDays(2);
            Stretches common = free(parties.get(0), from, to);
            for (Party party : parties.subList(1, parties.size())) {
                common = common.intersect(free(party, from, to));
            }
            List<WeekOverlap> weeks = new ArrayList<>();
            for (int w = 0; w < query.weeks(); w++) {
                LocalDate start = query.firstDate().plusWeeks(w);
                long weekStart = start.atStartOfDay(organizer).toEpochSecond();
                long weekEnd = start.plusWeeks(1).atStartOfDay(organizer).toEpochSecond();
                List<Interval> overlap = common.clip(weekStart, weekEnd);
                Duration longest = overlap.stream().map(Interval::duration).max(Comparator.naturalOrder())
                        .orElse(Duration.ZERO);
                weeks.add(new WeekOverlap(start, overlap, longest));
            }
            return weeks;
        }

        private static Stretches free(Party party, LocalDate from, LocalDate to) {
            return Stretches.of(party.hours().windows(from, to, party.zone(), party.holidays()));
        }

        private record Tally(int outside, int warnings, @Nullable Slot slot) {}

        /** Slot numbers run from Monday 00:00 by the query's step. */
        private Tally evaluate(int slotNumber, boolean detailed) {
            DayOfWeek day = DayOfWeek.of(slotNumber / slotsPerDay + 1);
            LocalTime time = LocalTime.ofSecondOfDay((slotNumber % slotsPerDay) * query.step().toSeconds());
            return evaluate(day, time, detailed);
        }

        /** Walks one slot through every week; with {@code detailed} it also builds the slot's lists. */
        private Tally evaluate(DayOfWeek day, LocalTime time, boolean detailed) {
            LocalDate firstDate = firstDates[day.ordinal()];
            int n = parties.size();
            long[] previousLocal = new long[n];
            int outside = 0;
            int warnings = 0;
            List<PartyDate> outsideList = detailed ? new ArrayList<>() : List.of();
            List<PartyDate> holidayList = detailed ? new ArrayList<>() : List.of();
            List<DstWarning> warningList = detailed ? new ArrayList<>() : List.of();
            ZonedDateTime firstStart = ZonedDateTime.of(firstDate, time, query.organizerZone());
            for (int w = 0; w < query.weeks(); w++) {
                LocalDate date = firstDate.plusWeeks(w);
                long start = w == 0 ? firstStart.toEpochSecond()
                        : ZonedDateTime.of(date, time, query.organizerZone()).toEpochSecond();
                long end = start + durationSeconds;
                Instant instant = Instant.ofEpochSecond(start);
                for (int p = 0; p < n; p++) {
                    long local = start + rules[p].getOffset(instant).getTotalSeconds();
                    boolean inside = working[p].contains(start, end);
                    if (!inside) {
                        if (Arrays.binarySearch(holidayDays[p], Math.floorDiv(local, DAY)) >= 0) {
                            if (detailed) {
                                holidayList.add(new PartyDate(date, parties.get(p).key()));
                            }
                        } else {
                            outside++;
                            if (detailed) {
                                outsideList.add(new PartyDate(date, parties.get(p).key()));
                            }
                        }
                    } else if (detailed && Arrays.binarySearch(holidayDays[p], Math.floorDiv(local, DAY)) >= 0) {
                        holidayList.add(new PartyDate(date, parties.get(p).key()));
                    }
                    if (w > 0 && local != previousLocal[p] + WEEK) {
                        warnings++;
                        if (detailed) {
                            warningList.add(new DstWarning(date, parties.get(p).key(),
                                    LocalDateTime.ofEpochSecond(previousLocal[p] + WEEK, 0, ZoneOffset.UTC),
                                    LocalDateTime.ofEpochSecond(local, 0, ZoneOffset.UTC), !inside));
                        }
                    }
                    previousLocal[p] = local;
                }
            }
            if (!detailed) {
                return new Tally(outside, warnings, null);
            }
            Map<String, ZonedDateTime> firstStarts = new LinkedHashMap<>();
            for (Party party : parties) {
                firstStarts.put(party.key(), firstStart.withZoneSameInstant(party.zone()));
            }
            Slot slot = new Slot(day, time, firstStart, firstStarts, outside == 0, outside, outsideList, holidayList,
                    warningList);
            return new Tally(outside, warnings, slot);
        }
    }

    /** Sorted, disjoint, non-touching stretches of real time as epoch seconds, for fast containment. */
    private static final class Stretches {

        private final long[] starts;
        private final long[] ends;

        private Stretches(long[] starts, long[] ends) {
            this.starts = starts;
            this.ends = ends;
        }

        /** Merges windows that overlap or touch; they arrive in date order from {@link WeekHours#windows}. */
        static Stretches of(List<Interval> windows) {
            List<Interval> sorted = new ArrayList<>(windows);
            sorted.sort(Comparator.comparing(Interval::start));
            long[] starts = new long[sorted.size()];
            long[] ends = new long[sorted.size()];
            int size = 0;
            for (Interval window : sorted) {
                long start = window.start().getEpochSecond();
                long end = window.end().getEpochSecond();
                if (size > 0 && start <= ends[size - 1]) {
                    ends[size - 1] = Math.max(ends[size - 1], end);
                } else {
                    starts[size] = start;
                    ends[size] = end;
                    size++;
                }
            }
            return new Stretches(Arrays.copyOf(starts, size), Arrays.copyOf(ends, size));
        }

        boolean contains(long start, long end) {
            int i = Arrays.binarySearch(starts, start);
            if (i < 0) {
                i = -i - 2;
            }
            return i >= 0 && end <= ends[i];
        }

        Stretches intersect(Stretches other) {
            long[] s = new long[starts.length + other.starts.length];
            long[] e = new long[s.length];
            int size = 0;
            int i = 0;
            int j = 0;
            while (i < starts.length && j < other.starts.length) {
                long start = Math.max(starts[i], other.starts[j]);
                long end = Math.min(ends[i], other.ends[j]);
                if (start < end) {
                    s[size] = start;
                    e[size] = end;
                    size++;
                }
                if (ends[i] < other.ends[j]) {
                    i++;
                } else {
                    j++;
                }
            }
            return new Stretches(Arrays.copyOf(s, size), Arrays.copyOf(e, size));
        }

        List<Interval> clip(long from, long to) {
            List<Interval> clipped = new ArrayList<>();
            for (int i = 0; i < starts.length; i++) {
                long start = Math.max(starts[i], from);
                long end = Math.min(ends[i], to);
                if (start < end) {
                    clipped.add(new Interval(Instant.ofEpochSecond(start), Instant.ofEpochSecond(end)));
                }
            }
            return clipped;
        }
    }
}
