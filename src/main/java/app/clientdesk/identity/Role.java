package app.clientdesk.identity;

/** What a person may do in a workspace. */
public enum Role {
    /** The VA who runs the business: sees and configures everything. */
    OWNER,
    /** A subcontractor or employee: sees only the clients assigned to them. */
    MEMBER,
    /** A person at a client: kept to the client portal, sees only their own client. */
    CLIENT;

    public String authority() {
        return "ROLE_" + name();
    }
}
