package app.clientdesk.requests;

/** Where a request came from. */
public enum RequestSource {
    /** A client contact submitted it in the portal. */
    PORTAL,
    /** An email to the request mailbox. */
    EMAIL,
    /** The VA entered it on the client's behalf. */
    MANUAL;

    public String messageKey() {
        return "requests.source." + name();
    }
}
