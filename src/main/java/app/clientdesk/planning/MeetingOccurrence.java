package app.clientdesk.planning;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.UserId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One occurrence of a meeting, for a week on the planner or a calendar feed: {@code number} counts from 1 within
 * its series, {@code start} and {@code end} are real instants, {@code zone} the one the meeting was planned in.
 * The feed's stable UID for it is the meeting's id with the number.
 */
public record MeetingOccurrence(UUID meetingId, int number, String title, @Nullable ClientId clientId,
        @Nullable String clientName, Instant start, Instant end, ZoneId zone, @Nullable String videoUrl,
        UserId organizer) {
}
