package app.clientdesk.time;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.UserId;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.money.Money;
import app.clientdesk.work.ProjectId;
import app.clientdesk.work.TaskId;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for time entries and their tags. Every statement names the workspace. */
@Repository
class TimeStore {

    private static final String COLUMNS =
            "select e.*, u.display_name as user_name, c.name as client_name, p.name as project_name, t.title as task_title";
    private static final String NAMES = """
             join users u on u.id = e.user_id
            join clients c on c.id = e.client_id
            left join projects p on p.id = e.project_id
            left join tasks t on t.id = e.task_id
            """;
    private static final String SELECT = COLUMNS + " from time_entries e" + NAMES;

    /** An entry's columns, ready to write. */
    record Row(UUID id, UUID user, UUID client, @Nullable UUID project, @Nullable UUID task, @Nullable String taskType,
            Instant start, Instant end, ZoneId zone, long breakSeconds, boolean billable, @Nullable String note,
            List<String> tags, RateBook.@Nullable Applied rate, @Nullable UUID importId, @Nullable String importKey) {

        LocalDate localDate() {
            return start.atZone(zone).toLocalDate();
        }

        long durationSeconds() {
            return end.getEpochSecond() - start.getEpochSecond() - breakSeconds;
        }
    }

    /** Later than any entry can start (an entry's date is an ordinary one; see {@link #ordinary}). */
    private static final Instant NO_START_AFTER = Instant.parse("9999-01-02T00:00:00Z");

    private final JdbcClient jdbc;

    TimeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /**
     * Holds the person's row until the transaction ends, so that two writes of the same person's time (two
     * tabs, a timer and a form) check for overlaps one after the other.
     */
    void lockPerson(WorkspaceId workspace, UUID user) {
        jdbc.sql("select id from users where workspace_id = :w and id = :u for update")
                .param("w", workspace.value()).param("u", user).query(UUID.class).optional();
    }

    Optional<String> taskType(WorkspaceId workspace, UUID task) {
        return jdbc.sql("select task_type from tasks where workspace_id = :w and id = :id")
                .param("w", workspace.value()).param("id", task).query(String.class).optional();
    }

    Currency clientCurrency(WorkspaceId workspace, UUID client) {
        return Currency.getInstance(jdbc.sql("select currency from clients where workspace_id = :w and id = :id")
                .param("w", workspace.value()).param("id", client).query(String.class).single().strip());
    }

    Optional<TimeEntry> find(WorkspaceId workspace, @Nullable UUID onlyUser, UUID id) {
        Map<String, Object> params = new HashMap<>();
        params.put("w", workspace.value());
        params.put("id", id);
        String where = " where e.workspace_id = :w and e.id = :id";
        if (onlyUser != null) {
            where += " and e.user_id = :only";
            params.put("only", onlyUser);
        }
        return withTags(workspace, jdbc.sql(SELECT + where).params(params).query(TimeStore::entry).list())
                .stream().findFirst();
    }

    List<TimeEntry> search(WorkspaceId workspace, @Nullable UUID onlyUser, TimeQuery q) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = where(workspace, onlyUser, q, params);
        params.put("limit", q.limit());
        params.put("offset", q.offset());
        return withTags(workspace, jdbc.sql(keyed(where + indexOrder(onlyUser, q, false) + " limit :limit offset :offset",
                        " order by e.started_at desc, e.id desc"))
                .params(params).query(TimeStore::entry).list());
    }

    /**
     * The entries whose ids {@code keys} selects (a statement on time_entries alone, aliased e, with its order and
     * limit), with their names, in {@code order}. Finding the page's ids first lets a database walk an index in
     * list order and stop after the page: H2 does not when the names are joined in the same statement; it joined
     * and sorted the workspace's whole history for each page (6 s for 100,000 entries).
     */
    private static String keyed(String keys, String order) {
        return COLUMNS + " from (select e.id from time_entries e" + keys + ") k join time_entries e on e.id = k.id"
                + NAMES + order;
    }

    /**
     * The list order (latest start first, or with {@code ascending} earliest first) spelled with the leading columns
     * of the index that serves the filter: a column every row shares is no change to the order, but H2 walks an
     * index in order only when the ORDER BY names its columns from the first.
     */
    private static String indexOrder(@Nullable UUID onlyUser, TimeQuery q, boolean ascending) {
        String by = onlyUser != null || q.userId() != null ? "e.workspace_id, e.user_id, e.started_at, e.id"
                : q.clientId() != null ? "e.workspace_id, e.client_id, e.started_at, e.id"
                : "e.workspace_id, e.started_at, e.id";
        return " order by " + (ascending ? by : by.replace(",", " desc,") + " desc");
    }

    /**
     * At most {@code q.limit()} entries matching {@code q} next to {@code cursor} in list order (latest start
     * first, then the greater id): those after it (older), or with {@code newer} those before it, still in list
     * order. Without a cursor, the first of the list. The offset of {@code q} does not apply.
     */
    List<TimeEntry> slice(WorkspaceId workspace, @Nullable UUID onlyUser, TimeQuery q, @Nullable TimeCursor cursor,
            boolean newer) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = where(workspace, onlyUser, q, params);
        if (cursor != null) {
            // The plain bound on started_at is what an index range can use; the rest orders equal starts by id.
            where.append(newer ? " and e.started_at >= :cs and (e.started_at > :cs or e.id > :cid)"
                    : " and e.started_at <= :cs and (e.started_at < :cs or e.id < :cid)");
            params.put("cs", utc(cursor.start()));
            params.put("cid", cursor.id());
        }
        params.put("limit", q.limit());
        String order = newer ? " order by e.started_at, e.id" : " order by e.started_at desc, e.id desc";
        List<TimeEntry> found = jdbc.sql(keyed(where + indexOrder(onlyUser, q, newer) + " limit :limit", order))
                .params(params).query(TimeStore::entry).list();
        if (newer) {
            found = new ArrayList<>(found);
            java.util.Collections.reverse(found);
        }
        return withTags(workspace, found);
    }

    long count(WorkspaceId workspace, @Nullable UUID onlyUser, TimeQuery q) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = where(workspace, onlyUser, q, params);
        return jdbc.sql("select count(*) from time_entries e" + where).params(params).query(Long.class).single();
    }

    private static StringBuilder where(WorkspaceId workspace, @Nullable UUID onlyUser, TimeQuery q,
            Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where e.workspace_id = :w");
        params.put("w", workspace.value());
        if (onlyUser != null) {
            where.append(" and e.user_id = :only");
            params.put("only", onlyUser);
        }
        // Each bound on the local date brings one on the start (see earliestStart), which the indexes the list
        // is ordered by can use: a period long ago is found by an index range, not by walking back to it.
        if (q.from() != null) {
            where.append(" and e.local_date >= :from");
            params.put("from", Date.valueOf(q.from()));
            if (ordinary(q.from())) {
                where.append(" and e.started_at >= :startsFrom");
                params.put("startsFrom", utc(earliestStart(q.from())));
            }
        }
        if (q.to() != null) {
            where.append(" and e.local_date <= :to");
            params.put("to", Date.valueOf(q.to()));
            if (ordinary(q.to())) {
                where.append(" and e.started_at < :startsUntil");
                params.put("startsUntil", utc(latestStartBefore(q.to().plusDays(1))));
            }
        }
        if (!params.containsKey("startsUntil")) {
            // A bound every entry meets: with a range on started_at, H2 walks an index that has it (and stops after
            // a page); with only "billable" or "project" besides the workspace it took the bare workspace index and
            // sorted the whole history.
            where.append(" and e.started_at < :startsUntil");
            params.put("startsUntil", utc(NO_START_AFTER));
        }
        if (q.clientId() != null) {
            where.append(" and e.client_id = :client");
            params.put("client", q.clientId());
        }
        if (q.projectId() != null) {
            where.append(" and e.project_id = :project");
            params.put("project", q.projectId());
        }
        if (q.userId() != null) {
            where.append(" and e.user_id = :user");
            params.put("user", q.userId());
        }
        if (q.billable() != null) {
            where.append(" and e.billable = :billable");
            params.put("billable", q.billable());
        }
        if (q.tag() != null) {
            where.append(" and exists (select 1 from time_entry_tags g where g.workspace_id = e.workspace_id"
                    + " and g.entry_id = e.id and lower(g.tag) = :tag)");
            params.put("tag", q.tag().toLowerCase(java.util.Locale.ROOT));
        }
        return where;
    }

    /** A date whose start bounds are instants a database takes (a typed year 0 or 99999 gets none). */
    private static boolean ordinary(LocalDate day) {
        return day.getYear() >= 1 && day.getYear() < 9999;
    }

    /** How many entries match, their tracked seconds and the billable part of them. */
    TimeEntries.Totals totals(WorkspaceId workspace, @Nullable UUID onlyUser, TimeQuery q) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = where(workspace, onlyUser, q, params);
        return jdbc.sql("select count(*), coalesce(sum(e.duration_seconds), 0),"
                        + " coalesce(sum(case when e.billable then e.duration_seconds else 0 end), 0)"
                        + " from time_entries e" + where)
                .params(params)
                .query((rs, n) -> new TimeEntries.Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    /**
     * An instant no later than the start of any entry whose local date is {@code day} or later: a local date is
     * its start's date in a zone at most 14 hours from UTC. With {@link #latestStartBefore}, bounds on started_at
     * that let the (workspace, user, started_at) index find a range of local dates.
     */
    static Instant earliestStart(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(15 * 3600);
    }

    /** The instant after which no entry starts whose local date is before {@code day}. */
    static Instant latestStartBefore(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(15 * 3600);
    }

    /** One person's entries whose local date falls in [{@code from}, {@code until}), in time order. */
    List<TimeEntry> ofPerson(WorkspaceId workspace, UUID user, LocalDate from, LocalDate until) {
        return withTags(workspace, jdbc.sql(SELECT + """
                 where e.workspace_id = :w and e.user_id = :u
                   and e.started_at >= :lo and e.started_at < :hi
                   and e.local_date >= :from and e.local_date < :until
                 order by e.started_at, e.id""")
                .param("w", workspace.value()).param("u", user)
                .param("lo", utc(earliestStart(from))).param("hi", utc(latestStartBefore(until)))
                .param("from", Date.valueOf(from)).param("until", Date.valueOf(until))
                .query(TimeStore::entry).list());
    }

    /** The first of the person's entries (other than {@code except}) that shares time with [start, end). */
    Optional<TimeEntry> overlapping(WorkspaceId workspace, UUID user, Instant start, Instant end, @Nullable UUID except) {
        return jdbc.sql(SELECT + """
                 where e.workspace_id = :w and e.user_id = :u and e.started_at < :end and e.ended_at > :start
                   and e.started_at > :floor and e.id <> :except
                 order by e.started_at limit 1""")
                .param("w", workspace.value()).param("u", user).param("start", utc(start)).param("end", utc(end))
                // No entry lasts over a day, so one that could overlap starts at most a day before: the index
                // range stays a day long instead of the person's whole history.
                .param("floor", utc(start.minus(TimeEntryRules.LONGEST).minusSeconds(1)))
                .param("except", except == null ? new UUID(0, 0) : except)
                .query(TimeStore::entry).optional();
    }

    void insert(WorkspaceId workspace, Row r, UUID createdBy, Instant now) {
        jdbc.sql("""
                insert into time_entries (id, workspace_id, user_id, client_id, project_id, task_id, task_type,
                    started_at, ended_at, zone, local_date, break_seconds, duration_seconds, billable, note,
                    rate_amount, rate_currency, rate_source, import_id, import_key, created_by, created_at, updated_at)
                values (:id, :w, :user, :client, :project, :task, :type, :start, :end, :zone, :date, :break, :duration,
                    :billable, :note, :rate, :currency, :source, :import, :key, :by, :now, :now)""")
                .params(columns(workspace, r)).param("import", r.importId()).param("key", r.importKey())
                .param("by", createdBy).param("now", utc(now)).update();
        insertTags(workspace, r.id(), r.user(), r.tags());
    }

    /** Writes the entry unless it is on an invoice; false when it is (nothing is written then). */
    boolean update(WorkspaceId workspace, Row r, Instant now) {
        int updated = jdbc.sql("""
                update time_entries set user_id = :user, client_id = :client, project_id = :project, task_id = :task,
                    task_type = :type, started_at = :start, ended_at = :end, zone = :zone, local_date = :date,
                    break_seconds = :break, duration_seconds = :duration, billable = :billable, note = :note,
                    rate_amount = :rate, rate_currency = :currency, rate_source = :source, updated_at = :now
                where workspace_id = :w and id = :id and invoice_id is null""")
                .params(columns(workspace, r)).param("now", utc(now)).update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql("delete from time_entry_tags where workspace_id = :w and entry_id = :id")
                .param("w", workspace.value()).param("id", r.id()).update();
        insertTags(workspace, r.id(), r.user(), r.tags());
        return true;
    }

    void setRate(WorkspaceId workspace, UUID id, RateBook.@Nullable Applied rate, Instant now) {
        jdbc.sql("""
                update time_entries set rate_amount = :rate, rate_currency = :currency, rate_source = :source,
                    updated_at = :now
                where workspace_id = :w and id = :id and invoice_id is null""")
                .param("w", workspace.value()).param("id", id)
                .param("rate", rate == null ? null : rate.hourly().amount())
                .param("currency", rate == null ? null : rate.hourly().currency().getCurrencyCode())
                .param("source", rate == null ? null : rate.source().name()).param("now", utc(now)).update();
    }

    boolean delete(WorkspaceId workspace, UUID id) {
        return jdbc.sql("delete from time_entries where workspace_id = :w and id = :id and invoice_id is null")
                .param("w", workspace.value()).param("id", id).update() == 1;
    }

    int lock(WorkspaceId workspace, Collection<UUID> ids, UUID invoice, String number) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                update time_entries set invoice_id = :invoice, invoice_number = :number
                where workspace_id = :w and id in (:ids) and invoice_id is null""")
                .param("w", workspace.value()).param("ids", ids).param("invoice", invoice).param("number", number)
                .update();
    }

    /** A client's billable entries on no invoice, optionally of local dates from–to, one project, one task. */
    List<TimeEntry> unbilled(WorkspaceId workspace, UUID client, @Nullable LocalDate from, @Nullable LocalDate to,
            @Nullable UUID project, @Nullable UUID task) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(
                " where e.workspace_id = :w and e.client_id = :client and e.billable = true and e.invoice_id is null");
        params.put("w", workspace.value());
        params.put("client", client);
        if (from != null) {
            where.append(" and e.local_date >= :from");
            params.put("from", Date.valueOf(from));
        }
        if (to != null) {
            where.append(" and e.local_date <= :to");
            params.put("to", Date.valueOf(to));
        }
        if (project != null) {
            where.append(" and e.project_id = :project");
            params.put("project", project);
        }
        if (task != null) {
            where.append(" and e.task_id = :task");
            params.put("task", task);
        }
        return withTags(workspace, jdbc.sql(SELECT + where + " order by e.local_date, e.started_at, e.id")
                .params(params).query(TimeStore::entry).list());
    }

    List<TimeEntry> byIds(WorkspaceId workspace, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return withTags(workspace, jdbc.sql(SELECT + " where e.workspace_id = :w and e.id in (:ids)"
                        + " order by e.local_date, e.started_at, e.id")
                .param("w", workspace.value()).param("ids", ids).query(TimeStore::entry).list());
    }

    int unlock(WorkspaceId workspace, UUID invoice) {
        return jdbc.sql("update time_entries set invoice_id = null, invoice_number = null where workspace_id = :w and invoice_id = :invoice")
                .param("w", workspace.value()).param("invoice", invoice).update();
    }

    private static Map<String, Object> columns(WorkspaceId workspace, Row r) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", r.id());
        p.put("w", workspace.value());
        p.put("user", r.user());
        p.put("client", r.client());
        p.put("project", r.project());
        p.put("task", r.task());
        p.put("type", r.taskType());
        p.put("start", utc(r.start()));
        p.put("end", utc(r.end()));
        p.put("zone", r.zone().getId());
        p.put("date", Date.valueOf(r.localDate()));
        p.put("break", r.breakSeconds());
        p.put("duration", r.durationSeconds());
        p.put("billable", r.billable());
        p.put("note", r.note());
        p.put("rate", r.rate() == null ? null : r.rate().hourly().amount());
        p.put("currency", r.rate() == null ? null : r.rate().hourly().currency().getCurrencyCode());
        p.put("source", r.rate() == null ? null : r.rate().source().name());
        return p;
    }

    private void insertTags(WorkspaceId workspace, UUID entry, UUID user, List<String> tags) {
        for (String tag : tags) {
            jdbc.sql("insert into time_entry_tags (entry_id, workspace_id, user_id, tag) values (:e, :w, :u, :tag)")
                    .param("e", entry).param("w", workspace.value()).param("u", user).param("tag", tag).update();
        }
    }

    /** The entries with their tags, read in one query. */
    private List<TimeEntry> withTags(WorkspaceId workspace, List<TimeEntry> entries) {
        if (entries.isEmpty()) {
            return entries;
        }
        Map<UUID, List<String>> tags = new HashMap<>();
        List<UUID> ids = entries.stream().map(e -> e.id().value()).toList();
        for (int from = 0; from < ids.size(); from += 1000) {
            jdbc.sql("select entry_id, tag from time_entry_tags where workspace_id = :w and entry_id in (:ids) order by tag")
                    .param("w", workspace.value()).param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .query(rs -> {
                        tags.computeIfAbsent(rs.getObject("entry_id", UUID.class), k -> new ArrayList<>())
                                .add(rs.getString("tag"));
                    });
        }
        Map<UUID, TimeEntry> byId = new LinkedHashMap<>();
        List<TimeEntry> out = new ArrayList<>(entries.size());
        for (TimeEntry e : entries) {
            List<String> own = tags.get(e.id().value());
            out.add(own == null ? e : withTags(e, List.copyOf(own)));
        }
        return out;
    }

    private static TimeEntry withTags(TimeEntry e, List<String> tags) {
        return new TimeEntry(e.id(), e.userId(), e.userName(), e.clientId(), e.clientName(), e.projectId(),
                e.projectName(), e.taskId(), e.taskTitle(), e.taskType(), e.start(), e.end(), e.zone(), e.localDate(),
                e.breakSeconds(), e.durationSeconds(), e.billable(), e.note(), tags, e.rate(), e.rateSource(),
                e.invoiceId(), e.invoiceNumber(), e.importId(), e.createdAt(), e.updatedAt());
    }

    static TimeEntry entry(ResultSet rs, int n) throws SQLException {
        UUID project = rs.getObject("project_id", UUID.class);
        UUID task = rs.getObject("task_id", UUID.class);
        BigDecimal rate = rs.getBigDecimal("rate_amount");
        String source = rs.getString("rate_source");
        return new TimeEntry(new TimeEntryId(rs.getObject("id", UUID.class)),
                new UserId(rs.getObject("user_id", UUID.class)), rs.getString("user_name"),
                new ClientId(rs.getObject("client_id", UUID.class)), rs.getString("client_name"),
                project == null ? null : new ProjectId(project), rs.getString("project_name"),
                task == null ? null : new TaskId(task), rs.getString("task_title"), rs.getString("task_type"),
                instant(rs, "started_at"), instant(rs, "ended_at"), ZoneId.of(rs.getString("zone")),
                rs.getDate("local_date").toLocalDate(), rs.getLong("break_seconds"), rs.getLong("duration_seconds"),
                rs.getBoolean("billable"), rs.getString("note"), List.of(),
                rate == null ? null : new Money(rate, Currency.getInstance(rs.getString("rate_currency").strip())),
                source == null ? null : RateScope.valueOf(source), rs.getObject("invoice_id", UUID.class),
                rs.getString("invoice_number"), rs.getObject("import_id", UUID.class),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }
}
