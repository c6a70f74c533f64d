package app.clientdesk.portal;

import app.clientdesk.identity.UserId;
import app.clientdesk.identity.WorkspaceId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the contacts' portal access and their sign-in links (only a hash of each link is stored). */
@Repository
class PortalStore {

    /** A contact's access to the portal. */
    record Access(UUID contactId, UUID clientId, UserId userId, Instant invitedAt, @Nullable Instant firstSignInAt,
            @Nullable Instant lastSignInAt, @Nullable Instant passwordSetAt, @Nullable Instant revokedAt,
            @Nullable Instant clientArchivedAt) {
    }

    /** A sign-in link as stored. */
    record Link(UserId userId, WorkspaceId workspace, Instant expiresAt, @Nullable Instant usedAt) {
    }

    private static final String ACCESS = """
            select contact_id, client_id, user_id, invited_at, first_sign_in_at, last_sign_in_at, password_set_at,
                revoked_at, client_archived_at from portal_access""";

    private final JdbcClient jdbc;

    PortalStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Access> byContact(WorkspaceId workspace, UUID contactId) {
        return jdbc.sql(ACCESS + " where workspace_id = :w and contact_id = :c").param("w", workspace.value())
                .param("c", contactId).query(PortalStore::access).optional();
    }

    Optional<Access> byUser(UserId user) {
        return jdbc.sql(ACCESS + " where user_id = :u").param("u", user.value()).query(PortalStore::access).optional();
    }

    List<Access> ofClient(WorkspaceId workspace, UUID clientId) {
        return jdbc.sql(ACCESS + " where workspace_id = :w and client_id = :c").param("w", workspace.value())
                .param("c", clientId).query(PortalStore::access).list();
    }

    /** Records an invitation: a new access, or an earlier one (even a revoked one) opened again. */
    void invited(WorkspaceId workspace, UUID clientId, UUID contactId, UserId user, Instant now) {
        int updated = jdbc.sql("""
                update portal_access set user_id = :u, invited_at = :now, revoked_at = null
                where workspace_id = :w and contact_id = :c""")
                .param("u", user.value()).param("now", utc(now)).param("w", workspace.value()).param("c", contactId)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into portal_access (contact_id, workspace_id, client_id, user_id, invited_at)
                    values (:c, :w, :client, :u, :now)""")
                    .param("c", contactId).param("w", workspace.value()).param("client", clientId)
                    .param("u", user.value()).param("now", utc(now)).update();
        }
    }

    void revoke(WorkspaceId workspace, UUID contactId, Instant now) {
        jdbc.sql("update portal_access set revoked_at = :now where workspace_id = :w and contact_id = :c and revoked_at is null")
                .param("now", utc(now)).param("w", workspace.value()).param("c", contactId).update();
        jdbc.sql("""
                update portal_links set used_at = :now where used_at is null and user_id in
                    (select user_id from portal_access where workspace_id = :w and contact_id = :c)""")
                .param("now", utc(now)).param("w", workspace.value()).param("c", contactId).update();
    }

    /** The contact's client was archived: their access waits, and their unused links stop working. */
    void clientArchived(WorkspaceId workspace, UUID contactId, Instant now) {
        jdbc.sql("""
                update portal_access set client_archived_at = :now
                where workspace_id = :w and contact_id = :c and client_archived_at is null""")
                .param("now", utc(now)).param("w", workspace.value()).param("c", contactId).update();
        jdbc.sql("""
                update portal_links set used_at = :now where used_at is null and user_id in
                    (select user_id from portal_access where workspace_id = :w and contact_id = :c)""")
                .param("now", utc(now)).param("w", workspace.value()).param("c", contactId).update();
    }

    /** The contact's client was brought back from the archive. */
    void clientRestored(WorkspaceId workspace, UUID contactId) {
        jdbc.sql("update portal_access set client_archived_at = null where workspace_id = :w and contact_id = :c")
                .param("w", workspace.value()).param("c", contactId).update();
    }

    void signedIn(UserId user, Instant now) {
        jdbc.sql("""
                update portal_access set last_sign_in_at = :now,
                    first_sign_in_at = coalesce(first_sign_in_at, :now) where user_id = :u""")
                .param("now", utc(now)).param("u", user.value()).update();
    }

    void passwordSet(UserId user, Instant now) {
        jdbc.sql("update portal_access set password_set_at = :now where user_id = :u")
                .param("now", utc(now)).param("u", user.value()).update();
    }

    void insertLink(String hash, UserId user, WorkspaceId workspace, Instant now, Instant expires) {
        jdbc.sql("""
                insert into portal_links (token_hash, user_id, workspace_id, created_at, expires_at)
                values (:h, :u, :w, :now, :expires)""")
                .param("h", hash).param("u", user.value()).param("w", workspace.value()).param("now", utc(now))
                .param("expires", utc(expires)).update();
    }

    Optional<Link> link(String hash) {
        return jdbc.sql("select user_id, workspace_id, expires_at, used_at from portal_links where token_hash = :h")
                .param("h", hash)
                .query((rs, n) -> new Link(new UserId(rs.getObject("user_id", UUID.class)),
                        new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                        instant(rs.getObject("expires_at", OffsetDateTime.class)),
                        instant(rs.getObject("used_at", OffsetDateTime.class))))
                .optional();
    }

    /** Marks a link used; false when another request used it first or it expired meanwhile. */
    boolean use(String hash, Instant now) {
        return jdbc.sql("update portal_links set used_at = :now where token_hash = :h and used_at is null and expires_at > :now")
                .param("now", utc(now)).param("h", hash).update() == 1;
    }

    private static Access access(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Access(rs.getObject("contact_id", UUID.class), rs.getObject("client_id", UUID.class),
                new UserId(rs.getObject("user_id", UUID.class)),
                instant(rs.getObject("invited_at", OffsetDateTime.class)),
                instant(rs.getObject("first_sign_in_at", OffsetDateTime.class)),
                instant(rs.getObject("last_sign_in_at", OffsetDateTime.class)),
                instant(rs.getObject("password_set_at", OffsetDateTime.class)),
                instant(rs.getObject("revoked_at", OffsetDateTime.class)),
                instant(rs.getObject("client_archived_at", OffsetDateTime.class)));
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
