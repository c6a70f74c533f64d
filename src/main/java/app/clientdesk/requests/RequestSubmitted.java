package app.clientdesk.requests;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.WorkspaceId;

/** A new request was created (published inside the creating transaction). */
public record RequestSubmitted(WorkspaceId workspace, RequestId request, ClientId client, long number,
        RequestSource source, Author author) {
}
