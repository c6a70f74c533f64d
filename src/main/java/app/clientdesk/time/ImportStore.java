package app.clientdesk.time;

import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.time.imports.ImportSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of imports: the uploaded files' rows, what an import needs to know of existing entries and tasks,
 * and the bulk insert of its entries. Every statement names the workspace.
 */
@Repository
class ImportStore {

    private static final int IN_CHUNK = 1000;
    private static final int KEY_CHUNK = 100;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    private final app.clientdesk.shared.jdbc.Database database;

    ImportStore(JdbcClient jdbc, JdbcTemplate batch, app.clientdesk.shared.jdbc.Database database) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.database = database;
    }

    void insert(WorkspaceId workspace, TimeImport i) {
        jdbc.sql("""
                insert into time_imports (id, workspace_id, user_id, source, file_name, file_sha256, zone, row_count,
                    status, created_at)
                values (:id, :w, :user, :source, :name, :sha, :zone, :rows, :status, :at)""")
                .param("id", i.id()).param("w", workspace.value()).param("user", i.userId())
                .param("source", i.source().name()).param("name", i.fileName()).param("sha", i.sha256())
                .param("zone", i.zone().getId()).param("rows", i.rowCount()).param("status", i.status().name())
                .param("at", TimeStore.utc(i.createdAt())).update();
    }

    Optional<TimeImport> find(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select * from time_imports where workspace_id = :w and id = :id")
                .param("w", workspace.value()).param("id", id).query(ImportStore::row).optional();
    }

    List<TimeImport> recent(WorkspaceId workspace, int limit) {
        return jdbc.sql("select * from time_imports where workspace_id = :w order by created_at desc, id limit :n")
                .param("w", workspace.value()).param("n", limit).query(ImportStore::row).list();
    }

    /** The import's status, its row held until the transaction ends: two commits of one import take turns. */
    Optional<TimeImport.Status> lockForCommit(WorkspaceId workspace, UUID id) {
        return jdbc.sql("select status from time_imports where workspace_id = :w and id = :id for update")
                .param("w", workspace.value()).param("id", id).query(String.class).optional()
                .map(TimeImport.Status::valueOf);
    }

    void markCommitted(WorkspaceId workspace, UUID id, ZoneId zone, int imported, int skipped, Instant now) {
        jdbc.sql("""
                update time_imports set status = 'COMMITTED', zone = :zone, imported_count = :imported,
                    skipped_count = :skipped, committed_at = :now
                where workspace_id = :w and id = :id and status = 'PREVIEW'""")
                .param("w", workspace.value()).param("id", id).param("zone", zone.getId())
                .param("imported", imported).param("skipped", skipped).param("now", TimeStore.utc(now)).update();
    }

    /** Deletes previews never committed, uploaded before {@code before}; returns their ids. */
    List<UUID> deletePreviewsBefore(WorkspaceId workspace, Instant before) {
        List<UUID> ids = jdbc.sql("""
                select id from time_imports where workspace_id = :w and status = 'PREVIEW' and created_at < :before""")
                .param("w", workspace.value()).param("before", TimeStore.utc(before)).query(UUID.class).list();
        if (!ids.isEmpty()) {
            jdbc.sql("delete from time_imports where workspace_id = :w and status = 'PREVIEW' and id in (:ids)")
                    .param("w", workspace.value()).param("ids", ids).update();
        }
        return ids;
    }

    /** Which of {@code keys} entries of the workspace already carry: rows imported before. */
    Set<String> existingKeys(WorkspaceId workspace, List<String> keys) {
        Set<String> found = new HashSet<>();
        if (database.isPostgres()) {
            // PostgreSQL looks a plain key list up in the unique index, even right after a large import, when
            // its statistics still say the table is small (a list of pairs was then a full scan per chunk).
            for (int from = 0; from < keys.size(); from += 1000) {
                found.addAll(jdbc.sql("select import_key from time_entries where workspace_id = :w and import_key in (:keys)")
                        .param("w", workspace.value()).param("keys", keys.subList(from, Math.min(keys.size(), from + 1000)))
                        .query(String.class).list());
            }
            return found;
        }
        // A list of (workspace, key) pairs rather than "workspace_id = ? and import_key in (...)": H2 uses the
        // unique index for the first and scans the table for the second. It then checks each row found against
        // the whole list, so the lists are short: 100 pairs look up 30,000 keys five times faster than 1,000.
        for (int from = 0; from < keys.size(); from += KEY_CHUNK) {
            List<Object[]> pairs = new ArrayList<>();
            for (String key : keys.subList(from, Math.min(keys.size(), from + KEY_CHUNK))) {
                pairs.add(new Object[] {workspace.value(), key});
            }
            found.addAll(jdbc.sql("select import_key from time_entries where (workspace_id, import_key) in (:pairs)")
                    .param("pairs", pairs).query(String.class).list());
        }
        return found;
    }

    /** Imports of at least this many rows refresh the database's statistics of time entries afterwards. */
    static final int ANALYZE_AFTER = 10_000;

    /** Refreshes PostgreSQL's statistics of time entries after a bulk insert (H2 keeps its own up to date). */
    void analyzeEntries() {
        if (database.isPostgres()) {
            batch.execute("analyze time_entries");
        }
    }

    /** Another entry's span, for overlap checks. */
    record Span(Instant start, Instant end, ZoneId zone, String clientName) {
    }

    /** The person's entries sharing time with [{@code from}, {@code to}), in time order: one query. */
    List<Span> spans(WorkspaceId workspace, UUID user, Instant from, Instant to) {
        return jdbc.sql("""
                select e.started_at, e.ended_at, e.zone, c.name as client_name
                from time_entries e join clients c on c.id = e.client_id
                where e.workspace_id = :w and e.user_id = :u and e.started_at < :to and e.ended_at > :from
                  and e.started_at > :floor
                order by e.started_at""")
                .param("w", workspace.value()).param("u", user).param("from", TimeStore.utc(from))
                .param("floor", TimeStore.utc(from.minus(TimeEntryRules.LONGEST).minusSeconds(1)))
                .param("to", TimeStore.utc(to))
                .query((rs, n) -> new Span(TimeStore.instant(rs, "started_at"), TimeStore.instant(rs, "ended_at"),
                        ZoneId.of(rs.getString("zone")), rs.getString("client_name")))
                .list();
    }

    /** The person's running timer as a span from its start (its end is when it stops), if one runs. */
    Optional<Span> runningTimer(WorkspaceId workspace, UUID user) {
        return jdbc.sql("""
                select r.started_at, r.zone, c.name as client_name
                from time_timers r join clients c on c.id = r.client_id
                where r.workspace_id = :w and r.user_id = :u""")
                .param("w", workspace.value()).param("u", user)
                .query((rs, n) -> new Span(TimeStore.instant(rs, "started_at"), TimeStore.instant(rs, "started_at"),
                        ZoneId.of(rs.getString("zone")), rs.getString("client_name")))
                .optional();
    }

    /** A task an imported row may be logged on. */
    record TaskRef(UUID id, UUID client, @Nullable UUID project, String title, @Nullable String type,
            boolean completed) {
    }

    /** The tasks of the given clients, open ones first, then the most recent. */
    List<TaskRef> tasks(WorkspaceId workspace, Collection<UUID> clients) {
        List<UUID> ids = List.copyOf(clients);
        List<TaskRef> out = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            out.addAll(jdbc.sql("""
                    select id, client_id, project_id, title, task_type, completed_at from tasks
                    where workspace_id = :w and client_id in (:clients)
                    order by case when completed_at is null then 0 else 1 end, created_at desc, id""")
                    .param("w", workspace.value()).param("clients", ids.subList(from, Math.min(ids.size(), from + IN_CHUNK)))
                    .query((rs, n) -> new TaskRef(rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class),
                            rs.getObject("project_id", UUID.class), rs.getString("title"), rs.getString("task_type"),
                            rs.getObject("completed_at") != null))
                    .list());
        }
        return out;
    }

    /** The first and last local dates of the entries an import added; empty when it added none. */
    Optional<LocalDate[]> dates(WorkspaceId workspace, UUID importId) {
        return jdbc.sql("""
                select min(local_date) as first_day, max(local_date) as last_day from time_entries
                where workspace_id = :w and import_id = :id""")
                .param("w", workspace.value()).param("id", importId)
                .query((rs, n) -> rs.getDate("first_day") == null ? null
                        : new LocalDate[] {rs.getDate("first_day").toLocalDate(), rs.getDate("last_day").toLocalDate()})
                .optional();
    }

    /**
     * Inserts entries in JDBC batches, with their tags: the bulk form of {@link TimeStore#insert}, writing the
     * same columns. The caller has checked every rule.
     */
    void insertEntries(WorkspaceId workspace, List<TimeStore.Row> rows, UUID createdBy, Instant now) {
        var at = TimeStore.utc(now);
        batch.batchUpdate("""
                insert into time_entries (id, workspace_id, user_id, client_id, project_id, task_id, task_type,
                    started_at, ended_at, zone, local_date, break_seconds, duration_seconds, billable, note,
                    rate_amount, rate_currency, rate_source, import_id, import_key, created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, rows.size(),
                (PreparedStatement ps, TimeStore.Row r) -> {
                    ps.setObject(1, r.id());
                    ps.setObject(2, workspace.value());
                    ps.setObject(3, r.user());
                    ps.setObject(4, r.client());
                    ps.setObject(5, r.project());
                    ps.setObject(6, r.task());
                    ps.setString(7, r.taskType());
                    ps.setObject(8, TimeStore.utc(r.start()));
                    ps.setObject(9, TimeStore.utc(r.end()));
                    ps.setString(10, r.zone().getId());
                    ps.setObject(11, r.localDate());
                    ps.setLong(12, r.breakSeconds());
                    ps.setLong(13, r.durationSeconds());
                    ps.setBoolean(14, r.billable());
                    ps.setString(15, r.note());
                    if (r.rate() == null) {
                        ps.setNull(16, Types.NUMERIC);
                        ps.setNull(17, Types.CHAR);
                        ps.setNull(18, Types.VARCHAR);
                    } else {
                        ps.setBigDecimal(16, r.rate().hourly().amount());
                        ps.setString(17, r.rate().hourly().currency().getCurrencyCode());
                        ps.setString(18, r.rate().source().name());
                    }
                    ps.setObject(19, r.importId());
                    ps.setString(20, r.importKey());
                    ps.setObject(21, createdBy);
                    ps.setObject(22, at);
                    ps.setObject(23, at);
                });
        List<Object[]> tags = new ArrayList<>();
        for (TimeStore.Row r : rows) {
            for (String tag : r.tags()) {
                tags.add(new Object[] {r.id(), workspace.value(), r.user(), tag});
            }
        }
        if (!tags.isEmpty()) {
            batch.batchUpdate("insert into time_entry_tags (entry_id, workspace_id, user_id, tag) values (?, ?, ?, ?)",
                    tags);
        }
    }

    private static TimeImport row(ResultSet rs, int n) throws SQLException {
        Object imported = rs.getObject("imported_count");
        Object skipped = rs.getObject("skipped_count");
        return new TimeImport(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                ImportSource.valueOf(rs.getString("source")), rs.getString("file_name"), rs.getString("file_sha256"),
                ZoneId.of(rs.getString("zone")), rs.getInt("row_count"), TimeImport.Status.valueOf(rs.getString("status")),
                imported == null ? null : ((Number) imported).intValue(),
                skipped == null ? null : ((Number) skipped).intValue(), TimeStore.instant(rs, "created_at"),
                TimeStore.instantOrNull(rs, "committed_at"));
    }
}
