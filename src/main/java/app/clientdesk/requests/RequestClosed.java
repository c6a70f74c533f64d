package app.clientdesk.requests;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.UserId;
import app.clientdesk.identity.WorkspaceId;

/** A request was closed by {@code by}. */
public record RequestClosed(WorkspaceId workspace, RequestId request, ClientId client, UserId by) {
}
