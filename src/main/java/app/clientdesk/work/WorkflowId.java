package app.clientdesk.work;

import java.util.Objects;
import java.util.UUID;

public record WorkflowId(UUID value) {

    public WorkflowId {
        Objects.requireNonNull(value, "workflow id");
    }

    public static WorkflowId random() {
        return new WorkflowId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
