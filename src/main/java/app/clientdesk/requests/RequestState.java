package app.clientdesk.requests;

/** Where a request stands. */
public enum RequestState {
    /** Waiting on the VA. */
    OPEN,
    /** The VA answered or asked; waiting on the client, the response clock paused. */
    WAITING_ON_CLIENT,
    /** Done. A client message reopens it. */
    CLOSED,
    /** A duplicate, merged into another request of the same client ({@link Request#mergedIntoId()}). */
    MERGED;

    public String messageKey() {
        return "requests.state." + name();
    }
}
