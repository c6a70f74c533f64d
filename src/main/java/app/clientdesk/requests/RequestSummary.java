package app.clientdesk.requests;

import app.clientdesk.clients.ClientId;
import app.clientdesk.sla.SlaState;
import app.clientdesk.work.TaskId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One line of a list of requests (the inbox, a client's requests). */
public record RequestSummary(RequestId id, ClientId clientId, String clientName, long number, String subject,
        RequestState state, RequestSource source, Instant createdAt, Instant lastMessageAt,
        @Nullable Instant firstResponseAt, @Nullable Instant firstResponseDueAt, @Nullable SlaState slaState,
        @Nullable TaskId taskId) {

    /** "#123". */
    public String label() {
        return "#" + number;
    }
}
