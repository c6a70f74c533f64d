package app.clientdesk.work;

import java.util.Objects;
import java.util.UUID;

public record TaskTemplateId(UUID value) {

    public TaskTemplateId {
        Objects.requireNonNull(value, "template id");
    }

    public static TaskTemplateId random() {
        return new TaskTemplateId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
