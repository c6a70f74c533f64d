package app.clientdesk.clients;

import app.clientdesk.identity.WorkspaceId;

/**
 * A client was archived. Published inside the archiving transaction, so a listener that ends what the client's
 * contacts could do (their portal sessions and sign-in) commits with it.
 */
public record ClientArchived(WorkspaceId workspace, ClientId client) {
}
