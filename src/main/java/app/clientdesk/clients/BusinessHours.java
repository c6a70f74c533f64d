package app.clientdesk.clients;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The hours a client works, one span per weekday, as wall-clock times in the client's own zone. A day
 * without a span is a day off. Spans do not cross midnight.
 */
public final class BusinessHours {

    public record Span(LocalTime opens, LocalTime closes) {
        public Span {
            if (!closes.isAfter(opens)) {
                throw new IllegalArgumentException("a business day must close after it opens");
            }
        }

        boolean contains(LocalTime time) {
            return !time.isBefore(opens) && time.isBefore(closes);
        }
    }

    private final Map<DayOfWeek, Span> days;

    public BusinessHours(Map<DayOfWeek, Span> days) {
        EnumMap<DayOfWeek, Span> copy = new EnumMap<>(DayOfWeek.class);
        copy.putAll(days);
        this.days = Collections.unmodifiableMap(copy);
    }

    /** Monday to Friday, 09:00 to 17:00. */
    public static BusinessHours weekdays9to5() {
        Map<DayOfWeek, Span> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                days.put(day, new Span(LocalTime.of(9, 0), LocalTime.of(17, 0)));
            }
        }
        return new BusinessHours(days);
    }

    public Map<DayOfWeek, Span> days() {
        return days;
    }

    public Optional<Span> on(DayOfWeek day) {
        return Optional.ofNullable(days.get(day));
    }

    /** Whether the client is at work at this moment of their own day. */
    public boolean isOpenAt(ZonedDateTime clientTime) {
        Span span = days.get(clientTime.getDayOfWeek());
        return span != null && span.contains(clientTime.toLocalTime());
    }

    public boolean isEmpty() {
        return days.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BusinessHours that && that.days.equals(days);
    }

    @Override
    public int hashCode() {
        return days.hashCode();
    }

    @Override
    public String toString() {
        return days.toString();
    }
}
