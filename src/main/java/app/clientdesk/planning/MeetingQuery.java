package app.clientdesk.planning;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the meeting planner is asked: who meets, for how long, from which date and over how many weeks. Plain
 * values, so the caller decides where the hours come from (a client's contacts, a member's working calendar).
 *
 * <p>A weekly meeting is anchored at a wall-clock time in {@code organizerZone}, as calendars anchor an RRULE with
 * a TZID: 09:00 London stays 09:00 London, and everyone else's local time follows it. Slots are tried every
 * {@code step} from midnight in that zone; {@code slotsWanted} caps how many ranked slots the plan lists.
 *
 * <p>Checks shapes only (weeks 1 to 260, whole minutes, a step that divides the day, distinct party keys); it does
 * not check that a party's hours are sensible or that anyone is actually free.
 */
public record MeetingQuery(List<Party> parties, ZoneId organizerZone, LocalDate firstDate, int weeks,
        Duration duration, Duration step, int slotsWanted) {

    public static final Duration DEFAULT_STEP = Duration.ofMinutes(30);
    public static final int DEFAULT_SLOTS = 10;
    public static final int MAX_WEEKS = 260;

    public enum Kind { CLIENT, MEMBER }

    /**
     * One side of the meeting: a client (its contacts' business hours) or a member (their working hours), with the
     * dates they are off. {@code key} is the caller's identifier ("client-42"), echoed in the plan.
     */
    public record Party(String key, String name, Kind kind, ZoneId zone, WeekHours hours, Set<LocalDate> holidays) {

        public Party {
            if (key.isBlank()) {
                throw new IllegalArgumentException("a party needs a key");
            }
            holidays = Set.copyOf(holidays);
        }

        public Party(String key, String name, Kind kind, ZoneId zone, WeekHours hours) {
            this(key, name, kind, zone, hours, Set.of());
        }
    }

    public MeetingQuery {
        parties = List.copyOf(parties);
        if (parties.isEmpty()) {
            throw new IllegalArgumentException("a meeting needs at least one party");
        }
        Set<String> keys = new HashSet<>();
        for (Party party : parties) {
            if (!keys.add(party.key())) {
                throw new IllegalArgumentException("two parties share the key " + party.key());
            }
        }
        if (weeks < 1 || weeks > MAX_WEEKS) {
            throw new IllegalArgumentException("weeks must be 1 to " + MAX_WEEKS + ": " + weeks);
        }
        if (!isWholeMinutes(duration) || duration.isZero() || duration.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("a meeting lasts whole minutes, at most a day: " + duration);
        }
        if (!isWholeMinutes(step) || step.isZero() || Duration.ofDays(1).toMinutes() % step.toMinutes() != 0) {
            throw new IllegalArgumentException("the step must be whole minutes that divide a day: " + step);
        }
        if (slotsWanted < 1) {
            throw new IllegalArgumentException("ask for at least one slot");
        }
    }

    /** Every half hour, the ten best slots. */
    public static MeetingQuery of(List<Party> parties, ZoneId organizerZone, LocalDate firstDate, int weeks,
            Duration duration) {
        return new MeetingQuery(parties, organizerZone, firstDate, weeks, duration, DEFAULT_STEP, DEFAULT_SLOTS);
    }

    private static boolean isWholeMinutes(Duration duration) {
        return !duration.isNegative() && duration.toSecondsPart() == 0 && duration.toNanosPart() == 0;
    }
}
