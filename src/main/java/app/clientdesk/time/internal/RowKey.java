package app.clientdesk.time.internal;

import app.clientdesk.time.TimeEntry;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A timesheet row: a client, and optionally one of its projects and one of its tasks. */
public record RowKey(UUID client, @Nullable UUID project, @Nullable UUID task) {

    public RowKey {
        Objects.requireNonNull(client, "client");
    }

    static RowKey of(TimeEntry e) {
        return new RowKey(e.clientId().value(), e.projectId() == null ? null : e.projectId().value(),
                e.taskId() == null ? null : e.taskId().value());
    }

    boolean holds(TimeEntry e) {
        return equals(of(e));
    }

    /** "client.project.task", with "-" for no project or task: how a row travels in a link. */
    public String param() {
        return client + "." + part(project) + "." + part(task);
    }

    /** A prefix for the ids of the row's elements in the page. */
    public String domId() {
        return "r-" + client + "-" + (project == null ? "0" : project) + "-" + (task == null ? "0" : task);
    }

    public String clientId() {
        return client.toString();
    }

    public String projectId() {
        return project == null ? "" : project.toString();
    }

    public String taskId() {
        return task == null ? "" : task.toString();
    }

    static Optional<RowKey> parse(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.strip().split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RowKey(UUID.fromString(parts[0]), optional(parts[1]), optional(parts[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A row from form fields; empty when the client is missing or an id is malformed. */
    static Optional<RowKey> of(@Nullable String client, @Nullable String project, @Nullable String task) {
        try {
            if (client == null || client.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new RowKey(UUID.fromString(client.strip()), optional(project), optional(task)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static @Nullable UUID optional(@Nullable String text) {
        return text == null || text.isBlank() || text.equals("-") ? null : UUID.fromString(text.strip());
    }

    private static String part(@Nullable UUID id) {
        return id == null ? "-" : id.toString();
    }
}
