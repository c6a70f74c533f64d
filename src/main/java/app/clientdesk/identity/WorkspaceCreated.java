package app.clientdesk.identity;

/** A VA business now exists, with its owner able to sign in. */
public record WorkspaceCreated(WorkspaceId workspaceId, UserId ownerId, String ownerEmail) {
}
