package app.clientdesk.identity;

import app.clientdesk.shared.jdbc.Database;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Serialises what must be counted per workspace (the next invoice number, the day's messages): the caller locks
 * the workspace's row, counts and writes, and whoever comes next for the same workspace waits until the caller's
 * transaction ends, so two cannot both take the last number or the last slot. Other workspaces never wait.
 */
@Component
public class WorkspaceLocks {

    private final JdbcClient jdbc;
    private final String lock;

    WorkspaceLocks(JdbcClient jdbc, Database database) {
        this.jdbc = jdbc;
        // On PostgreSQL "for no key update": it serialises callers as "for update" would, but does not wait for
        // the key-share locks that every insert referencing the workspace holds (an issue writes lines and events
        // before it draws its number; two issuers each holding such a lock and each asking "for update" would
        // deadlock). H2 takes no such locks and knows only "for update".
        this.lock = database.isPostgres() ? "for no key update" : "for update";
    }

    /** Locks the workspace's row until the caller's transaction ends (refuses to run outside one). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(WorkspaceId workspace) {
        jdbc.sql("select id from workspaces where id = :w " + lock).param("w", workspace.value())
                .query(UUID.class).single();
    }
}
