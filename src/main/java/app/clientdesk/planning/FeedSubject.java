package app.clientdesk.planning;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.Account;
import app.clientdesk.identity.WorkspaceId;
import java.time.ZoneId;

/**
 * Whose calendar a feed is: a person's (their blocks, their meetings, the due dates of their tasks) or a client's
 * (its deadlines and meetings). Both come from a token already checked; a {@link FeedSource} trusts them.
 */
public sealed interface FeedSubject {

    WorkspaceId workspace();

    /** The zone whose days the window and the all-day events are counted in. */
    ZoneId zone();

    /** A person of the workspace's staff, with the zone of their working calendar. */
    record Person(Account person, ZoneId zone) implements FeedSubject {
        @Override
        public WorkspaceId workspace() {
            return person.workspaceId();
        }
    }

    /**
     * A client of the workspace, read on behalf of {@code owner} (the workspace's owner, who sees every client's
     * work); {@code zone} is the client's.
     */
    record Client(WorkspaceId workspace, ClientId client, String name, Account owner, ZoneId zone)
            implements FeedSubject {
    }
}
