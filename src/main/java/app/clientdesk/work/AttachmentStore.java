package app.clientdesk.work;

import app.clientdesk.identity.UserId;
import app.clientdesk.identity.WorkspaceId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the files attached to tasks; every statement names the workspace and the task. */
@Repository
class AttachmentStore {

    private static final String SELECT = "select id, task_id, file_name, content_type, size_bytes, sha256, uploaded_by, "
            + "created_at from task_attachments";

    private final JdbcClient jdbc;

    AttachmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Attachment> list(WorkspaceId workspace, TaskId task) {
        return jdbc.sql(SELECT + " where workspace_id = :w and task_id = :t order by created_at, file_name, id")
                .param("w", workspace.value()).param("t", task.value()).query(AttachmentStore::row).list();
    }

    /** The attachments of several tasks, in one query; by task in upload order. */
    List<Attachment> ofTasks(WorkspaceId workspace, java.util.Collection<TaskId> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where workspace_id = :w and task_id in (:t) order by task_id, created_at, file_name, id")
                .param("w", workspace.value()).param("t", tasks.stream().map(TaskId::value).toList())
                .query(AttachmentStore::row).list();
    }

    Optional<Attachment> find(WorkspaceId workspace, TaskId task, UUID id) {
        return jdbc.sql(SELECT + " where workspace_id = :w and task_id = :t and id = :id")
                .param("w", workspace.value()).param("t", task.value()).param("id", id)
                .query(AttachmentStore::row).optional();
    }

    void insert(WorkspaceId workspace, Attachment a) {
        jdbc.sql("""
                insert into task_attachments (id, workspace_id, task_id, file_name, content_type, size_bytes, sha256,
                    uploaded_by, created_at)
                values (:id, :w, :t, :name, :type, :size, :sha, :by, :at)""")
                .param("id", a.id()).param("w", workspace.value()).param("t", a.taskId().value())
                .param("name", a.fileName()).param("type", a.contentType()).param("size", a.sizeBytes())
                .param("sha", a.sha256()).param("by", a.uploadedBy().value()).param("at", TaskStore.utc(a.createdAt()))
                .update();
    }

    boolean delete(WorkspaceId workspace, TaskId task, UUID id) {
        return jdbc.sql("delete from task_attachments where workspace_id = :w and task_id = :t and id = :id")
                .param("w", workspace.value()).param("t", task.value()).param("id", id).update() == 1;
    }

    private static Attachment row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Attachment(rs.getObject("id", UUID.class), new TaskId(rs.getObject("task_id", UUID.class)),
                rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
                rs.getString("sha256"), new UserId(rs.getObject("uploaded_by", UUID.class)),
                TaskStore.instant(rs, "created_at"));
    }

}
