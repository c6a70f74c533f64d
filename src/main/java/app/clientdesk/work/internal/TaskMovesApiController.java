package app.clientdesk.work.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.work.Stage;
import app.clientdesk.work.StageId;
import app.clientdesk.work.Task;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.Tasks;
import app.clientdesk.work.Workflow;
import app.clientdesk.work.Workflows;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A task's way through its workflow over the API: moves and the gates of review and client approval. */
@RestController
@RequestMapping("/api/v1/tasks/{taskId}")
@Tag(name = "Tasks")
class TaskMovesApiController {

    private final Tasks tasks;
    private final Workflows workflows;

    TaskMovesApiController(Tasks tasks, Workflows workflows) {
        this.tasks = tasks;
        this.workflows = workflows;
    }

    @Operation(summary = "Move a task", description = "To {\"stageId\"} or {\"stage\"} (a stage's name in the "
            + "task's workflow), optionally at \"position\" (0-based among the stage's tasks; the end when left "
            + "out). Refused with 422: a stage of another workflow, a member moving work on from or past a review "
            + "stage, anyone moving work waiting in a client-approval stage forward (use /approve). Work that needs "
            + "no client approval may skip that stage. Entering a done stage completes the task.")
    @PostMapping("/move")
    TaskJson move(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID taskId,
            @RequestBody TaskJson.MoveRequest body) {
        Task task = tasks.get(viewer, new TaskId(taskId));
        Violations v = new Violations();
        StageId target = null;
        if (body.stageId() != null && !body.stageId().isBlank()) {
            target = ApiParams.uuid(body.stageId(), "stageId", v).map(StageId::new).orElse(null);
        } else if (body.stage() != null && !body.stage().isBlank()) {
            Workflow workflow = workflows.get(viewer.workspaceId(), task.workflowId());
            target = workflow.stageNamed(body.stage()).map(Stage::id).orElse(null);
            if (target == null) {
                v.add("stage", "task.stage.unknown", body.stage().strip());
            }
        } else {
            v.add("stageId", "validation.required");
        }
        if (body.position() != null && body.position() < 0) {
            v.add("position", "validation.range", 0, Integer.MAX_VALUE);
        }
        v.throwIfAny();
        return TaskJson.of(tasks.move(viewer, task.id(), target, body.position()));
    }

    @Operation(summary = "Complete a task", description = "Moves it to its workflow's done stage, with the same "
            + "gates as a move. A repeating task makes its next occurrence.")
    @PostMapping("/complete")
    TaskJson complete(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID taskId) {
        return TaskJson.of(tasks.complete(viewer, new TaskId(taskId)));
    }

    @Operation(summary = "Approve work waiting at a gate", description = "The owner approves a review stage; "
            + "at a client-approval stage the owner approves on the client's behalf, which the task's history "
            + "records. The task moves to the next stage. Optional {\"note\"}.")
    @PostMapping("/approve")
    TaskJson approve(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID taskId,
            @RequestBody(required = false) TaskJson.NoteRequest body) {
        return TaskJson.of(tasks.approve(viewer, new TaskId(taskId), body == null ? null : body.note()));
    }

    @Operation(summary = "Ask for changes", description = "Sends work waiting at a gate back to the nearest "
            + "ordinary stage before it. {\"note\"} saying what should change is required; it is kept as a "
            + "comment.")
    @PostMapping("/request-changes")
    TaskJson requestChanges(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID taskId,
            @RequestBody(required = false) TaskJson.NoteRequest body) {
        return TaskJson.of(tasks.requestChanges(viewer, new TaskId(taskId), body == null ? null : body.note()));
    }
}
