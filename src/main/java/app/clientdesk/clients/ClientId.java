package app.clientdesk.clients;

import java.util.Objects;
import java.util.UUID;

public record ClientId(UUID value) {

    public ClientId {
        Objects.requireNonNull(value, "client id");
    }

    public static ClientId random() {
        return new ClientId(UUID.randomUUID());
    }

    /** The CSS class of the client's colour (views.css): the same client has the same colour in every view. */
    public String colour() {
        return "client-c" + Math.floorMod(value.hashCode(), 12);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
