package app.clientdesk.planning.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.planning.TaskPlan;
import app.clientdesk.planning.TaskPlans;
import app.clientdesk.work.TaskId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/tasks/{taskId}/planning}: what the planner knows of a task beyond its own fields. */
@RestController
@Tag(name = "Tasks")
class TaskPlanApiController {

    private final TaskPlans plans;

    TaskPlanApiController(TaskPlans plans) {
        this.plans = plans;
    }

    /** A task's planning facts in the API. */
    record TaskPlanJson(UUID taskId, @Nullable LocalDate startsOn, boolean needsClientOnline) {

        static TaskPlanJson of(TaskPlan plan) {
            return new TaskPlanJson(plan.taskId().value(), plan.startsOn(), plan.needsClientOnline());
        }
    }

    /** What a change sends; fields left out stay as they are, an empty startsOn clears it. */
    record TaskPlanRequest(@Nullable String startsOn, @Nullable Boolean needsClientOnline) {
    }

    @Operation(summary = "Read a task's planning facts", description = "startsOn: the first date the planner may "
            + "place it on; needsClientOnline: placed only inside the client's business hours. 404 for a task the "
            + "caller may not see.")
    @GetMapping("/api/v1/tasks/{taskId}/planning")
    TaskPlanJson read(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID taskId) {
        return TaskPlanJson.of(plans.of(viewer, new TaskId(taskId)));
    }

    @Operation(summary = "Change a task's planning facts", description = "Fields left out stay as they are; an "
            + "empty startsOn clears it. 422 when startsOn is not a date or falls after the task's due date.")
    @PutMapping("/api/v1/tasks/{taskId}/planning")
    TaskPlanJson change(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID taskId,
            @RequestBody TaskPlanRequest body) {
        TaskPlan old = plans.of(viewer, new TaskId(taskId));
        String starts = body.startsOn() != null ? body.startsOn()
                : old.startsOn() == null ? null : old.startsOn().toString();
        boolean online = body.needsClientOnline() != null ? body.needsClientOnline() : old.needsClientOnline();
        return TaskPlanJson.of(plans.save(viewer, new TaskId(taskId), starts, online));
    }
}
