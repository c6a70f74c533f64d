package app.clientdesk.requests;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.UserId;
import app.clientdesk.identity.WorkspaceId;

/** {@code duplicate} was merged into {@code into} (same client); its messages now belong to {@code into}. */
public record RequestsMerged(WorkspaceId workspace, RequestId duplicate, RequestId into, ClientId client,
        UserId by) {
}
