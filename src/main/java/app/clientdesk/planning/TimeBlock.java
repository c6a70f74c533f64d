package app.clientdesk.planning;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.UserId;
import app.clientdesk.work.TaskId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A stretch of a person's week set aside for a client, a task type, a task, or just a title ("Admin"). Its
 * instants are what it is; {@code zone} is where it was planned, so a template's or a move's wall-clock times are
 * read there. The client's name and the task's title ride along for the planner's labels.
 */
public record TimeBlock(UUID id, UserId person, Instant start, Instant end, ZoneId zone, @Nullable ClientId clientId,
        @Nullable String clientName, @Nullable ZoneId clientZone, @Nullable TaskId taskId, @Nullable String taskTitle, @Nullable String type,
        @Nullable String title, boolean outsideHours, Source source, @Nullable String batch) {

    /** How a block came to be. */
    public enum Source {
        /** Drawn on the planner, or entered in its form or through the API. */
        MANUAL,
        /** A week's template applied. */
        TEMPLATE,
        /** An accepted auto-plan. */
        AUTO
    }

    /** What the planner writes on the block: its title, else its task, else its type, else its client. */
    public String label() {
        if (title != null) {
            return title;
        }
        if (taskTitle != null) {
            return taskTitle;
        }
        if (type != null) {
            return type;
        }
        return clientName != null ? clientName : "";
    }

    public Interval interval() {
        return new Interval(start, end);
    }

    public long minutes() {
        return java.time.Duration.between(start, end).toMinutes();
    }
}
