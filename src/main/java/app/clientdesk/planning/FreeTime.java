package app.clientdesk.planning;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One person's free working time while a plan is built, kept as a sorted map of free stretches that shrinks as
 * work is placed, so that placing a task looks only at the stretches after its earliest start instead of
 * rescanning every window.
 *
 * <p>A stretch never crosses a local midnight in the person's zone: the focus limit is per local day, and a day
 * can be 23 or 25 hours long. Stretches are already clear of existing blocks and meetings plus the buffer; the
 * buffer around placed work is taken only when a whole batch is placed ({@link #keepBuffer}), so the tasks of one
 * batch can touch. A day whose focus time is used up loses its stretches the next time a search passes them.
 */
final class FreeTime {

    /** Longer than any local day, for a person without a focus limit. */
    private static final Duration UNLIMITED = Duration.ofHours(48);

    private record Stretch(Instant end, LocalDate day) {}

    private final TreeMap<Instant, Stretch> free = new TreeMap<>();
    private final Map<LocalDate, Duration> focusTaken = new HashMap<>();
    private final Map<LocalDate, Duration> freeFocusAtStart = new HashMap<>();
    private final ZoneId zone;
    private final Duration dailyFocus;

    FreeTime(PlanPerson person, Instant now, Instant horizon) {
        this.zone = person.zone();
        this.dailyFocus = person.focusLimit() == null ? UNLIMITED : person.focusLimit();
        List<Interval> windows = new ArrayList<>();
        for (Interval window : person.workingWindows()) {
            Instant start = window.start().isBefore(now) ? now : window.start();
            Instant end = window.end().isAfter(horizon) ? horizon : window.end();
            if (end.isAfter(start)) {
                windows.add(new Interval(start, end));
            }
        }
        List<Interval> busy = new ArrayList<>();
        for (Interval taken : concat(person.blocks(), person.meetings())) {
            busy.add(new Interval(taken.start().minus(person.buffer()), taken.end().plus(person.buffer())));
        }
        for (Interval stretch : Interval.subtract(merge(windows), busy)) {
            forEachLocalDay(stretch, (day, part) -> free.put(part.start(), new Stretch(part.end(), day)));
        }
        for (Interval block : person.blocks()) {
            forEachLocalDay(block, (day, part) -> focusTaken.merge(day, part.duration(), Duration::plus));
        }
        for (Map.Entry<Instant, Stretch> entry : free.entrySet()) {
            Duration length = Duration.between(entry.getKey(), entry.getValue().end());
            freeFocusAtStart.merge(entry.getValue().day(), length, Duration::plus);
        }
        freeFocusAtStart.replaceAll((day, length) -> min(length, focusLeft(day)));
    }

    /**
     * Where {@code need} of work fits, earliest first, from {@code from} on: pieces in time order, each at least
     * {@link AutoPlanner#MIN_PIECE} unless it is the whole task, leaving no rest shorter than that; within
     * {@code onlyWithin} (sorted, disjoint) when given. Null when it does not all fit before the horizon. Takes
     * nothing: see {@link #take}.
     */
    @Nullable List<Interval> find(Instant from, Duration need, @Nullable List<Interval> onlyWithin) {
        List<Interval> pieces = new ArrayList<>();
        Duration left = need;
        Map.Entry<Instant, Stretch> entry = free.floorEntry(from);
        if (entry == null || !entry.getValue().end().isAfter(from)) {
            entry = free.higherEntry(from);
        }
        LocalDate usedOn = null;
        Duration used = Duration.ZERO;
        while (entry != null) {
            Instant key = entry.getKey();
            Stretch stretch = entry.getValue();
            if (!stretch.day().equals(usedOn)) {
                usedOn = stretch.day();
                used = Duration.ZERO;
            }
            Duration focus = focusLeft(stretch.day()).minus(used);
            if (focus.isZero() && used.isZero()) {
                free.remove(key);
            } else {
                Instant start = key.isBefore(from) ? from : key;
                for (Interval usable : usable(start, stretch.end(), onlyWithin)) {
                    Duration piece = pieceLength(usable.duration(), focus, left);
                    if (!piece.isZero()) {
                        pieces.add(new Interval(usable.start(), usable.start().plus(piece)));
                        left = left.minus(piece);
                        focus = focus.minus(piece);
                        used = used.plus(piece);
                        if (left.isZero()) {
                            return pieces;
                        }
                    }
                }
            }
            entry = free.higherEntry(key);
        }
        return null;
    }

    /** Marks {@code pieces} (from {@link #find}) as taken and counts them against their days' focus time. */
    void take(List<Interval> pieces) {
        for (Interval piece : pieces) {
            LocalDate day = free.floorEntry(piece.start()).getValue().day();
            focusTaken.merge(day, piece.duration(), Duration::plus);
            remove(piece.start(), piece.end());
        }
    }

    /** Closes the buffer around a placed batch to everything placed after it. */
    void keepBuffer(List<Interval> placed, Duration buffer) {
        if (buffer.isZero()) {
            return;
        }
        for (Interval piece : placed) {
            remove(piece.start().minus(buffer), piece.start());
            remove(piece.end(), piece.end().plus(buffer));
        }
    }

    /** Per local day, the focus time that was free before anything was placed (see {@link OverCapacityDay}). */
    Duration freeFocusAtStart(LocalDate day) {
        return freeFocusAtStart.getOrDefault(day, Duration.ZERO);
    }

    ZoneId zone() {
        return zone;
    }

    private Duration focusLeft(LocalDate day) {
        Duration left = dailyFocus.minus(focusTaken.getOrDefault(day, Duration.ZERO));
        return left.isNegative() ? Duration.ZERO : left;
    }

    static Duration pieceLength(Duration available, Duration focus, Duration left) {
        Duration piece = min(min(available, focus), left);
        if (piece.equals(left)) {
            return piece;
        }
        if (left.minus(piece).compareTo(AutoPlanner.MIN_PIECE) < 0) {
            piece = left.minus(AutoPlanner.MIN_PIECE);
        }
        return piece.compareTo(AutoPlanner.MIN_PIECE) >= 0 ? piece : Duration.ZERO;
    }

    private static List<Interval> usable(Instant start, Instant end, @Nullable List<Interval> onlyWithin) {
        if (!end.isAfter(start)) {
            return List.of();
        }
        if (onlyWithin == null) {
            return List.of(new Interval(start, end));
        }
        List<Interval> result = new ArrayList<>(2);
        int low = 0;
        int high = onlyWithin.size();
        while (low < high) { // the first window ending after start
            int middle = (low + high) >>> 1;
            if (onlyWithin.get(middle).end().isAfter(start)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        for (int i = low; i < onlyWithin.size() && onlyWithin.get(i).start().isBefore(end); i++) {
            Interval window = onlyWithin.get(i);
            Instant from = window.start().isAfter(start) ? window.start() : start;
            Instant to = window.end().isBefore(end) ? window.end() : end;
            result.add(new Interval(from, to));
        }
        return result;
    }

    private void remove(Instant from, Instant to) {
        Map.Entry<Instant, Stretch> entry = free.lowerEntry(to);
        while (entry != null && entry.getValue().end().isAfter(from)) {
            Instant key = entry.getKey();
            Stretch stretch = entry.getValue();
            free.remove(key);
            if (key.isBefore(from)) {
                free.put(key, new Stretch(from, stretch.day()));
            }
            if (stretch.end().isAfter(to)) {
                free.put(to, stretch);
            }
            entry = free.lowerEntry(key);
        }
    }

    private interface DayPart {
        void accept(LocalDate day, Interval part);
    }

    private void forEachLocalDay(Interval interval, DayPart action) {
        Instant start = interval.start();
        while (start.isBefore(interval.end())) {
            LocalDate day = start.atZone(zone).toLocalDate();
            Instant midnight = day.plusDays(1).atStartOfDay(zone).toInstant();
            Instant end = midnight.isBefore(interval.end()) ? midnight : interval.end();
            action.accept(day, new Interval(start, end));
            start = end;
        }
    }

    /** Sorted, with overlapping or touching intervals joined. */
    static List<Interval> merge(List<Interval> intervals) {
        List<Interval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparing(Interval::start));
        List<Interval> merged = new ArrayList<>();
        for (Interval next : sorted) {
            Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !next.start().isAfter(last.end())) {
                if (next.end().isAfter(last.end())) {
                    merged.set(merged.size() - 1, new Interval(last.start(), next.end()));
                }
            } else {
                merged.add(next);
            }
        }
        return merged;
    }

    private static List<Interval> concat(List<Interval> first, List<Interval> second) {
        List<Interval> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
