package app.clientdesk.planning;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.work.Task;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.Tasks;
import app.clientdesk.shared.web.NotFoundException;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The planner's facts about tasks ({@link TaskPlan}), read and changed by whoever may see the task: the task's page
 * and the API change them, the auto-planner reads them. A start date after the task's due date is refused.
 */
@Service
public class TaskPlans {

    private final JdbcClient jdbc;
    private final Tasks tasks;
    private final Clock clock;

    TaskPlans(JdbcClient jdbc, Tasks tasks, Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.clock = clock;
    }

    public TaskPlan of(CurrentUser viewer, TaskId id) {
        Task task = tasks.find(viewer, id).orElseThrow(() -> new NotFoundException("task"));
        return of(viewer.workspaceId(), List.of(task.id())).getOrDefault(task.id(), TaskPlan.none(task.id()));
    }

    /** The plans of the given tasks that have one; for work that already knows the viewer may see them. */
    public Map<TaskId, TaskPlan> of(WorkspaceId workspace, Collection<TaskId> ids) {
        Map<TaskId, TaskPlan> plans = new HashMap<>();
        if (ids.isEmpty()) {
            return plans;
        }
        List<UUID> wanted = ids.stream().map(TaskId::value).distinct().toList();
        for (int from = 0; from < wanted.size(); from += 500) {
            jdbc.sql("select task_id, starts_on, needs_client_online from task_plans where workspace_id = :w"
                    + " and task_id in (:ids)")
                    .param("w", workspace.value()).param("ids", wanted.subList(from, Math.min(wanted.size(), from + 500)))
                    .query((rs, n) -> {
                        Date starts = rs.getDate("starts_on");
                        return new TaskPlan(new TaskId(rs.getObject("task_id", UUID.class)),
                                starts == null ? null : starts.toLocalDate(), rs.getBoolean("needs_client_online"));
                    }).list().forEach(p -> plans.put(p.taskId(), p));
        }
        return plans;
    }

    /**
     * Sets the task's start date ({@code startsOn}, ISO date, blank for none) and whether it needs the client
     * online. Anyone who may change the task may change these.
     *
     * @throws InvalidInputException for a date that does not parse or falls after the task's due date
     */
    @Transactional
    public TaskPlan save(CurrentUser viewer, TaskId id, @Nullable String startsOn, boolean needsClientOnline) {
        viewer.requireStaff();
        Task task = tasks.find(viewer, id).orElseThrow(() -> new NotFoundException("task"));
        LocalDate starts = null;
        if (startsOn != null && !startsOn.isBlank()) {
            try {
                starts = LocalDate.parse(startsOn.strip());
            } catch (DateTimeParseException e) {
                throw InvalidInputException.of("startsOn", "planning.task.startsOn.invalid");
            }
            if (task.due() != null && starts.isAfter(task.due().date())) {
                throw InvalidInputException.of("startsOn", "planning.task.startsOn.afterDue");
            }
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        int updated = jdbc.sql("update task_plans set starts_on = :starts, needs_client_online = :online,"
                + " updated_at = :now where workspace_id = :w and task_id = :id")
                .param("starts", starts).param("online", needsClientOnline).param("now", now)
                .param("w", viewer.workspaceId().value()).param("id", id.value()).update();
        if (updated == 0) {
            jdbc.sql("insert into task_plans (task_id, workspace_id, starts_on, needs_client_online, updated_at)"
                    + " values (:id, :w, :starts, :online, :now)")
                    .param("starts", starts).param("online", needsClientOnline).param("now", now)
                    .param("w", viewer.workspaceId().value()).param("id", id.value()).update();
        }
        return new TaskPlan(id, starts, needsClientOnline);
    }
}
