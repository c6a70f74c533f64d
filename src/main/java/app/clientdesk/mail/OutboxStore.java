package app.clientdesk.mail;

import app.clientdesk.identity.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the outbox. What a person reads names the workspace; the worker's statements (due, claim, mark) run
 * across workspaces by design and never return a message's content to anyone but the SMTP server.
 */
@Repository
class OutboxStore {

    private static final String SUMMARY_COLUMNS = """
            id, recipients, reply_to, subject, reference, status, attempts, next_attempt_at, last_error,
            created_at, sent_at""";

    private final JdbcClient jdbc;

    OutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(WorkspaceId workspace, UUID id, OutgoingMail mail, Instant now) {
        insert(workspace, id, mail, null, now);
    }

    void insert(WorkspaceId workspace, UUID id, OutgoingMail mail, @Nullable String senderName, Instant now) {
        insert(workspace, id, mail, senderName, MailHeaders.NONE, now);
    }

    void insert(WorkspaceId workspace, UUID id, OutgoingMail mail, @Nullable String senderName, MailHeaders headers,
            Instant now) {
        jdbc.sql("""
                insert into mail_outbox (id, workspace_id, recipients, reply_to, subject, body_text, body_html, reference,
                    status, attempts, next_attempt_at, created_at, sender_name, message_id, in_reply_to,
                    thread_references, auto_submitted)
                values (:id, :w, :recipients, :replyTo, :subject, :text, :html, :reference, 'WAITING', 0, :now, :now,
                    :sender, :messageId, :inReplyTo, :references, :autoSubmitted)""").param("sender", senderName)
                .param("messageId", headers.messageId()).param("inReplyTo", headers.inReplyTo())
                .param("references", headers.references().isEmpty() ? null : String.join(" ", headers.references()))
                .param("autoSubmitted", headers.autoSubmitted())
                .param("id", id).param("w", workspace.value()).param("recipients", String.join(",", mail.to()))
                .param("replyTo", mail.replyTo()).param("subject", mail.subject()).param("text", mail.text())
                .param("html", mail.html()).param("reference", mail.reference()).param("now", utc(now)).update();
        int position = 0;
        for (MailAttachment file : mail.attachments()) {
            byte[] content = file.content();
            jdbc.sql("""
                    insert into mail_outbox_attachments (id, message_id, workspace_id, position, file_name, content_type,
                        size_bytes, content)
                    values (:id, :message, :w, :position, :name, :type, :size, :content)""")
                    .param("id", UUID.randomUUID()).param("message", id).param("w", workspace.value())
                    .param("position", position++).param("name", file.fileName().strip())
                    .param("type", file.contentType().strip()).param("size", (long) content.length)
                    .param("content", content).update();
        }
    }

    List<OutboxMessage> page(WorkspaceId workspace, int limit, int offset) {
        List<OutboxMessage> bare = jdbc.sql("select " + SUMMARY_COLUMNS + """
                 from mail_outbox where workspace_id = :w
                order by created_at desc, id desc limit :limit offset :offset""")
                .param("w", workspace.value()).param("limit", limit).param("offset", offset)
                .query(OutboxStore::summary).list();
        return withFiles(workspace, bare);
    }

    long countSince(WorkspaceId workspace, Instant since) {
        return jdbc.sql("select count(*) from mail_outbox where workspace_id = :w and created_at >= :since")
                .param("w", workspace.value()).param("since", utc(since)).query(Long.class).single();
    }

    long count(WorkspaceId workspace) {
        return jdbc.sql("select count(*) from mail_outbox where workspace_id = :w").param("w", workspace.value())
                .query(Long.class).single();
    }

    List<OutboxMessage> forReference(WorkspaceId workspace, String reference) {
        List<OutboxMessage> bare = jdbc.sql("select " + SUMMARY_COLUMNS + """
                 from mail_outbox where workspace_id = :w and reference = :reference
                order by created_at desc, id desc""")
                .param("w", workspace.value()).param("reference", reference).query(OutboxStore::summary).list();
        return withFiles(workspace, bare);
    }

    Optional<OutboxMessage> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + " from mail_outbox where workspace_id = :w and id = :id")
                .param("w", workspace.value()).param("id", id).query(OutboxStore::summary).optional()
                .map(m -> withFiles(workspace, List.of(m)).get(0));
    }

    Optional<MailAttachment> attachment(WorkspaceId workspace, UUID message, UUID attachment) {
        return jdbc.sql("""
                select file_name, content_type, content from mail_outbox_attachments
                where workspace_id = :w and message_id = :message and id = :id""")
                .param("w", workspace.value()).param("message", message).param("id", attachment)
                .query((rs, n) -> new MailAttachment(rs.getString("file_name"), rs.getString("content_type"),
                        rs.getBytes("content")))
                .optional();
    }

    /** Makes a message not yet sent due now; a claim in progress is left to finish. */
    boolean retry(WorkspaceId workspace, UUID id, Instant now) {
        return jdbc.sql("""
                update mail_outbox set status = 'WAITING', next_attempt_at = :now
                where workspace_id = :w and id = :id and status in ('WAITING', 'FAILED')""")
                .param("w", workspace.value()).param("id", id).param("now", utc(now)).update() == 1;
    }

    /** Waiting messages whose time has come and that no worker holds, oldest first. */
    List<UUID> due(Instant now, int limit) {
        return jdbc.sql("""
                select id from mail_outbox
                where status = 'WAITING' and next_attempt_at <= :now and (claimed_until is null or claimed_until < :now)
                order by next_attempt_at, id limit :limit""")
                .param("now", utc(now)).param("limit", limit).query(UUID.class).list();
    }

    /**
     * Takes a message for one worker until {@code until}. The condition is checked again under the row's lock
     * (PostgreSQL and H2 both re-read a row another transaction changed), so of two workers only one wins;
     * no SKIP LOCKED needed.
     */
    boolean claim(UUID id, Instant now, Instant until) {
        return jdbc.sql("""
                update mail_outbox set claimed_until = :until
                where id = :id and status = 'WAITING' and next_attempt_at <= :now
                  and (claimed_until is null or claimed_until < :now)""")
                .param("id", id).param("now", utc(now)).param("until", utc(until)).update() == 1;
    }

    Optional<Envelope> envelope(UUID id) {
        Optional<Envelope> bare = jdbc.sql("""
                select id, recipients, reply_to, subject, body_text, body_html, attempts, sender_name, message_id,
                    in_reply_to, thread_references, auto_submitted
                from mail_outbox where id = :id""")
                .param("id", id)
                .query((rs, n) -> new Envelope(id, recipients(rs.getString("recipients")), rs.getString("reply_to"),
                        rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"),
                        rs.getInt("attempts"), List.of(), rs.getString("sender_name"), headers(rs)))
                .optional();
        return bare.map(e -> new Envelope(e.id(), e.to(), e.replyTo(), e.subject(), e.text(), e.html(), e.attempts(),
                jdbc.sql("""
                        select file_name, content_type, content from mail_outbox_attachments
                        where message_id = :id order by position""")
                        .param("id", id)
                        .query((rs, n) -> new MailAttachment(rs.getString("file_name"), rs.getString("content_type"),
                                rs.getBytes("content")))
                        .list(), e.senderName(), e.headers()));
    }

    void markSent(UUID id, Instant until, Instant now) {
        jdbc.sql("""
                update mail_outbox set status = 'SENT', sent_at = :now, attempts = attempts + 1, claimed_until = null,
                    last_error = null
                where id = :id and claimed_until = :until""")
                .param("id", id).param("until", utc(until)).param("now", utc(now)).update();
    }

    void markFailed(UUID id, Instant until, String error, Instant nextAttempt, boolean giveUp) {
        jdbc.sql("""
                update mail_outbox set status = :status, attempts = attempts + 1, claimed_until = null,
                    last_error = :error, next_attempt_at = :next
                where id = :id and claimed_until = :until""")
                .param("id", id).param("until", utc(until)).param("error", error)
                .param("status", giveUp ? MailStatus.FAILED.name() : MailStatus.WAITING.name())
                .param("next", utc(nextAttempt)).update();
    }

    /** What the worker needs to send one message. */
    record Envelope(UUID id, List<String> to, @Nullable String replyTo, String subject, String text,
            @Nullable String html, int attempts, List<MailAttachment> attachments, @Nullable String senderName,
            MailHeaders headers) {
    }

    private static MailHeaders headers(ResultSet rs) throws SQLException {
        String references = rs.getString("thread_references");
        return new MailHeaders(rs.getString("message_id"), rs.getString("in_reply_to"),
                references == null ? List.of() : Arrays.stream(references.split(" ")).filter(s -> !s.isBlank()).toList(),
                rs.getString("auto_submitted"));
    }

    private List<OutboxMessage> withFiles(WorkspaceId workspace, List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return messages;
        }
        Map<UUID, List<OutboxMessage.File>> files = new LinkedHashMap<>();
        jdbc.sql("""
                select id, message_id, file_name, content_type, size_bytes from mail_outbox_attachments
                where workspace_id = :w and message_id in (:ids) order by message_id, position""")
                .param("w", workspace.value()).param("ids", messages.stream().map(OutboxMessage::id).toList())
                .query((ResultSet rs) -> {
                    files.computeIfAbsent(rs.getObject("message_id", UUID.class), k -> new java.util.ArrayList<>())
                            .add(new OutboxMessage.File(rs.getObject("id", UUID.class), rs.getString("file_name"),
                                    rs.getString("content_type"), rs.getLong("size_bytes")));
                });
        return messages.stream()
                .map(m -> new OutboxMessage(m.id(), m.recipients(), m.replyTo(), m.subject(), m.reference(), m.status(),
                        m.attempts(), m.nextAttemptAt(), m.lastError(), m.createdAt(), m.sentAt(),
                        files.getOrDefault(m.id(), List.of())))
                .toList();
    }

    private static OutboxMessage summary(ResultSet rs, int row) throws SQLException {
        return new OutboxMessage(rs.getObject("id", UUID.class), recipients(rs.getString("recipients")),
                rs.getString("reply_to"), rs.getString("subject"), rs.getString("reference"),
                MailStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
                rs.getString("last_error"), instant(rs, "created_at"), instantOrNull(rs, "sent_at"), List.of());
    }

    private static List<String> recipients(String stored) {
        return Arrays.stream(stored.split(",")).filter(s -> !s.isBlank()).toList();
    }

    /**
     * Times go to the database cut to the microsecond both databases keep: left to them, a clock with nanoseconds is
     * rounded, possibly up, and a message queued at an instant would not yet be due at that same instant.
     */
    static OffsetDateTime utc(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
