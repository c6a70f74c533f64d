package app.clientdesk.planning;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A half-open stretch of real time, {@code [start, end)}. Never empty. */
public record Interval(Instant start, Instant end) {

    public Interval {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("an interval must end after it starts: " + start + " .. " + end);
        }
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    public boolean overlaps(Interval other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public boolean contains(Interval other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    /** The parts of {@code free} not covered by any of {@code busy}, in order. Neither list needs to be sorted. */
    public static List<Interval> subtract(List<Interval> free, List<Interval> busy) {
        List<Interval> sortedBusy = new ArrayList<>(busy);
        sortedBusy.sort(Comparator.comparing(Interval::start));
        List<Interval> sortedFree = new ArrayList<>(free);
        sortedFree.sort(Comparator.comparing(Interval::start));
        List<Interval> result = new ArrayList<>();
        for (Interval window : sortedFree) {
            Instant cursor = window.start;
            for (Interval taken : sortedBusy) {
                if (!taken.end.isAfter(cursor)) {
                    continue;
                }
                if (!taken.start.isBefore(window.end)) {
                    break;
                }
                if (taken.start.isAfter(cursor)) {
                    result.add(new Interval(cursor, taken.start));
                }
                if (taken.end.isAfter(cursor)) {
                    cursor = taken.end;
                }
                if (!cursor.isBefore(window.end)) {
                    break;
                }
            }
            if (cursor.isBefore(window.end)) {
                result.add(new Interval(cursor, window.end));
            }
        }
        return result;
    }
}
