package app.clientdesk.planning;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A meeting as a form or the API sends it, unchecked. {@code start} and {@code end} are ISO-8601, either with an
 * offset (the API) or as a local date-time read in {@code zone} (the form's date-time fields); {@code zone} is
 * where the meeting is planned (default the organizer's). {@code weeks}: how many weekly occurrences (1 = once).
 * {@code userIds} are staff invited, {@code contactIds} contacts of the meeting's client.
 */
public record MeetingInput(@Nullable String title, @Nullable String agenda, @Nullable String videoUrl,
        @Nullable String clientId, @Nullable String start, @Nullable String end, @Nullable String zone,
        @Nullable String weeks, List<String> userIds, List<String> contactIds) {

    public MeetingInput {
        userIds = userIds == null ? List.of() : userIds.stream().filter(Objects::nonNull).toList();
        contactIds = contactIds == null ? List.of() : contactIds.stream().filter(Objects::nonNull).toList();
    }
}
