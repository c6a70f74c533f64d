package app.clientdesk.work;

import app.clientdesk.identity.UserId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened to a task. {@code onBehalfOfClient} marks an approval or a request for changes
 * that the owner recorded for the client.
 */
public record TaskEvent(UUID id, Kind kind, UserId actorId, String actorName, @Nullable String fromStage,
        @Nullable String toStage, boolean onBehalfOfClient, @Nullable String note, Instant at) {

    public enum Kind {
        CREATED, MOVED, APPROVED, CHANGES_REQUESTED, COMPLETED, REOPENED, REPEATED;

        public String messageKey() {
            return "task.event." + name();
        }
    }
}
