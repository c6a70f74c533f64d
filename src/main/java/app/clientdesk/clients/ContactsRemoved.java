package app.clientdesk.clients;

import app.clientdesk.identity.WorkspaceId;
import java.util.Set;
import java.util.UUID;

/**
 * Contacts of a client were removed (the client was saved without them). Published inside the saving
 * transaction, so a listener that ends what the contacts could do (their portal access) commits with it.
 */
public record ContactsRemoved(WorkspaceId workspace, ClientId client, Set<UUID> contactIds) {
}
