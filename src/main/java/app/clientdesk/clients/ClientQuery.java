package app.clientdesk.clients;

import org.jspecify.annotations.Nullable;

/**
 * A search of the clients list: text in the name or a contact's name or email, a status, archived or
 * not, and a page (from 0).
 */
public record ClientQuery(@Nullable String text, @Nullable ClientStatus status, boolean archived, int page,
        int pageSize) {

    public ClientQuery {
        page = Math.max(0, page);
        pageSize = Math.max(1, Math.min(200, pageSize));
    }
}
