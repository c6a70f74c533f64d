package app.clientdesk.identity;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies a person who signs in: an owner, a member or a client contact. */
public record UserId(UUID value) implements Serializable {

    public UserId {
        Objects.requireNonNull(value, "user id");
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    public static UserId parse(String value) {
        return new UserId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
