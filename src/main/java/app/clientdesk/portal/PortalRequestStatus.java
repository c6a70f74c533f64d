package app.clientdesk.portal;

import app.clientdesk.requests.RequestState;
import org.jspecify.annotations.Nullable;

/**
 * A request's status in the client's words: received (nobody answered yet), in progress (answered, with the VA),
 * waiting for you, closed, merged. Each has a message key {@code portal.requests.status.*} (see {@code portal/requestStatus.jte}) and a badge class.
 */
public final class PortalRequestStatus {

    private PortalRequestStatus() {}

    public static String badge(RequestState state, @Nullable Object firstResponseAt) {
        return switch (name(state, firstResponseAt)) {
            case "waiting" -> "badge portal-status-waiting";
            case "received", "progress" -> "badge badge-open";
            default -> "badge badge-closed";
        };
    }

    /** received, progress, waiting, closed or merged: the last part of the key {@code portal.requests.status.*}. */
    public static String name(RequestState state, @Nullable Object firstResponseAt) {
        return switch (state) {
            case OPEN -> firstResponseAt == null ? "received" : "progress";
            case WAITING_ON_CLIENT -> "waiting";
            case CLOSED -> "closed";
            case MERGED -> "merged";
        };
    }
}
