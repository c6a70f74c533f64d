package app.clientdesk.planning;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Everything one auto-plan is computed from, so that the plan is a function of this value alone: the same request
 * gives the same plan, whatever the order of its lists.
 *
 * <p>Every task with an assignee must have that assignee among {@code people}; a task without one is only listed
 * as unassigned. Ids must be unique. Refused otherwise, since it means the caller read the wrong rows.
 */
public record PlanRequest(Instant now, Instant horizon, List<PlanPerson> people, List<PlanTask> tasks) {

    public PlanRequest {
        if (!horizon.isAfter(now)) {
            throw new IllegalArgumentException("the horizon must be after now");
        }
        people = List.copyOf(people);
        tasks = List.copyOf(tasks);
        Set<UUID> personIds = new HashSet<>();
        for (PlanPerson person : people) {
            if (!personIds.add(person.id())) {
                throw new IllegalArgumentException("person listed twice: " + person.id());
            }
        }
        Set<UUID> taskIds = new HashSet<>();
        for (PlanTask task : tasks) {
            if (!taskIds.add(task.id())) {
                throw new IllegalArgumentException("task listed twice: " + task.id());
            }
            if (task.assignee() != null && !personIds.contains(task.assignee())) {
                throw new IllegalArgumentException("task " + task.id() + " is assigned to someone not in the plan");
            }
        }
    }
}
