package app.clientdesk.planning.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.planning.AutoPlans;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/planner/auto}: a proposed plan of open work into free working time. */
@RestController
@Tag(name = "Planner", description = "Time blocks proposed for open work, tasks at risk, days over capacity")
class AutoPlanApiController {

    private final AutoPlans plans;

    AutoPlanApiController(AutoPlans plans) {
        this.plans = plans;
    }

    @Operation(summary = "Propose a plan", description = "Places the open tasks with estimates into free working "
            + "time from `from` to `to` (ISO-8601 dates in the person's zone, or instants with offset; default now "
            + "to two weeks later; at most 84 days): urgent-and-important first, then by due date; tasks of a type "
            + "batched; buffers kept; a task that needs the client online only inside the client's business hours; "
            + "never outside working hours, over another block or meeting, before a task's start date, or over the "
            + "day's focus limit. userId: whose work (a member only their own); the owner without one plans the "
            + "whole team, each task to its assignee, and lists nobody's tasks under unassigned. Nothing is saved: "
            + "create the blocks to accept them (POST /api/v1/time-blocks). The same input gives the same plan.")
    @PostMapping("/api/v1/planner/auto")
    AutoPlanJson propose(@AuthenticationPrincipal CurrentUser viewer,
            @RequestBody(required = false) AutoPlanJson.@Nullable AutoPlanRequest body) {
        AutoPlanJson.AutoPlanRequest b = body != null ? body : new AutoPlanJson.AutoPlanRequest(null, null, null);
        return AutoPlanJson.of(plans.propose(viewer, b.userId(), b.from(), b.to()), viewer.zone());
    }
}
