package app.clientdesk.planning;

import app.clientdesk.clients.ClientId;
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

/** SQL for calendar feeds. A feed is found by its token's hash only; everything else names the workspace. */
@Repository
class CalendarFeedStore {

    /** A stored feed: a person's ({@code user}) or a client's ({@code client}). */
    record Row(UUID id, WorkspaceId workspace, @Nullable UserId user, @Nullable ClientId client, String hint,
            Instant createdAt) {
    }

    private final JdbcClient jdbc;

    CalendarFeedStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> byHash(String hash) {
        return jdbc.sql("select * from calendar_feeds where token_hash = :hash").param("hash", hash)
                .query(CalendarFeedStore::row).optional();
    }

    Optional<Row> ofPerson(WorkspaceId workspace, UserId person) {
        return jdbc.sql("select * from calendar_feeds where workspace_id = :w and user_id = :u")
                .param("w", workspace.value()).param("u", person.value()).query(CalendarFeedStore::row).optional();
    }

    List<Row> ofClients(WorkspaceId workspace) {
        return jdbc.sql("select * from calendar_feeds where workspace_id = :w and client_id is not null")
                .param("w", workspace.value()).query(CalendarFeedStore::row).list();
    }

    /** Replaces the person's or the client's feed, if any, by a new one: the old token stops working at once. */
    void replace(WorkspaceId workspace, @Nullable UserId person, @Nullable ClientId client, String hash, String hint,
            UserId by, Instant now) {
        delete(workspace, person, client);
        jdbc.sql("""
                insert into calendar_feeds (id, workspace_id, user_id, client_id, token_hash, hint, created_by,
                    created_at)
                values (:id, :w, :u, :c, :hash, :hint, :by, :now)""")
                .param("id", UUID.randomUUID()).param("w", workspace.value())
                .param("u", person == null ? null : person.value()).param("c", client == null ? null : client.value())
                .param("hash", hash).param("hint", hint).param("by", by.value())
                .param("now", now.atOffset(ZoneOffset.UTC)).update();
    }

    boolean delete(WorkspaceId workspace, @Nullable UserId person, @Nullable ClientId client) {
        if (person != null) {
            return jdbc.sql("delete from calendar_feeds where workspace_id = :w and user_id = :u")
                    .param("w", workspace.value()).param("u", person.value()).update() > 0;
        }
        return jdbc.sql("delete from calendar_feeds where workspace_id = :w and client_id = :c")
                .param("w", workspace.value()).param("c", client == null ? null : client.value()).update() > 0;
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        UUID user = rs.getObject("user_id", UUID.class);
        UUID client = rs.getObject("client_id", UUID.class);
        return new Row(rs.getObject("id", UUID.class), new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                user == null ? null : new UserId(user), client == null ? null : new ClientId(client),
                rs.getString("hint"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
