package app.clientdesk.planning;

import app.clientdesk.work.TaskId;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What the planner knows of a task beyond its own fields: the first date it may be planned on (in the assignee's
 * zone), and whether it needs the client online, so that it is placed only inside the client's business hours.
 */
public record TaskPlan(TaskId taskId, @Nullable LocalDate startsOn, boolean needsClientOnline) {

    public static TaskPlan none(TaskId task) {
        return new TaskPlan(task, null, false);
    }
}
