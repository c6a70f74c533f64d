package app.clientdesk.clients;

/** A client as a picker lists it: its id and name, nothing to compute. */
public record ClientChoice(ClientId id, String name) {
}
