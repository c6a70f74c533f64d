package app.clientdesk.requests;

/** Who wrote a message of a request. */
public enum AuthorKind {
    /** A client contact, signed in to the portal. */
    CONTACT,
    /** A person of the workspace (the VA, a member). */
    USER,
    /** An email sender (a known contact of the client, or an address the VA assigned to the client). */
    EMAIL
}
