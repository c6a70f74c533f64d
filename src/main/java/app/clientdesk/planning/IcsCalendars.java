package app.clientdesk.planning;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.TimezoneAssignment;
import biweekly.parameter.ParticipationStatus;
import biweekly.parameter.Role;
import biweekly.property.Attendee;
import biweekly.property.DateEnd;
import biweekly.property.DateStart;
import biweekly.property.Method;
import biweekly.property.Organizer;
import biweekly.property.Status;
import biweekly.util.DateTimeComponents;
import biweekly.util.Frequency;
import biweekly.util.ICalDate;
import biweekly.util.Recurrence;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.jspecify.annotations.Nullable;

/**
 * The iCalendar (RFC 5545) files Clientdesk hands out: a subscribed feed of blocks, meetings and due dates, and a
 * meeting's invitation and cancellation (iTIP, RFC 5546). Written with biweekly; pure: the caller passes the
 * stamp ({@code DTSTAMP}, from its {@code Clock}) and every identifier, so the same input gives the same bytes.
 *
 * <p>A feed is in UTC, which every calendar reads without a VTIMEZONE. An invitation is in the organizer's zone,
 * with a VTIMEZONE built offline from Java's rules ({@link VTimezones}), because a weekly meeting must stay at
 * 09:00 London across London's clock changes, and only a zoned RRULE says so.
 *
 * <p>Does not check that UIDs are unique or stable, that e-mail addresses are valid, or that a cancellation's
 * sequence is higher than what attendees have: the caller keeps those.
 */
public final class IcsCalendars {

    private static final String PRODUCT = "-//Clientdesk//Planning//EN";

    private IcsCalendars() {}

    /** A person in an invitation: an e-mail address and the name calendars show. */
    public record Person(String email, String name) {}

    /** When a feed event happens: a stretch of real time, or a whole day (a due date). */
    public sealed interface When permits Timed, AllDay {}

    public record Timed(Instant start, Instant end) implements When {
        public Timed {
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("an event must end after it starts");
            }
        }
    }

    public record AllDay(LocalDate date) implements When {}

    /** One event of a feed; {@code uid} must stay the same for the same block, meeting or due date. */
    public record FeedEvent(String uid, String summary, @Nullable String description, When when, @Nullable URI url) {}

    /**
     * A meeting as its invitation says it: {@code start} is the wall-clock time in {@code zone} (the organizer's),
     * which a weekly series keeps every week. {@code weeks} is the number of weekly occurrences; 1 for a single
     * meeting, null for a weekly series without an end. {@code sequence} is the iTIP revision: 0 when first
     * sent, raised by the caller on every change.
     */
    public record Meeting(String uid, int sequence, String title, @Nullable String agenda, @Nullable URI videoLink,
            Person organizer, List<Person> attendees, LocalDateTime start, ZoneId zone, Duration duration,
            @Nullable Integer weeks) {

        public Meeting {
            attendees = List.copyOf(attendees);
            if (sequence < 0) {
                throw new IllegalArgumentException("a sequence is never negative");
            }
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("a meeting lasts some time");
            }
            if (weeks != null && weeks < 1) {
                throw new IllegalArgumentException("a meeting happens at least once");
            }
        }

        /** The same meeting as a new revision, for a change or a cancellation. */
        public Meeting revised() {
            return new Meeting(uid, sequence + 1, title, agenda, videoLink, organizer, attendees, start, zone,
                    duration, weeks);
        }
    }

    /**
     * A subscribed calendar named {@code name} in the calendar app. Without a METHOD: a feed is a plain calendar,
     * not an iTIP message, and {@code METHOD:PUBLISH} would oblige every event to name an organizer.
     */
    public static String feed(String name, List<FeedEvent> events, Instant stamp) {
        ICalendar calendar = calendar(null);
        calendar.setName(name);
        calendar.setExperimentalProperty("X-WR-CALNAME", name);
        for (FeedEvent entry : events) {
            VEvent event = new VEvent();
            event.setUid(entry.uid());
            event.setDateTimeStamp(Date.from(stamp));
            event.setSummary(entry.summary());
            if (entry.description() != null) {
                event.setDescription(entry.description());
            }
            if (entry.url() != null) {
                event.setUrl(entry.url().toString());
            }
            if (entry.when() instanceof Timed timed) {
                event.setDateStart(Date.from(timed.start()), true);
                event.setDateEnd(Date.from(timed.end()), true);
            } else if (entry.when() instanceof AllDay day) {
                event.setDateStart(new DateStart(date(day.date())));
                event.setDateEnd(new DateEnd(date(day.date().plusDays(1))));
                event.setTransparency(true);
            }
            calendar.addEvent(event);
        }
        return Biweekly.write(calendar).go();
    }

    /** The invitation ({@code METHOD:REQUEST}), also for a change: send it again with a raised sequence. */
    public static String invitation(Meeting meeting, Instant stamp) {
        ICalendar calendar = calendar(Method.request());
        VEvent event = meetingEvent(calendar, meeting, stamp);
        event.setStatus(Status.confirmed());
        for (Person person : meeting.attendees()) {
            Attendee attendee = new Attendee(person.name(), person.email());
            attendee.setParticipationStatus(ParticipationStatus.NEEDS_ACTION);
            attendee.setRsvp(true);
            attendee.setRole(Role.ATTENDEE);
            event.addAttendee(attendee);
        }
        return Biweekly.write(calendar).go();
    }

    /**
     * The cancellation ({@code METHOD:CANCEL}) of the whole meeting or series. {@code meeting} is as cancelled,
     * its sequence already above the last one sent ({@link Meeting#revised()}).
     */
    public static String cancellation(Meeting meeting, Instant stamp) {
        ICalendar calendar = calendar(Method.cancel());
        VEvent event = meetingEvent(calendar, meeting, stamp);
        event.setStatus(Status.cancelled());
        for (Person person : meeting.attendees()) {
            event.addAttendee(new Attendee(person.name(), person.email()));
        }
        return Biweekly.write(calendar).go();
    }

    private static ICalendar calendar(@Nullable Method method) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId(PRODUCT);
        if (method != null) {
            calendar.setMethod(method);
        }
        return calendar;
    }

    private static VEvent meetingEvent(ICalendar calendar, Meeting meeting, Instant stamp) {
        ZonedDateTime start = meeting.start().atZone(meeting.zone());
        Instant first = start.toInstant();
        Instant last = meeting.weeks() == null ? null
                : start.plusWeeks(meeting.weeks() - 1L).toInstant().plus(meeting.duration());
        TimezoneAssignment zone = new TimezoneAssignment(TimeZone.getTimeZone(meeting.zone()),
                VTimezones.of(meeting.zone(), first, last));

        VEvent event = new VEvent();
        event.setUid(meeting.uid());
        event.setSequence(meeting.sequence());
        event.setDateTimeStamp(Date.from(stamp));
        event.setSummary(meeting.title());
        if (meeting.agenda() != null) {
            event.setDescription(meeting.agenda());
        }
        if (meeting.videoLink() != null) {
            event.setLocation(meeting.videoLink().toString());
            event.setUrl(meeting.videoLink().toString());
        }
        Organizer organizer = new Organizer(meeting.organizer().name(), meeting.organizer().email());
        event.setOrganizer(organizer);
        DateStart dateStart = event.setDateStart(Date.from(first), true);
        DateEnd dateEnd = event.setDateEnd(Date.from(start.plus(meeting.duration()).toInstant()), true);
        calendar.getTimezoneInfo().setTimezone(dateStart, zone);
        calendar.getTimezoneInfo().setTimezone(dateEnd, zone);
        if (meeting.weeks() == null || meeting.weeks() > 1) {
            event.setRecurrenceRule(new Recurrence.Builder(Frequency.WEEKLY).count(meeting.weeks()).build());
        }
        calendar.addEvent(event);
        return event;
    }

    private static ICalDate date(LocalDate date) {
        return new ICalDate(new DateTimeComponents(date.getYear(), date.getMonthValue(), date.getDayOfMonth()), false);
    }
}
