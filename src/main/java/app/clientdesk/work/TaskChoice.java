package app.clientdesk.work;

import app.clientdesk.clients.ClientId;
import org.jspecify.annotations.Nullable;

/** A task as a picker offers it: its id, client, project and title. */
public record TaskChoice(TaskId id, ClientId clientId, @Nullable ProjectId projectId, String clientName, String title) {

    public static TaskChoice of(Task t) {
        return new TaskChoice(t.id(), t.clientId(), t.projectId(), t.clientName(), t.title());
    }
}
