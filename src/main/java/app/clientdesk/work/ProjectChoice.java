package app.clientdesk.work;

import app.clientdesk.clients.ClientId;

/** A project as a picker offers it: its id, its client and its name. */
public record ProjectChoice(ProjectId id, ClientId clientId, String clientName, String name) {
}
