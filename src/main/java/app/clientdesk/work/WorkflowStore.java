package app.clientdesk.work;

import app.clientdesk.identity.WorkspaceId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for workflows and their stages. Every statement names the workspace. */
@Repository
class WorkflowStore {

    private final JdbcClient jdbc;

    WorkflowStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Workflow> all(WorkspaceId workspace) {
        record Row(UUID id, String name, @Nullable String templateKey) {}
        List<Row> rows = jdbc.sql("select id, name, template_key from workflows where workspace_id = :w order by created_at, name")
                .param("w", workspace.value())
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("template_key")))
                .list();
        Map<UUID, List<Stage>> stages = new LinkedHashMap<>();
        jdbc.sql("select id, workflow_id, position, name, kind from workflow_stages where workspace_id = :w order by position")
                .param("w", workspace.value())
                .query((rs, n) -> new Stage(new StageId(rs.getObject("id", UUID.class)),
                        new WorkflowId(rs.getObject("workflow_id", UUID.class)), rs.getInt("position"),
                        rs.getString("name"), StageKind.valueOf(rs.getString("kind"))))
                .list()
                .forEach(s -> stages.computeIfAbsent(s.workflowId().value(), k -> new ArrayList<>()).add(s));
        return rows.stream().map(r -> new Workflow(new WorkflowId(r.id()), r.name(), r.templateKey(),
                stages.getOrDefault(r.id(), List.of()))).toList();
    }

    Optional<Workflow> find(WorkspaceId workspace, WorkflowId id) {
        return all(workspace).stream().filter(w -> w.id().equals(id)).findFirst();
    }

    boolean hasAny(WorkspaceId workspace) {
        return jdbc.sql("select count(*) from workflows where workspace_id = :w").param("w", workspace.value())
                .query(Long.class).single() > 0;
    }

    void insert(WorkspaceId workspace, WorkflowId id, String name, @Nullable String templateKey, Instant now) {
        jdbc.sql("insert into workflows (id, workspace_id, name, template_key, created_at) values (:id, :w, :name, :key, :now)")
                .param("id", id.value()).param("w", workspace.value()).param("name", name).param("key", templateKey)
                .param("now", now.atOffset(ZoneOffset.UTC)).update();
    }

    void rename(WorkspaceId workspace, WorkflowId id, String name) {
        jdbc.sql("update workflows set name = :name where workspace_id = :w and id = :id")
                .param("name", name).param("w", workspace.value()).param("id", id.value()).update();
    }

    void insertStage(WorkspaceId workspace, WorkflowId workflow, StageId id, int position, String name, StageKind kind) {
        jdbc.sql("""
                insert into workflow_stages (id, workspace_id, workflow_id, position, name, kind)
                values (:id, :w, :workflow, :position, :name, :kind)
                """).param("id", id.value()).param("w", workspace.value()).param("workflow", workflow.value())
                .param("position", position).param("name", name).param("kind", kind.name()).update();
    }

    void updateStage(WorkspaceId workspace, StageId id, int position, String name, StageKind kind) {
        jdbc.sql("update workflow_stages set position = :position, name = :name, kind = :kind where workspace_id = :w and id = :id")
                .param("position", position).param("name", name).param("kind", kind.name())
                .param("w", workspace.value()).param("id", id.value()).update();
    }

    void deleteStage(WorkspaceId workspace, StageId id) {
        jdbc.sql("delete from workflow_stages where workspace_id = :w and id = :id")
                .param("w", workspace.value()).param("id", id.value()).update();
    }

    long tasksIn(WorkspaceId workspace, StageId stage) {
        return jdbc.sql("select count(*) from tasks where workspace_id = :w and stage_id = :s")
                .param("w", workspace.value()).param("s", stage.value()).query(Long.class).single();
    }
}
