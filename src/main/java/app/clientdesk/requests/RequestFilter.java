package app.clientdesk.requests;

import app.clientdesk.clients.ClientId;
import app.clientdesk.sla.SlaState;
import org.jspecify.annotations.Nullable;

/**
 * What the inbox shows: optionally one client, one state, one SLA state; a page of at most {@link #MAX_LIMIT}
 * lines from {@code offset}, newest activity first. Out-of-range limits and offsets are clamped.
 */
public record RequestFilter(@Nullable ClientId clientId, @Nullable RequestState state, @Nullable SlaState slaState,
        int limit, int offset) {

    public static final int MAX_LIMIT = 200;
    public static final int DEFAULT_LIMIT = 50;

    public RequestFilter {
        limit = limit < 1 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
        offset = Math.max(0, offset);
    }

    /** Everything, first page. */
    public static RequestFilter all() {
        return new RequestFilter(null, null, null, DEFAULT_LIMIT, 0);
    }
}
