package app.clientdesk.time;

import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.money.Money;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of time reports. The figures come from one grouped read of the entries, with their tasks' estimates
 * and series (a second read splits it by tag when a report is grouped by tag, a third gives the time of each
 * day); names come from one read per kind for the ids found. Every statement names the workspace.
 *
 * <p>Entries are summed as far as billing allows, so that a year of a busy client is a few thousand rows,
 * not one per entry. A client rounding per day per task needs the sum of each day's task at one rate. A
 * client billed per entry (the default, even without rounding, as each entry's amount is rounded to the cent
 * on its own) needs each entry's billed time: its billable entries are grouped by their rounding step (the
 * steps {@link Rounding#apply} gives, as whole numbers), so each group holds entries billed alike, with its
 * shortest and longest entry for {@link BilledTime#ofSums} to round and check in Java. Without rounding the
 * step is the length itself. The client's rule comes in the same statement as the sums it shaped.
 */
@Repository
class ReportStore {

    /** Ids per {@code in (...)} list: a month of a whole agency in one or two reads, well under the 65,535 parameters PostgreSQL takes. */
    private static final int CHUNK = 10_000;
    /**
     * Tasks looked up by id at most this many at a time: with 643 ids in one list PostgreSQL (default
     * random_page_cost) scanned all 50,000 tasks, 14 ms; in lists of 300 it reads them through the key, 2-3 ms each.
     */
    private static final int TASK_CHUNK = 300;

    /**
     * The columns a report's lines are made from; two rows with the same key are one. {@code date} is there
     * for lines by period and for billable time rounded per day, else null; {@code step} is the rounding step
     * of billable entries billed one by one (-1 otherwise); {@code user} is there for lines by person.
     */
    record CellKey(UUID client, @Nullable LocalDate date, @Nullable UUID task, @Nullable UUID project,
            @Nullable String taskType, boolean billable, @Nullable Money rate, @Nullable UUID user, long step) {
    }

    /**
     * Entries with the same key: how many, their time, the shortest and longest, their client's rule, and
     * what the report needs of their task (null without one).
     */
    record Cell(CellKey key, Rounding rounding, long entries, long seconds, long shortest, long longest,
            @Nullable TaskFacts task) {
    }

    /** A task's type, estimate and repeating series as they are now. */
    record TaskFacts(@Nullable String type, @Nullable Integer estimateMinutes, @Nullable UUID series) {
    }

    /** The entries of a cell that carry {@code tag} (null: those without a tag). */
    record TagCell(CellKey key, @Nullable String tag, @Nullable String label, long entries, long seconds) {
    }

    record ClientInfo(String name, Currency currency) {
    }

    /** One entry as the export writes it, tags included. */
    record ExportRow(UUID id, LocalDate date, java.time.Instant start, java.time.Instant end, ZoneId zone,
            String userName, UUID client, String clientName, @Nullable UUID project, @Nullable String projectName,
            @Nullable UUID task, @Nullable String taskTitle, @Nullable String taskType, List<String> tags,
            @Nullable String note, boolean billable, long seconds, @Nullable Money rate, Rounding rounding) {
    }

    /** The rounding step of an entry billed on its own (see the class comment); -1 for all other time. */
    private static final String STEP = """
            case when not e.billable or s.rounding_scope = 'DAY'
                      or (e.rate_amount is null and coalesce(s.rounding_mode, 'NONE') = 'NONE') then -1
                 when s.rounding_mode = 'UP' then (e.duration_seconds + s.rounding_minutes * 60 - 1) / (s.rounding_minutes * 60)
                 when s.rounding_mode = 'DOWN' then e.duration_seconds / (s.rounding_minutes * 60)
                 when s.rounding_mode = 'NEAREST' then (e.duration_seconds + s.rounding_minutes * 30) / (s.rounding_minutes * 60)
                 else e.duration_seconds end""";

    /**
     * The columns of a cell, to select ({@code named}) or to group by. The local date is there where lines
     * or billing need it, else null, so that a year of entries is not a row a day.
     */
    private static String keys(boolean byUser, boolean byDate, boolean named) {
        String date = byDate ? "e.local_date" : "case when e.billable and s.rounding_scope = 'DAY' then e.local_date end";
        return "e.client_id, " + date + (named ? " as local_date" : "") + ", e.task_id, e.project_id, e.task_type,"
                + " e.billable, e.rate_amount, e.rate_currency" + (byUser ? ", e.user_id" : "") + ", " + STEP
                + (named ? " as step" : "");
    }

    /**
     * Memory PostgreSQL may use to sum a report's rows in a hash table (4 MB by default). The planner cannot
     * tell how few groups the rounding steps make, so with less it sorts a year of a busy client's entries on
     * disk instead, three times slower; a report's groups take a few MB.
     */
    static final String WORK_MEM = "16MB";

    private final JdbcClient jdbc;
    private final app.clientdesk.shared.jdbc.Database database;
    /** For the export: rows come in pages (PostgreSQL streams them only inside the caller's transaction). */
    private final NamedParameterJdbcTemplate streaming;

    ReportStore(JdbcClient jdbc, JdbcTemplate template, app.clientdesk.shared.jdbc.Database database) {
        this.jdbc = jdbc;
        this.database = database;
        JdbcTemplate paged = new JdbcTemplate(java.util.Objects.requireNonNull(template.getDataSource()));
        paged.setFetchSize(1000);
        this.streaming = new NamedParameterJdbcTemplate(paged);
    }

    /**
     * Sets up the report's transaction on PostgreSQL: room to sum in memory (see {@link #WORK_MEM}), and a plan
     * made for the actual client and dates each time. After five runs of a statement PostgreSQL may keep a
     * generic plan, made without the values; for "one client" it guesses a few dozen entries, and reads a
     * busy client's year with one task lookup per entry, three times slower. Planning takes a millisecond.
     */
    void setUpReport() {
        if (database.isPostgres()) {
            jdbc.sql("set local work_mem = '" + WORK_MEM + "'").update();
            jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
        }
    }

    List<Cell> cells(WorkspaceId workspace, @Nullable UUID onlyUser, ReportQuery q, boolean byUser, boolean byDate) {
        Map<String, Object> params = new HashMap<>();
        String where = where(workspace, onlyUser, q, params);
        String sql = "select " + keys(byUser, byDate, true) + ", min(s.rounding_mode) as rounding_mode,"
                + " min(s.rounding_minutes) as rounding_minutes, min(s.rounding_scope) as rounding_scope,"
                + " count(*) as entries, sum(e.duration_seconds) as seconds, min(e.duration_seconds) as shortest,"
                + " max(e.duration_seconds) as longest"
                + " from time_entries e left join time_client_settings s on s.client_id = e.client_id" + where
                + " group by " + keys(byUser, byDate, false);
        List<Cell> cells = jdbc.sql(sql).params(params).query((rs, n) -> new Cell(key(rs, byUser), rounding(rs),
                rs.getLong("entries"), rs.getLong("seconds"), rs.getLong("shortest"), rs.getLong("longest"), null))
                .list();
        // The tasks of the cells in one more read by id: joined into the sums above, PostgreSQL hashed every task
        // of the workspace (50,000 in an agency's) to find the few hundred of a month.
        Map<UUID, UUID> clientOf = new HashMap<>();
        Map<UUID, TaskFacts> facts = new HashMap<>();
        java.util.Set<UUID> ids = new java.util.HashSet<>();
        cells.forEach(c -> {
            if (c.key().task() != null) {
                ids.add(c.key().task());
            }
        });
        for (List<UUID> chunk : chunks(ids, TASK_CHUNK)) {
            jdbc.sql("select id, client_id, task_type, estimate_minutes, series_id from tasks"
                            + " where workspace_id = :w and id in (:ids)")
                    .param("w", workspace.value()).param("ids", chunk).query(rs -> {
                        UUID id = rs.getObject("id", UUID.class);
                        clientOf.put(id, rs.getObject("client_id", UUID.class));
                        facts.put(id, new TaskFacts(rs.getString("task_type"),
                                rs.getObject("estimate_minutes", Integer.class), rs.getObject("series_id", UUID.class)));
                    });
        }
        List<Cell> out = new ArrayList<>(cells.size());
        for (Cell c : cells) {
            UUID task = c.key().task();
            // A task counts for the entries of its own client only, as it always has.
            TaskFacts f = task != null && c.key().client().equals(clientOf.get(task)) ? facts.get(task) : null;
            out.add(f == null ? c : new Cell(c.key(), c.rounding(), c.entries(), c.seconds(), c.shortest(), c.longest(), f));
        }
        return out;
    }

    /** The cells again, split by tag: an entry with two tags is in two of them, one without in a null one. */
    List<TagCell> tagCells(WorkspaceId workspace, @Nullable UUID onlyUser, ReportQuery q, boolean byUser,
            boolean byDate) {
        Map<String, Object> params = new HashMap<>();
        String where = where(workspace, onlyUser, q, params);
        String sql = "select " + keys(byUser, byDate, true) + ", lower(g.tag) as tag, min(g.tag) as label, count(*) as entries, sum(e.duration_seconds) as seconds"
                + " from time_entries e left join time_client_settings s on s.client_id = e.client_id"
                + " left join time_entry_tags g on g.entry_id = e.id" + where
                + " group by " + keys(byUser, byDate, false) + ", lower(g.tag)";
        return jdbc.sql(sql).params(params).query((rs, n) -> new TagCell(key(rs, byUser), rs.getString("tag"),
                rs.getString("label"), rs.getLong("entries"), rs.getLong("seconds"))).list();
    }

    /** Tracked time of each day with any, billable or not: {date, billable seconds, non-billable seconds}. */
    Map<LocalDate, long[]> days(WorkspaceId workspace, @Nullable UUID onlyUser, ReportQuery q) {
        Map<String, Object> params = new HashMap<>();
        String where = where(workspace, onlyUser, q, params);
        Map<LocalDate, long[]> days = new HashMap<>();
        jdbc.sql("select e.local_date, e.billable, sum(e.duration_seconds) as seconds from time_entries e" + where
                + " group by e.local_date, e.billable").params(params).query(rs -> {
                    days.computeIfAbsent(rs.getDate("local_date").toLocalDate(), d -> new long[2])
                            [rs.getBoolean("billable") ? 0 : 1] += rs.getLong("seconds");
                });
        return days;
    }

    /**
     * Every entry of the report, tags included, in the order of their local dates and start, handed to
     * {@code sink} as they are read (a year of a whole agency does not fit a page, nor memory).
     */
    void export(WorkspaceId workspace, @Nullable UUID onlyUser, ReportQuery q, Consumer<ExportRow> sink) {
        Map<String, Object> params = new HashMap<>();
        String where = where(workspace, onlyUser, q, params);
        String sql = """
                select e.id, e.local_date, e.started_at, e.ended_at, e.zone, e.client_id, e.project_id, e.task_id,
                    e.task_type, e.note, e.billable, e.duration_seconds, e.rate_amount, e.rate_currency,
                    u.display_name as user_name, c.name as client_name, p.name as project_name, t.title as task_title,
                    s.rounding_mode, s.rounding_minutes, s.rounding_scope, g.tag
                from time_entries e
                join users u on u.id = e.user_id
                join clients c on c.id = e.client_id
                left join projects p on p.id = e.project_id
                left join tasks t on t.id = e.task_id
                left join time_client_settings s on s.client_id = e.client_id
                left join time_entry_tags g on g.entry_id = e.id
                """ + where + " order by e.local_date, e.started_at, e.id, g.tag";
        ExportRow[] pending = {null};
        streaming.query(sql, new MapSqlParameterSource(params), rs -> {
            UUID id = rs.getObject("id", UUID.class);
            String tag = rs.getString("tag");
            ExportRow last = pending[0];
            if (last != null && last.id().equals(id)) {
                if (tag != null) {
                    last.tags().add(tag);
                }
                return;
            }
            if (last != null) {
                sink.accept(last);
            }
            BigDecimal rate = rs.getBigDecimal("rate_amount");
            List<String> tags = new ArrayList<>(1);
            if (tag != null) {
                tags.add(tag);
            }
            pending[0] = new ExportRow(id, rs.getDate("local_date").toLocalDate(), TimeStore.instant(rs, "started_at"),
                    TimeStore.instant(rs, "ended_at"), ZoneId.of(rs.getString("zone")), rs.getString("user_name"),
                    rs.getObject("client_id", UUID.class), rs.getString("client_name"),
                    rs.getObject("project_id", UUID.class), rs.getString("project_name"),
                    rs.getObject("task_id", UUID.class), rs.getString("task_title"), rs.getString("task_type"), tags,
                    rs.getString("note"), rs.getBoolean("billable"), rs.getLong("duration_seconds"),
                    rate == null ? null : new Money(rate, Currency.getInstance(rs.getString("rate_currency").strip())),
                    rounding(rs));
        });
        if (pending[0] != null) {
            sink.accept(pending[0]);
        }
    }

    Map<UUID, ClientInfo> clients(WorkspaceId workspace, Collection<UUID> ids) {
        Map<UUID, ClientInfo> out = new HashMap<>();
        for (List<UUID> chunk : chunks(ids)) {
            jdbc.sql("select id, name, currency from clients where workspace_id = :w and id in (:ids)")
                    .param("w", workspace.value()).param("ids", chunk)
                    .query(rs -> {
                        out.put(rs.getObject("id", UUID.class), new ClientInfo(rs.getString("name"),
                                Currency.getInstance(rs.getString("currency").strip())));
                    });
        }
        return out;
    }

    Map<UUID, String> projects(WorkspaceId workspace, Collection<UUID> ids) {
        return names("select id, name from projects where workspace_id = :w and id in (:ids)", workspace, ids);
    }

    Map<UUID, String> users(WorkspaceId workspace, Collection<UUID> ids) {
        return names("select id, display_name as name from users where workspace_id = :w and id in (:ids)", workspace,
                ids);
    }

    Map<UUID, String> taskTitles(WorkspaceId workspace, Collection<UUID> ids) {
        return names("select id, title as name from tasks where workspace_id = :w and id in (:ids)", workspace, ids);
    }

    /**
     * The workspace's tags, in alphabetical order, at most {@code limit}: one index probe per tag (the first row
     * after the last tag in index order, not a min(), which H2 finds by reading the whole range). For a member
     * ({@code member} set) only the tags of their own entries, by the person kept on each tag row
     * ({@code time_entry_tags_user_ix}), so the cost does not grow with the member's history.
     */
    List<String> tags(WorkspaceId workspace, @Nullable UUID member, int limit) {
        if (member != null) {
            return jdbc.sql("""
                    with recursive found (tag) as (
                        select (select g.tag from time_entry_tags g
                                where g.workspace_id = :w and g.user_id = :member and g.tag > ''
                                order by g.workspace_id, g.user_id, g.tag fetch first row only)
                        union all
                        select (select g.tag from time_entry_tags g
                                where g.workspace_id = :w and g.user_id = :member and g.tag > found.tag
                                order by g.workspace_id, g.user_id, g.tag fetch first row only)
                        from found where found.tag is not null
                    )
                    select tag from found where tag is not null fetch first :limit rows only""")
                    .param("w", workspace.value()).param("member", member).param("limit", limit)
                    .query(String.class).list();
        }
        return jdbc.sql("""
                with recursive found (tag) as (
                    select (select g.tag from time_entry_tags g where g.workspace_id = :w and g.tag > ''
                            order by g.workspace_id, g.tag fetch first row only)
                    union all
                    select (select g.tag from time_entry_tags g where g.workspace_id = :w and g.tag > found.tag
                            order by g.workspace_id, g.tag fetch first row only)
                    from found where found.tag is not null
                )
                select tag from found where tag is not null fetch first :limit rows only""")
                .param("w", workspace.value()).param("limit", limit).query(String.class).list();
    }

    private Map<UUID, String> names(String sql, WorkspaceId workspace, Collection<UUID> ids) {
        Map<UUID, String> out = new HashMap<>();
        for (List<UUID> chunk : chunks(ids)) {
            jdbc.sql(sql).param("w", workspace.value()).param("ids", chunk)
                    .query(rs -> {
                        out.put(rs.getObject("id", UUID.class), rs.getString("name"));
                    });
        }
        return out;
    }

    private static List<List<UUID>> chunks(Collection<UUID> ids) {
        return chunks(ids, CHUNK);
    }

    private static List<List<UUID>> chunks(Collection<UUID> ids, int size) {
        List<UUID> all = new ArrayList<>(ids);
        List<List<UUID>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            chunks.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return chunks;
    }

    private static String where(WorkspaceId workspace, @Nullable UUID onlyUser, ReportQuery q,
            Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where e.workspace_id = :w and e.local_date >= :from and e.local_date <= :to");
        params.put("w", workspace.value());
        params.put("from", Date.valueOf(q.from()));
        params.put("to", Date.valueOf(q.to()));
        UUID user = onlyUser != null ? onlyUser : q.userId();
        if (onlyUser != null && q.userId() != null && !q.userId().equals(onlyUser)) {
            // A member asking for someone else's time gets none of it.
            where.append(" and 1 = 0");
        }
        if (user != null) {
            // Bounds on the start let the (workspace, user, started_at) index find the person's range.
            where.append(" and e.user_id = :user and e.started_at >= :startsFrom and e.started_at < :startsUntil");
            params.put("user", user);
            params.put("startsFrom", TimeStore.utc(TimeStore.earliestStart(q.from())));
            params.put("startsUntil", TimeStore.utc(TimeStore.latestStartBefore(q.to().plusDays(1))));
        }
        if (q.clientId() != null) {
            where.append(" and e.client_id = :client");
            params.put("client", q.clientId());
        }
        if (q.projectId() != null) {
            where.append(" and e.project_id = :project");
            params.put("project", q.projectId());
        }
        if (q.taskType() != null) {
            where.append(" and lower(e.task_type) = :type");
            params.put("type", q.taskType().toLowerCase(java.util.Locale.ROOT));
        }
        if (q.tag() != null) {
            where.append(" and exists (select 1 from time_entry_tags ft where ft.entry_id = e.id and lower(ft.tag) = :tag)");
            params.put("tag", q.tag().toLowerCase(java.util.Locale.ROOT));
        }
        if (q.billable() != null) {
            where.append(" and e.billable = :billable");
            params.put("billable", q.billable());
        }
        return where.toString();
    }

    private static CellKey key(ResultSet rs, boolean byUser) throws SQLException {
        BigDecimal rate = rs.getBigDecimal("rate_amount");
        Date date = rs.getDate("local_date");
        return new CellKey(rs.getObject("client_id", UUID.class), date == null ? null : date.toLocalDate(),
                rs.getObject("task_id", UUID.class), rs.getObject("project_id", UUID.class), rs.getString("task_type"),
                rs.getBoolean("billable"),
                rate == null ? null : new Money(rate, Currency.getInstance(rs.getString("rate_currency").strip())),
                byUser ? rs.getObject("user_id", UUID.class) : null, rs.getLong("step"));
    }

    private static Rounding rounding(ResultSet rs) throws SQLException {
        String mode = rs.getString("rounding_mode");
        return mode == null ? Rounding.NONE : new Rounding(Rounding.Mode.valueOf(mode), rs.getInt("rounding_minutes"),
                Rounding.Scope.valueOf(rs.getString("rounding_scope")));
    }
}
