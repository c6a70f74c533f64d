package app.clientdesk.requests;

import app.clientdesk.clients.ClientId;
import app.clientdesk.sla.SlaState;
import app.clientdesk.work.TaskId;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One request as stored. {@code number} is shown as "#123" ({@link #label()}), unique per workspace.
 * {@code firstResponseDueAt} is null when the client has no response commitment (no clock), and kept as it was
 * while the request waits on the client (the due time moves later once the client answers; it never moves
 * earlier). {@code slaState} is what the clock said when last recomputed ({@link Requests#refreshSla}).
 * {@code replyToken} is the unguessable token that threads email replies onto this request.
 */
public record Request(RequestId id, ClientId clientId, String clientName, long number, String subject,
        RequestState state, RequestSource source, Author author, @Nullable LocalDate desiredDate,
        @Nullable TaskId taskId, @Nullable RequestId mergedIntoId, String replyToken, Instant createdAt,
        Instant updatedAt, Instant lastMessageAt, @Nullable Instant firstResponseAt,
        @Nullable Instant firstResponseDueAt, @Nullable SlaState slaState, @Nullable SlaState slaNotifiedState) {

    /** "#123". */
    public String label() {
        return "#" + number;
    }
}
