package app.clientdesk.work;

import app.clientdesk.identity.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for task and project templates. Every statement names the workspace. Checklists are kept one item a line. */
@Repository
class TemplateStore {

    /** A task template that passed the rules. */
    record TaskTemplateRow(String name, String title, @Nullable String description, @Nullable String type,
            @Nullable Integer estimateMinutes, boolean urgent, boolean important, List<String> checklist,
            @Nullable String sop) {
    }

    /** A project template that passed the rules. */
    record ProjectTemplateRow(String name, @Nullable String description, WorkflowId workflowId,
            List<ProjectTemplate.Item> items) {
    }

    private final JdbcClient jdbc;

    TemplateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- task templates ------------------------------------------------------------------------------

    List<TaskTemplate> taskTemplates(WorkspaceId workspace) {
        return jdbc.sql("select * from task_templates where workspace_id = :w order by lower(name), id")
                .param("w", workspace.value()).query(TemplateStore::taskTemplate).list();
    }

    Optional<TaskTemplate> taskTemplate(WorkspaceId workspace, TaskTemplateId id) {
        return jdbc.sql("select * from task_templates where workspace_id = :w and id = :id")
                .param("w", workspace.value()).param("id", id.value()).query(TemplateStore::taskTemplate).optional();
    }

    void insertTaskTemplate(WorkspaceId workspace, TaskTemplateId id, TaskTemplateRow t, Instant now) {
        Map<String, Object> p = columns(t);
        p.put("id", id.value());
        p.put("w", workspace.value());
        p.put("now", TaskStore.utc(now));
        jdbc.sql("""
                insert into task_templates (id, workspace_id, name, title, description, task_type, estimate_minutes,
                    urgent, important, checklist, sop, created_at)
                values (:id, :w, :name, :title, :description, :type, :estimate, :urgent, :important, :checklist, :sop, :now)
                """).params(p).update();
    }

    void updateTaskTemplate(WorkspaceId workspace, TaskTemplateId id, TaskTemplateRow t) {
        Map<String, Object> p = columns(t);
        p.put("id", id.value());
        p.put("w", workspace.value());
        jdbc.sql("""
                update task_templates set name = :name, title = :title, description = :description, task_type = :type,
                    estimate_minutes = :estimate, urgent = :urgent, important = :important, checklist = :checklist,
                    sop = :sop
                where workspace_id = :w and id = :id
                """).params(p).update();
    }

    void deleteTaskTemplate(WorkspaceId workspace, TaskTemplateId id) {
        jdbc.sql("delete from task_templates where workspace_id = :w and id = :id")
                .param("w", workspace.value()).param("id", id.value()).update();
    }

    private static Map<String, Object> columns(TaskTemplateRow t) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", t.name());
        p.put("title", t.title());
        p.put("description", t.description());
        p.put("type", t.type());
        p.put("estimate", t.estimateMinutes());
        p.put("urgent", t.urgent());
        p.put("important", t.important());
        p.put("checklist", lines(t.checklist()));
        p.put("sop", t.sop());
        return p;
    }

    private static TaskTemplate taskTemplate(ResultSet rs, int n) throws SQLException {
        int estimate = rs.getInt("estimate_minutes");
        Integer estimateMinutes = rs.wasNull() ? null : estimate;
        return new TaskTemplate(new TaskTemplateId(rs.getObject("id", UUID.class)), rs.getString("name"),
                rs.getString("title"), rs.getString("description"), rs.getString("task_type"), estimateMinutes,
                rs.getBoolean("urgent"), rs.getBoolean("important"), split(rs.getString("checklist")),
                rs.getString("sop"));
    }

    // --- project templates ---------------------------------------------------------------------------

    List<ProjectTemplate> projectTemplates(WorkspaceId workspace) {
        return projectTemplates(workspace, null);
    }

    Optional<ProjectTemplate> projectTemplate(WorkspaceId workspace, ProjectTemplateId id) {
        return projectTemplates(workspace, id).stream().findFirst();
    }

    private List<ProjectTemplate> projectTemplates(WorkspaceId workspace, @Nullable ProjectTemplateId only) {
        record Head(UUID id, String name, @Nullable String description, UUID workflowId, String workflowName) {}
        Map<String, Object> p = new HashMap<>();
        p.put("w", workspace.value());
        String one = "";
        if (only != null) {
            one = " and t.id = :id";
            p.put("id", only.value());
        }
        List<Head> heads = jdbc.sql("""
                select t.id, t.name, t.description, t.workflow_id, w.name as workflow_name
                from project_templates t join workflows w on w.id = t.workflow_id
                where t.workspace_id = :w""" + one + " order by lower(t.name), t.id")
                .params(p)
                .query((rs, n) -> new Head(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("description"), rs.getObject("workflow_id", UUID.class),
                        rs.getString("workflow_name")))
                .list();
        Map<UUID, List<ProjectTemplate.Item>> items = new LinkedHashMap<>();
        jdbc.sql("select * from project_template_tasks i where i.workspace_id = :w"
                        + (only == null ? "" : " and i.template_id = :id") + " order by i.position")
                .params(p)
                .query((rs, n) -> {
                    int estimate = rs.getInt("estimate_minutes");
                    Integer estimateMinutes = rs.wasNull() ? null : estimate;
                    items.computeIfAbsent(rs.getObject("template_id", UUID.class), k -> new ArrayList<>())
                            .add(new ProjectTemplate.Item(rs.getString("title"), rs.getString("task_type"),
                                    rs.getInt("offset_days"), estimateMinutes, split(rs.getString("checklist"))));
                    return 0;
                })
                .list();
        return heads.stream().map(h -> new ProjectTemplate(new ProjectTemplateId(h.id()), h.name(), h.description(),
                new WorkflowId(h.workflowId()), h.workflowName(), items.getOrDefault(h.id(), List.of()))).toList();
    }

    void insertProjectTemplate(WorkspaceId workspace, ProjectTemplateId id, ProjectTemplateRow t,
            @Nullable String templateKey, Instant now) {
        jdbc.sql("""
                insert into project_templates (id, workspace_id, name, description, workflow_id, template_key, created_at)
                values (:id, :w, :name, :description, :workflow, :key, :now)
                """)
                .param("id", id.value()).param("w", workspace.value()).param("name", t.name())
                .param("description", t.description()).param("workflow", t.workflowId().value())
                .param("key", templateKey).param("now", TaskStore.utc(now)).update();
        insertItems(workspace, id, t.items());
    }

    void updateProjectTemplate(WorkspaceId workspace, ProjectTemplateId id, ProjectTemplateRow t) {
        jdbc.sql("""
                update project_templates set name = :name, description = :description, workflow_id = :workflow
                where workspace_id = :w and id = :id
                """)
                .param("id", id.value()).param("w", workspace.value()).param("name", t.name())
                .param("description", t.description()).param("workflow", t.workflowId().value()).update();
        jdbc.sql("delete from project_template_tasks where workspace_id = :w and template_id = :id")
                .param("w", workspace.value()).param("id", id.value()).update();
        insertItems(workspace, id, t.items());
    }

    void deleteProjectTemplate(WorkspaceId workspace, ProjectTemplateId id) {
        jdbc.sql("delete from project_template_tasks where workspace_id = :w and template_id = :id")
                .param("w", workspace.value()).param("id", id.value()).update();
        jdbc.sql("delete from project_templates where workspace_id = :w and id = :id")
                .param("w", workspace.value()).param("id", id.value()).update();
    }

    private void insertItems(WorkspaceId workspace, ProjectTemplateId id, List<ProjectTemplate.Item> items) {
        for (int i = 0; i < items.size(); i++) {
            ProjectTemplate.Item item = items.get(i);
            jdbc.sql("""
                    insert into project_template_tasks (id, workspace_id, template_id, position, title, task_type,
                        offset_days, estimate_minutes, checklist)
                    values (:id, :w, :template, :position, :title, :type, :offset, :estimate, :checklist)
                    """)
                    .param("id", UUID.randomUUID()).param("w", workspace.value()).param("template", id.value())
                    .param("position", i).param("title", item.title()).param("type", item.type())
                    .param("offset", item.offsetDays()).param("estimate", item.estimateMinutes())
                    .param("checklist", lines(item.checklist())).update();
        }
    }

    static @Nullable String lines(List<String> items) {
        return items.isEmpty() ? null : String.join("\n", items);
    }

    static List<String> split(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
