package app.clientdesk.work;

import app.clientdesk.identity.UserId;
import app.clientdesk.identity.WorkspaceId;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk inserts for data generators (benchmarks), in JDBC batches: tens of thousands of tasks in seconds.
 * It trusts its caller: it does not check {@link TaskRules} or {@link ProjectRules} beyond what the
 * records already hold, does not keep positions unique within a stage, and writes no task history. Never
 * use it for anything a person typed.
 */
@Component
public class WorkGenerator {

    /** A project that already passed {@link ProjectRules}. */
    public record NewProject(ProjectId id, ProjectRules.Valid project) {
    }

    /** A task that already passed {@link TaskRules}, placed at {@code position} of {@code stage}. */
    public record NewTask(TaskId id, TaskRules.Valid task, Stage stage, int position, @Nullable Instant completedAt) {
    }

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final StageCounts counts;
    private final OpenCounts open;

    WorkGenerator(JdbcTemplate jdbc, StageCounts counts, OpenCounts open) {
        this.jdbc = jdbc;
        this.counts = counts;
        this.open = open;
    }

    @Transactional
    public void insertProjects(WorkspaceId workspace, List<NewProject> projects, Instant now) {
        OffsetDateTime at = TaskStore.utc(now);
        jdbc.batchUpdate("""
                insert into projects (id, workspace_id, client_id, workflow_id, name, status, start_date, due_date,
                    budget_minutes, budget_amount, budget_currency, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, projects, BATCH, (ps, n) -> {
            ProjectRules.Valid p = n.project();
            ps.setObject(1, n.id().value());
            ps.setObject(2, workspace.value());
            ps.setObject(3, p.clientId().value());
            ps.setObject(4, p.workflowId().value());
            ps.setString(5, p.name());
            ps.setString(6, p.status().name());
            ps.setObject(7, p.startDate(), Types.DATE);
            ps.setObject(8, p.dueDate(), Types.DATE);
            ps.setObject(9, p.budgetMinutes(), Types.INTEGER);
            ps.setBigDecimal(10, p.budgetAmount());
            ps.setString(11, p.budgetAmount() == null ? null : p.currency().getCurrencyCode());
            ps.setObject(12, at);
            ps.setObject(13, at);
        });
    }

    /** Inserts the tasks and their checklists (items not done); a repeating task starts its own series. */
    @Transactional
    public void insertTasks(WorkspaceId workspace, UserId createdBy, List<NewTask> tasks, Instant now) {
        OffsetDateTime at = TaskStore.utc(now);
        jdbc.batchUpdate("""
                insert into tasks (id, workspace_id, client_id, project_id, workflow_id, stage_id, position, title,
                    description, urgent, important, due_date, due_at, due_zone, estimate_minutes, assignee_id,
                    task_type, recur_frequency, recur_interval, recur_weekdays, recur_anchor, recur_until, series_id,
                    sop, completed_at, created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, tasks, BATCH, (ps, n) -> task(ps, workspace, createdBy, n, at));
        counts.apply(workspace, tasks.stream()
                .map(n -> new StageCounts.Change(n.task().clientId().value(), n.stage().id().value(), 1)).toList());
        open.apply(workspace, tasks.stream().filter(n -> n.completedAt() == null)
                .map(n -> TaskStore.openedTask(n.task())).toList());
        List<Object[]> items = new ArrayList<>();
        for (NewTask n : tasks) {
            List<String> checklist = n.task().checklist();
            for (int i = 0; i < checklist.size(); i++) {
                items.add(new Object[] {UUID.randomUUID(), workspace.value(), n.id().value(), i, checklist.get(i)});
            }
        }
        jdbc.batchUpdate("""
                insert into task_checklist_items (id, workspace_id, task_id, position, text, done)
                values (?, ?, ?, ?, ?, false)
                """, items, BATCH, (ps, row) -> {
            for (int i = 0; i < row.length; i++) {
                ps.setObject(i + 1, row[i]);
            }
        });
    }

    private static void task(PreparedStatement ps, WorkspaceId workspace, UserId createdBy, NewTask n,
            OffsetDateTime now) throws SQLException {
        TaskRules.Valid t = n.task();
        Due due = t.due();
        Recurrence r = t.recurrence();
        ps.setObject(1, n.id().value());
        ps.setObject(2, workspace.value());
        ps.setObject(3, t.clientId().value());
        uuid(ps, 4, t.projectId() == null ? null : t.projectId().value());
        ps.setObject(5, n.stage().workflowId().value());
        ps.setObject(6, n.stage().id().value());
        ps.setInt(7, n.position());
        ps.setString(8, t.title());
        ps.setString(9, t.description());
        ps.setBoolean(10, t.urgent());
        ps.setBoolean(11, t.important());
        ps.setObject(12, due == null ? null : due.date(), Types.DATE);
        ps.setObject(13, due == null || due.at() == null ? null : TaskStore.utc(due.at()),
                Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setString(14, due == null || due.zone() == null ? null : due.zone().getId());
        ps.setObject(15, t.estimateMinutes(), Types.INTEGER);
        uuid(ps, 16, t.assigneeId() == null ? null : t.assigneeId().value());
        ps.setString(17, t.type());
        ps.setString(18, r == null ? null : r.frequency().name());
        ps.setObject(19, r == null ? null : r.interval(), Types.INTEGER);
        ps.setString(20, r == null || r.weekdays().isEmpty() ? null
                : r.weekdays().stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(",")));
        ps.setObject(21, r == null ? null : r.anchor(), Types.DATE);
        ps.setObject(22, r == null ? null : r.until(), Types.DATE);
        uuid(ps, 23, r == null ? null : n.id().value());
        ps.setString(24, t.sop());
        ps.setObject(25, n.completedAt() == null ? null : TaskStore.utc(n.completedAt()),
                Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setObject(26, createdBy.value());
        ps.setObject(27, now);
        ps.setObject(28, now);
    }

    private static void uuid(PreparedStatement ps, int index, @Nullable UUID value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.OTHER);
        } else {
            ps.setObject(index, value);
        }
    }
}
