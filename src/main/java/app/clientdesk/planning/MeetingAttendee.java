package app.clientdesk.planning;

import app.clientdesk.identity.UserId;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Someone invited to a meeting: a member of staff ({@code userId}) or a client's contact ({@code contactId}), with
 * the address, name and language their invitation goes out in.
 */
public record MeetingAttendee(@Nullable UserId userId, @Nullable UUID contactId, String email, String name,
        Locale language) {

    public boolean staff() {
        return userId != null;
    }
}
