package app.clientdesk.clients;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A person at a client. One contact of a client is the primary one. */
public record Contact(UUID id, String name, @Nullable String email, @Nullable String phone, @Nullable String role,
        boolean primary) {
}
