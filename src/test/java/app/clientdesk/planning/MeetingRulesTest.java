package app.clientdesk.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.clientdesk.identity.UserId;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violation;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A meeting's own fields and its weekly occurrences, without a database. */
class MeetingRulesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String SOMEONE = UUID.randomUUID().toString();

    private static MeetingInput input(String title, String start, String end, String zone, String weeks, String url) {
        return new MeetingInput(title, null, url, null, start, end, zone, weeks, List.of(SOMEONE), List.of());
    }

    @Test
    void aLocalDateTimeIsReadInTheMeetingsZoneAndAnOffsetAsGiven() {
        MeetingRules.Valid local = MeetingRules.check(input("Call", "2027-07-05T09:00", "2027-07-05T09:30",
                "Europe/London", "4", "https://meet.example/x"), ZoneId.of("UTC"));
        assertThat(local.start()).isEqualTo(Instant.parse("2027-07-05T08:00:00Z"));
        assertThat(local.zone()).isEqualTo(LONDON);
        assertThat(local.weeks()).isEqualTo(4);
        MeetingRules.Valid offset = MeetingRules.check(input("Call", "2027-07-05T09:00:00-03:00",
                "2027-07-05T09:30:00-03:00", null, null, null), LONDON);
        assertThat(offset.start()).isEqualTo(Instant.parse("2027-07-05T12:00:00Z"));
        assertThat(offset.zone()).isEqualTo(LONDON);
        assertThat(offset.weeks()).isEqualTo(1);
    }

    @Test
    void everyBrokenRuleIsListedByField() {
        assertThatThrownBy(() -> MeetingRules.check(new MeetingInput("", null, "javascript:alert(1)", "nope",
                "2027-07-05T10:00", "2027-07-05T09:00", "Mars/Base", "261", List.of("x"), List.of()), LONDON))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .contains("title", "videoUrl", "clientId", "end", "zone", "weeks", "userIds"));
        assertThatThrownBy(() -> MeetingRules.check(input("Call", "2027-07-05T09:00", "2027-07-06T09:30", null, null,
                null), LONDON)).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting(Violation::messageKey)
                                .containsExactly("meetings.end.tooLong"));
        assertThatThrownBy(() -> MeetingRules.check(new MeetingInput("Call", null, null, null, "2027-07-05T09:00",
                "2027-07-05T09:30", null, null, List.of(), List.of()), LONDON))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::messageKey).containsExactly("meetings.attendees.required"));
    }

    @Test
    void aWeeklySeriesKeepsItsWallClockTimeAcrossTheClockChangeAndItsRealLength() {
        Meeting meeting = new Meeting(UUID.randomUUID(), "Weekly", null, null, null, null,
                new UserId(UUID.randomUUID()), "Ana", "ana@example.test", Instant.parse("2027-03-22T09:00:00Z"),
                Instant.parse("2027-03-22T10:00:00Z"), LONDON, 3, 0, false, List.of());
        assertThat(meeting.occurrences()).extracting(MeetingOccurrence::start).containsExactly(
                Instant.parse("2027-03-22T09:00:00Z"), Instant.parse("2027-03-29T08:00:00Z"),
                Instant.parse("2027-04-05T08:00:00Z"));
        assertThat(meeting.occurrences()).extracting(MeetingOccurrence::number).containsExactly(1, 2, 3);
        assertThat(meeting.seriesEnd()).isEqualTo(Instant.parse("2027-04-05T09:00:00Z"));
        assertThat(meeting.occurrencesBetween(Instant.parse("2027-03-29T08:30:00Z"),
                Instant.parse("2027-04-05T08:00:00Z"))).extracting(MeetingOccurrence::number).containsExactly(2);
        assertThat(meeting.next(Instant.parse("2027-03-29T09:00:00Z")).orElseThrow().number()).isEqualTo(3);
    }
}
