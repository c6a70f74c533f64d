package app.clientdesk.requests;

import java.util.Objects;
import java.util.UUID;

/** The id of a request. */
public record RequestId(UUID value) {

    public RequestId {
        Objects.requireNonNull(value, "request id");
    }

    public static RequestId random() {
        return new RequestId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
