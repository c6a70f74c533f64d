package app.clientdesk.clients;

import org.jspecify.annotations.Nullable;

/**
 * A search of the clients list: text in the name or a contact's name or email, a status, archived or
 * not, and a page (from 0).
 */
public record ClientQuery(@Nullable String text, @Nullable ClientStatus status, boolean archived, int page,
        int pageSize, long offset) {

    public ClientQuery {
        page = Math.max(0, page);
        pageSize = Math.max(1, Math.min(200, pageSize));
        offset = Math.max(0, offset);
    }

    /** A page of the list (from 0), as the screens page it. */
    public ClientQuery(@Nullable String text, @Nullable ClientStatus status, boolean archived, int page, int pageSize) {
        this(text, status, archived, page, pageSize, (long) Math.max(0, page) * Math.max(1, Math.min(200, pageSize)));
    }

    /** {@code limit} clients from the {@code offset}-th on, as the API pages every list. */
    public static ClientQuery slice(@Nullable String text, @Nullable ClientStatus status, boolean archived, long offset,
            int limit) {
        int size = Math.max(1, Math.min(200, limit));
        return new ClientQuery(text, status, archived, (int) Math.min(Integer.MAX_VALUE, Math.max(0, offset) / size),
                size, offset);
    }
}
