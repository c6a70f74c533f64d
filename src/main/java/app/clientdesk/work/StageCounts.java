package app.clientdesk.work;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.jdbc.Database;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The board's column counts, kept rather than counted: how many tasks each client has in each stage
 * ({@code task_stage_counts}). Every statement that adds a task, moves it to another stage or client, or
 * removes it changes these rows in the same transaction ({@link TaskStore}); the board then reads one row per
 * client and stage of the workflow, however many tasks there are.
 */
@Repository
class StageCounts {

    /** One task more ({@code +1}) or fewer ({@code -1}) for a client in a stage. */
    record Change(UUID client, UUID stage, int delta) {
    }

    private static final String POSTGRESQL = """
            insert into task_stage_counts (client_id, stage_id, workspace_id, tasks) values (:c, :s, :w, :d)
            on conflict (client_id, stage_id) do update set tasks = task_stage_counts.tasks + excluded.tasks
            """;
    private static final String H2 = """
            merge into task_stage_counts k
            using (select cast(:c as uuid) as client_id, cast(:s as uuid) as stage_id, cast(:w as uuid) as workspace_id,
                          cast(:d as integer) as d) v
            on k.client_id = v.client_id and k.stage_id = v.stage_id
            when matched then update set tasks = k.tasks + v.d
            when not matched then insert (client_id, stage_id, workspace_id, tasks)
                values (v.client_id, v.stage_id, v.workspace_id, v.d)
            """;

    private static final String DECREMENT = """
            update task_stage_counts set tasks = tasks + :d where client_id = :c and stage_id = :s and workspace_id = :w
            """;

    private final JdbcClient jdbc;
    private final String upsert;

    StageCounts(JdbcClient jdbc, Database database) {
        this.jdbc = jdbc;
        this.upsert = database.isPostgres() ? POSTGRESQL : H2;
    }

    /**
     * Applies the changes, netted per client and stage, in one order (client, then stage) so that two
     * transactions touching the same rows wait for each other rather than deadlock.
     */
    void apply(WorkspaceId workspace, List<Change> changes) {
        Map<List<UUID>, Integer> net = new HashMap<>();
        for (Change c : changes) {
            net.merge(List.of(c.client(), c.stage()), c.delta(), Integer::sum);
        }
        List<Map.Entry<List<UUID>, Integer>> rows = new ArrayList<>(net.entrySet());
        rows.removeIf(e -> e.getValue() == 0);
        rows.sort(Comparator.<Map.Entry<List<UUID>, Integer>, UUID>comparing(e -> e.getKey().get(0))
                .thenComparing(e -> e.getKey().get(1)));
        for (Map.Entry<List<UUID>, Integer> row : rows) {
            // A task leaving a place was counted there: its row exists. (An upsert of a negative count would fail
            // the row's check in PostgreSQL, which checks the row it would insert before finding the conflict.)
            String sql = row.getValue() < 0 ? DECREMENT : upsert;
            jdbc.sql(sql).param("c", row.getKey().get(0)).param("s", row.getKey().get(1))
                    .param("w", workspace.value()).param("d", row.getValue()).update();
        }
    }

    /** How many tasks each stage of a workflow holds among the clients the viewer sees (not archived ones). */
    Map<StageId, Long> byStage(WorkspaceId workspace, @Nullable UUID memberId, WorkflowId workflow,
            @Nullable ClientId client) {
        Map<String, Object> params = new HashMap<>();
        params.put("w", workspace.value());
        params.put("workflow", workflow.value());
        StringBuilder sql = new StringBuilder("""
                select k.stage_id, sum(k.tasks) as n from task_stage_counts k
                join workflow_stages s on s.id = k.stage_id
                join clients c on c.id = k.client_id
                where k.workspace_id = :w and s.workflow_id = :workflow and c.archived_at is null""");
        seenBy(memberId, client, sql, params);
        Map<StageId, Long> counts = new HashMap<>();
        jdbc.sql(sql.append(" group by k.stage_id having sum(k.tasks) > 0").toString()).params(params)
                .query(rs -> {
                    counts.put(new StageId(rs.getObject("stage_id", UUID.class)), rs.getLong("n"));
                });
        return counts;
    }

    /**
     * How many tasks the viewer sees in all (clients not archived; a member: those assigned to them), or of one
     * client: the sum of the kept rows, one per client and stage, not a count of the tasks.
     */
    long total(WorkspaceId workspace, @Nullable UUID memberId, @Nullable ClientId client) {
        Map<String, Object> params = new HashMap<>();
        params.put("w", workspace.value());
        StringBuilder sql = new StringBuilder("""
                select coalesce(sum(k.tasks), 0) from task_stage_counts k
                join clients c on c.id = k.client_id
                where k.workspace_id = :w and c.archived_at is null""");
        seenBy(memberId, client, sql, params);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    /**
     * The kept rows (of this table, or of {@link OpenCounts}', both aliased {@code k}) of the clients a member is
     * assigned to (all for the owner), of one client when given.
     */
    static void seenBy(@Nullable UUID memberId, @Nullable ClientId client, StringBuilder sql,
            Map<String, Object> params) {
        if (memberId != null) {
            sql.append(" and exists (select 1 from client_members m where m.client_id = k.client_id and m.user_id = :member)");
            params.put("member", memberId);
        }
        if (client != null) {
            sql.append(" and k.client_id = :client");
            params.put("client", client.value());
        }
    }
}
