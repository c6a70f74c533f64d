package app.clientdesk.work;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.UserId;
import app.clientdesk.identity.WorkspaceId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A client contact answered a deliverable waiting for their approval in the portal: approved it (the task moved on
 * to the stage after the approval stage) or asked for changes with {@code comment} (it moved back to the working
 * stage before). Published inside the answering transaction, so a listener that queues a notification commits
 * with the answer. {@code assigneeId} is the task's assignee at the time, if any.
 */
public record ApprovalAnswered(WorkspaceId workspace, TaskId taskId, ClientId clientId, String clientName,
        String taskTitle, Answer answer, UserId contactId, String contactName, @Nullable String comment,
        @Nullable UserId assigneeId, Instant at) {

    /** What the contact said. */
    public enum Answer { APPROVED, CHANGES_REQUESTED }
}
