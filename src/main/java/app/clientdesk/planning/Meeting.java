package app.clientdesk.planning;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.UserId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A meeting as stored: its first occurrence ({@code start} to {@code end}) and the zone it was planned in. A weekly
 * series repeats it {@code weeks} times at the same wall-clock time in {@code zone}, each lasting the first one's
 * real duration, as a calendar reads an RRULE with a TZID. {@code sequence} is the revision attendees last got.
 */
public record Meeting(UUID id, String title, @Nullable String agenda, @Nullable String videoUrl,
        @Nullable ClientId clientId, @Nullable String clientName, UserId organizer, String organizerName,
        String organizerEmail, Instant start, Instant end, ZoneId zone, int weeks, int sequence, boolean cancelled,
        List<MeetingAttendee> attendees) {

    public Meeting {
        attendees = List.copyOf(attendees);
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    public boolean recurring() {
        return weeks > 1;
    }

    /** Every occurrence, first to last. */
    public List<MeetingOccurrence> occurrences() {
        List<MeetingOccurrence> all = new ArrayList<>(weeks);
        ZonedDateTime first = start.atZone(zone);
        Duration duration = duration();
        for (int week = 0; week < weeks; week++) {
            // plusWeeks keeps the wall-clock time in the zone; a time a clock change skips moves on by the gap.
            Instant at = first.plusWeeks(week).toInstant();
            all.add(new MeetingOccurrence(id, week + 1, title, clientId, clientName, at, at.plus(duration), zone,
                    videoUrl, organizer));
        }
        return all;
    }

    /** The occurrences overlapping {@code [from, to)}, in time order. */
    public List<MeetingOccurrence> occurrencesBetween(Instant from, Instant to) {
        return occurrences().stream().filter(o -> o.start().isBefore(to) && o.end().isAfter(from)).toList();
    }

    /** The first occurrence that has not ended at {@code now}. */
    public Optional<MeetingOccurrence> next(Instant now) {
        return occurrences().stream().filter(o -> o.end().isAfter(now)).findFirst();
    }

    /** The end of the last occurrence. */
    public Instant seriesEnd() {
        return start.atZone(zone).plusWeeks(weeks - 1L).toInstant().plus(duration());
    }

    public boolean attends(UserId person) {
        return organizer.equals(person) || attendees.stream().anyMatch(a -> person.equals(a.userId()));
    }
}
