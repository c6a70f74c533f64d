package app.clientdesk.work.internal;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.UserId;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.shared.web.ApiPaging;
import app.clientdesk.work.Due;
import app.clientdesk.work.ProjectId;
import app.clientdesk.work.Quadrant;
import app.clientdesk.work.Recurrence;
import app.clientdesk.work.StageId;
import app.clientdesk.work.Task;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.TaskInput;
import app.clientdesk.work.TaskQuery;
import app.clientdesk.work.Attachments;
import app.clientdesk.work.Tasks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/tasks}: reading and changing tasks; moves and approvals are in {@link TaskMovesApiController}. */
@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Tasks", description = "Work for clients: filters, stages, the Eisenhower quadrant, recurrence")
class TasksApiController {

    private final Tasks tasks;
    private final Attachments attachments;

    TasksApiController(Tasks tasks, Attachments attachments) {
        this.tasks = tasks;
        this.attachments = attachments;
    }

    @Operation(summary = "List tasks", description = "Every filter is optional and they combine. Ordered by due "
            + "date (dateless last), or in board order (stage, then place in the stage) when status is given or "
            + "order=board. A member sees only the tasks of clients assigned to them. Paged as every list: limit "
            + "(1 to 200, default 50) from offset; total counts all matches, hasMore says whether more follow.")
    @GetMapping
    TaskJson.TaskPageJson list(@AuthenticationPrincipal CurrentUser viewer,
            @Parameter(description = "a client id") @RequestParam(required = false) @Nullable String clientId,
            @Parameter(description = "a project id") @RequestParam(required = false) @Nullable String projectId,
            @Parameter(description = "a stage by name (\"Doing\", in any workflow) or by id")
            @RequestParam(required = false) @Nullable String status,
            @Parameter(description = "a user id") @RequestParam(required = false) @Nullable String assigneeId,
            @Parameter(description = "due on or after this date (yyyy-MM-dd)")
            @RequestParam(required = false) @Nullable String dueFrom,
            @Parameter(description = "due on or before this date (yyyy-MM-dd)")
            @RequestParam(required = false) @Nullable String dueTo,
            @Parameter(description = "DO, SCHEDULE, DELEGATE or ELIMINATE")
            @RequestParam(required = false) @Nullable String quadrant,
            @Parameter(description = "true: not completed; false: completed")
            @RequestParam(required = false) @Nullable String open,
            @Parameter(description = "a task type, such as email") @RequestParam(required = false) @Nullable String type,
            @Parameter(description = "due (default) or board") @RequestParam(required = false) @Nullable String order,
            @Parameter(description = "1 to 200, default 50") @RequestParam(required = false) @Nullable String limit,
            @Parameter(description = "0 or more, default 0") @RequestParam(required = false) @Nullable String offset) {
        Violations v = new Violations();
        ClientId client = ApiParams.uuid(clientId, "clientId", v).map(ClientId::new).orElse(null);
        ProjectId project = ApiParams.uuid(projectId, "projectId", v).map(ProjectId::new).orElse(null);
        UserId assignee = ApiParams.uuid(assigneeId, "assigneeId", v).map(UserId::new).orElse(null);
        StageId stageId = null;
        String stageName = null;
        if (status != null && !status.isBlank()) {
            Optional<UUID> id = uuidOrEmpty(status);
            stageId = id.map(StageId::new).orElse(null);
            stageName = id.isEmpty() ? status.strip() : null;
        }
        LocalDate from = ApiParams.date(dueFrom, "dueFrom", v);
        LocalDate to = ApiParams.date(dueTo, "dueTo", v);
        Quadrant q = ApiParams.choice(quadrant, Quadrant.class, "quadrant", v);
        Boolean openOnly = ApiParams.bool(open, "open", v);
        boolean boardOrder = status != null && !status.isBlank();
        if (order != null && !order.isBlank()) {
            switch (order.strip()) {
                case "board" -> boardOrder = true;
                case "due" -> boardOrder = false;
                default -> v.add("order", "validation.choice");
            }
        }
        ApiPaging paging = ApiPaging.read(limit, offset, v);
        int size = paging.limit();
        int skip = paging.offset();
        v.throwIfAny();
        TaskQuery query = new TaskQuery(client, project, stageId, stageName, assignee, from, to, q, openOnly,
                type == null || type.isBlank() ? null : type.strip(), size, skip);
        List<Task> found = boardOrder ? tasks.inBoardOrder(viewer, query) : tasks.search(viewer, query);
        // A short page needs no count: it is the last.
        long total = found.size() < size && (skip == 0 || !found.isEmpty()) ? skip + found.size()
                : tasks.count(viewer, query);
        return new TaskJson.TaskPageJson(found.stream().map(TaskJson::of).toList(), total, size, skip,
                paging.hasMore(total, found.size()));
    }

    @Operation(summary = "Read a task", description = "404 for an unknown id or one the caller may not see.")
    @GetMapping("/{taskId}")
    TaskJson read(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID taskId) {
        return TaskJson.of(tasks.get(viewer, new TaskId(taskId)));
    }

    @Operation(summary = "Create a task", description = "title and clientId are required. The task starts in the "
            + "first stage of its project's workflow (or the default workflow), or in stageId of that workflow, "
            + "at the end of the stage. A member creates tasks for the clients assigned to them.")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<TaskJson> create(@AuthenticationPrincipal CurrentUser viewer,
            @RequestBody TaskJson.TaskRequest body) {
        TaskId id = tasks.create(viewer, input(body, null));
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + id.value()))
                .body(TaskJson.of(tasks.get(viewer, id)));
    }

    @Operation(summary = "Change a task", description = "Fields left out stay as they are; an empty string "
            + "clears a field; recurrence {\"frequency\": \"NONE\"} stops a repeat. The stage changes only "
            + "through /move, /complete, /approve and /request-changes.")
    @PatchMapping("/{taskId}")
    TaskJson update(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID taskId,
            @RequestBody TaskJson.TaskRequest body) {
        Task existing = tasks.get(viewer, new TaskId(taskId));
        return TaskJson.of(tasks.update(viewer, existing.id(), input(body, existing)));
    }

    @Operation(summary = "Delete a task", description = "With its checklist, comments, attachments and history.")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
    @DeleteMapping("/{taskId}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID taskId) {
        attachments.deleteTask(viewer, new TaskId(taskId));
        return ResponseEntity.noContent().build();
    }

    private static TaskInput input(TaskJson.TaskRequest b, @Nullable Task old) {
        Due due = old == null ? null : old.due();
        String oldDate = due == null ? null : due.date().toString();
        String oldTime = due == null || due.timeInStatedZone() == null ? null : due.timeInStatedZone().toString();
        String oldZone = due == null || due.zone() == null ? null : due.zone().getId();
        boolean dateCleared = b.dueDate() != null && b.dueDate().isBlank();
        Recurrence r = old == null ? null : old.recurrence();
        TaskJson.RecurrenceRequest in = b.recurrence();
        // Each part of a repeat left out stays as it was, like the task's own fields.
        String oldRepeat = r == null ? null : r.frequency().name();
        String oldInterval = r == null ? null : Integer.toString(r.interval());
        List<String> oldWeekdays = r == null ? List.of() : r.weekdays().stream().sorted().map(DayOfWeek::name).toList();
        String oldUntil = r == null || r.until() == null ? null : r.until().toString();
        String repeat = in == null ? oldRepeat : ApiParams.pick(in.frequency(), oldRepeat);
        String interval = in == null ? oldInterval : ApiParams.pick(in.interval(), oldInterval);
        List<String> weekdays = in == null || in.weekdays() == null ? oldWeekdays : in.weekdays();
        String until = in == null ? oldUntil : ApiParams.pick(in.until(), oldUntil);
        return new TaskInput(
                ApiParams.pick(b.title(), old == null ? null : old.title()),
                ApiParams.pick(b.description(), old == null ? null : old.description()),
                ApiParams.pick(b.clientId(), old == null ? null : old.clientId().value().toString()),
                ApiParams.pick(b.projectId(), old == null || old.projectId() == null ? null
                        : old.projectId().value().toString()),
                b.stageId(),
                b.urgent() != null ? b.urgent() : old != null && old.urgent(),
                b.important() != null ? b.important() : old != null && old.important(),
                ApiParams.pick(b.dueDate(), oldDate),
                ApiParams.pick(b.dueTime(), dateCleared ? null : oldTime),
                ApiParams.pick(b.dueZone(), dateCleared ? null : oldZone),
                ApiParams.pick(b.estimateMinutes(), old == null || old.estimateMinutes() == null ? null
                        : old.estimateMinutes().toString()),
                ApiParams.pick(b.assigneeId(), old == null || old.assigneeId() == null ? null
                        : old.assigneeId().value().toString()),
                ApiParams.pick(b.type(), old == null ? null : old.type()),
                repeat, interval, weekdays, until,
                ApiParams.pick(b.sop(), old == null ? null : old.sop()),
                b.checklist() == null ? List.of() : b.checklist());
    }

    private static Optional<UUID> uuidOrEmpty(String value) {
        try {
            return Optional.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
