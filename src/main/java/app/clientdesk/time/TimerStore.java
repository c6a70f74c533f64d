package app.clientdesk.time;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.work.ProjectId;
import app.clientdesk.work.TaskId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for running timers and timer settings. Every statement names the workspace. */
@Repository
class TimerStore {

    private final JdbcClient jdbc;

    TimerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RunningTimer> find(WorkspaceId workspace, UUID user) {
        return jdbc.sql("""
                select r.*, c.name as client_name, p.name as project_name, t.title as task_title
                from time_timers r
                join clients c on c.id = r.client_id
                left join projects p on p.id = r.project_id
                left join tasks t on t.id = r.task_id
                where r.workspace_id = :w and r.user_id = :u""")
                .param("w", workspace.value()).param("u", user).query(TimerStore::timer).optional();
    }

    void insert(WorkspaceId workspace, UUID user, UUID client, @Nullable UUID project, @Nullable UUID task,
            @Nullable String note, boolean billable, ZoneId zone, Instant start, @Nullable Integer work,
            @Nullable Integer rest) {
        jdbc.sql("""
                insert into time_timers (user_id, workspace_id, client_id, project_id, task_id, note, billable, zone,
                    started_at, break_seconds, pomodoro_work_minutes, pomodoro_break_minutes)
                values (:u, :w, :client, :project, :task, :note, :billable, :zone, :start, 0, :work, :rest)""")
                .param("u", user).param("w", workspace.value()).param("client", client).param("project", project)
                .param("task", task).param("note", note).param("billable", billable).param("zone", zone.getId())
                .param("start", TimeStore.utc(start)).param("work", work).param("rest", rest).update();
    }

    boolean pause(WorkspaceId workspace, UUID user, Instant now) {
        return jdbc.sql("update time_timers set paused_at = :now where workspace_id = :w and user_id = :u and paused_at is null")
                .param("w", workspace.value()).param("u", user).param("now", TimeStore.utc(now)).update() == 1;
    }

    boolean resume(WorkspaceId workspace, UUID user, long breakSeconds, Instant now) {
        return jdbc.sql("""
                update time_timers set paused_at = null, resumed_at = :now, break_seconds = :break
                where workspace_id = :w and user_id = :u and paused_at is not null""")
                .param("w", workspace.value()).param("u", user).param("break", breakSeconds)
                .param("now", TimeStore.utc(now)).update() == 1;
    }

    boolean delete(WorkspaceId workspace, UUID user) {
        return jdbc.sql("delete from time_timers where workspace_id = :w and user_id = :u")
                .param("w", workspace.value()).param("u", user).update() == 1;
    }

    /** Pomodoro lengths in minutes (work, break); 25 and 5 until the person sets their own. */
    int[] pomodoro(WorkspaceId workspace, UUID user) {
        return jdbc.sql("select pomodoro_work_minutes, pomodoro_break_minutes from time_user_settings where workspace_id = :w and user_id = :u")
                .param("w", workspace.value()).param("u", user)
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).optional().orElse(new int[] {25, 5});
    }

    void putPomodoro(WorkspaceId workspace, UUID user, int work, int rest) {
        int updated = jdbc.sql("""
                update time_user_settings set pomodoro_work_minutes = :work, pomodoro_break_minutes = :rest
                where workspace_id = :w and user_id = :u""")
                .param("w", workspace.value()).param("u", user).param("work", work).param("rest", rest).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into time_user_settings (user_id, workspace_id, pomodoro_work_minutes, pomodoro_break_minutes)
                    values (:u, :w, :work, :rest)""")
                    .param("w", workspace.value()).param("u", user).param("work", work).param("rest", rest).update();
        }
    }

    private static RunningTimer timer(ResultSet rs, int n) throws SQLException {
        UUID project = rs.getObject("project_id", UUID.class);
        UUID task = rs.getObject("task_id", UUID.class);
        int work = rs.getInt("pomodoro_work_minutes");
        boolean pomodoro = !rs.wasNull();
        return new RunningTimer(new ClientId(rs.getObject("client_id", UUID.class)), rs.getString("client_name"),
                project == null ? null : new ProjectId(project), rs.getString("project_name"),
                task == null ? null : new TaskId(task), rs.getString("task_title"), rs.getString("note"),
                rs.getBoolean("billable"), ZoneId.of(rs.getString("zone")), TimeStore.instant(rs, "started_at"),
                TimeStore.instantOrNull(rs, "paused_at"), TimeStore.instantOrNull(rs, "resumed_at"),
                rs.getLong("break_seconds"), pomodoro ? work : null,
                pomodoro ? rs.getInt("pomodoro_break_minutes") : null);
    }
}
