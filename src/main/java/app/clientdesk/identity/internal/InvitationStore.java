package app.clientdesk.identity.internal;

import app.clientdesk.identity.UserId;
import app.clientdesk.identity.WorkspaceId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for invitations; an invitation is found by the hash of the token in its link. */
@Repository
public class InvitationStore {

    public record Invitation(UUID id, WorkspaceId workspaceId, String workspaceName, String email, String displayName,
            Instant expiresAt, boolean usable) {
    }

    private final JdbcClient jdbc;

    InvitationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, WorkspaceId workspace, String email, String name, String tokenHash, UserId invitedBy,
            Instant now, Instant expires) {
        jdbc.sql("""
                insert into invitations (id, workspace_id, email, display_name, role, token_hash, invited_by,
                                         created_at, expires_at)
                values (:id, :workspace, :email, :name, 'MEMBER', :hash, :by, :now, :expires)
                """)
                .param("id", id).param("workspace", workspace.value()).param("email", email).param("name", name)
                .param("hash", tokenHash).param("by", invitedBy.value()).param("now", IdentityStore.utc(now))
                .param("expires", IdentityStore.utc(expires)).update();
    }

    List<Invitation> pending(WorkspaceId workspace, Instant now) {
        return jdbc.sql(select() + """
                where i.workspace_id = :workspace and i.accepted_at is null and i.revoked_at is null
                  and i.expires_at > :now order by i.created_at desc
                """).param("workspace", workspace.value()).param("now", IdentityStore.utc(now))
                .query((rs, n) -> map(rs, now)).list();
    }

    Optional<Invitation> byToken(String tokenHash, Instant now) {
        return jdbc.sql(select() + " where i.token_hash = :hash").param("hash", tokenHash)
                .query((rs, n) -> map(rs, now)).optional();
    }

    boolean revoke(WorkspaceId workspace, UUID id, Instant now) {
        return jdbc.sql("""
                update invitations set revoked_at = :now
                where id = :id and workspace_id = :workspace and accepted_at is null and revoked_at is null
                """).param("now", IdentityStore.utc(now)).param("id", id).param("workspace", workspace.value())
                .update() == 1;
    }

    /** Marks the invitation used; false if someone used or revoked it in the meantime. */
    boolean accept(UUID id, Instant now) {
        return jdbc.sql("""
                update invitations set accepted_at = :now
                where id = :id and accepted_at is null and revoked_at is null and expires_at > :now
                """).param("now", IdentityStore.utc(now)).param("id", id).update() == 1;
    }

    private static String select() {
        return """
                select i.id, i.workspace_id, w.name as workspace_name, i.email, i.display_name, i.expires_at,
                       i.accepted_at, i.revoked_at
                from invitations i join workspaces w on w.id = i.workspace_id
                """;
    }

    private static Invitation map(java.sql.ResultSet rs, Instant now) throws java.sql.SQLException {
        Instant expires = rs.getObject("expires_at", OffsetDateTime.class).toInstant();
        boolean usable = rs.getObject("accepted_at", OffsetDateTime.class) == null
                && rs.getObject("revoked_at", OffsetDateTime.class) == null && expires.isAfter(now);
        return new Invitation(rs.getObject("id", UUID.class), new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                rs.getString("workspace_name"), rs.getString("email"), rs.getString("display_name"), expires, usable);
    }
}
