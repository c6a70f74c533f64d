package app.clientdesk.notifications;

import app.clientdesk.identity.UserId;
import app.clientdesk.identity.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for notifications; every statement names the workspace and the person, so nobody reads another's. */
@Repository
class NotificationStore {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final String COLUMNS = "id, kind, message_key, arguments, link, created_at, read_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    NotificationStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Holds the person's row until the transaction ends, so that two notices with the same dedupe key (two app
     * nodes running the same job) are decided one after the other: the second sees the first's row.
     */
    void lockPerson(WorkspaceId workspace, UserId user) {
        jdbc.sql("select id from users where id = :u and workspace_id = :w for update")
                .param("u", user.value()).param("w", workspace.value()).query(UUID.class).optional();
    }

    boolean exists(UserId user, String dedupeKey) {
        return jdbc.sql("select count(*) from notifications where user_id = :u and dedupe_key = :k")
                .param("u", user.value()).param("k", dedupeKey).query(Long.class).single() > 0;
    }

    void insert(WorkspaceId workspace, UserId user, UUID id, Notice notice, Instant now) {
        jdbc.sql("""
                insert into notifications (id, workspace_id, user_id, kind, message_key, arguments, link, dedupe_key,
                                           emailed, created_at)
                values (:id, :w, :u, :kind, :key, :args, :link, :dedupe, :emailed, :now)""")
                .param("id", id).param("w", workspace.value()).param("u", user.value()).param("kind", notice.kind())
                .param("key", notice.messageKey()).param("args", json.writeValueAsString(notice.arguments()))
                .param("link", notice.link()).param("dedupe", notice.dedupeKey()).param("emailed", notice.email())
                .param("now", at(now)).update();
    }

    /** Unread notifications of a person, counted up to {@code cap} (the bell says "99+" beyond). */
    int unread(WorkspaceId workspace, UserId user, int cap) {
        return jdbc.sql("""
                select count(*) from (select 1 from notifications
                                      where user_id = :u and read_at is null and workspace_id = :w
                                      limit :cap) unread""")
                .param("u", user.value()).param("w", workspace.value()).param("cap", cap).query(Integer.class)
                .single();
    }

    /** Newest first; after {@code before} (the last one shown) when given. */
    List<Notification> page(WorkspaceId workspace, UserId user, @Nullable Notification before, int limit) {
        String after = before == null ? "" : " and (created_at < :at or (created_at = :at and id < :id))";
        var sql = jdbc.sql("select " + COLUMNS + " from notifications where user_id = :u and workspace_id = :w"
                + after + " order by created_at desc, id desc limit :limit")
                .param("u", user.value()).param("w", workspace.value()).param("limit", limit);
        if (before != null) {
            sql = sql.param("at", at(before.createdAt())).param("id", before.id());
        }
        return sql.query(this::row).list();
    }

    Optional<Notification> find(WorkspaceId workspace, UserId user, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from notifications where id = :id and user_id = :u and workspace_id = :w")
                .param("id", id).param("u", user.value()).param("w", workspace.value()).query(this::row).optional();
    }

    int markRead(WorkspaceId workspace, UserId user, UUID id, Instant now) {
        return jdbc.sql("""
                update notifications set read_at = :now
                where id = :id and user_id = :u and workspace_id = :w and read_at is null""")
                .param("now", at(now)).param("id", id).param("u", user.value()).param("w", workspace.value()).update();
    }

    int markAllRead(WorkspaceId workspace, UserId user, Instant now) {
        return jdbc.sql("""
                update notifications set read_at = :now where user_id = :u and workspace_id = :w and read_at is null""")
                .param("now", at(now)).param("u", user.value()).param("w", workspace.value()).update();
    }

    private Notification row(ResultSet rs, int n) throws SQLException {
        OffsetDateTime read = rs.getObject("read_at", OffsetDateTime.class);
        return new Notification(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("message_key"),
                json.readValue(rs.getString("arguments"), STRINGS), rs.getString("link"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), read == null ? null : read.toInstant());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
