package app.clientdesk.planning;

import app.clientdesk.shared.time.TimeZones;
import app.clientdesk.shared.validation.Violations;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How a person's calendar is typed and checked. Errors name the form's fields: {@code timeZone}, {@code days[i]}
 * (Monday is 0), {@code days} (no working day at all), {@code bufferMinutes}, {@code focusHours}, {@code date} and
 * {@code name} of a holiday.
 */
final class CalendarRules {

    static final int MAX_BUFFER_MINUTES = 240;
    static final int MIN_FOCUS_MINUTES = 30;
    static final int MAX_FOCUS_MINUTES = 24 * 60;
    static final int MAX_SPANS_A_DAY = 8;
    static final int MAX_HOLIDAYS = 500;
    static final int MAX_HOLIDAY_NAME = 80;

    /** "9:00-12:30", "09:00 – 12:30": the dash may be a hyphen, an en dash or an em dash. */
    private static final Pattern SPAN = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*[-–—]\\s*(\\d{1,2}):(\\d{2})");

    private CalendarRules() {}

    /** The checked calendar (without holidays, which change one at a time), or every broken rule at once. */
    record Parsed(ZoneId zone, WeekHours hours, Duration buffer, Duration focusLimit) {
    }

    /** @throws app.clientdesk.shared.validation.InvalidInputException listing every broken rule */
    static Parsed parse(PersonCalendarInput input) {
        Violations v = new Violations();
        ZoneId zone = TimeZones.parse(input.timeZone() == null ? "" : input.timeZone()).orElse(null);
        if (zone == null) {
            v.add("timeZone", "calendars.zone.unknown");
        }
        Map<DayOfWeek, List<WeekHours.Span>> days = new EnumMap<>(DayOfWeek.class);
        for (int i = 0; i < 7; i++) {
            String text = i < input.days().size() ? input.days().get(i) : "";
            List<WeekHours.Span> spans = spans(text == null ? "" : text, "days[" + i + "]", v);
            if (!spans.isEmpty()) {
                days.put(DayOfWeek.of(i + 1), spans);
            }
        }
        boolean anyTyped = input.days().stream().anyMatch(d -> d != null && !d.isBlank());
        if (!anyTyped) {
            v.add("days", "calendars.days.none");
        }
        Integer buffer = buffer(input.bufferMinutes(), v);
        Integer focus = focus(input.focusHours(), v);
        v.throwIfAny();
        return new Parsed(zone, new WeekHours(days), Duration.ofMinutes(buffer), Duration.ofMinutes(focus));
    }

    /** The spans of one day's text; a broken piece, a span that ends before it starts or two that overlap is reported. */
    static List<WeekHours.Span> spans(String text, String field, Violations v) {
        List<WeekHours.Span> spans = new ArrayList<>();
        boolean broken = false;
        for (String raw : text.split("[,;\\n]")) {
            String piece = raw.strip();
            if (piece.isEmpty()) {
                continue;
            }
            Matcher m = SPAN.matcher(piece);
            LocalTime start = m.matches() ? time(m.group(1), m.group(2)) : null;
            LocalTime end = m.matches() ? time(m.group(3), m.group(4)) : null;
            if (start == null || end == null) {
                v.add(field, "calendars.span.format", piece);
                broken = true;
            } else if (!end.isAfter(start)) {
                v.add(field, "calendars.span.order", piece);
                broken = true;
            } else {
                spans.add(new WeekHours.Span(start, end));
            }
        }
        if (broken) {
            return List.of();
        }
        spans.sort(Comparator.comparing(WeekHours.Span::start));
        for (int i = 1; i < spans.size(); i++) {
            if (spans.get(i).start().isBefore(spans.get(i - 1).end())) {
                v.add(field, "calendars.span.overlap", text(spans.get(i - 1)), text(spans.get(i)));
                return List.of();
            }
        }
        if (spans.size() > MAX_SPANS_A_DAY) {
            v.add(field, "calendars.span.tooMany", MAX_SPANS_A_DAY);
            return List.of();
        }
        return spans;
    }

    private static @Nullable LocalTime time(String hours, String minutes) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        return h <= 23 && m <= 59 ? LocalTime.of(h, m) : null;
    }

    static String text(WeekHours.Span span) {
        return span.start() + "-" + span.end();
    }

    /** The form's text of one day: {@code "09:00-12:00, 14:00-18:00"}, empty for a day off. */
    static String text(List<WeekHours.Span> spans) {
        return String.join(", ", spans.stream().map(CalendarRules::text).toList());
    }

    private static Integer buffer(@Nullable String value, Violations v) {
        try {
            int minutes = Integer.parseInt(value == null ? "" : value.strip());
            if (minutes >= 0 && minutes <= MAX_BUFFER_MINUTES) {
                return minutes;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        v.add("bufferMinutes", "calendars.buffer.range", 0, MAX_BUFFER_MINUTES);
        return 0;
    }

    /** Hours with a point or a comma ("5.5", "5,5"), kept as whole minutes. */
    private static Integer focus(@Nullable String value, Violations v) {
        try {
            BigDecimal hours = new BigDecimal(value == null ? "" : value.strip().replace(',', '.'));
            int minutes = hours.multiply(BigDecimal.valueOf(60)).setScale(0, RoundingMode.HALF_UP).intValueExact();
            if (minutes >= MIN_FOCUS_MINUTES && minutes <= MAX_FOCUS_MINUTES) {
                return minutes;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        v.add("focusHours", "calendars.focus.range");
        return MIN_FOCUS_MINUTES;
    }

    static @Nullable LocalDate date(@Nullable String value, String field, Violations v) {
        try {
            return LocalDate.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            v.add(field, "calendars.holiday.date");
            return null;
        }
    }

    /** A holiday's name as typed: required, at most {@value #MAX_HOLIDAY_NAME} characters, no control characters. */
    static @Nullable String name(@Nullable String value, String field, Violations v) {
        String name = value == null ? "" : value.strip();
        if (name.isEmpty() || name.length() > MAX_HOLIDAY_NAME || name.chars().anyMatch(Character::isISOControl)) {
            v.add(field, "calendars.holiday.name", MAX_HOLIDAY_NAME);
            return null;
        }
        return name;
    }

    /** An imported name made to fit: control characters become spaces, and it is cut at the limit. */
    static String fitName(String value, String fallback) {
        String name = value.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
        if (name.isEmpty()) {
            name = fallback;
        }
        return name.length() > MAX_HOLIDAY_NAME ? name.substring(0, MAX_HOLIDAY_NAME).strip() : name;
    }
}
