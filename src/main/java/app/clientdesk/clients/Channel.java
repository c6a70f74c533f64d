package app.clientdesk.clients;

/** A way of reaching a client. */
public enum Channel {
    EMAIL, CHAT, VIDEO, PHONE, PORTAL;

    public String messageKey() {
        return "client.channel." + name();
    }
}
