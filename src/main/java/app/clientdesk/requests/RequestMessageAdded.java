package app.clientdesk.requests;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.WorkspaceId;
import java.util.UUID;

/**
 * A message was added to a request: who wrote it and whether the client sees it. Also published for the first
 * message of a new request (after {@link RequestSubmitted}).
 */
public record RequestMessageAdded(WorkspaceId workspace, RequestId request, ClientId client, UUID message,
        Author author, boolean visibleToClient) {
}
