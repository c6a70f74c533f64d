package app.clientdesk.clients;

import java.util.UUID;

/** A contact found by email address: the client (not archived) it belongs to and the contact's id and name. */
public record ContactMatch(ClientId clientId, UUID contactId, String contactName) {
}
