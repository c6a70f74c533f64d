package app.clientdesk.intake;

import app.clientdesk.identity.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the intake's two tables. Every statement names the workspace. */
@Repository
class IntakeStore {

    private final JdbcClient jdbc;

    IntakeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------------------------------- mailboxes

    Optional<Mailbox> mailbox(WorkspaceId workspace) {
        return jdbc.sql("select * from intake_mailboxes where workspace_id = :w").param("w", workspace.value())
                .query(IntakeStore::mailbox).optional();
    }

    /** Enabled mailboxes whose next reading is due. */
    List<WorkspaceId> due(Instant now, int limit) {
        return jdbc.sql("""
                select workspace_id from intake_mailboxes
                where enabled = true and (next_poll_at is null or next_poll_at <= :now)
                order by last_polled_at nulls first, workspace_id
                fetch first :limit rows only
                """).param("now", at(now)).param("limit", limit)
                .query((rs, n) -> new WorkspaceId(rs.getObject(1, UUID.class))).list();
    }

    /** Saves the settings; a null password keeps the saved one. Changing server, user or folder starts over. */
    void save(WorkspaceId workspace, String host, int port, MailboxSecurity security, String username,
            @Nullable String password, String folder, boolean enabled, Instant now) {
        int updated = jdbc.sql("""
                update intake_mailboxes set
                    uid_validity = case when host = :host and username = :user and folder = :folder
                                        then uid_validity else null end,
                    last_uid = case when host = :host and username = :user and folder = :folder
                                    then last_uid else 0 end,
                    host = :host, port = :port, security = :security, username = :user,
                    password = coalesce(:password, password), folder = :folder, enabled = :enabled,
                    failures = 0, next_poll_at = null, last_error = null, updated_at = :now
                where workspace_id = :w
                """).param("host", host).param("port", port).param("security", security.name())
                .param("user", username).param("password", password).param("folder", folder)
                .param("enabled", enabled).param("now", at(now)).param("w", workspace.value()).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into intake_mailboxes (workspace_id, host, port, security, username, password, folder,
                        enabled, updated_at)
                    values (:w, :host, :port, :security, :user, :password, :folder, :enabled, :now)
                    """).param("host", host).param("port", port).param("security", security.name())
                    .param("user", username).param("password", password == null ? "" : password)
                    .param("folder", folder).param("enabled", enabled).param("now", at(now))
                    .param("w", workspace.value()).update();
        }
    }

    /**
     * Records how far reading went in this UIDVALIDITY. Another node may have gone further: the larger UID stays.
     * A new UIDVALIDITY starts from this UID.
     */
    void advance(WorkspaceId workspace, long uidValidity, long uid) {
        jdbc.sql("""
                update intake_mailboxes set
                    last_uid = case when uid_validity = :v and last_uid > :uid then last_uid else :uid end,
                    uid_validity = :v
                where workspace_id = :w
                """).param("v", uidValidity).param("uid", uid).param("w", workspace.value()).update();
    }

    void polled(WorkspaceId workspace, Instant now, Instant next) {
        jdbc.sql("""
                update intake_mailboxes set last_polled_at = :now, failures = 0, last_error = null, next_poll_at = :next
                where workspace_id = :w
                """).param("now", at(now)).param("next", at(next)).param("w", workspace.value()).update();
    }

    void pollFailed(WorkspaceId workspace, String error, Instant now, Instant next) {
        jdbc.sql("""
                update intake_mailboxes set last_polled_at = :now, failures = failures + 1, last_error = :error,
                    next_poll_at = :next
                where workspace_id = :w
                """).param("now", at(now)).param("error", cut(error, 500)).param("next", at(next))
                .param("w", workspace.value()).update();
    }

    // -------------------------------------------------------------------------------------------- messages

    boolean seen(WorkspaceId workspace, long uidValidity, long uid) {
        return jdbc.sql("select count(*) from intake_messages where workspace_id = :w and uid_validity = :v and uid = :u")
                .param("w", workspace.value()).param("v", uidValidity).param("u", uid).query(Long.class).single() > 0;
    }

    /** Of {@code uids}, those already claimed (or failed) in this UIDVALIDITY: one statement for a batch. */
    Set<Long> seen(WorkspaceId workspace, long uidValidity, Collection<Long> uids) {
        if (uids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                select uid from intake_messages where workspace_id = :w and uid_validity = :v and uid in (:uids)
                """).param("w", workspace.value()).param("v", uidValidity).param("uids", List.copyOf(uids))
                .query(Long.class).list());
    }

    /**
     * The claim, with the row's note and kept source (for a row already in its final state): fails with a
     * duplicate key when this UID or this Message-ID was claimed before.
     */
    void claim(UUID id, WorkspaceId workspace, long uidValidity, long uid, @Nullable String messageId, String state,
            ParsedMail mail, int attempts, Instant now, @Nullable String note, byte @Nullable [] raw) {
        claim(id, workspace, uidValidity, uid, messageId, state, mail, attempts, now, note, raw, null);
    }

    /** As the claim above, for a message already handed on to {@code request} in the same transaction. */
    void claim(UUID id, WorkspaceId workspace, long uidValidity, long uid, @Nullable String messageId, String state,
            ParsedMail mail, int attempts, Instant now, @Nullable String note, byte @Nullable [] raw,
            @Nullable UUID request) {
        jdbc.sql("""
                insert into intake_messages (id, workspace_id, uid_validity, uid, message_id, state, attempts,
                    from_address, from_name, subject, preview, received_at, error, raw, request_id)
                values (:id, :w, :v, :u, :mid, :state, :attempts, :from, :name, :subject, :preview, :now, :note, :raw,
                    :request)
                """).param("note", cut(note, 1000)).param("raw", raw).param("request", request).param("id", id).param("w", workspace.value()).param("v", uidValidity).param("u", uid)
                .param("mid", messageId).param("state", state).param("attempts", attempts).param("from", cut(mail.fromAddress(), 320))
                .param("name", cut(mail.fromName(), 200)).param("subject", cut(mail.subject(), 200))
                .param("preview", cut(mail.preview(), 500)).param("now", at(now)).update();
    }

    void finish(UUID id, String state, @Nullable UUID request, @Nullable String note, byte @Nullable [] raw) {
        jdbc.sql("""
                update intake_messages set state = :state, request_id = :request, error = :note, raw = :raw,
                    next_attempt_at = null
                where id = :id
                """).param("state", state).param("request", request).param("note", cut(note, 1000))
                .param("raw", raw).param("id", id).update();
    }

    /**
     * A message that could not be handled, after {@code attempts} tries: its row (made if missing) keeps the error
     * and waits for the next attempt, or gives up after {@code maxAttempts}.
     */
    void failed(WorkspaceId workspace, long uidValidity, long uid, String error, int attempts, int maxAttempts,
            Instant now, Instant next) {
        String state = attempts >= maxAttempts ? "GAVE_UP" : "FAILED";
        int updated = jdbc.sql("""
                update intake_messages set attempts = :attempts, error = :error, next_attempt_at = :next, state = :state
                where workspace_id = :w and uid_validity = :v and uid = :u and state = 'FAILED'
                """).param("attempts", attempts).param("error", cut(error, 1000)).param("next", at(next))
                .param("state", state).param("w", workspace.value()).param("v", uidValidity).param("u", uid).update();
        if (updated == 0 && !seen(workspace, uidValidity, uid)) {
            jdbc.sql("""
                    insert into intake_messages (id, workspace_id, uid_validity, uid, state, attempts, error,
                        next_attempt_at, received_at)
                    values (:id, :w, :v, :u, :state, :attempts, :error, :next, :now)
                    """).param("id", UUID.randomUUID()).param("w", workspace.value()).param("v", uidValidity)
                    .param("u", uid).param("state", state).param("attempts", attempts)
                    .param("error", cut(error, 1000)).param("next", at(next)).param("now", at(now)).update();
        }
    }

    /** UIDs of messages that failed and whose next attempt is due, in this UIDVALIDITY. */
    List<Long> retriesDue(WorkspaceId workspace, long uidValidity, Instant now, int limit) {
        return jdbc.sql("""
                select uid from intake_messages
                where workspace_id = :w and uid_validity = :v and state = 'FAILED' and next_attempt_at <= :now
                order by uid fetch first :limit rows only
                """).param("w", workspace.value()).param("v", uidValidity).param("now", at(now))
                .param("limit", limit).query(Long.class).list();
    }

    /** Takes a failed row for another attempt: true for the one node that gets it; the row then goes. */
    boolean takeForRetry(WorkspaceId workspace, long uidValidity, long uid) {
        return jdbc.sql("""
                delete from intake_messages
                where workspace_id = :w and uid_validity = :v and uid = :u and state = 'FAILED'
                """).param("w", workspace.value()).param("v", uidValidity).param("u", uid).update() == 1;
    }

    int attempts(WorkspaceId workspace, long uidValidity, long uid) {
        return jdbc.sql("select attempts from intake_messages where workspace_id = :w and uid_validity = :v and uid = :u")
                .param("w", workspace.value()).param("v", uidValidity).param("u", uid).query(Integer.class)
                .optional().orElse(0);
    }

    // ---------------------------------------------------------------------------------------------- review

    ReviewPage review(WorkspaceId workspace, int limit, int offset) {
        long total = jdbc.sql("select count(*) from intake_messages where workspace_id = :w and state = 'REVIEW'")
                .param("w", workspace.value()).query(Long.class).single();
        List<ReviewItem> items = jdbc.sql("""
                select id, from_address, from_name, subject, preview, received_at from intake_messages
                where workspace_id = :w and state = 'REVIEW'
                order by received_at desc, id
                offset :offset rows fetch next :limit rows only
                """).param("w", workspace.value()).param("offset", offset).param("limit", limit)
                .query((rs, n) -> new ReviewItem(rs.getObject("id", UUID.class), rs.getString("from_address"),
                        rs.getString("from_name"), rs.getString("subject"), rs.getString("preview"),
                        rs.getObject("received_at", OffsetDateTime.class).toInstant()))
                .list();
        return new ReviewPage(items, total, limit, offset);
    }

    /** The raw message of a review item, taken (state changed) so that only one person handles it. */
    record Kept(byte[] raw, @Nullable String note) {
    }

    Optional<Kept> takeForReview(WorkspaceId workspace, UUID id, String newState, UUID by, Instant now) {
        Optional<Kept> raw = jdbc.sql("""
                select raw, error from intake_messages where workspace_id = :w and id = :id and state = 'REVIEW'
                """).param("w", workspace.value()).param("id", id)
                .query((rs, n) -> new Kept(rs.getBytes(1) == null ? new byte[0] : rs.getBytes(1), rs.getString(2)))
                .optional();
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        int taken = jdbc.sql("""
                update intake_messages set state = :state, handled_by = :by, handled_at = :now, raw = null
                where workspace_id = :w and id = :id and state = 'REVIEW'
                """).param("state", newState).param("by", by).param("now", at(now)).param("w", workspace.value())
                .param("id", id).update();
        return taken == 1 ? raw : Optional.empty();
    }

    void assigned(WorkspaceId workspace, UUID id, UUID request) {
        jdbc.sql("update intake_messages set request_id = :r where workspace_id = :w and id = :id")
                .param("r", request).param("w", workspace.value()).param("id", id).update();
    }

    // ---------------------------------------------------------------------------------------------- inside

    private static Mailbox mailbox(ResultSet rs, int n) throws SQLException {
        OffsetDateTime polled = rs.getObject("last_polled_at", OffsetDateTime.class);
        long validity = rs.getLong("uid_validity");
        boolean noValidity = rs.wasNull();
        return new Mailbox(new WorkspaceId(rs.getObject("workspace_id", UUID.class)), rs.getString("host"),
                rs.getInt("port"), MailboxSecurity.valueOf(rs.getString("security")), rs.getString("username"),
                rs.getString("password"), rs.getString("folder"), rs.getBoolean("enabled"),
                noValidity ? null : validity, rs.getLong("last_uid"), rs.getInt("failures"),
                polled == null ? null : polled.toInstant(), rs.getString("last_error"));
    }

    private static @Nullable OffsetDateTime at(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable String cut(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
