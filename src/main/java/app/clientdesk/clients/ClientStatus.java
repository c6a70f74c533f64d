package app.clientdesk.clients;

/** Where a client stands in the relationship. */
public enum ClientStatus {
    LEAD, ONBOARDING, ACTIVE, PAUSED, ENDED;

    public String messageKey() {
        return "client.status." + name();
    }
}
