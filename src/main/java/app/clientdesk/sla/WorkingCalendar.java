package app.clientdesk.sla;

import app.clientdesk.clients.BusinessHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * When a business works: a span of wall-clock hours per weekday (the same {@link BusinessHours} a client has),
 * holidays, and the zone both are read in. Business time is the real time that passes inside those spans, so a
 * day whose clocks jump forward inside working hours has an hour less of it, and one whose clocks go back has an
 * hour more; a jump outside working hours changes nothing.
 *
 * <p>The business is at work whenever the zone's wall clock reads a time inside the day's span: hours a DST change
 * skips are not worked, hours it repeats are worked twice. Arithmetic is exact to the nanosecond. Days are walked in
 * date order, which assumes no zone turns its clocks back across midnight into the previous date. It does not check that the calendar has
 * any working day: {@link #dueAt} on such a calendar fails after searching {@value #MAX_DAYS} days.
 */
public final class WorkingCalendar {

    /** How far ahead a due time is searched for before giving up (about 400 years). */
    static final int MAX_DAYS = 146_097;

    private final BusinessHours hours;
    private final SortedMap<LocalDate, String> holidays;
    private final ZoneId zone;
    private final ZoneRules rules;
    /** Days already worked out: a page asks one calendar for many clocks over the same few weeks. */
    private final Map<LocalDate, List<Window>> days = new ConcurrentHashMap<>();

    public WorkingCalendar(BusinessHours hours, List<Holiday> holidays, ZoneId zone) {
        this.hours = hours;
        TreeMap<LocalDate, String> days = new TreeMap<>();
        for (Holiday holiday : holidays) {
            days.put(holiday.date(), holiday.name());
        }
        this.holidays = Collections.unmodifiableSortedMap(days);
        this.zone = zone;
        this.rules = zone.getRules();
    }

    /** Monday to Friday, 09:00 to 18:00 in {@code zone}, no holidays: what a workspace has until its owner says. */
    public static WorkingCalendar standard(ZoneId zone) {
        return new WorkingCalendar(standardHours(), List.of(), zone);
    }

    public static BusinessHours standardHours() {
        Map<DayOfWeek, BusinessHours.Span> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                days.put(day, new BusinessHours.Span(LocalTime.of(9, 0), LocalTime.of(18, 0)));
            }
        }
        return new BusinessHours(days);
    }

    public BusinessHours hours() {
        return hours;
    }

    public List<Holiday> holidays() {
        return holidays.entrySet().stream().map(e -> new Holiday(e.getKey(), e.getValue())).toList();
    }

    public ZoneId zone() {
        return zone;
    }

    public WorkingCalendar inZone(ZoneId other) {
        return new WorkingCalendar(hours, holidays(), other);
    }

    public Optional<String> holiday(LocalDate date) {
        return Optional.ofNullable(holidays.get(date));
    }

    /** Whether the business is at work at this instant. */
    public boolean isWorkingAt(Instant instant) {
        LocalDate date = instant.atZone(zone).toLocalDate();
        for (LocalDate d = date.minusDays(1); !d.isAfter(date.plusDays(1)); d = d.plusDays(1)) {
            for (Window w : windows(d)) {
                if (!instant.isBefore(w.start) && instant.isBefore(w.end)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The instant at which {@code businessTime} of work has passed since {@code start}. Zero business time from
     * outside working hours is the next moment work starts; business time that ends exactly at a day's close is
     * due at that close, not at the next opening.
     */
    public Instant dueAt(Instant start, Duration businessTime) {
        if (businessTime.isNegative()) {
            throw new IllegalArgumentException("business time must not be negative");
        }
        Duration left = businessTime;
        LocalDate date = start.atZone(zone).toLocalDate().minusDays(1);
        for (int i = 0; i < MAX_DAYS; i++, date = date.plusDays(1)) {
            for (Window w : windows(date)) {
                Instant from = later(w.start, start);
                if (!from.isBefore(w.end)) {
                    continue;
                }
                Duration available = Duration.between(from, w.end);
                if (left.compareTo(available) <= 0) {
                    return from.plus(left);
                }
                left = left.minus(available);
            }
        }
        throw new IllegalStateException("no working time within " + MAX_DAYS + " days of " + start);
    }

    /** The business time that passes from {@code from} to {@code to}; zero when {@code to} is not after it. */
    public Duration businessTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate().plusDays(1);
        for (LocalDate d = from.atZone(zone).toLocalDate().minusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
            for (Window w : windows(d)) {
                Instant a = later(w.start, from);
                Instant b = earlier(w.end, to);
                if (b.isAfter(a)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
        }
        return total;
    }

    /** The first instant at or after {@code instant} at which the business is at work. */
    public Instant nextWorkingStart(Instant instant) {
        return dueAt(instant, Duration.ZERO);
    }

    /**
     * The instants of {@code date} at which the wall clock of the zone reads a working time, in order: usually one
     * stretch, two when the clocks go back inside working hours (the repeated part is worked twice), none on a day
     * off. Found by walking the stretches of constant offset that could show the day's hours.
     */
    private List<Window> windows(LocalDate date) {
        List<Window> known = days.get(date);
        if (known != null) {
            return known;
        }
        List<Window> computed = computeWindows(date);
        if (days.size() >= MAX_CACHED_DAYS) {
            days.clear();
        }
        days.put(date, computed);
        return computed;
    }

    private static final int MAX_CACHED_DAYS = 4096;

    private List<Window> computeWindows(LocalDate date) {
        if (holidays.containsKey(date)) {
            return List.of();
        }
        BusinessHours.Span span = hours.days().get(date.getDayOfWeek());
        if (span == null) {
            return List.of();
        }
        LocalDateTime opens = date.atTime(span.opens());
        LocalDateTime closes = date.atTime(span.closes());
        Instant cursor = opens.toInstant(ZoneOffset.MAX);
        Instant last = closes.toInstant(ZoneOffset.MIN);
        List<Window> windows = new ArrayList<>(1);
        while (cursor.isBefore(last)) {
            ZoneOffset offset = rules.getOffset(cursor);
            ZoneOffsetTransition next = rules.nextTransition(cursor);
            Instant stretchEnd = next == null || next.getInstant().isAfter(last) ? last : next.getInstant();
            Instant from = later(cursor, opens.toInstant(offset));
            Instant to = earlier(stretchEnd, closes.toInstant(offset));
            if (to.isAfter(from)) {
                windows.add(new Window(from, to));
            }
            cursor = stretchEnd;
        }
        return List.copyOf(windows);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private record Window(Instant start, Instant end) {
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WorkingCalendar that && that.hours.equals(hours) && that.holidays.equals(holidays)
                && that.zone.equals(zone);
    }

    @Override
    public int hashCode() {
        return hours.hashCode() * 31 + holidays.hashCode() * 17 + zone.hashCode();
    }

    @Override
    public String toString() {
        return "WorkingCalendar" + hours + " holidays " + holidays.keySet() + " in " + zone;
    }
}
