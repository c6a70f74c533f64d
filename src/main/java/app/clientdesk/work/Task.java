package app.clientdesk.work;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.UserId;
import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * A piece of work for one client, as lists and views show it. The client's name and zone ride along
 * so a card can show the client's local time without another query; checklist counts likewise.
 */
public record Task(TaskId id, ClientId clientId, String clientName, ZoneId clientZone, @Nullable ProjectId projectId,
        @Nullable String projectName, WorkflowId workflowId, Stage stage, int position, String title,
        @Nullable String description, boolean urgent, boolean important, @Nullable Due due,
        @Nullable Integer estimateMinutes, @Nullable UserId assigneeId, @Nullable String assigneeName,
        @Nullable String type, @Nullable Recurrence recurrence, @Nullable String sop, @Nullable Instant completedAt,
        int checklistDone, int checklistTotal, Instant createdAt, Instant updatedAt) {

    public Quadrant quadrant() {
        return Quadrant.of(urgent, important);
    }

    public boolean completed() {
        return completedAt != null;
    }
}
