package app.clientdesk.requests;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.UserId;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.work.TaskId;

/** A request was converted to a task by {@code by}. */
public record RequestConverted(WorkspaceId workspace, RequestId request, ClientId client, TaskId task, UserId by) {
}
