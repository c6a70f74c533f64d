package app.clientdesk.work;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.UserId;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A filter over tasks; every part is optional. {@code stageName} matches a stage by name in any workflow
 * ("Doing"); {@code open} keeps tasks not completed; due range is inclusive, on due dates.
 */
public record TaskQuery(@Nullable ClientId clientId, @Nullable ProjectId projectId, @Nullable StageId stageId,
        @Nullable String stageName, @Nullable UserId assigneeId, @Nullable LocalDate dueFrom,
        @Nullable LocalDate dueTo, @Nullable Quadrant quadrant, @Nullable Boolean open, @Nullable String type,
        int limit, int offset) {

    public static TaskQuery all() {
        return new TaskQuery(null, null, null, null, null, null, null, null, null, null, 500, 0);
    }

    public TaskQuery withClient(@Nullable ClientId client) {
        return new TaskQuery(client, projectId, stageId, stageName, assigneeId, dueFrom, dueTo, quadrant, open, type,
                limit, offset);
    }

    public TaskQuery openOnly() {
        return new TaskQuery(clientId, projectId, stageId, stageName, assigneeId, dueFrom, dueTo, quadrant, true,
                type, limit, offset);
    }
}
