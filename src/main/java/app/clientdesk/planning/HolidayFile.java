package app.clientdesk.planning;

import app.clientdesk.sla.Holiday;
import app.clientdesk.shared.validation.InvalidInputException;
import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.util.DateTimeComponents;
import biweekly.util.ICalDate;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The holidays of an ICS file (RFC 5545), read with biweekly: every all-day VEVENT, its date and summary. An
 * event that lasts several days gives one holiday a day (at most {@value #MAX_DAYS_AN_EVENT}). Events at a time
 * of day are not holidays and are counted, not imported; recurrence rules are not expanded (only the first
 * date is taken).
 */
final class HolidayFile {

    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_DAYS_AN_EVENT = 31;

    record Read(List<Holiday> holidays, int timedEvents) {
    }

    private HolidayFile() {}

    /**
     * @throws InvalidInputException under the field {@code file} when the bytes are not a calendar, an event has
     *     no readable date, or there is no all-day event at all
     */
    static Read read(byte[] bytes, String fallbackName) {
        if (bytes.length > MAX_BYTES) {
            throw InvalidInputException.of("file", "calendars.ics.tooLarge", MAX_BYTES / 1024);
        }
        List<ICalendar> calendars;
        try {
            calendars = Biweekly.parse(new String(bytes, StandardCharsets.UTF_8)).all();
        } catch (RuntimeException e) {
            throw InvalidInputException.of("file", "calendars.ics.unreadable");
        }
        if (calendars.isEmpty()) {
            throw InvalidInputException.of("file", "calendars.ics.unreadable");
        }
        List<Holiday> holidays = new ArrayList<>();
        int timed = 0;
        int number = 0;
        for (ICalendar calendar : calendars) {
            for (VEvent event : calendar.getEvents()) {
                number++;
                @Nullable ICalDate start = event.getDateStart() == null ? null : event.getDateStart().getValue();
                @Nullable LocalDate first = start == null ? null : date(start);
                if (start == null || first == null) {
                    throw InvalidInputException.of("file", "calendars.ics.noDate", number);
                }
                if (start.hasTime()) {
                    timed++;
                    continue;
                }
                @Nullable ICalDate end = event.getDateEnd() == null ? null : event.getDateEnd().getValue();
                @Nullable LocalDate last = end == null ? null : date(end);
                long days = last == null || !last.isAfter(first) ? 1 : ChronoUnit.DAYS.between(first, last);
                String summary = event.getSummary() == null || event.getSummary().getValue() == null ? ""
                        : event.getSummary().getValue();
                String name = CalendarRules.fitName(summary, fallbackName);
                for (int i = 0; i < Math.min(days, MAX_DAYS_AN_EVENT); i++) {
                    holidays.add(new Holiday(first.plusDays(i), name));
                }
            }
        }
        if (holidays.isEmpty()) {
            throw InvalidInputException.of("file", "calendars.ics.empty");
        }
        return new Read(holidays, timed);
    }

    /** The calendar date as written in the file, not as read in this machine's zone. */
    private static @Nullable LocalDate date(ICalDate value) {
        DateTimeComponents parts = value.getRawComponents();
        try {
            return parts == null ? null : LocalDate.of(parts.getYear(), parts.getMonth(), parts.getDate());
        } catch (DateTimeException e) {
            return null;
        }
    }
}
