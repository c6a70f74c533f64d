package app.clientdesk.identity;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies one VA business; every row of business data carries it. */
public record WorkspaceId(UUID value) implements Serializable {

    public WorkspaceId {
        Objects.requireNonNull(value, "workspace id");
    }

    public static WorkspaceId random() {
        return new WorkspaceId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
