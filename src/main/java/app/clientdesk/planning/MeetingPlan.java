package app.clientdesk.planning;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The meeting planner's answer: where everyone's hours overlap week by week, and weekly slots ranked best first.
 * Codes and values only; the caller words them in the viewer's language.
 *
 * @param outcome whether a slot stays inside everyone's hours every week, only a compromise exists, or the
 *        parties never share enough time for the meeting at all
 * @param weeks one entry per week of the query, in order
 * @param slots at most {@link MeetingQuery#slotsWanted()} slots, best first; listed even when
 *        {@code outcome} is {@link Outcome#NO_OVERLAP}, as the least bad times to ask for
 */
public record MeetingPlan(Outcome outcome, List<WeekOverlap> weeks, List<Slot> slots) {

    public MeetingPlan {
        weeks = List.copyOf(weeks);
        slots = List.copyOf(slots);
    }

    public enum Outcome {
        /** At least one slot is inside every party's hours in every week (holidays excused). */
        INSIDE_ALL_WEEKS,
        /** The parties share time in some week, but no weekly slot stays inside everyone's hours all along. */
        COMPROMISE,
        /** In no week do all parties share a stretch as long as the meeting: the meeting is impossible. */
        NO_OVERLAP
    }

    /** Whether no weekly slot stays inside everyone's hours in every week (a compromise or nothing at all). */
    public boolean noSlotInsideAllWeeks() {
        return outcome != Outcome.INSIDE_ALL_WEEKS;
    }

    /** Whether the parties never share time enough for the meeting, in any week. */
    public boolean impossible() {
        return outcome == Outcome.NO_OVERLAP;
    }

    /**
     * The real time that every party has free in one week (from {@code start}, seven days in the organizer's
     * zone), holidays taken out, in order; {@code longest} tells at a glance whether the meeting fits.
     */
    public record WeekOverlap(LocalDate start, List<Interval> overlap, Duration longest) {

        public WeekOverlap {
            overlap = List.copyOf(overlap);
        }

        public boolean fits(Duration meeting) {
            return longest.compareTo(meeting) >= 0;
        }
    }

    /**
     * A weekly slot: {@code day} at {@code time} in the organizer's zone.
     *
     * @param firstStarts the first occurrence's start in each party's zone, by party key, in the query's order
     * @param partyWeeksOutside how many (party, week) pairs have the meeting outside that party's hours
     * @param outside those pairs, by the meeting's date in the organizer's zone
     * @param holidays the (party, week) pairs where the meeting falls on a party's day off: not counted as outside
     *        hours (the party misses one meeting; the slot is still theirs), but listed so the caller can say so
     * @param dstWarnings every date on which a party's local time of the meeting differs from the week before
     */
    public record Slot(DayOfWeek day, LocalTime time, ZonedDateTime firstStart, Map<String, ZonedDateTime> firstStarts,
            boolean insideAllWeeks, int partyWeeksOutside, List<PartyDate> outside, List<PartyDate> holidays,
            List<DstWarning> dstWarnings) {

        public Slot {
            firstStarts = Collections.unmodifiableMap(new LinkedHashMap<>(firstStarts));
            outside = List.copyOf(outside);
            holidays = List.copyOf(holidays);
            dstWarnings = List.copyOf(dstWarnings);
        }
    }

    /** A party and the date of one occurrence (in the organizer's zone, as the meeting's calendar shows it). */
    public record PartyDate(LocalDate date, String party) {}

    /**
     * A clock change (the party's, or the organizer's) moves the meeting in {@code party}'s local time from
     * {@code date} on: it was at {@code before} (a week earlier) and is now at {@code after}, both read on the
     * party's wall clock. {@code outsideHours} says whether the new time is outside the party's hours.
     */
    public record DstWarning(LocalDate date, String party, LocalDateTime before, LocalDateTime after,
            boolean outsideHours) {

        public LocalTime oldTime() {
            return before.toLocalTime();
        }

        public LocalTime newTime() {
            return after.toLocalTime();
        }
    }
}
