package app.clientdesk.work;

import java.util.Objects;
import java.util.UUID;

public record ProjectTemplateId(UUID value) {

    public ProjectTemplateId {
        Objects.requireNonNull(value, "template id");
    }

    public static ProjectTemplateId random() {
        return new ProjectTemplateId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
