package app.clientdesk.work;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.Account;
import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.identity.UserId;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks as the viewer may see and change them. The owner sees all; a member sees the tasks of the clients
 * assigned to them (and changes those); a client contact sees none here, but may approve or ask for
 * changes on their own client's tasks waiting for them. A task the viewer may not see is not found.
 *
 * <p>Moving between stages keeps the workflow's gates: a task never leaves its workflow; a member cannot
 * move a task on from or past a review stage; nobody drags on a task waiting in a client-approval stage,
 * which only {@link #approve} passes (by the client, or by the owner on the client's behalf, recorded as
 * such). Work that needs no client approval may skip that stage.
 */
@Service
public class Tasks {

    /** The order of lists that are not boards: due first (dateless last), then title. */
    static final String BY_DUE = "t.due_date nulls last, t.due_at nulls last, lower(t.title), t.id";
    static final String BY_BOARD = "s.position, t.position, t.created_at, t.id";

    private final TaskStore store;
    private final Workflows workflows;
    private final Projects projects;
    private final Clients clients;
    private final Accounts accounts;
    private final Clock clock;

    Tasks(TaskStore store, Workflows workflows, Projects projects, Clients clients, Accounts accounts,
            Clock clock) {
        this.store = store;
        this.workflows = workflows;
        this.projects = projects;
        this.clients = clients;
        this.accounts = accounts;
        this.clock = clock;
    }

    // --- reading -----------------------------------------------------------------------------------

    public Optional<Task> find(CurrentUser viewer, TaskId id) {
        if (viewer.isClientContact()) {
            return store.find(viewer.workspaceId(), null, id)
                    .filter(t -> viewer.clientId().map(own -> own.equals(t.clientId().value())).orElse(false));
        }
        return store.find(viewer.workspaceId(), memberScope(viewer), id);
    }

    public Task get(CurrentUser viewer, TaskId id) {
        return find(viewer, id).orElseThrow(() -> new NotFoundException("task"));
    }

    /**
     * The open tasks the viewer sees that are due soonest (undated ones last), at most {@code limit}, with only
     * what a picker needs, listed by client and title.
     */
    public List<TaskChoice> openChoices(CurrentUser viewer, int limit) {
        viewer.requireStaff();
        List<TaskChoice> soonest = new java.util.ArrayList<>(store.openChoices(viewer.workspaceId(),
                memberScope(viewer), limit));
        soonest.sort(java.util.Comparator.comparing(TaskChoice::clientName, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(TaskChoice::title, String.CASE_INSENSITIVE_ORDER));
        return soonest;
    }

    /** Tasks matching {@code query}, due first. */
    public List<Task> search(CurrentUser viewer, TaskQuery query) {
        viewer.requireStaff();
        return store.search(viewer.workspaceId(), memberScope(viewer), query, BY_DUE);
    }

    /** Open tasks whose title, client or project contains {@code text}, due first; at most {@code limit}. */
    public List<Task> searchOpen(CurrentUser viewer, String text, int limit) {
        viewer.requireStaff();
        return store.openMatching(viewer.workspaceId(), memberScope(viewer), text, limit);
    }

    /** How many tasks match {@code query}, whatever its limit and offset. */
    public long count(CurrentUser viewer, TaskQuery query) {
        viewer.requireStaff();
        return store.count(viewer.workspaceId(), memberScope(viewer), query);
    }

    /** Tasks matching {@code query} in board order: by stage, then by their place in the stage. */
    public List<Task> inBoardOrder(CurrentUser viewer, TaskQuery query) {
        viewer.requireStaff();
        return store.search(viewer.workspaceId(), memberScope(viewer), query, BY_BOARD);
    }

    /** The estimates of open tasks due on one date for one client and assignee (null: nobody), summed. */
    public record EstimateDue(@Nullable UserId assignee, ClientId clientId, String clientName, LocalDate due,
            long minutes) {
    }

    /**
     * The estimates of the open tasks the viewer sees due on or before {@code last} (overdue ones too), summed per
     * assignee, client and due date: capacity's promised work in one light read.
     */
    public List<EstimateDue> estimatesDue(CurrentUser viewer, LocalDate last) {
        viewer.requireStaff();
        return store.estimatesDue(viewer.workspaceId(), memberScope(viewer), last);
    }

    /** Open tasks of a type, or how many of them there are and their estimates in all. */
    public record TypeTotal(@Nullable String type, long count, long estimateMinutes) {
    }

    /**
     * A workflow's tasks for a board: outside its DONE stages in board order ({@code done} false), or in
     * them, latest completed first. At most {@code limit}.
     */
    public List<Task> ofWorkflow(CurrentUser viewer, WorkflowId workflow, @Nullable ClientId client,
            boolean done, int limit) {
        viewer.requireStaff();
        return store.ofWorkflow(viewer.workspaceId(), memberScope(viewer), workflow, client, done, limit);
    }

    /** How many tasks {@link #ofWorkflow} would list without a limit. */
    public long countOfWorkflow(CurrentUser viewer, WorkflowId workflow,
            @Nullable ClientId client, boolean done) {
        viewer.requireStaff();
        return store.countOfWorkflow(viewer.workspaceId(), memberScope(viewer), workflow, client, done);
    }

    /**
     * A page of each stage's tasks for a board, in one statement: at most {@code limit} per stage from
     * {@code offset}, in board order (a DONE stage latest completed first).
     */
    public List<Task> pageOfStages(CurrentUser viewer, List<Stage> stages, @Nullable ClientId client, int limit,
            int offset) {
        viewer.requireStaff();
        return store.pageOfStages(viewer.workspaceId(), memberScope(viewer), stages, client, limit, offset);
    }

    /** How many tasks the viewer sees in each stage of a workflow (a stage with none is left out). */
    public Map<StageId, Long> countByStage(CurrentUser viewer, WorkflowId workflow, @Nullable ClientId client) {
        viewer.requireStaff();
        return store.countByStage(viewer.workspaceId(), memberScope(viewer), workflow, client);
    }

    /** Tasks due in a range of due dates, at most {@code perDay} of each date from its {@code skip}th, due first. */
    public List<Task> duePerDay(CurrentUser viewer, @Nullable ClientId client, LocalDate from, LocalDate to, int perDay,
            int skip) {
        viewer.requireStaff();
        return store.duePerDay(viewer.workspaceId(), memberScope(viewer), client, from, to, perDay, skip);
    }

    /** How many tasks the viewer sees due on each date of a range (a date with none is left out). */
    public Map<LocalDate, Long> countByDueDate(CurrentUser viewer, @Nullable ClientId client, LocalDate from,
            LocalDate to) {
        viewer.requireStaff();
        return store.countByDueDate(viewer.workspaceId(), memberScope(viewer), client, from, to);
    }

    /** The first {@code limit} open tasks of each quadrant from {@code offset}, due first, in one statement. */
    public List<Task> openPerQuadrant(CurrentUser viewer, List<Quadrant> quadrants, @Nullable ClientId client,
            int limit, int offset) {
        viewer.requireStaff();
        return store.openPerQuadrant(viewer.workspaceId(), memberScope(viewer), quadrants, client, limit, offset);
    }

    /**
     * My work: the viewer's open tasks (for the owner also nobody's), due first, at most {@code limit} of each
     * of the asked {@code sections} from {@code offset}, in one statement. Sections by their index: 0 overdue,
     * 1 today, 2 the rest of the week (to {@code weekEnd}), 3 later, 4 no date; days are the viewer's in
     * {@code zone}.
     */
    public List<Task> myWork(CurrentUser viewer, @Nullable ClientId client, LocalDate today, LocalDate weekEnd,
            ZoneId zone, List<Integer> sections, int limit, int offset) {
        viewer.requireStaff();
        return store.openPerSection(viewer.workspaceId(), memberScope(viewer), viewer.id(), viewer.isOwner(), client,
                days(today, weekEnd, zone), sections, limit, offset);
    }

    /**
     * How many tasks each section of {@link #myWork} holds, by section index, in one statement, counted up to
     * {@code atMost} (one cap per section, by index) and one more: a section that says {@code atMost + 1} holds
     * more than {@code atMost}, how many more is not counted.
     */
    public Map<Integer, Long> myWorkCounts(CurrentUser viewer, @Nullable ClientId client, LocalDate today,
            LocalDate weekEnd, ZoneId zone, List<Integer> atMost) {
        viewer.requireStaff();
        return store.countPerSection(viewer.workspaceId(), memberScope(viewer), viewer.id(), viewer.isOwner(), client,
                days(today, weekEnd, zone), atMost);
    }

    private static TaskStore.Days days(LocalDate today, LocalDate weekEnd, ZoneId zone) {
        return new TaskStore.Days(today, weekEnd, today.atStartOfDay(zone).toInstant(),
                today.plusDays(1).atStartOfDay(zone).toInstant(), weekEnd.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** The first {@code limit} open tasks of each type ({@code null} for untyped), due first, in one statement. */
    public List<Task> openPerType(CurrentUser viewer, List<@Nullable String> types, @Nullable ClientId client,
            int limit) {
        viewer.requireStaff();
        return store.openPerType(viewer.workspaceId(), memberScope(viewer), types, client, limit);
    }

    /**
     * The open tasks with an estimate that the viewer sees assigned to any of {@code people}, due first, at most
     * {@code limit}: what the auto-planner places.
     */
    public List<Task> plannable(CurrentUser viewer, java.util.Collection<UserId> people, int limit) {
        viewer.requireStaff();
        return store.plannable(viewer.workspaceId(), memberScope(viewer),
                people.stream().map(UserId::value).toList(), false, limit);
    }

    /** The open tasks with an estimate that nobody is assigned to, due first, at most {@code limit}. */
    public List<Task> plannableOfNobody(CurrentUser viewer, int limit) {
        viewer.requireStaff();
        return store.plannable(viewer.workspaceId(), memberScope(viewer), List.of(), true, limit);
    }

    /** The viewer's open tasks, due first; for the owner also the tasks nobody is assigned to. At most {@code limit}. */
    public List<Task> myOpenWork(CurrentUser viewer, @Nullable ClientId client, int limit) {
        viewer.requireStaff();
        return store.assignedOpen(viewer.workspaceId(), memberScope(viewer), viewer.id(), viewer.isOwner(), client,
                limit);
    }

    /** How many open tasks the viewer sees in each quadrant. */
    public Map<Quadrant, Long> openByQuadrant(CurrentUser viewer, @Nullable ClientId client) {
        viewer.requireStaff();
        return store.openByQuadrant(viewer.workspaceId(), memberScope(viewer), client);
    }

    /** Open tasks the viewer sees, by type: largest groups first. */
    public List<TypeTotal> openByType(CurrentUser viewer, @Nullable ClientId client) {
        viewer.requireStaff();
        return store.openByType(viewer.workspaceId(), memberScope(viewer), client);
    }

    public List<ChecklistItem> checklist(CurrentUser viewer, TaskId id) {
        return store.checklist(viewer.workspaceId(), get(viewer, id).id());
    }

    public List<Comment> comments(CurrentUser viewer, TaskId id) {
        return store.comments(viewer.workspaceId(), get(viewer, id).id());
    }

    public List<TaskEvent> history(CurrentUser viewer, TaskId id) {
        return store.events(viewer.workspaceId(), get(viewer, id).id());
    }

    /** The next occurrence of a repeating task (made when it was completed or its date came), if there is one. */
    public Optional<Task> nextOccurrence(CurrentUser viewer, TaskId id) {
        Task task = get(viewer, id);
        if (task.recurrence() == null || task.due() == null) {
            return Optional.empty();
        }
        return store.seriesId(viewer.workspaceId(), task.id())
                .flatMap(series -> store.nextInSeries(viewer.workspaceId(), series, task.due().date()))
                .flatMap(next -> find(viewer, next));
    }

    /** Task types in use in the workspace, for suggestions. */
    public List<String> types(CurrentUser viewer) {
        viewer.requireStaff();
        return store.types(viewer.workspaceId(), null, null);
    }

    /**
     * Task types of the tasks the viewer sees (of one client's, when given), for a filter, in alphabetical order:
     * all the workspace's for the owner, those of their clients for a member (archived clients' included).
     */
    public List<String> typesSeen(CurrentUser viewer, @Nullable UUID client) {
        viewer.requireStaff();
        return store.types(viewer.workspaceId(), memberScope(viewer), client);
    }

    // --- writing -----------------------------------------------------------------------------------

    /**
     * Creates a task in the first stage of its project's workflow (or the given stage of that workflow, or
     * the workspace's default workflow for a task outside a project), at the end of the stage.
     *
     * @throws InvalidInputException listing every broken rule; nothing is saved
     */
    @Transactional
    public TaskId create(CurrentUser viewer, TaskInput input) {
        viewer.requireStaff();
        TaskRules.Valid valid = TaskRules.check(input, lookups(viewer));
        Workflow workflow = valid.projectId() != null
                ? workflows.get(viewer.workspaceId(), projects.get(viewer, valid.projectId()).workflowId())
                : workflows.standard(viewer.workspaceId());
        Stage stage = workflow.first();
        if (TaskRules.text(input.stageId()) != null) {
            stage = TaskRules.uuid(input.stageId()).map(StageId::new).flatMap(workflow::stage)
                    .orElseThrow(() -> InvalidInputException.of("stageId", "task.move.otherWorkflow"));
            // Made straight into a later stage: the same gates as a move from the first one.
            StageMoves.check(workflow, workflow.first(), stage, viewer.role());
        }
        return insert(viewer.workspaceId(), viewer.id(), valid, workflow, stage, null);
    }

    /** For the demo, templates and the data generator: makes a task that has already passed the rules. */
    @Transactional
    public TaskId insert(WorkspaceId workspace, UserId actor, TaskRules.Valid valid, Workflow workflow, Stage stage,
            @Nullable UUID seriesId) {
        TaskId id = TaskId.random();
        Instant now = clock.instant();
        UUID series = valid.recurrence() == null ? null : seriesId != null ? seriesId : id.value();
        store.insert(workspace, id, valid, workflow.id(), stage.id(), store.endOf(workspace, stage.id()), series,
                actor, now);
        valid.checklist().forEach(text -> store.addChecklistItem(workspace, id, UUID.randomUUID(), text, false));
        store.addEvent(workspace, id, actor, TaskEvent.Kind.CREATED, null, stage.id(), false, null, now);
        return id;
    }

    /**
     * Changes a task's fields (not its stage: see {@link #move}). The checklist in the input is ignored.
     *
     * @throws InvalidInputException listing every broken rule; nothing is saved
     */
    @Transactional
    public Task update(CurrentUser viewer, TaskId id, TaskInput input) {
        Task existing = get(viewer, id);
        viewer.requireStaff();
        TaskRules.Valid valid = TaskRules.check(input, lookups(viewer));
        if (valid.projectId() != null && !valid.projectId().equals(existing.projectId())
                && !projects.get(viewer, valid.projectId()).workflowId().equals(existing.workflowId())) {
            throw InvalidInputException.of("projectId", "task.project.otherWorkflow");
        }
        UUID series = valid.recurrence() == null ? null : seriesIdOf(viewer.workspaceId(), existing);
        store.update(viewer.workspaceId(), id, valid, series, clock.instant());
        return get(viewer, id);
    }

    private UUID seriesIdOf(WorkspaceId workspace, Task task) {
        return store.seriesId(workspace, task.id()).orElse(task.id().value());
    }

    /** Deletes a task and what hangs off it; only through {@link Attachments#deleteTask}, which also removes its files. */
    @Transactional
    void delete(CurrentUser viewer, TaskId id) {
        Task task = get(viewer, id);
        viewer.requireStaff();
        store.delete(viewer.workspaceId(), task.id());
    }

    /** Moves a task between the Eisenhower quadrants: its urgent and important flags follow. */
    @Transactional
    public Task setQuadrant(CurrentUser viewer, TaskId id, Quadrant quadrant) {
        Task task = get(viewer, id);
        viewer.requireStaff();
        store.setFlags(viewer.workspaceId(), task.id(), quadrant.urgent(), quadrant.important(), clock.instant());
        return get(viewer, id);
    }

    /**
     * Moves a task to {@code target} at {@code index} (0-based among the stage's other tasks; null for the
     * end). Entering a DONE stage completes the task, and a repeating task then makes its next occurrence.
     *
     * @throws InvalidInputException (field {@code stageId}) when a rule refuses the move; nothing changes
     */
    @Transactional
    public Task move(CurrentUser viewer, TaskId id, StageId target, @Nullable Integer index) {
        Task task = get(viewer, id);
        viewer.requireStaff();
        Workflow workflow = workflows.get(viewer.workspaceId(), task.workflowId());
        Stage to = workflow.stage(target)
                .orElseThrow(() -> InvalidInputException.of("stageId", "task.move.otherWorkflow"));
        Stage from = workflow.stage(task.stage().id()).orElseThrow();
        StageMoves.check(workflow, from, to, viewer.role());
        place(viewer, task, workflow, from, to, index, TaskEvent.Kind.MOVED, false, null);
        return get(viewer, id);
    }

    /** Whether the viewer may move the task to {@code to} by hand (see {@link StageMoves}). */
    public boolean canMove(CurrentUser viewer, Task task, Stage to) {
        if (viewer.isClientContact()) {
            return false;
        }
        Workflow workflow = workflows.get(viewer.workspaceId(), task.workflowId());
        return workflow.stage(task.stage().id())
                .map(from -> StageMoves.allowed(workflow, from, to, viewer.role())).orElse(false);
    }

    /** Sends a task to its workflow's DONE stage. */
    @Transactional
    public Task complete(CurrentUser viewer, TaskId id) {
        Task task = get(viewer, id);
        Workflow workflow = workflows.get(viewer.workspaceId(), task.workflowId());
        Stage done = workflow.done().orElseThrow(() -> InvalidInputException.of("stageId", "workflow.stages.needsDone"));
        return move(viewer, id, done.id(), null);
    }

    /**
     * Passes a gate: the owner approves work waiting in a REVIEW stage; the client (or the owner on the
     * client's behalf, which is recorded) approves work waiting in a CLIENT_APPROVAL stage. The task moves
     * to the next stage.
     */
    @Transactional
    public Task approve(CurrentUser viewer, TaskId id, @Nullable String note) {
        Task task = get(viewer, id);
        Workflow workflow = workflows.get(viewer.workspaceId(), task.workflowId());
        Stage from = workflow.stage(task.stage().id()).orElseThrow();
        boolean onBehalf = checkGateKeeper(viewer, from);
        Stage next = workflow.after(from).orElseThrow(() -> InvalidInputException.of("stageId", "task.approve.lastStage"));
        place(viewer, task, workflow, from, next, null, TaskEvent.Kind.APPROVED, onBehalf, clean(note));
        return get(viewer, id);
    }

    /**
     * Sends work waiting at a gate back to the nearest ordinary stage before it, with what should change
     * (required), kept in the task's history and as a comment.
     */
    @Transactional
    public Task requestChanges(CurrentUser viewer, TaskId id, @Nullable String note) {
        Task task = get(viewer, id);
        Workflow workflow = workflows.get(viewer.workspaceId(), task.workflowId());
        Stage from = workflow.stage(task.stage().id()).orElseThrow();
        boolean onBehalf = checkGateKeeper(viewer, from);
        String what = clean(note);
        if (what == null) {
            throw InvalidInputException.of("note", "task.changes.noteRequired");
        }
        Stage back = workflow.openBefore(from).orElse(workflow.first());
        place(viewer, task, workflow, from, back, null, TaskEvent.Kind.CHANGES_REQUESTED, onBehalf, what);
        store.addComment(viewer.workspaceId(), task.id(), UUID.randomUUID(), viewer.id(), what, clock.instant());
        return get(viewer, id);
    }

    /** @return whether the owner acts on the client's behalf */
    private static boolean checkGateKeeper(CurrentUser viewer, Stage from) {
        return switch (from.kind()) {
            case REVIEW -> {
                if (!viewer.isOwner()) {
                    throw InvalidInputException.of("stageId", "task.move.reviewByOwner", from.name());
                }
                yield false;
            }
            case CLIENT_APPROVAL -> {
                if (viewer.isMember()) {
                    throw InvalidInputException.of("stageId", "task.move.clientApproval", from.name());
                }
                yield viewer.isOwner();
            }
            default -> throw InvalidInputException.of("stageId", "task.approve.notWaiting", from.name());
        };
    }

    private void place(CurrentUser viewer, Task task, Workflow workflow, Stage from, Stage to, @Nullable Integer index,
            TaskEvent.Kind kind, boolean onBehalf, @Nullable String note) {
        WorkspaceId workspace = viewer.workspaceId();
        Instant now = clock.instant();
        int position = index == null ? store.endOf(workspace, to.id())
                : store.positionAt(workspace, to.id(), Math.max(0, index), task.id())
                        .orElseGet(() -> store.endOf(workspace, to.id()));
        boolean completes = to.kind() == StageKind.DONE;
        Instant completedAt = completes ? (task.completedAt() != null ? task.completedAt() : now) : null;
        store.move(workspace, task.id(), to.id(), position, completedAt, now);
        if (!from.id().equals(to.id()) || kind != TaskEvent.Kind.MOVED) {
            TaskEvent.Kind recorded = kind == TaskEvent.Kind.MOVED && completes ? TaskEvent.Kind.COMPLETED
                    : kind == TaskEvent.Kind.MOVED && from.kind() == StageKind.DONE ? TaskEvent.Kind.REOPENED : kind;
            store.addEvent(workspace, task.id(), viewer.id(), recorded, from.id(), to.id(), onBehalf, note, now);
        }
        if (completes && task.completedAt() == null && task.recurrence() != null && task.due() != null) {
            repeat(workspace, viewer.id(), task, workflow, task.due().date());
        }
    }

    // --- checklist and comments --------------------------------------------------------------------

    @Transactional
    public void addChecklistItem(CurrentUser viewer, TaskId id, @Nullable String text) {
        Task task = get(viewer, id);
        viewer.requireStaff();
        String clean = clean(text);
        if (clean == null) {
            throw InvalidInputException.of("text", "validation.required");
        }
        if (clean.length() > TaskRules.MAX_CHECKLIST_ITEM) {
            throw InvalidInputException.of("text", "validation.tooLong", TaskRules.MAX_CHECKLIST_ITEM);
        }
        store.addChecklistItem(viewer.workspaceId(), task.id(), UUID.randomUUID(), clean, false);
    }

    @Transactional
    public void checkItem(CurrentUser viewer, TaskId id, UUID item, boolean done) {
        Task task = get(viewer, id);
        viewer.requireStaff();
        if (!store.setChecklistItem(viewer.workspaceId(), task.id(), item, done)) {
            throw new NotFoundException("checklist item");
        }
    }

    @Transactional
    public void removeChecklistItem(CurrentUser viewer, TaskId id, UUID item) {
        Task task = get(viewer, id);
        viewer.requireStaff();
        if (!store.removeChecklistItem(viewer.workspaceId(), task.id(), item)) {
            throw new NotFoundException("checklist item");
        }
    }

    /** A comment by anyone who may see the task, client contacts included (on their own client's tasks). */
    @Transactional
    public void comment(CurrentUser viewer, TaskId id, @Nullable String body) {
        Task task = get(viewer, id);
        String clean = clean(body);
        if (clean == null) {
            throw InvalidInputException.of("body", "validation.required");
        }
        if (clean.length() > 10000) {
            throw InvalidInputException.of("body", "validation.tooLong", 10000);
        }
        store.addComment(viewer.workspaceId(), task.id(), UUID.randomUUID(), viewer.id(), clean, clock.instant());
    }

    // --- recurrence --------------------------------------------------------------------------------

    /**
     * Makes the next occurrence of every repeating series whose next date has come (in the task's stated
     * zone, else its client's), even if the current one is still open. Missed dates are skipped: one new
     * occurrence, for the latest date that has come. Safe on several nodes at once: a series has one task
     * per date.
     *
     * @return how many occurrences were made
     */
    @Transactional
    public int repeatDue() {
        int made = 0;
        Instant now = clock.instant();
        for (TaskStore.SeriesHead head : store.latestOfSeries()) {
            Task task = head.task();
            if (task.recurrence() == null || task.due() == null) {
                continue;
            }
            ZoneId zone = task.due().zone() != null ? task.due().zone() : task.clientZone();
            LocalDate today = now.atZone(zone).toLocalDate();
            Optional<LocalDate> next = task.recurrence().next(task.due().date());
            if (next.isEmpty() || next.get().isAfter(today)) {
                continue;
            }
            LocalDate date = next.get();
            for (Optional<LocalDate> later = task.recurrence().next(date); later.isPresent() && !later.get().isAfter(today);
                    later = task.recurrence().next(date)) {
                date = later.get();
            }
            Workflow workflow = workflows.get(head.workspace(), task.workflowId());
            if (occurrence(head.workspace(), head.createdBy(), task, workflow, date)) {
                made++;
            }
        }
        return made;
    }

    private void repeat(WorkspaceId workspace, UserId actor, Task task, Workflow workflow, LocalDate after) {
        task.recurrence().next(after).ifPresent(date -> occurrence(workspace, actor, task, workflow, date));
    }

    private boolean occurrence(WorkspaceId workspace, UserId actor, Task task, Workflow workflow, LocalDate date) {
        UUID series = seriesIdOf(workspace, task);
        if (store.occurrenceExists(workspace, series, date)) {
            return false;
        }
        List<String> checklist = store.checklist(workspace, task.id()).stream().map(ChecklistItem::text).toList();
        TaskRules.Valid next = new TaskRules.Valid(task.clientId(), task.projectId(), task.title(), task.description(),
                task.urgent(), task.important(), task.due().movedTo(date), task.estimateMinutes(), task.assigneeId(),
                task.type(), task.recurrence(), task.sop(), checklist);
        TaskId id = insert(workspace, actor, next, workflow, workflow.first(), series);
        store.addEvent(workspace, id, actor, TaskEvent.Kind.REPEATED, null, workflow.first().id(), false, null,
                clock.instant());
        return true;
    }

    // --- helpers -----------------------------------------------------------------------------------

    /** What {@link TaskRules} needs, answered as the viewer sees the workspace. */
    public TaskRules.Lookups lookups(CurrentUser viewer) {
        return new TaskRules.Lookups(
                client -> clients.find(viewer, client).filter(c -> !c.archived()).map(Client::zone),
                project -> projects.find(viewer, project),
                user -> accounts.find(viewer.workspaceId(), user)
                        .filter(a -> a.role() != Role.CLIENT && !a.disabled()).isPresent());
    }

    /** The people work can be assigned to: the owner and active members. */
    public List<Account> assignable(CurrentUser viewer) {
        return accounts.inWorkspace(viewer.workspaceId()).stream()
                .filter(a -> a.role() != Role.CLIENT && !a.disabled()).toList();
    }

    private static @Nullable String clean(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static @Nullable UUID memberScope(CurrentUser viewer) {
        return viewer.isOwner() ? null : viewer.id().value();
    }

}
