package app.clientdesk.clients;

import app.clientdesk.identity.WorkspaceId;

/** An archived client was brought back. Published inside the restoring transaction. */
public record ClientRestored(WorkspaceId workspace, ClientId client) {
}
