package app.clientdesk.work;

import java.util.Objects;
import java.util.UUID;

public record StageId(UUID value) {

    public StageId {
        Objects.requireNonNull(value, "stage id");
    }

    public static StageId random() {
        return new StageId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
