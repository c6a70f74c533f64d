package app.clientdesk.planning;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.planning.IcsCalendars.AllDay;
import app.clientdesk.planning.IcsCalendars.FeedEvent;
import app.clientdesk.planning.IcsCalendars.Meeting;
import app.clientdesk.planning.IcsCalendars.Person;
import app.clientdesk.planning.IcsCalendars.Timed;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.time.zone.ZoneRules;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.ZoneRulesBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every file IcsCalendars writes (with biweekly) is read back by ical4j, a different parser, and checked field by
 * field as a calendar app would read it: the instants, the people, the revision and, for a weekly meeting, the
 * wall-clock time kept across the organizer's clock changes.
 */
class IcsCalendarsTest {

    private static final Instant STAMP = Instant.parse("2026-12-08T02:00:00Z");
    private static final Person ORGANIZER = new Person("ana@clientdesk.example", "Ana Souza");
    private static final List<Person> ATTENDEES = List.of(new Person("tom@harbour.example", "Tom Reid"),
            new Person("li@clientdesk.example", "Li Wei"));

    @Test
    void aFeedCarriesEachEventWithItsUidInstantsAndDetails() throws Exception {
        String ics = IcsCalendars.feed("Ana – Clientdesk", List.of(
                new FeedEvent("block-7f3a@clientdesk", "Harbour: newsletter", "Draft and send",
                        new Timed(Instant.parse("2026-03-29T08:00:00Z"), Instant.parse("2026-03-29T10:30:00Z")),
                        URI.create("https://app.example/plan?week=2026-W13")),
                new FeedEvent("due-42@clientdesk", "Due: Q1 report", null, new AllDay(LocalDate.of(2026, 3, 31)),
                        null)), STAMP);

        Calendar calendar = read(ics);
        assertThat(value(calendar, "X-WR-CALNAME")).isEqualTo("Ana – Clientdesk");
        assertThat(calendar.getProperty("METHOD")).isEmpty();
        assertThat(value(calendar, "VERSION")).isEqualTo("2.0");
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(2);

        VEvent block = events.get(0);
        assertThat(value(block, "UID")).isEqualTo("block-7f3a@clientdesk");
        assertThat(value(block, "SUMMARY")).isEqualTo("Harbour: newsletter");
        assertThat(value(block, "DESCRIPTION")).isEqualTo("Draft and send");
        assertThat(value(block, "URL")).isEqualTo("https://app.example/plan?week=2026-W13");
        assertThat(instant(block, "DTSTART")).isEqualTo(Instant.parse("2026-03-29T08:00:00Z"));
        assertThat(instant(block, "DTEND")).isEqualTo(Instant.parse("2026-03-29T10:30:00Z"));
        assertThat(Instant.from(block.getDateStamp().orElseThrow().getDate())).isEqualTo(STAMP);

        VEvent due = events.get(1);
        assertThat(value(due, "UID")).isEqualTo("due-42@clientdesk");
        assertThat(due.<Temporal>getStartDate().orElseThrow().getDate()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(due.<Temporal>getEndDate().orElseThrow().getDate()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(due.getProperty("DESCRIPTION")).isEmpty();
    }

    @Test
    void theSameFeedIsWrittenTheSameWay() {
        List<FeedEvent> events = List.of(new FeedEvent("block-1@clientdesk", "Focus", null,
                new Timed(Instant.parse("2026-01-05T09:00:00Z"), Instant.parse("2026-01-05T10:00:00Z")), null));
        assertThat(IcsCalendars.feed("Ana", events, STAMP)).isEqualTo(IcsCalendars.feed("Ana", events, STAMP));
    }

    @Test
    void anInvitationIsARequestWithOrganizerAttendeesAndTheVideoLink() throws Exception {
        Meeting meeting = weekly(ZoneId.of("Europe/London"), LocalDateTime.of(2026, 3, 2, 9, 0), 12);

        Calendar calendar = read(IcsCalendars.invitation(meeting, STAMP));

        assertThat(value(calendar, "METHOD")).isEqualTo("REQUEST");
        VEvent event = calendar.<VEvent>getComponents(Component.VEVENT).get(0);
        assertThat(value(event, "UID")).isEqualTo("meeting-9@clientdesk");
        assertThat(value(event, "SEQUENCE")).isEqualTo("0");
        assertThat(value(event, "SUMMARY")).isEqualTo("Harbour weekly");
        assertThat(value(event, "DESCRIPTION")).isEqualTo("1. Last week\n2. Next week");
        assertThat(value(event, "LOCATION")).isEqualTo("https://meet.example/harbour");
        assertThat(value(event, "URL")).isEqualTo("https://meet.example/harbour");
        assertThat(value(event, "STATUS")).isEqualTo("CONFIRMED");
        Property organizer = event.getProperty("ORGANIZER").orElseThrow();
        assertThat(organizer.getValue()).isEqualToIgnoringCase("mailto:ana@clientdesk.example");
        assertThat(parameter(organizer, "CN")).isEqualTo("Ana Souza");
        List<Property> attendees = event.getProperties("ATTENDEE");
        assertThat(attendees).extracting(Property::getValue)
                .containsExactly("mailto:tom@harbour.example", "mailto:li@clientdesk.example");
        assertThat(attendees).allSatisfy(attendee -> {
            assertThat(parameter(attendee, "PARTSTAT")).isEqualTo("NEEDS-ACTION");
            assertThat(parameter(attendee, "RSVP")).isEqualToIgnoringCase("TRUE");
        });
        assertThat(attendees).extracting(attendee -> parameter(attendee, "CN")).containsExactly("Tom Reid", "Li Wei");
        assertThat(instant(event, "DTSTART")).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(instant(event, "DTEND")).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(parameter(event.getProperty("DTSTART").orElseThrow(), "TZID")).isEqualTo("Europe/London");
        assertThat(value(event, "RRULE")).contains("FREQ=WEEKLY").contains("COUNT=12");
    }

    @Test
    void aWeeklyLondonMeetingStaysAtNineLondonAcrossTheMarchChange() throws Exception {
        ZoneId london = ZoneId.of("Europe/London");
        Meeting meeting = weekly(london, LocalDateTime.of(2026, 3, 2, 9, 0), 12);
        Calendar calendar = read(IcsCalendars.invitation(meeting, STAMP));

        ZoneRules zone = timeZone(calendar);
        // Before the change (29 March 2026) London is UTC+0; after it, UTC+1.
        assertThat(zone.getOffset(Instant.parse("2026-03-23T09:00:00Z"))).isEqualTo(ZoneOffset.UTC);
        assertThat(zone.getOffset(Instant.parse("2026-03-30T08:00:00Z"))).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(zone.getOffset(Instant.parse("2026-10-26T09:00:00Z"))).isEqualTo(ZoneOffset.UTC);

        // The occurrences as ical4j expands them: 09:00 London every week, so 08:00 UTC from 30 March.
        VEvent event = calendar.<VEvent>getComponents(Component.VEVENT).get(0);
        List<Instant> starts = event.<ZonedDateTime>calculateRecurrenceSet(new net.fortuna.ical4j.model.Period<>(
                        ZonedDateTime.parse("2026-03-01T00:00:00Z"), ZonedDateTime.parse("2026-06-01T00:00:00Z")))
                .stream().map(period -> Instant.from(period.getStart())).sorted().toList();
        assertThat(starts).hasSize(12);
        assertThat(starts.get(3)).isEqualTo(Instant.parse("2026-03-23T09:00:00Z"));
        assertThat(starts.get(4)).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
        assertThat(starts).allSatisfy(start -> assertThat(start.atZone(london).toLocalTime().getHour()).isEqualTo(9));
    }

    /** The VTIMEZONE, read by ical4j, gives Java's offset at many instants over the years, in many zones. */
    @ParameterizedTest
    @ValueSource(strings = {"Europe/London", "America/New_York", "America/Sao_Paulo", "Australia/Sydney",
            "Pacific/Auckland", "Asia/Kolkata", "Europe/Moscow", "Africa/Casablanca", "Asia/Tehran",
            "America/Santiago", "Australia/Lord_Howe", "America/St_Johns", "Europe/Dublin", "UTC", "America/Nuuk",
            "Asia/Jerusalem", "Pacific/Chatham", "Antarctica/Troll", "America/Havana", "Asia/Gaza"})
    void theTimeZoneGivesJavasOffsetsOverTheMeetingsSpan(String id) throws Exception {
        ZoneId zone = ZoneId.of(id);
        for (LocalDateTime start : List.of(LocalDateTime.of(2010, 1, 4, 9, 0), LocalDateTime.of(2018, 6, 4, 17, 30),
                LocalDateTime.of(2026, 12, 7, 9, 0))) {
            for (Integer weeks : java.util.Arrays.asList(1, 104, null)) {
                Calendar calendar = read(IcsCalendars.invitation(weekly(zone, start, weeks), STAMP));
                ZoneRules read = timeZone(calendar);
                Instant from = start.atZone(zone).toInstant();
                // A series with an end needs its zone only until then; one without, for years.
                Instant to = weeks == null ? from.plus(Duration.ofDays(365L * 15))
                        : start.atZone(zone).plusWeeks(weeks - 1L).plusHours(1).toInstant();
                // Every 5 hours and 7 minutes, and a minute either side of each of Java's changes.
                List<Instant> samples = new java.util.ArrayList<>();
                for (Instant at = from; at.isBefore(to); at = at.plus(Duration.ofMinutes(5 * 60 + 7))) {
                    samples.add(at);
                }
                for (var change = zone.getRules().nextTransition(from); change != null
                        && change.getInstant().isBefore(to);
                        change = zone.getRules().nextTransition(change.getInstant())) {
                    samples.add(change.getInstant().minusSeconds(60));
                    samples.add(change.getInstant().plusSeconds(60));
                }
                for (Instant at : samples) {
                    assertThat(read.getOffset(at))
                            .as("%s at %s (meeting from %s, %s weeks)", id, at, start, weeks)
                            .isEqualTo(zone.getRules().getOffset(at));
                }
            }
        }
    }

    @Test
    void aChangeRaisesTheSequenceAndACancellationCancels() throws Exception {
        Meeting sent = weekly(ZoneId.of("America/New_York"), LocalDateTime.of(2026, 12, 7, 10, 0), null);
        Meeting moved = new Meeting(sent.uid(), sent.sequence() + 1, sent.title(), sent.agenda(), sent.videoLink(),
                sent.organizer(), sent.attendees(), LocalDateTime.of(2026, 12, 8, 11, 0), sent.zone(),
                sent.duration(), null);

        VEvent change = read(IcsCalendars.invitation(moved, STAMP)).<VEvent>getComponents(Component.VEVENT).get(0);
        assertThat(value(change, "SEQUENCE")).isEqualTo("1");
        assertThat(instant(change, "DTSTART")).isEqualTo(Instant.parse("2026-12-08T16:00:00Z"));
        assertThat(value(change, "RRULE")).isEqualTo("FREQ=WEEKLY");

        Calendar cancel = read(IcsCalendars.cancellation(moved.revised(), STAMP.plusSeconds(60)));
        assertThat(value(cancel, "METHOD")).isEqualTo("CANCEL");
        VEvent event = cancel.<VEvent>getComponents(Component.VEVENT).get(0);
        assertThat(value(event, "UID")).isEqualTo("meeting-9@clientdesk");
        assertThat(value(event, "SEQUENCE")).isEqualTo("2");
        assertThat(value(event, "STATUS")).isEqualTo("CANCELLED");
        assertThat(event.getProperties("ATTENDEE")).hasSize(2);
        assertThat(Instant.from(event.getDateStamp().orElseThrow().getDate())).isEqualTo(STAMP.plusSeconds(60));
    }

    @Test
    void everyFilePassesIcal4jsValidation() throws Exception {
        Meeting meeting = weekly(ZoneId.of("Australia/Sydney"), LocalDateTime.of(2026, 12, 7, 8, 30), 52);
        for (String ics : List.of(IcsCalendars.invitation(meeting, STAMP),
                IcsCalendars.cancellation(meeting.revised(), STAMP),
                IcsCalendars.feed("Ana", List.of(new FeedEvent("due-1@clientdesk", "Due", "x",
                        new AllDay(LocalDate.of(2026, 12, 24)), null)), STAMP))) {
            Calendar calendar = read(ics);
            assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString() + "\n" + ics).isFalse();
        }
    }

    private static Meeting weekly(ZoneId zone, LocalDateTime start, Integer weeks) {
        return new Meeting("meeting-9@clientdesk", 0, "Harbour weekly", "1. Last week\n2. Next week",
                URI.create("https://meet.example/harbour"), ORGANIZER, ATTENDEES, start, zone, Duration.ofHours(1),
                weeks);
    }

    private static Calendar read(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    /** The calendar's one VTIMEZONE as ical4j turns it into rules (its ZoneRulesBuilder reads the observances). */
    private static ZoneRules timeZone(Calendar calendar) {
        List<VTimeZone> zones = calendar.getComponents(Component.VTIMEZONE);
        assertThat(zones).hasSize(1);
        return new ZoneRulesBuilder().vTimeZone(zones.get(0)).build();
    }

    private static String value(Calendar calendar, String name) {
        return calendar.getProperty(name).orElseThrow(() -> new AssertionError("no " + name)).getValue();
    }

    private static String value(Component component, String name) {
        return component.getProperty(name).orElseThrow(() -> new AssertionError("no " + name)).getValue();
    }

    private static String parameter(Property property, String name) {
        return property.<Parameter>getParameter(name).orElseThrow(() -> new AssertionError("no " + name)).getValue();
    }

    private static Instant instant(VEvent event, String name) {
        Temporal temporal = name.equals("DTSTART") ? event.<Temporal>getStartDate().orElseThrow().getDate()
                : event.<Temporal>getEndDate().orElseThrow().getDate();
        return Instant.from(temporal);
    }
}
