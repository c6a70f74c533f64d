package app.clientdesk.work;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.jdbc.Database;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The matrix's quadrant counts and the batches' per-type totals, kept rather than counted: how many open tasks each
 * client has per quadrant and type, and their estimates in all ({@code task_open_counts}). Every statement that adds
 * a task, changes its client, flags, type or estimate, completes or reopens it, or removes it changes these rows in
 * the same transaction ({@link TaskStore}, {@link WorkGenerator}); the views then read one row per client, quadrant
 * and type, however many tasks there are.
 */
@Repository
class OpenCounts {

    /** The key of an untyped task's row: a NULL in the key would never conflict on PostgreSQL's upsert. */
    private static final String UNTYPED = "";

    /** Where an open task is counted: its client, quadrant and type ({@code null} for none). */
    record Place(UUID client, boolean urgent, boolean important, @Nullable String type) {

        private List<Object> key() {
            return List.of(client, urgent, important, type == null ? UNTYPED : type);
        }
    }

    /** Tasks and estimate minutes more (positive) or fewer (negative) in a place. */
    record Change(Place place, int tasks, long minutes) {

        /** An open task counted in {@code place} ({@code +1}) or no longer ({@code -1}), with its estimate. */
        static Change of(Place place, int sign, @Nullable Integer estimateMinutes) {
            return new Change(place, sign, sign * (long) (estimateMinutes == null ? 0 : estimateMinutes));
        }
    }

    private static final String POSTGRESQL = """
            insert into task_open_counts (client_id, urgent, important, task_type, workspace_id, tasks, minutes)
            values (:c, :u, :i, :type, :w, :d, :m)
            on conflict (client_id, urgent, important, task_type) do update
            set tasks = task_open_counts.tasks + excluded.tasks, minutes = task_open_counts.minutes + excluded.minutes
            """;
    private static final String H2 = """
            merge into task_open_counts k
            using (select cast(:c as uuid) as client_id, cast(:u as boolean) as urgent, cast(:i as boolean) as important,
                          cast(:type as varchar(60)) as task_type, cast(:w as uuid) as workspace_id,
                          cast(:d as integer) as d, cast(:m as bigint) as m) v
            on k.client_id = v.client_id and k.urgent = v.urgent and k.important = v.important
               and k.task_type = v.task_type
            when matched then update set tasks = k.tasks + v.d, minutes = k.minutes + v.m
            when not matched then insert (client_id, urgent, important, task_type, workspace_id, tasks, minutes)
                values (v.client_id, v.urgent, v.important, v.task_type, v.workspace_id, v.d, v.m)
            """;

    private static final String CHANGE = """
            update task_open_counts set tasks = tasks + :d, minutes = minutes + :m
            where client_id = :c and urgent = :u and important = :i and task_type = :type and workspace_id = :w
            """;

    private final JdbcClient jdbc;
    private final String upsert;

    OpenCounts(JdbcClient jdbc, Database database) {
        this.jdbc = jdbc;
        this.upsert = database.isPostgres() ? POSTGRESQL : H2;
    }

    /**
     * Applies the changes, netted per place, in one order (client, urgent, important, type) so that two transactions
     * touching the same rows wait for each other rather than deadlock. Callers apply these after {@link StageCounts},
     * never before, for the same reason.
     */
    void apply(WorkspaceId workspace, List<Change> changes) {
        Map<List<Object>, long[]> net = new HashMap<>();
        for (Change c : changes) {
            long[] sum = net.computeIfAbsent(c.place().key(), k -> new long[2]);
            sum[0] += c.tasks();
            sum[1] += c.minutes();
        }
        List<Map.Entry<List<Object>, long[]>> rows = new ArrayList<>(net.entrySet());
        rows.removeIf(e -> e.getValue()[0] == 0 && e.getValue()[1] == 0);
        rows.sort(Comparator.<Map.Entry<List<Object>, long[]>, UUID>comparing(e -> (UUID) e.getKey().get(0))
                .thenComparing(e -> (Boolean) e.getKey().get(1))
                .thenComparing(e -> (Boolean) e.getKey().get(2))
                .thenComparing(e -> (String) e.getKey().get(3)));
        for (Map.Entry<List<Object>, long[]> row : rows) {
            // A task leaving a place, or changing its estimate there, was counted there: its row exists. (An upsert
            // of a negative count would fail the row's check in PostgreSQL, which checks the row it would insert
            // before finding the conflict.)
            String sql = row.getValue()[0] <= 0 ? CHANGE : upsert;
            List<Object> key = row.getKey();
            jdbc.sql(sql).param("c", key.get(0)).param("u", key.get(1)).param("i", key.get(2))
                    .param("type", key.get(3)).param("w", workspace.value())
                    .param("d", Math.toIntExact(row.getValue()[0])).param("m", row.getValue()[1]).update();
        }
    }

    /** How many open tasks each quadrant holds among the clients the viewer sees (not archived ones). */
    Map<Quadrant, Long> byQuadrant(WorkspaceId workspace, @Nullable UUID memberId, @Nullable ClientId client) {
        Map<String, Object> params = new HashMap<>();
        String where = where(workspace, memberId, client, params);
        Map<Quadrant, Long> counts = new EnumMap<>(Quadrant.class);
        for (Quadrant q : Quadrant.values()) {
            counts.put(q, 0L);
        }
        jdbc.sql("select k.urgent, k.important, sum(k.tasks) as n from task_open_counts k"
                + " join clients c on c.id = k.client_id" + where + " group by k.urgent, k.important")
                .params(params)
                .query(rs -> {
                    counts.put(Quadrant.of(rs.getBoolean("urgent"), rs.getBoolean("important")), rs.getLong("n"));
                });
        return counts;
    }

    /**
     * Open tasks by type ({@code null} for untyped) among the clients the viewer sees: how many and their estimates
     * in all, largest groups first, then by type as the database orders it with untyped as NULL (as a count of the
     * tasks would).
     */
    List<Tasks.TypeTotal> byType(WorkspaceId workspace, @Nullable UUID memberId, @Nullable ClientId client) {
        Map<String, Object> params = new HashMap<>();
        String where = where(workspace, memberId, client, params);
        return jdbc.sql("select nullif(k.task_type, '') as task_type, sum(k.tasks) as n, sum(k.minutes) as minutes"
                        + " from task_open_counts k join clients c on c.id = k.client_id" + where
                        + " group by k.task_type having sum(k.tasks) > 0"
                        + " order by sum(k.tasks) desc, nullif(k.task_type, '')")
                .params(params)
                .query((rs, n) -> new Tasks.TypeTotal(rs.getString("task_type"), rs.getLong("n"), rs.getLong("minutes")))
                .list();
    }

    /** The rows of the workspace's clients the viewer sees (as {@link TaskStore#visible} does for tasks). */
    private static String where(WorkspaceId workspace, @Nullable UUID memberId, @Nullable ClientId client,
            Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where k.workspace_id = :w and c.archived_at is null");
        params.put("w", workspace.value());
        StageCounts.seenBy(memberId, client, where, params);
        return where.toString();
    }
}
