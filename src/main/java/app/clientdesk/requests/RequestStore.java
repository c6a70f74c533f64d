package app.clientdesk.requests;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.UserId;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.identity.WorkspaceLocks;
import app.clientdesk.sla.SlaState;
import app.clientdesk.work.TaskId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for requests; every statement filters by the workspace. */
@Repository
class RequestStore {

    private static final String SELECT = """
            select r.id, r.client_id, c.name as client_name, r.number, r.subject, r.state, r.source,
                r.author_contact_id, r.author_user_id, r.author_email,
                coalesce(ac.name, u.display_name, r.author_name) as author_name, r.desired_date,
                r.task_id, r.merged_into_id, r.reply_token, r.created_at, r.updated_at, r.last_message_at,
                r.first_response_at, r.first_response_due_at, r.sla_state, r.sla_notified_state
            from requests r join clients c on c.id = r.client_id and c.workspace_id = r.workspace_id
            left join users u on u.id = r.author_user_id
            left join client_contacts ac on ac.id = r.author_contact_id and ac.workspace_id = r.workspace_id
            """;

    private static final String SUMMARY = """
            select r.id, r.client_id, c.name as client_name, r.number, r.subject, r.state, r.source, r.created_at,
                r.last_message_at, r.first_response_at, r.first_response_due_at, r.sla_state, r.task_id
            from requests r join clients c on c.id = r.client_id and c.workspace_id = r.workspace_id
            """;

    private static final String MEMBER = " and exists (select 1 from client_members m "
            + "where m.client_id = r.client_id and m.user_id = :member)";

    private final JdbcClient jdbc;
    private final WorkspaceLocks locks;

    RequestStore(JdbcClient jdbc, WorkspaceLocks locks) {
        this.jdbc = jdbc;
        this.locks = locks;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static @Nullable OffsetDateTime utcOrNull(@Nullable Instant instant) {
        return instant == null ? null : utc(instant);
    }

    /** The next request number of the workspace; the counter row stays locked until the caller's transaction ends. */
    long nextNumber(WorkspaceId workspace) {
        if (bump(workspace) == 0) {
            locks.lock(workspace);
            if (bump(workspace) == 0) {
                jdbc.sql("insert into request_counters (workspace_id, last_value) values (:w, 1)")
                        .param("w", workspace.value()).update();
            }
        }
        return jdbc.sql("select last_value from request_counters where workspace_id = :w")
                .param("w", workspace.value()).query(Long.class).single();
    }

    private int bump(WorkspaceId workspace) {
        return jdbc.sql("update request_counters set last_value = last_value + 1 where workspace_id = :w")
                .param("w", workspace.value()).update();
    }

    void insert(WorkspaceId workspace, RequestId id, ClientId client, long number, String subject,
            RequestSource source, Author author, @Nullable LocalDate desiredDate, String replyToken, Instant now) {
        jdbc.sql("""
                insert into requests (id, workspace_id, client_id, number, subject, state, source, author_contact_id,
                    author_user_id, author_email, author_name, desired_date, reply_token, created_at, updated_at,
                    last_message_at)
                values (:id, :w, :client, :number, :subject, 'OPEN', :source, :contact, :user, :email, :name,
                    :desired, :token, :now, :now, :now)""")
                .param("id", id.value()).param("w", workspace.value()).param("client", client.value())
                .param("number", number).param("subject", subject).param("source", source.name())
                .param("contact", author.contactId())
                .param("user", author.userId() == null ? null : author.userId().value())
                .param("email", author.email()).param("name", senderName(author))
                .param("desired", desiredDate == null ? null
                        : java.sql.Date.valueOf(desiredDate))
                .param("token", replyToken).param("now", utc(now)).update();
    }

    Optional<Request> find(WorkspaceId workspace, @Nullable UUID member, @Nullable ClientId client, RequestId id) {
        var sql = jdbc.sql(SELECT + " where r.workspace_id = :w and r.id = :id"
                + (client == null ? "" : " and r.client_id = :client") + (member == null ? "" : MEMBER))
                .param("w", workspace.value()).param("id", id.value());
        if (client != null) {
            sql = sql.param("client", client.value());
        }
        if (member != null) {
            sql = sql.param("member", member);
        }
        return sql.query(RequestStore::request).optional();
    }

    /** The request, its row locked until the caller's transaction ends. */
    Optional<Request> lock(WorkspaceId workspace, RequestId id) {
        Optional<UUID> locked = jdbc.sql("select id from requests where workspace_id = :w and id = :id for update")
                .param("w", workspace.value()).param("id", id.value()).query(UUID.class).optional();
        return locked.isEmpty() ? Optional.empty() : find(workspace, null, null, id);
    }

    Optional<Request> findByTask(WorkspaceId workspace, @Nullable UUID member, TaskId task) {
        var sql = jdbc.sql(SELECT + " where r.workspace_id = :w and r.task_id = :task" + (member == null ? "" : MEMBER)
                + " order by r.created_at, r.id")
                .param("w", workspace.value()).param("task", task.value());
        if (member != null) {
            sql = sql.param("member", member);
        }
        return sql.query(RequestStore::request).list().stream().findFirst();
    }

    Optional<RequestId> findByReplyToken(WorkspaceId workspace, String token) {
        return jdbc.sql("select id from requests where workspace_id = :w and reply_token = :t")
                .param("w", workspace.value()).param("t", token).query(UUID.class).optional().map(RequestId::new);
    }

    /** The request holding a message with one of these Message-IDs (the newest such message wins). */
    Optional<RequestId> findByMessageIds(WorkspaceId workspace, Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select request_id from request_messages where workspace_id = :w and email_message_id in (:ids)
                order by created_at desc, seq desc""")
                .param("w", workspace.value()).param("ids", List.copyOf(messageIds)).query(UUID.class).list()
                .stream().findFirst().map(RequestId::new);
    }

    RequestPage inbox(WorkspaceId workspace, @Nullable UUID member, RequestFilter filter) {
        StringBuilder where = new StringBuilder(" where r.workspace_id = :w");
        Map<String, Object> params = new HashMap<>();
        params.put("w", workspace.value());
        if (member != null) {
            where.append(MEMBER);
            params.put("member", member);
        }
        if (filter.clientId() != null) {
            where.append(" and r.client_id = :client");
            params.put("client", filter.clientId().value());
        }
        if (filter.state() != null) {
            where.append(" and r.state = :state");
            params.put("state", filter.state().name());
        }
        if (filter.slaState() != null) {
            where.append(" and r.sla_state = :sla");
            params.put("sla", filter.slaState().name());
        }
        params.put("limit", filter.limit() + 1);
        params.put("offset", filter.offset());
        List<RequestSummary> found = jdbc.sql(SUMMARY + where
                + " order by r.last_message_at desc, r.id limit :limit offset :offset")
                .params(params).query(RequestStore::summary).list();
        boolean more = found.size() > filter.limit();
        List<RequestSummary> items = more ? found.subList(0, filter.limit()) : found;
        Long total = null;
        if (filter.clientId() != null) {
            // One client's requests: a bounded count. When this page is the last, its position is the count.
            total = !more && (filter.offset() == 0 || !items.isEmpty()) ? filter.offset() + (long) items.size()
                    : jdbc.sql("select count(*) from requests r" + where).params(params).query(Long.class).single();
        }
        return new RequestPage(items, total, more, filter.limit(), filter.offset());
    }

    /** How many of a client's requests are open and how many wait on the client: one grouped statement. */
    Requests.OpenCounts openCounts(WorkspaceId workspace, ClientId client) {
        Map<String, Long> byState = new HashMap<>();
        jdbc.sql("""
                select state, count(*) as n from requests
                where workspace_id = :w and client_id = :c and state in ('OPEN', 'WAITING_ON_CLIENT')
                group by state""")
                .param("w", workspace.value()).param("c", client.value())
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> byState.put(rs.getString("state"),
                        rs.getLong("n")));
        long waiting = byState.getOrDefault("WAITING_ON_CLIENT", 0L);
        return new Requests.OpenCounts(byState.getOrDefault("OPEN", 0L) + waiting, waiting);
    }

    /** A client's open and waiting requests, newest activity first, at most {@code limit}: one statement, no count. */
    List<RequestSummary> openForClient(WorkspaceId workspace, @Nullable UUID member, ClientId client, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("w", workspace.value());
        params.put("client", client.value());
        params.put("limit", limit);
        if (member != null) {
            params.put("member", member);
        }
        return jdbc.sql(SUMMARY + " where r.workspace_id = :w" + (member != null ? MEMBER : "")
                + " and r.client_id = :client and r.state in ('OPEN', 'WAITING_ON_CLIENT')"
                + " order by r.last_message_at desc, r.id limit :limit")
                .params(params).query(RequestStore::summary).list();
    }

    List<Message> messages(WorkspaceId workspace, RequestId request, boolean visibleOnly) {
        return jdbc.sql("""
                select m.id, m.request_id, m.author_kind, m.author_contact_id, m.author_user_id, m.from_address,
                    coalesce(ac.name, u.display_name, m.from_name) as author_name, m.body, m.body_html,
                    m.visible_to_client, m.email_message_id, m.in_reply_to, m.created_at
                from request_messages m left join users u on u.id = m.author_user_id
                left join client_contacts ac on ac.id = m.author_contact_id and ac.workspace_id = m.workspace_id
                where m.workspace_id = :w and m.request_id = :r""" + (visibleOnly ? " and m.visible_to_client" : "")
                + " order by m.created_at, m.seq")
                .param("w", workspace.value()).param("r", request.value())
                .query((rs, n) -> new Message(rs.getObject("id", UUID.class),
                        new RequestId(rs.getObject("request_id", UUID.class)),
                        new Author(AuthorKind.valueOf(rs.getString("author_kind")),
                                rs.getObject("author_contact_id", UUID.class), userId(rs, "author_user_id"),
                                rs.getString("from_address"), rs.getString("author_name")),
                        rs.getString("body"), rs.getString("body_html"), rs.getBoolean("visible_to_client"),
                        rs.getString("email_message_id"), rs.getString("in_reply_to"), instant(rs, "created_at")))
                .list();
    }

    /** A message row before its files are joined on. */
    record Message(UUID id, RequestId requestId, Author author, String body, @Nullable String bodyHtml,
            boolean visibleToClient, @Nullable String emailMessageId, @Nullable String inReplyTo, Instant createdAt) {

        RequestMessage with(List<RequestAttachment> files) {
            return new RequestMessage(id, requestId, author, body, bodyHtml, visibleToClient, emailMessageId,
                    inReplyTo, createdAt, files);
        }
    }

    boolean messageIdExists(WorkspaceId workspace, String messageId) {
        return jdbc.sql("select count(*) from request_messages where workspace_id = :w and email_message_id = :m")
                .param("w", workspace.value()).param("m", messageId).query(Long.class).single() > 0;
    }

    Optional<RequestId> requestOfMessageId(WorkspaceId workspace, String messageId) {
        return jdbc.sql("select request_id from request_messages where workspace_id = :w and email_message_id = :m")
                .param("w", workspace.value()).param("m", messageId).query(UUID.class).optional()
                .map(RequestId::new);
    }

    void insertMessage(WorkspaceId workspace, UUID id, RequestId request, Author author, String body,
            @Nullable String html, boolean visible, @Nullable String messageId, @Nullable String inReplyTo,
            Instant now) {
        jdbc.sql("""
                insert into request_messages (id, workspace_id, request_id, author_kind, author_contact_id,
                    author_user_id, from_address, from_name, body, body_html, visible_to_client, email_message_id,
                    in_reply_to, created_at)
                values (:id, :w, :r, :kind, :contact, :user, :from, :fromName, :body, :html, :visible, :mid, :irt,
                    :now)""")
                .param("id", id).param("w", workspace.value()).param("r", request.value())
                .param("kind", author.kind().name()).param("contact", author.contactId())
                .param("user", author.userId() == null ? null : author.userId().value())
                .param("from", author.email()).param("fromName", senderName(author)).param("body", body)
                .param("html", html).param("visible", visible)
                .param("mid", messageId).param("irt", inReplyTo).param("now", utc(now)).update();
    }

    /**
     * The name kept with an email's row: what the sender called themselves. A contact's and a person's name are
     * read from their own rows instead (a rename shows everywhere), so only an email's is kept.
     */
    private static @Nullable String senderName(Author author) {
        if (author.kind() != AuthorKind.EMAIL || author.name() == null || author.name().isBlank()) {
            return null;
        }
        String name = author.name().strip();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    List<RequestAttachment> attachments(WorkspaceId workspace, RequestId request) {
        return jdbc.sql("""
                select a.id, m.request_id, a.message_id, a.file_name, a.content_type, a.size_bytes, a.sha256,
                    a.created_at
                from request_attachments a join request_messages m on m.id = a.message_id
                where a.workspace_id = :w and m.request_id = :r order by m.created_at, m.seq, a.file_name, a.id""")
                .param("w", workspace.value()).param("r", request.value()).query(RequestStore::attachment).list();
    }

    Optional<RequestAttachment> attachment(WorkspaceId workspace, RequestId request, UUID id, boolean visibleOnly) {
        return jdbc.sql("""
                select a.id, m.request_id, a.message_id, a.file_name, a.content_type, a.size_bytes, a.sha256,
                    a.created_at
                from request_attachments a join request_messages m on m.id = a.message_id
                where a.workspace_id = :w and m.request_id = :r and a.id = :id"""
                + (visibleOnly ? " and m.visible_to_client" : ""))
                .param("w", workspace.value()).param("r", request.value()).param("id", id)
                .query(RequestStore::attachment).optional();
    }

    void insertAttachment(WorkspaceId workspace, RequestAttachment a) {
        jdbc.sql("""
                insert into request_attachments (id, workspace_id, request_id, message_id, file_name, content_type,
                    size_bytes, sha256, created_at)
                values (:id, :w, :r, :m, :name, :type, :size, :sha, :at)""")
                .param("id", a.id()).param("w", workspace.value()).param("r", a.requestId().value())
                .param("m", a.messageId()).param("name", a.fileName()).param("type", a.contentType())
                .param("size", a.sizeBytes()).param("sha", a.sha256()).param("at", utc(a.createdAt())).update();
    }

    List<RequestPause> pauses(WorkspaceId workspace, RequestId request) {
        return jdbc.sql("""
                select paused_from, paused_until from request_pauses where workspace_id = :w and request_id = :r
                order by paused_from, id""")
                .param("w", workspace.value()).param("r", request.value())
                .query((rs, n) -> new RequestPause(instant(rs, "paused_from"), instantOrNull(rs, "paused_until")))
                .list();
    }

    void startPause(WorkspaceId workspace, RequestId request, Instant now) {
        jdbc.sql("""
                insert into request_pauses (id, workspace_id, request_id, paused_from) values (:id, :w, :r, :now)""")
                .param("id", UUID.randomUUID()).param("w", workspace.value()).param("r", request.value())
                .param("now", utc(now)).update();
    }

    void endPauses(WorkspaceId workspace, RequestId request, Instant now) {
        jdbc.sql("""
                update request_pauses set paused_until = :now
                where workspace_id = :w and request_id = :r and paused_until is null""")
                .param("now", utc(now)).param("w", workspace.value()).param("r", request.value()).update();
    }

    void touch(WorkspaceId workspace, RequestId request, RequestState state, Instant now, boolean message) {
        jdbc.sql("update requests set state = :s, updated_at = :now"
                + (message ? ", last_message_at = :now" : "") + " where workspace_id = :w and id = :id")
                .param("s", state.name()).param("now", utc(now)).param("w", workspace.value())
                .param("id", request.value()).update();
    }

    void firstResponse(WorkspaceId workspace, RequestId request, Instant at) {
        jdbc.sql("""
                update requests set first_response_at = :at
                where workspace_id = :w and id = :id and first_response_at is null""")
                .param("at", utc(at)).param("w", workspace.value()).param("id", request.value()).update();
    }

    void sla(WorkspaceId workspace, RequestId request, @Nullable Instant due, @Nullable SlaState state,
            @Nullable Instant nextCheck) {
        jdbc.sql("""
                update requests set first_response_due_at = :due, sla_state = :s, sla_next_check_at = :next
                where workspace_id = :w and id = :id""")
                .param("due", utcOrNull(due)).param("s", state == null ? null : state.name())
                .param("next", utcOrNull(nextCheck)).param("w", workspace.value()).param("id", request.value())
                .update();
    }

    /** When the clock job should look at the request next; null: only someone's action changes its clock. */
    void slaNextCheck(WorkspaceId workspace, RequestId request, @Nullable Instant at) {
        jdbc.sql("update requests set sla_next_check_at = :at where workspace_id = :w and id = :id")
                .param("at", utcOrNull(at)).param("w", workspace.value()).param("id", request.value()).update();
    }

    /** The request's next check as stored now (read after {@link #lock}, it is the latest committed). */
    Optional<Instant> slaNextCheckAt(WorkspaceId workspace, RequestId request) {
        return jdbc.sql("select sla_next_check_at from requests where workspace_id = :w and id = :id")
                .param("w", workspace.value()).param("id", request.value())
                .query((rs, n) -> Optional.ofNullable(instantOrNull(rs, "sla_next_check_at"))).optional()
                .flatMap(at -> at);
    }

    /**
     * Requests of every workspace whose clock is due a check by {@code now}, soonest first: a range scan of
     * requests_sla_next_check_ix.
     */
    List<SlaChecks.Due> slaDue(Instant now, int limit) {
        return jdbc.sql("""
                select workspace_id, id from requests where sla_next_check_at <= :now
                order by sla_next_check_at limit :limit""")
                .param("now", utc(now)).param("limit", limit)
                .query((rs, n) -> new SlaChecks.Due(new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                        new RequestId(rs.getObject("id", UUID.class))))
                .list();
    }

    /**
     * Brings the next check of the workspace's open, unanswered requests with a clock forward to {@code now}, so the
     * job computes them again (after a change of the working calendar); how many.
     */
    int recheckOpen(WorkspaceId workspace, Instant now) {
        return jdbc.sql("""
                update requests set sla_next_check_at = :now
                where workspace_id = :w and state = 'OPEN' and first_response_at is null
                    and first_response_due_at is not null""")
                .param("now", utc(now)).param("w", workspace.value()).update();
    }

    void setTask(WorkspaceId workspace, RequestId request, TaskId task, Instant now) {
        jdbc.sql("update requests set task_id = :t, updated_at = :now where workspace_id = :w and id = :id")
                .param("t", task.value()).param("now", utc(now)).param("w", workspace.value())
                .param("id", request.value()).update();
    }

    /** Makes {@code duplicate} MERGED into {@code into} and moves its messages and files there. */
    void merge(WorkspaceId workspace, RequestId duplicate, RequestId into, Instant now) {
        jdbc.sql("""
                update requests set state = 'MERGED', merged_into_id = :into, updated_at = :now,
                    sla_next_check_at = null
                where workspace_id = :w and id = :id""")
                .param("into", into.value()).param("now", utc(now)).param("w", workspace.value())
                .param("id", duplicate.value()).update();
        jdbc.sql("update request_messages set request_id = :into where workspace_id = :w and request_id = :id")
                .param("into", into.value()).param("w", workspace.value()).param("id", duplicate.value()).update();
        jdbc.sql("update request_attachments set request_id = :into where workspace_id = :w and request_id = :id")
                .param("into", into.value()).param("w", workspace.value()).param("id", duplicate.value()).update();
        jdbc.sql("""
                update requests set last_message_at = (select max(created_at) from request_messages
                    where workspace_id = :w and request_id = :into), updated_at = :now
                where workspace_id = :w and id = :into""")
                .param("into", into.value()).param("now", utc(now)).param("w", workspace.value()).update();
    }

    void setEmailMessageId(WorkspaceId workspace, UUID message, String emailMessageId) {
        jdbc.sql("update request_messages set email_message_id = :m where workspace_id = :w and id = :id")
                .param("m", emailMessageId).param("w", workspace.value()).param("id", message).update();
    }

    void slaNotified(WorkspaceId workspace, RequestId request, SlaState state) {
        jdbc.sql("update requests set sla_notified_state = :s where workspace_id = :w and id = :id")
                .param("s", state.name()).param("w", workspace.value()).param("id", request.value()).update();
    }

    private static Request request(ResultSet rs, int n) throws SQLException {
        String kind = rs.getString("source");
        RequestSource source = RequestSource.valueOf(kind);
        UserId user = userId(rs, "author_user_id");
        UUID contact = rs.getObject("author_contact_id", UUID.class);
        AuthorKind authorKind = switch (source) {
            case PORTAL -> AuthorKind.CONTACT;
            case EMAIL -> AuthorKind.EMAIL;
            case MANUAL -> AuthorKind.USER;
        };
        java.sql.Date desired = rs.getDate("desired_date");
        UUID task = rs.getObject("task_id", UUID.class);
        UUID merged = rs.getObject("merged_into_id", UUID.class);
        return new Request(new RequestId(rs.getObject("id", UUID.class)),
                new ClientId(rs.getObject("client_id", UUID.class)), rs.getString("client_name"), rs.getLong("number"),
                rs.getString("subject"), RequestState.valueOf(rs.getString("state")), source,
                new Author(authorKind, contact, user, rs.getString("author_email"), rs.getString("author_name")),
                desired == null ? null : desired.toLocalDate(), task == null ? null : new TaskId(task),
                merged == null ? null : new RequestId(merged), rs.getString("reply_token"), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "last_message_at"), instantOrNull(rs, "first_response_at"),
                instantOrNull(rs, "first_response_due_at"), sla(rs, "sla_state"), sla(rs, "sla_notified_state"));
    }

    private static RequestSummary summary(ResultSet rs, int n) throws SQLException {
        UUID task = rs.getObject("task_id", UUID.class);
        return new RequestSummary(new RequestId(rs.getObject("id", UUID.class)),
                new ClientId(rs.getObject("client_id", UUID.class)), rs.getString("client_name"), rs.getLong("number"),
                rs.getString("subject"), RequestState.valueOf(rs.getString("state")),
                RequestSource.valueOf(rs.getString("source")), instant(rs, "created_at"),
                instant(rs, "last_message_at"), instantOrNull(rs, "first_response_at"),
                instantOrNull(rs, "first_response_due_at"), sla(rs, "sla_state"),
                task == null ? null : new TaskId(task));
    }

    private static RequestAttachment attachment(ResultSet rs, int n) throws SQLException {
        return new RequestAttachment(rs.getObject("id", UUID.class),
                new RequestId(rs.getObject("request_id", UUID.class)), rs.getObject("message_id", UUID.class),
                rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
                rs.getString("sha256"), instant(rs, "created_at"));
    }

    private static @Nullable SlaState sla(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : SlaState.valueOf(value);
    }

    private static @Nullable UserId userId(ResultSet rs, String column) throws SQLException {
        UUID id = rs.getObject(column, UUID.class);
        return id == null ? null : new UserId(id);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
