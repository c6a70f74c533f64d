package app.clientdesk.planning;

import app.clientdesk.clients.BusinessHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Working hours per weekday as wall-clock spans, several a day (09:00–12:00 and 14:00–18:00), read in a zone.
 * Spans of a day are sorted, do not overlap and do not cross midnight. A day without spans is a day off.
 */
public final class WeekHours {

    public record Span(LocalTime start, LocalTime end) {
        public Span {
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("a span must end after it starts");
            }
        }

        public boolean contains(LocalTime time) {
            return !time.isBefore(start) && time.isBefore(end);
        }
    }

    private final Map<DayOfWeek, List<Span>> days;

    public WeekHours(Map<DayOfWeek, List<Span>> days) {
        EnumMap<DayOfWeek, List<Span>> copy = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<DayOfWeek, List<Span>> day : days.entrySet()) {
            List<Span> spans = new ArrayList<>(day.getValue());
            spans.sort(Comparator.comparing(Span::start));
            for (int i = 1; i < spans.size(); i++) {
                if (spans.get(i).start().isBefore(spans.get(i - 1).end())) {
                    throw new IllegalArgumentException("the spans of " + day.getKey() + " overlap");
                }
            }
            if (!spans.isEmpty()) {
                copy.put(day.getKey(), List.copyOf(spans));
            }
        }
        this.days = Collections.unmodifiableMap(copy);
    }

    /** Monday to Friday, 09:00 to 18:00. */
    public static WeekHours standard() {
        Map<DayOfWeek, List<Span>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                days.put(day, List.of(new Span(LocalTime.of(9, 0), LocalTime.of(18, 0))));
            }
        }
        return new WeekHours(days);
    }

    /** A client's (or the workspace's) one span a day. */
    public static WeekHours of(BusinessHours hours) {
        Map<DayOfWeek, List<Span>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.on(day).ifPresent(span -> days.put(day, List.of(new Span(span.opens(), span.closes()))));
        }
        return new WeekHours(days);
    }

    public List<Span> on(DayOfWeek day) {
        return days.getOrDefault(day, List.of());
    }

    public Map<DayOfWeek, List<Span>> days() {
        return days;
    }

    public boolean isEmpty() {
        return days.isEmpty();
    }

    /** Whether the wall clock at {@code moment} (in its own zone) reads a working time. */
    public boolean contains(ZonedDateTime moment) {
        LocalTime time = moment.toLocalTime();
        for (Span span : on(moment.getDayOfWeek())) {
            if (span.contains(time)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The working time of the dates {@code from} (inclusive) to {@code to} (exclusive) in {@code zone}, as real
     * intervals in date order, skipping {@code daysOff}. A span's wall-clock start or end that a clock change
     * skips moves forward by the gap (as {@link ZonedDateTime#of} does), so a span can be an hour shorter or
     * longer on the day of a change; a span the change swallows entirely is left out.
     */
    public List<Interval> windows(LocalDate from, LocalDate to, ZoneId zone, Set<LocalDate> daysOff) {
        List<Interval> windows = new ArrayList<>();
        for (LocalDate date = from; date.isBefore(to); date = date.plusDays(1)) {
            if (daysOff.contains(date)) {
                continue;
            }
            for (Span span : on(date.getDayOfWeek())) {
                Instant start = instant(LocalDateTime.of(date, span.start()), zone);
                Instant end = instant(LocalDateTime.of(date, span.end()), zone);
                if (end.isAfter(start)) {
                    windows.add(new Interval(start, end));
                }
            }
        }
        return windows;
    }

    /** The instant a wall-clock time reads in {@code zone}; a time the clocks skip is the moment they jump. */
    private static Instant instant(LocalDateTime local, ZoneId zone) {
        ZoneOffsetTransition gap = zone.getRules().getTransition(local);
        if (gap != null && gap.isGap()) {
            return gap.getInstant();
        }
        return ZonedDateTime.of(local, zone).toInstant();
    }
}
