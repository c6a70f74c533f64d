package app.clientdesk.identity;

import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A person's account as other modules see it: no password, no secrets. */
public record Account(UserId id, WorkspaceId workspaceId, String email, String displayName, Role role,
        Locale locale, @Nullable UUID clientId, boolean disabled) {
}
