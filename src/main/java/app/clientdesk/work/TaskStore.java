package app.clientdesk.work;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.UserId;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.jdbc.Database;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for tasks and what hangs off them. Every statement names the workspace; {@code memberId} narrows
 * reads to the tasks of clients a member is assigned to. A list of tasks is one query, whatever its length.
 */
@Repository
class TaskStore {

    /** The columns of {@link Task}: the task, its client's name and zone, stage, project, assignee, checklist counts. */
    static final String SELECT = """
            select t.*, c.name as client_name, c.time_zone as client_zone, p.name as project_name,
                   u.display_name as assignee_name, s.name as stage_name, s.kind as stage_kind,
                   s.position as stage_position,
                   (select count(*) from task_checklist_items i where i.task_id = t.id and i.done = true) as checklist_done,
                   (select count(*) from task_checklist_items i where i.task_id = t.id) as checklist_total
            from tasks t
            join clients c on c.id = t.client_id
            join workflow_stages s on s.id = t.stage_id
            left join projects p on p.id = t.project_id
            left join users u on u.id = t.assignee_id
            """;

    private final JdbcClient jdbc;
    private final StageCounts counts;
    private final OpenCounts open;

    private final Database database;

    TaskStore(JdbcClient jdbc, StageCounts counts, OpenCounts open, Database database) {
        this.jdbc = jdbc;
        this.database = database;
        this.counts = counts;
        this.open = open;
    }

    /** Whether the tasks are in PostgreSQL: some reads are planned well only in one database's own form. */
    private boolean postgres() {
        return database.isPostgres();
    }

    /**
     * Where a task is counted: its client and stage ({@link StageCounts}) and, while it is open, its quadrant, type
     * and estimate ({@link OpenCounts}).
     */
    private record Place(UUID client, UUID stage, boolean urgent, boolean important, @Nullable String type,
            @Nullable Integer estimateMinutes, boolean open) {

        Place withStage(UUID stage, boolean open) {
            return new Place(client, stage, urgent, important, type, estimateMinutes, open);
        }

        Place withFlags(boolean urgent, boolean important) {
            return new Place(client, stage, urgent, important, type, estimateMinutes, open);
        }
    }

    /** Where a task is now, its row locked until the transaction ends. */
    private Optional<Place> placeForUpdate(WorkspaceId workspace, TaskId id) {
        return jdbc.sql("""
                select client_id, stage_id, urgent, important, task_type, estimate_minutes, completed_at from tasks
                where workspace_id = :w and id = :id for update""")
                .param("w", workspace.value()).param("id", id.value())
                .query((rs, n) -> {
                    int estimate = rs.getInt("estimate_minutes");
                    Integer minutes = rs.wasNull() ? null : estimate;
                    return new Place(rs.getObject("client_id", UUID.class), rs.getObject("stage_id", UUID.class),
                            rs.getBoolean("urgent"), rs.getBoolean("important"), rs.getString("task_type"), minutes,
                            rs.getObject("completed_at", OffsetDateTime.class) == null);
                })
                .optional();
    }

    /**
     * The task leaves {@code from} (if it was anywhere; else nothing changes) for {@code to} ({@code null} when it is
     * deleted): the kept counts follow, the stages' rows before the open tasks' rows, always in that order.
     */
    private void recount(WorkspaceId workspace, Optional<Place> from, @Nullable Place to) {
        if (from.isEmpty()) {
            return;
        }
        Place was = from.get();
        List<StageCounts.Change> stages = new java.util.ArrayList<>();
        List<OpenCounts.Change> opens = new java.util.ArrayList<>();
        stages.add(new StageCounts.Change(was.client(), was.stage(), -1));
        opens.addAll(opened(was, -1));
        if (to != null) {
            stages.add(new StageCounts.Change(to.client(), to.stage(), 1));
            opens.addAll(opened(to, 1));
        }
        counts.apply(workspace, stages);
        open.apply(workspace, opens);
    }

    /** An open task counted in its place ({@code +1}) or no longer ({@code -1}); nothing for a completed one. */
    private static List<OpenCounts.Change> opened(Place place, int sign) {
        if (!place.open()) {
            return List.of();
        }
        return List.of(OpenCounts.Change.of(new OpenCounts.Place(place.client(), place.urgent(), place.important(),
                place.type()), sign, place.estimateMinutes()));
    }

    /** The kept open count of a task just made, open. */
    static OpenCounts.Change openedTask(TaskRules.Valid t) {
        return OpenCounts.Change.of(new OpenCounts.Place(t.clientId().value(), t.urgent(), t.important(), t.type()), 1,
                t.estimateMinutes());
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Restricts to a member's clients when {@code memberId} is set; archived clients' work is hidden. */
    static String visible(@Nullable UUID memberId) {
        return " and c.archived_at is null" + (memberId == null ? ""
                : " and exists (select 1 from client_members m where m.client_id = t.client_id and m.user_id = :member)");
    }

    /** The open tasks the viewer sees that are due soonest (then undated ones), light; at most {@code limit}. */
    List<TaskChoice> openChoices(WorkspaceId workspace, @Nullable UUID memberId, int limit) {
        List<TaskChoice> found = new java.util.ArrayList<>(openChoices(workspace, memberId, true, limit));
        if (found.size() < limit) {
            found.addAll(openChoices(workspace, memberId, false, limit - found.size()));
        }
        return found;
    }

    /**
     * The dated (or undated) open tasks the viewer sees, soonest first. The page's ids are found on tasks alone,
     * with a range on the due date and an order that names the index's columns from the first: that is what lets
     * H2 walk (workspace_id, due_date, id) and stop after {@code limit} rows instead of joining and sorting every
     * open task of the workspace.
     */
    private List<TaskChoice> openChoices(WorkspaceId workspace, @Nullable UUID memberId, boolean dated, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("w", workspace.value());
        params.put("limit", limit);
        if (dated) {
            params.put("anyDay", Date.valueOf(LocalDate.of(1, 1, 1)));
        }
        if (memberId != null) {
            params.put("member", memberId);
        }
        String filter = " where t.workspace_id = :w and t.completed_at is null and "
                + (dated ? " t.due_date >= :anyDay" : " t.due_date is null")
                + (memberId == null ? "" : " and exists (select 1 from client_members m"
                        + " where m.client_id = t.client_id and m.user_id = :member)");
        if (postgres()) {
            // PostgreSQL reads the index in order and joins each row's client as it goes. (The keyed form below,
            // which H2 needs, made PostgreSQL hash-join the page's ids against every task: 18 ms, not 4.)
            return jdbc.sql("select t.id, t.client_id, t.project_id, c.name as client_name, t.title from tasks t"
                            + " join clients c on c.id = t.client_id" + filter + " and c.archived_at is null"
                            + " order by t.workspace_id, t.due_date, t.id limit :limit")
                    .params(params).query(TaskStore::choice).list();
        }
        return jdbc.sql("select t.id, t.client_id, t.project_id, c.name as client_name, t.title from (select t.id"
                        + " from tasks t" + filter
                        + " and exists (select 1 from clients c where c.id = t.client_id and c.archived_at is null)"
                        + " order by t.workspace_id, t.due_date, t.id limit :limit) k"
                        + " join tasks t on t.id = k.id join clients c on c.id = t.client_id"
                        + " order by t.due_date, t.id")
                .params(params)
                .query(TaskStore::choice)
                .list();
    }

    private static TaskChoice choice(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        UUID project = rs.getObject("project_id", UUID.class);
        return new TaskChoice(new TaskId(rs.getObject("id", UUID.class)), new ClientId(rs.getObject("client_id", UUID.class)),
                project == null ? null : new ProjectId(project), rs.getString("client_name"), rs.getString("title"));
    }

    Optional<Task> find(WorkspaceId workspace, @Nullable UUID memberId, TaskId id) {
        Map<String, Object> params = new HashMap<>();
        params.put("w", workspace.value());
        params.put("id", id.value());
        if (memberId != null) {
            params.put("member", memberId);
        }
        // A task of an archived client can still be opened by its id.
        String where = " where t.workspace_id = :w and t.id = :id" + (memberId == null ? ""
                : " and exists (select 1 from client_members m where m.client_id = t.client_id and m.user_id = :member)");
        return jdbc.sql(SELECT + where).params(params).query(TaskStore::task).optional();
    }

    List<Task> search(WorkspaceId workspace, @Nullable UUID memberId, TaskQuery q, String orderBy) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = where(workspace, memberId, q, where);
        params.put("limit", q.limit());
        params.put("offset", q.offset());
        return jdbc.sql(SELECT + where + " order by " + orderBy + " limit :limit offset :offset")
                .params(params).query(TaskStore::task).list();
    }

    /** How many tasks {@link #search} finds without a limit. */
    long count(WorkspaceId workspace, @Nullable UUID memberId, TaskQuery q) {
        if (q.projectId() == null && q.stageId() == null && q.stageName() == null && q.assigneeId() == null
                && q.dueFrom() == null && q.dueTo() == null && q.quadrant() == null && q.open() == null
                && q.type() == null) {
            // Every task the viewer sees (of one client, perhaps): the kept counts per client and stage say it
            // without reading the tasks (50,000 of them in an agency's workspace: 10 ms).
            return counts.total(workspace, memberId, q.clientId());
        }
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = where(workspace, memberId, q, where);
        return jdbc.sql("select count(*) from tasks t join clients c on c.id = t.client_id"
                + (q.stageName() != null ? " join workflow_stages s on s.id = t.stage_id" : "") + where)
                .params(params).query(Long.class).single();
    }

    private static Map<String, Object> where(WorkspaceId workspace, @Nullable UUID memberId, TaskQuery q,
            StringBuilder where) {
        Map<String, Object> params = new HashMap<>();
        where.append(" where t.workspace_id = :w").append(visible(memberId));
        params.put("w", workspace.value());
        if (memberId != null) {
            params.put("member", memberId);
        }
        if (q.clientId() != null) {
            where.append(" and t.client_id = :client");
            params.put("client", q.clientId().value());
        }
        if (q.projectId() != null) {
            where.append(" and t.project_id = :project");
            params.put("project", q.projectId().value());
        }
        if (q.stageId() != null) {
            where.append(" and t.stage_id = :stage");
            params.put("stage", q.stageId().value());
        }
        if (q.stageName() != null) {
            where.append(" and lower(s.name) = :stageName");
            params.put("stageName", q.stageName().strip().toLowerCase(java.util.Locale.ROOT));
        }
        if (q.assigneeId() != null) {
            where.append(" and t.assignee_id = :assignee");
            params.put("assignee", q.assigneeId().value());
        }
        if (q.dueFrom() != null) {
            where.append(" and t.due_date >= :dueFrom");
            params.put("dueFrom", q.dueFrom());
        }
        if (q.dueTo() != null) {
            where.append(" and t.due_date <= :dueTo");
            params.put("dueTo", q.dueTo());
        }
        if (q.quadrant() != null) {
            where.append(" and t.urgent = :urgent and t.important = :important");
            params.put("urgent", q.quadrant().urgent());
            params.put("important", q.quadrant().important());
        }
        if (q.open() != null) {
            where.append(q.open() ? " and t.completed_at is null" : " and t.completed_at is not null");
        }
        if (q.type() != null) {
            where.append(" and lower(t.task_type) = :type");
            params.put("type", q.type().strip().toLowerCase(java.util.Locale.ROOT));
        }
        return params;
    }

    /**
     * The task types in use, in alphabetical order: of the whole workspace, or only those of the tasks of the
     * clients assigned to {@code member} (when set), of one {@code client} (when set).
     */
    List<String> types(WorkspaceId workspace, @Nullable UUID member, @Nullable UUID client) {
        // One probe of tasks_type_ix per type (a workspace has a handful), not a read of every task: the next type
        // is the first row after the last one in index order (not min(), which H2 finds by reading the range).
        Map<String, Object> params = new HashMap<>();
        params.put("w", workspace.value());
        StringBuilder theirs = new StringBuilder();
        if (client != null) {
            theirs.append(" and t.client_id = :client");
            params.put("client", client);
        }
        if (member != null) {
            theirs.append(" and exists (select 1 from client_members m where m.client_id = t.client_id and m.user_id = :member)");
            params.put("member", member);
        }
        // For a member or one client, a type is kept when one of its tasks is theirs: a subquery that stops at its
        // first row, not "exists", which PostgreSQL turns into a join with every task of the workspace (49 ms with
        // 50,000 tasks, against 1.3 ms; the old "distinct" of a member's tasks read them all, 22 ms).
        String kept = theirs.isEmpty() ? ""
                : " and (select true from tasks t where t.workspace_id = :w and t.task_type = found.type" + theirs
                        + " fetch first row only)";
        return jdbc.sql("""
                with recursive found (type) as (
                    select (select t.task_type from tasks t where t.workspace_id = :w and t.task_type > ''
                            order by t.workspace_id, t.task_type fetch first row only)
                    union all
                    select (select t.task_type from tasks t where t.workspace_id = :w and t.task_type > found.type
                            order by t.workspace_id, t.task_type fetch first row only)
                    from found where found.type is not null
                )
                select type from found where type is not null""" + kept)
                .params(params).query(String.class).list();
    }

    void insert(WorkspaceId workspace, TaskId id, TaskRules.Valid t, WorkflowId workflow, StageId stage, int position,
            @Nullable UUID seriesId, UserId createdBy, Instant now) {
        Map<String, Object> params = columns(t);
        params.put("id", id.value());
        params.put("w", workspace.value());
        params.put("workflow", workflow.value());
        params.put("stage", stage.value());
        params.put("position", position);
        params.put("series", seriesId);
        params.put("createdBy", createdBy.value());
        params.put("now", utc(now));
        jdbc.sql("""
                insert into tasks (id, workspace_id, client_id, project_id, workflow_id, stage_id, position, title,
                    description, urgent, important, due_date, due_at, due_zone, estimate_minutes, assignee_id,
                    task_type, recur_frequency, recur_interval, recur_weekdays, recur_anchor, recur_until, series_id,
                    sop, created_by, created_at, updated_at)
                values (:id, :w, :client, :project, :workflow, :stage, :position, :title, :description, :urgent,
                    :important, :dueDate, :dueAt, :dueZone, :estimate, :assignee, :type, :repeat, :repeatInterval,
                    :repeatWeekdays, :repeatAnchor, :repeatUntil, :series, :sop, :createdBy, :now, :now)
                """).params(params).update();
        counts.apply(workspace, List.of(new StageCounts.Change(t.clientId().value(), stage.value(), 1)));
        open.apply(workspace, List.of(openedTask(t)));
    }

    void update(WorkspaceId workspace, TaskId id, TaskRules.Valid t, @Nullable UUID seriesId, Instant now) {
        Optional<Place> was = placeForUpdate(workspace, id);
        Map<String, Object> params = columns(t);
        params.put("id", id.value());
        params.put("w", workspace.value());
        params.put("series", seriesId);
        params.put("now", utc(now));
        jdbc.sql("""
                update tasks set client_id = :client, project_id = :project, title = :title,
                    description = :description, urgent = :urgent, important = :important, due_date = :dueDate,
                    due_at = :dueAt, due_zone = :dueZone, estimate_minutes = :estimate, assignee_id = :assignee,
                    task_type = :type, recur_frequency = :repeat, recur_interval = :repeatInterval,
                    recur_weekdays = :repeatWeekdays, recur_anchor = :repeatAnchor, recur_until = :repeatUntil,
                    series_id = :series, sop = :sop, updated_at = :now
                where workspace_id = :w and id = :id
                """).params(params).update();
        was.ifPresent(w -> recount(workspace, was, new Place(t.clientId().value(), w.stage(), t.urgent(),
                t.important(), t.type(), t.estimateMinutes(), w.open())));
    }

    private static Map<String, Object> columns(TaskRules.Valid t) {
        Map<String, Object> p = new HashMap<>();
        p.put("client", t.clientId().value());
        p.put("project", t.projectId() == null ? null : t.projectId().value());
        p.put("title", t.title());
        p.put("description", t.description());
        p.put("urgent", t.urgent());
        p.put("important", t.important());
        Due due = t.due();
        p.put("dueDate", due == null ? null : due.date());
        p.put("dueAt", due == null || due.at() == null ? null : utc(due.at()));
        p.put("dueZone", due == null || due.zone() == null ? null : due.zone().getId());
        p.put("estimate", t.estimateMinutes());
        p.put("assignee", t.assigneeId() == null ? null : t.assigneeId().value());
        p.put("type", t.type());
        Recurrence r = t.recurrence();
        p.put("repeat", r == null ? null : r.frequency().name());
        p.put("repeatInterval", r == null ? null : r.interval());
        p.put("repeatWeekdays", r == null || r.weekdays().isEmpty() ? null
                : r.weekdays().stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(",")));
        p.put("repeatAnchor", r == null ? null : r.anchor());
        p.put("repeatUntil", r == null ? null : r.until());
        p.put("sop", t.sop());
        return p;
    }

    /** The tasks of a client waiting in a CLIENT_APPROVAL stage (the client not archived), oldest first. */
    List<Task> waitingForClient(WorkspaceId workspace, ClientId client) {
        return jdbc.sql(SELECT + """
                where t.workspace_id = :w and t.client_id = :c and s.kind = 'CLIENT_APPROVAL' and c.archived_at is null
                order by t.updated_at, t.id""").param("w", workspace.value()).param("c", client.value())
                .query(TaskStore::task).list();
    }

    /** How many tasks {@link #waitingForClient} lists. */
    long countWaitingForClient(WorkspaceId workspace, ClientId client) {
        return jdbc.sql("""
                select count(*) from tasks t join workflow_stages s on s.id = t.stage_id
                join clients c on c.id = t.client_id
                where t.workspace_id = :w and t.client_id = :c and s.kind = 'CLIENT_APPROVAL' and c.archived_at is null""")
                .param("w", workspace.value()).param("c", client.value()).query(Long.class).single();
    }

    /** When each of a client's tasks last entered the stage it is in now (tasks never moved are left out). */
    Map<TaskId, Instant> enteredCurrentStage(WorkspaceId workspace, ClientId client) {
        Map<TaskId, Instant> at = new HashMap<>();
        jdbc.sql("""
                select e.task_id, max(e.at) as entered_at from task_events e join tasks t on t.id = e.task_id
                where e.workspace_id = :w and t.workspace_id = :w and t.client_id = :c and e.to_stage_id = t.stage_id
                group by e.task_id""").param("w", workspace.value()).param("c", client.value())
                .query(rs -> {
                    at.put(new TaskId(rs.getObject("task_id", UUID.class)), instant(rs, "entered_at"));
                });
        return at;
    }

    /**
     * Locks a task's row for the rest of the transaction if it is still in {@code stage}; false when it has left
     * (a second answer, racing or late, then changes nothing).
     */
    boolean holdIfIn(WorkspaceId workspace, TaskId id, StageId stage, Instant now) {
        return jdbc.sql("update tasks set updated_at = :now where workspace_id = :w and id = :id and stage_id = :s")
                .param("now", utc(now)).param("w", workspace.value()).param("id", id.value())
                .param("s", stage.value()).update() == 1;
    }

    void setFlags(WorkspaceId workspace, TaskId id, boolean urgent, boolean important, Instant now) {
        Optional<Place> was = placeForUpdate(workspace, id);
        jdbc.sql("update tasks set urgent = :urgent, important = :important, updated_at = :now where workspace_id = :w and id = :id")
                .param("urgent", urgent).param("important", important).param("now", utc(now))
                .param("w", workspace.value()).param("id", id.value()).update();
        was.ifPresent(w -> recount(workspace, was, w.withFlags(urgent, important)));
    }

    /** Puts a task at {@code position} in {@code stage}, making room by moving the tasks from there on down one. */
    void move(WorkspaceId workspace, TaskId id, StageId stage, int position, @Nullable Instant completedAt, Instant now) {
        Optional<Place> was = placeForUpdate(workspace, id);
        jdbc.sql("""
                update tasks set position = position + 1
                where workspace_id = :w and stage_id = :stage and position >= :position and id <> :id
                """).param("w", workspace.value()).param("stage", stage.value()).param("position", position)
                .param("id", id.value()).update();
        jdbc.sql("""
                update tasks set stage_id = :stage, position = :position, completed_at = :completed, updated_at = :now
                where workspace_id = :w and id = :id
                """).param("stage", stage.value()).param("position", position)
                .param("completed", completedAt == null ? null : utc(completedAt)).param("now", utc(now))
                .param("w", workspace.value()).param("id", id.value()).update();
        was.ifPresent(w -> recount(workspace, was, w.withStage(stage.value(), completedAt == null)));
    }

    /** The position just after the last task of {@code stage}. */
    int endOf(WorkspaceId workspace, StageId stage) {
        Integer max = jdbc.sql("select max(position) from tasks where workspace_id = :w and stage_id = :stage")
                .param("w", workspace.value()).param("stage", stage.value()).query(Integer.class).optional().orElse(null);
        return max == null ? 0 : max + 1;
    }

    /** The position of the task now at {@code index} (0-based, in board order) of a stage, leaving out {@code except}. */
    Optional<Integer> positionAt(WorkspaceId workspace, StageId stage, int index, TaskId except) {
        return jdbc.sql("""
                select position from tasks where workspace_id = :w and stage_id = :stage and id <> :id
                order by position, created_at, id limit 1 offset :index
                """).param("w", workspace.value()).param("stage", stage.value()).param("id", except.value())
                .param("index", index).query(Integer.class).optional();
    }

    Optional<UUID> seriesId(WorkspaceId workspace, TaskId id) {
        return jdbc.sql("select series_id from tasks where workspace_id = :w and id = :id")
                .param("w", workspace.value()).param("id", id.value()).query((rs, n) -> rs.getObject(1, UUID.class))
                .optional();
    }

    /** The occurrence of a series due first after {@code after}, as anyone in the workspace sees it. */
    Optional<TaskId> nextInSeries(WorkspaceId workspace, UUID series, LocalDate after) {
        return jdbc.sql("select id from tasks where workspace_id = :w and series_id = :s and due_date > :d "
                        + "order by due_date fetch first 1 rows only")
                .param("w", workspace.value()).param("s", series).param("d", after)
                .query((rs, n) -> new TaskId(rs.getObject("id", UUID.class))).optional();
    }

    void delete(WorkspaceId workspace, TaskId id) {
        Optional<Place> was = placeForUpdate(workspace, id);
        jdbc.sql("delete from tasks where workspace_id = :w and id = :id")
                .param("w", workspace.value()).param("id", id.value()).update();
        recount(workspace, was, null);
    }

    boolean occurrenceExists(WorkspaceId workspace, UUID series, LocalDate date) {
        return jdbc.sql("select count(*) from tasks where workspace_id = :w and series_id = :s and due_date = :d")
                .param("w", workspace.value()).param("s", series).param("d", date).query(Long.class).single() > 0;
    }

    /** The latest occurrence of a repeating series, with its workspace and who made the series. */
    record SeriesHead(WorkspaceId workspace, UserId createdBy, Task task) {
    }

    /** The latest occurrence of every repeating series, across workspaces, in one query. */
    List<SeriesHead> latestOfSeries() {
        return jdbc.sql(SELECT + """
                where t.recur_frequency is not null
                  and not exists (select 1 from tasks later where later.series_id = t.series_id and later.due_date > t.due_date)
                """).query((rs, n) -> new SeriesHead(new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                        new UserId(rs.getObject("created_by", UUID.class)), task(rs, n))).list();
    }

    // --- checklist, comments, events ---------------------------------------------------------------

    List<ChecklistItem> checklist(WorkspaceId workspace, TaskId task) {
        return jdbc.sql("select id, position, text, done from task_checklist_items where workspace_id = :w and task_id = :t order by position")
                .param("w", workspace.value()).param("t", task.value())
                .query((rs, n) -> new ChecklistItem(rs.getObject("id", UUID.class), rs.getInt("position"),
                        rs.getString("text"), rs.getBoolean("done"))).list();
    }

    void addChecklistItem(WorkspaceId workspace, TaskId task, UUID id, String text, boolean done) {
        jdbc.sql("""
                insert into task_checklist_items (id, workspace_id, task_id, position, text, done)
                values (:id, :w, :t, (select coalesce(max(position), -1) + 1 from task_checklist_items where task_id = :t), :text, :done)
                """).param("id", id).param("w", workspace.value()).param("t", task.value()).param("text", text)
                .param("done", done).update();
    }

    boolean setChecklistItem(WorkspaceId workspace, TaskId task, UUID item, boolean done) {
        return jdbc.sql("update task_checklist_items set done = :done where workspace_id = :w and task_id = :t and id = :id")
                .param("done", done).param("w", workspace.value()).param("t", task.value()).param("id", item).update() > 0;
    }

    boolean removeChecklistItem(WorkspaceId workspace, TaskId task, UUID item) {
        return jdbc.sql("delete from task_checklist_items where workspace_id = :w and task_id = :t and id = :id")
                .param("w", workspace.value()).param("t", task.value()).param("id", item).update() > 0;
    }

    List<Comment> comments(WorkspaceId workspace, TaskId task) {
        return jdbc.sql("""
                select k.id, k.author_id, u.display_name, k.body, k.created_at from task_comments k
                join users u on u.id = k.author_id
                where k.workspace_id = :w and k.task_id = :t order by k.created_at, k.id
                """).param("w", workspace.value()).param("t", task.value())
                .query((rs, n) -> new Comment(rs.getObject("id", UUID.class), new UserId(rs.getObject("author_id", UUID.class)),
                        rs.getString("display_name"), rs.getString("body"), instant(rs, "created_at"))).list();
    }

    void addComment(WorkspaceId workspace, TaskId task, UUID id, UserId author, String body, Instant now) {
        jdbc.sql("insert into task_comments (id, workspace_id, task_id, author_id, body, created_at) values (:id, :w, :t, :a, :b, :now)")
                .param("id", id).param("w", workspace.value()).param("t", task.value()).param("a", author.value())
                .param("b", body).param("now", utc(now)).update();
    }

    List<TaskEvent> events(WorkspaceId workspace, TaskId task) {
        return jdbc.sql("""
                select e.*, u.display_name, f.name as from_name, s.name as to_name from task_events e
                join users u on u.id = e.actor_id
                left join workflow_stages f on f.id = e.from_stage_id
                left join workflow_stages s on s.id = e.to_stage_id
                where e.workspace_id = :w and e.task_id = :t order by e.at, e.id
                """).param("w", workspace.value()).param("t", task.value())
                .query((rs, n) -> new TaskEvent(rs.getObject("id", UUID.class), TaskEvent.Kind.valueOf(rs.getString("kind")),
                        new UserId(rs.getObject("actor_id", UUID.class)), rs.getString("display_name"),
                        rs.getString("from_name"), rs.getString("to_name"), rs.getBoolean("on_behalf_of_client"),
                        rs.getString("note"), instant(rs, "at"))).list();
    }

    void addEvent(WorkspaceId workspace, TaskId task, UserId actor, TaskEvent.Kind kind, @Nullable StageId from,
            @Nullable StageId to, boolean onBehalfOfClient, @Nullable String note, Instant now) {
        jdbc.sql("""
                insert into task_events (id, workspace_id, task_id, actor_id, kind, from_stage_id, to_stage_id,
                    on_behalf_of_client, note, at)
                values (:id, :w, :t, :a, :kind, :from, :to, :behalf, :note, :now)
                """).param("id", UUID.randomUUID()).param("w", workspace.value()).param("t", task.value())
                .param("a", actor.value()).param("kind", kind.name()).param("from", from == null ? null : from.value())
                .param("to", to == null ? null : to.value()).param("behalf", onBehalfOfClient).param("note", note)
                .param("now", utc(now)).update();
    }

    // --- rows ---------------------------------------------------------------------------------------

    static Task task(ResultSet rs, int n) throws SQLException {
        UUID project = rs.getObject("project_id", UUID.class);
        UUID assignee = rs.getObject("assignee_id", UUID.class);
        UUID workflow = rs.getObject("workflow_id", UUID.class);
        Stage stage = new Stage(new StageId(rs.getObject("stage_id", UUID.class)), new WorkflowId(workflow),
                rs.getInt("stage_position"), rs.getString("stage_name"), StageKind.valueOf(rs.getString("stage_kind")));
        Date dueDate = rs.getDate("due_date");
        Instant dueAt = instantOrNull(rs, "due_at");
        String dueZone = rs.getString("due_zone");
        Due due = dueDate == null ? null
                : new Due(dueDate.toLocalDate(), dueAt, dueAt == null ? null : ZoneId.of(dueZone));
        int estimate = rs.getInt("estimate_minutes");
        Integer estimateMinutes = rs.wasNull() ? null : estimate;
        return new Task(new TaskId(rs.getObject("id", UUID.class)), new ClientId(rs.getObject("client_id", UUID.class)),
                rs.getString("client_name"), ZoneId.of(rs.getString("client_zone")),
                project == null ? null : new ProjectId(project), rs.getString("project_name"), new WorkflowId(workflow),
                stage, rs.getInt("position"), rs.getString("title"), rs.getString("description"),
                rs.getBoolean("urgent"), rs.getBoolean("important"), due, estimateMinutes,
                assignee == null ? null : new UserId(assignee), rs.getString("assignee_name"), rs.getString("task_type"),
                recurrence(rs), rs.getString("sop"), instantOrNull(rs, "completed_at"), rs.getInt("checklist_done"),
                rs.getInt("checklist_total"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static @Nullable Recurrence recurrence(ResultSet rs) throws SQLException {
        String frequency = rs.getString("recur_frequency");
        if (frequency == null) {
            return null;
        }
        String days = rs.getString("recur_weekdays");
        Set<DayOfWeek> weekdays = days == null || days.isBlank() ? EnumSet.noneOf(DayOfWeek.class)
                : Arrays.stream(days.split(",")).map(DayOfWeek::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
        Date until = rs.getDate("recur_until");
        return new Recurrence(Recurrence.Frequency.valueOf(frequency), rs.getInt("recur_interval"), weekdays,
                rs.getDate("recur_anchor").toLocalDate(), until == null ? null : until.toLocalDate());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    // --- views: bounded lists and counts (board, matrix, my work, batches) ------------------------

    private static Map<String, Object> scope(WorkspaceId workspace, @Nullable UUID memberId, @Nullable ClientId client,
            StringBuilder where) {
        Map<String, Object> params = new HashMap<>();
        where.append(" where t.workspace_id = :w").append(visible(memberId));
        params.put("w", workspace.value());
        if (memberId != null) {
            params.put("member", memberId);
        }
        if (client != null) {
            where.append(" and t.client_id = :client");
            params.put("client", client.value());
        }
        return params;
    }

    /** A workflow's tasks outside its DONE stages in board order, or those in them latest completed first. */
    List<Task> ofWorkflow(WorkspaceId workspace, @Nullable UUID memberId, WorkflowId workflow, @Nullable ClientId client,
            boolean done, int limit) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = scope(workspace, memberId, client, where);
        where.append(" and t.workflow_id = :workflow and s.kind ").append(done ? "=" : "<>").append(" 'DONE'");
        params.put("workflow", workflow.value());
        params.put("limit", limit);
        String order = done ? "t.completed_at desc, t.id" : Tasks.BY_BOARD;
        return jdbc.sql(SELECT + where + " order by " + order + " limit :limit").params(params)
                .query(TaskStore::task).list();
    }

    long countOfWorkflow(WorkspaceId workspace, @Nullable UUID memberId, WorkflowId workflow, @Nullable ClientId client,
            boolean done) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = scope(workspace, memberId, client, where);
        where.append(" and t.workflow_id = :workflow and s.kind ").append(done ? "=" : "<>").append(" 'DONE'");
        params.put("workflow", workflow.value());
        return jdbc.sql("select count(*) from tasks t join clients c on c.id = t.client_id"
                + " join workflow_stages s on s.id = t.stage_id" + where).params(params).query(Long.class).single();
    }

    /**
     * A page of each of {@code stages}' tasks, in one statement: per stage at most {@code limit} from
     * {@code offset}, in board order (a DONE stage latest completed first). Each stage is its own ordered
     * index read, so a page costs the same whatever the stage holds.
     */
    List<Task> pageOfStages(WorkspaceId workspace, @Nullable UUID memberId, List<Stage> stages,
            @Nullable ClientId client, int limit, int offset) {
        if (stages.isEmpty()) {
            return List.of();
        }
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = scope(workspace, memberId, client, where);
        params.put("limit", limit);
        params.put("offset", offset);
        StringBuilder sql = new StringBuilder("select * from (");
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            params.put("stage" + i, stage.id().value());
            String order = stage.kind() == StageKind.DONE ? "t.completed_at desc, t.id" : "t.position, t.created_at, t.id";
            sql.append(i == 0 ? "(" : " union all (").append(SELECT).append(where).append(" and t.stage_id = :stage")
                    .append(i).append(" order by ").append(order).append(" limit :limit offset :offset)");
        }
        return jdbc.sql(sql.append(") t").toString()).params(params).query(TaskStore::task).list();
    }

    /**
     * Tasks due from {@code from} to {@code to} (due dates), at most {@code perDay} of each due date from its
     * {@code skip}th, due first, in one statement: the ranks of the range's tasks in a derived table, read once,
     * and only the ranked rows joined to what a task shows.
     */
    List<Task> duePerDay(WorkspaceId workspace, @Nullable UUID memberId, @Nullable ClientId client, LocalDate from,
            LocalDate to, int perDay, int skip) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = scope(workspace, memberId, client, where);
        where.append(" and t.due_date >= :from and t.due_date <= :to");
        params.put("from", from);
        params.put("to", to);
        params.put("first", skip);
        params.put("last", skip + perDay);
        String ranked = "(select t.id, row_number() over (partition by t.due_date order by " + Tasks.BY_DUE
                + ") as rn from tasks t join clients c on c.id = t.client_id" + where + ") x";
        if (postgres()) {
            // PostgreSQL: one ordered read per date of the range (tasks_calendar_ix: workspace, due date, then the
            // order of BY_DUE within a date), each stopping after the rows it shows, so a month costs the same
            // whether its days hold ten tasks or a thousand. (Ranking the whole range read every task of the
            // month: 40 ms for 17,770 tasks. Joining the ranks took 117 s on tables without statistics.)
            String perDate = "select t.id from tasks t join clients c on c.id = t.client_id" + where
                    + " and t.due_date = d.day order by t.due_at nulls last, lower(t.title), t.id"
                    + " limit :perDay offset :first";
            params.put("perDay", perDay);
            return jdbc.sql(SELECT + " where t.id in (select x.id from (select cast(g as date) as day from"
                            + " generate_series(cast(:from as date), cast(:to as date), interval '1 day') g) d"
                            + " cross join lateral (" + perDate + ") x) order by " + Tasks.BY_DUE)
                    .params(params).query(TaskStore::task).list();
        }
        // H2: the ranks joined as the first table, not "t.id in (select ... ranks ...)": H2 ran that subquery again
        // for every task of the workspace (6-8 s a month with 5,000 tasks).
        // Not a union of one read per date either: H2 keeps the first limit it was given for a union in a
        // derived table, and both databases plan a union of 44 dates on every request (measured slower).
        String select = SELECT.replace("from tasks t\n", "from " + ranked + " join tasks t on t.id = x.id\n");
        if (select.equals(SELECT)) {
            throw new IllegalStateException("SELECT no longer reads \"from tasks t\"");
        }
        return jdbc.sql(select + " where t.workspace_id = :w and x.rn > :first and x.rn <= :last order by " + Tasks.BY_DUE)
                .params(params).query(TaskStore::task).list();
    }

    /** How many tasks fall due on each due date from {@code from} to {@code to}, in one grouped count. */
    Map<LocalDate, Long> countByDueDate(WorkspaceId workspace, @Nullable UUID memberId, @Nullable ClientId client,
            LocalDate from, LocalDate to) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = scope(workspace, memberId, client, where);
        where.append(" and t.due_date >= :from and t.due_date <= :to");
        params.put("from", from);
        params.put("to", to);
        Map<LocalDate, Long> counts = new HashMap<>();
        jdbc.sql("select t.due_date, count(*) as n from tasks t join clients c on c.id = t.client_id" + where
                + " group by t.due_date").params(params)
                .query((rs, n) -> counts.put(rs.getDate("due_date").toLocalDate(), rs.getLong("n"))).list();
        return counts;
    }

    /** The first {@code limit} open tasks of each quadrant from {@code offset}, due first, in one statement. */
    List<Task> openPerQuadrant(WorkspaceId workspace, @Nullable UUID memberId, List<Quadrant> quadrants,
            @Nullable ClientId client, int limit, int offset) {
        if (quadrants.isEmpty()) {
            return List.of();
        }
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = scope(workspace, memberId, client, where);
        where.append(" and t.completed_at is null");
        params.put("limit", limit);
        params.put("offset", offset);
        StringBuilder sql = new StringBuilder("select * from (");
        for (int i = 0; i < quadrants.size(); i++) {
            params.put("urgent" + i, quadrants.get(i).urgent());
            params.put("important" + i, quadrants.get(i).important());
            sql.append(i == 0 ? "(" : " union all (").append(SELECT).append(where).append(" and t.urgent = :urgent")
                    .append(i).append(" and t.important = :important").append(i).append(" order by ")
                    .append(Tasks.BY_DUE).append(" limit :limit offset :offset)");
        }
        return jdbc.sql(sql.append(") t").toString()).params(params).query(TaskStore::task).list();
    }

    /**
     * Open tasks whose title, client or project contains {@code text} (any case), due first; at most
     * {@code limit}: the timer's task search reads only the tasks it shows.
     */
    List<Task> openMatching(WorkspaceId workspace, @Nullable UUID memberId, String text, int limit) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = scope(workspace, memberId, null, where);
        where.append(" and t.completed_at is null and (lower(t.title) like :text escape '\\'"
                + " or lower(c.name) like :text escape '\\' or lower(p.name) like :text escape '\\')");
        params.put("text", "%" + text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%");
        params.put("limit", limit);
        return jdbc.sql(SELECT + where + " order by " + Tasks.BY_DUE + " limit :limit").params(params)
                .query(TaskStore::task).list();
    }

    /** The first {@code limit} open tasks of each type ({@code null} for untyped), due first, in one statement. */
    List<Task> openPerType(WorkspaceId workspace, @Nullable UUID memberId, List<@Nullable String> types,
            @Nullable ClientId client, int limit) {
        if (types.isEmpty()) {
            return List.of();
        }
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = scope(workspace, memberId, client, where);
        where.append(" and t.completed_at is null");
        params.put("limit", limit);
        StringBuilder sql = new StringBuilder("select * from (");
        for (int i = 0; i < types.size(); i++) {
            String type = types.get(i);
            String condition = type == null ? " and t.task_type is null" : " and t.task_type = :type" + i;
            if (type != null) {
                params.put("type" + i, type);
            }
            sql.append(i == 0 ? "(" : " union all (").append(SELECT).append(where).append(condition)
                    .append(" order by ").append(Tasks.BY_DUE).append(" limit :limit)");
        }
        return jdbc.sql(sql.append(") t").toString()).params(params).query(TaskStore::task).list();
    }

    /**
     * How many tasks each stage of a workflow holds: the kept counts of {@link StageCounts}, one row per
     * client and stage, not a count of the tasks.
     */
    Map<StageId, Long> countByStage(WorkspaceId workspace, @Nullable UUID memberId, WorkflowId workflow,
            @Nullable ClientId client) {
        return counts.byStage(workspace, memberId, workflow, client);
    }

    /** The same as {@link #countByStage} counted from the tasks themselves (to check the kept counts). */
    Map<StageId, Long> countByStageFromTasks(WorkspaceId workspace, @Nullable UUID memberId, WorkflowId workflow,
            @Nullable ClientId client) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = scope(workspace, memberId, client, where);
        where.append(" and t.workflow_id = :workflow");
        params.put("workflow", workflow.value());
        Map<StageId, Long> counts = new HashMap<>();
        jdbc.sql("select t.stage_id, count(*) as n from tasks t join clients c on c.id = t.client_id" + where
                + " group by t.stage_id").params(params)
                .query((rs, n) -> counts.put(new StageId(rs.getObject("stage_id", UUID.class)), rs.getLong("n")))
                .list();
        return counts;
    }

    /**
     * The estimates of open tasks due on or before {@code last}, summed per assignee (null: nobody), client and due
     * date: what capacity adds up, one row per group instead of one per task.
     */
    List<Tasks.EstimateDue> estimatesDue(WorkspaceId workspace, @Nullable UUID memberId, LocalDate last) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = scope(workspace, memberId, null, where);
        where.append(" and t.completed_at is null and t.estimate_minutes is not null and t.due_date <= :last");
        params.put("last", last);
        return jdbc.sql("select t.assignee_id, t.client_id, c.name as client_name, t.due_date,"
                + " sum(t.estimate_minutes) as minutes from tasks t join clients c on c.id = t.client_id" + where
                + " group by t.assignee_id, t.client_id, c.name, t.due_date").params(params)
                .query((rs, n) -> {
                    UUID assignee = rs.getObject("assignee_id", UUID.class);
                    return new Tasks.EstimateDue(assignee == null ? null : new UserId(assignee),
                            new ClientId(rs.getObject("client_id", UUID.class)), rs.getString("client_name"),
                            rs.getDate("due_date").toLocalDate(), rs.getLong("minutes"));
                }).list();
    }

    /**
     * Open tasks with an estimate assigned to any of {@code people} ({@code null} in it: nobody's), due first, at
     * most {@code limit}: what the auto-planner places, or lists as nobody's.
     */
    List<Task> plannable(WorkspaceId workspace, @Nullable UUID memberId, Collection<UUID> people, boolean nobodys,
            int limit) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = scope(workspace, memberId, null, where);
        where.append(" and t.completed_at is null and t.estimate_minutes is not null");
        if (nobodys) {
            where.append(" and t.assignee_id is null");
        } else {
            if (people.isEmpty()) {
                return List.of();
            }
            where.append(" and t.assignee_id in (:people)");
            params.put("people", List.copyOf(people));
        }
        params.put("limit", limit);
        return jdbc.sql(SELECT + where + " order by " + Tasks.BY_DUE + " limit :limit").params(params)
                .query(TaskStore::task).list();
    }

    /** Open tasks assigned to {@code user} (and, with {@code alsoUnassigned}, nobody's), due first. */
    List<Task> assignedOpen(WorkspaceId workspace, @Nullable UUID memberId, UserId user, boolean alsoUnassigned,
            @Nullable ClientId client, int limit) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = scope(workspace, memberId, client, where);
        where.append(" and t.completed_at is null");
        params.put("user", user.value());
        params.put("limit", limit);
        String mine = SELECT + where + " and t.assignee_id = :user order by " + Tasks.BY_DUE + " limit :limit";
        if (!alsoUnassigned) {
            return jdbc.sql(mine).params(params).query(TaskStore::task).list();
        }
        // Two ordered index reads (mine, nobody's) merged, rather than one OR that must sort every open task.
        String nobodys = SELECT + where + " and t.assignee_id is null order by " + Tasks.BY_DUE + " limit :limit";
        return jdbc.sql("select * from ((" + mine + ") union all (" + nobodys + ")) t order by " + Tasks.BY_DUE
                + " limit :limit").params(params).query(TaskStore::task).list();
    }

    /**
     * The days My work splits open work into, as the viewer counts them: {@code today} and the last day of
     * the week in the viewer's zone, and the moments those days start there. A task due at a moment falls on
     * the viewer's day of that moment, one due on a date on that date.
     */
    record Days(LocalDate today, LocalDate weekEnd, Instant todayStarts, Instant tomorrowStarts,
            Instant nextWeekStarts) {
    }

    /** The SQL condition of each section, in the order of {@code Section}: overdue, today, this week, later, no date. */
    private static final List<String> SECTIONS = List.of(
            "((t.due_at is null and t.due_date < :today) or t.due_at < :todayStarts)",
            "((t.due_at is null and t.due_date = :today) or (t.due_at >= :todayStarts and t.due_at < :tomorrowStarts))"
                    + " and t.due_date >= :todayLow and t.due_date <= :todayHigh",
            "((t.due_at is null and t.due_date > :today and t.due_date <= :weekEnd)"
                    + " or (t.due_at >= :tomorrowStarts and t.due_at < :nextWeekStarts))"
                    + " and t.due_date >= :todayLow and t.due_date <= :weekEndHigh",
            "((t.due_at is null and t.due_date > :weekEnd) or t.due_at >= :nextWeekStarts) and t.due_date >= :weekEndLow",
            "t.due_date is null");

    private static Map<String, Object> days(Map<String, Object> params, Days days) {
        // A moment's date in the viewer's zone is at most two days from its date in its own zone.
        params.put("today", days.today());
        params.put("todayLow", days.today().minusDays(2));
        params.put("todayHigh", days.today().plusDays(2));
        params.put("weekEnd", days.weekEnd());
        params.put("weekEndLow", days.weekEnd().minusDays(2));
        params.put("weekEndHigh", days.weekEnd().plusDays(2));
        params.put("todayStarts", utc(days.todayStarts()));
        params.put("tomorrowStarts", utc(days.tomorrowStarts()));
        params.put("nextWeekStarts", utc(days.nextWeekStarts()));
        return params;
    }

    /**
     * Each section of {@link #SECTIONS} as ranges of an index in {@link Tasks#BY_DUE} order (PostgreSQL's
     * tasks_open_mine_due_ix and tasks_open_nobodys_due_ix): its tasks due on a date (a range of due dates, due_at
     * null) and its tasks due at a moment (a range of moments within the due dates near it). Each range's conditions
     * are on the index's columns, so a read walks the section's own entries only; the OR of {@link #SECTIONS} is a
     * filter on table rows and walked the neighbouring days' tasks, and their order was the index's up to the date
     * only, so every task of a date (every undated task) was read and sorted to show 20.
     */
    private static final List<List<String>> SECTION_RANGES = List.of(
            List.of("t.due_at is null and t.due_date < :today", "t.due_at < :todayStarts and t.due_date <= :todayHigh"),
            List.of("t.due_at is null and t.due_date = :today", "t.due_at >= :todayStarts and t.due_at < :tomorrowStarts"
                    + " and t.due_date >= :todayLow and t.due_date <= :todayHigh"),
            List.of("t.due_at is null and t.due_date > :today and t.due_date <= :weekEnd",
                    "t.due_at >= :tomorrowStarts and t.due_at < :nextWeekStarts and t.due_date >= :todayLow"
                            + " and t.due_date <= :weekEndHigh"),
            List.of("t.due_at is null and t.due_date > :weekEnd", "t.due_at >= :nextWeekStarts and t.due_date >= :weekEndLow"),
            List.of("t.due_date is null"));

    /** The reads of a section on PostgreSQL: each of its ranges, for the user's tasks (and nobody's). */
    private static List<String> sectionReads(int section, boolean alsoUnassigned, String select, String where,
            String order) {
        List<String> reads = new java.util.ArrayList<>();
        for (String whose : alsoUnassigned ? List.of("t.assignee_id = :user", "t.assignee_id is null")
                : List.of("t.assignee_id = :user")) {
            for (String range : SECTION_RANGES.get(section)) {
                reads.add("(" + select + " from tasks t join clients c on c.id = t.client_id" + where + " and " + whose
                        + " and " + range + order + ")");
            }
        }
        return reads;
    }

    /**
     * My work's open tasks, due first: at most {@code limit} of each section (of {@link #SECTIONS}) from
     * {@code offset}, those assigned to {@code user} (and, with {@code alsoUnassigned}, nobody's), in one
     * statement of ordered index reads.
     */
    List<Task> openPerSection(WorkspaceId workspace, @Nullable UUID memberId, UserId user, boolean alsoUnassigned,
            @Nullable ClientId client, Days days, List<Integer> sections, int limit, int offset) {
        if (sections.isEmpty()) {
            return List.of();
        }
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = days(scope(workspace, memberId, client, where), days);
        where.append(" and t.completed_at is null");
        params.put("user", user.value());
        params.put("limit", limit);
        params.put("offset", offset);
        params.put("upTo", limit + offset);
        if (postgres()) {
            return openPerSectionOnPostgres(where.toString(), params, alsoUnassigned, sections);
        }
        StringBuilder sql = new StringBuilder("select * from (");
        for (int i = 0; i < sections.size(); i++) {
            String section = " and " + SECTIONS.get(sections.get(i));
            String mine = SELECT + where + section + " and t.assignee_id = :user order by " + Tasks.BY_DUE + " limit :upTo";
            sql.append(i == 0 ? "(" : " union all (");
            if (alsoUnassigned) {
                String nobodys = SELECT + where + section + " and t.assignee_id is null order by " + Tasks.BY_DUE
                        + " limit :upTo";
                sql.append("select * from ((").append(mine).append(") union all (").append(nobodys).append(")) t order by ")
                        .append(Tasks.BY_DUE).append(" limit :limit offset :offset)");
            } else {
                sql.append("select * from (").append(mine).append(") t order by ").append(Tasks.BY_DUE)
                        .append(" limit :limit offset :offset)");
            }
        }
        return jdbc.sql(sql.append(") t").toString()).params(params).query(TaskStore::task).list();
    }

    /**
     * PostgreSQL: each section's page is found on tasks (and clients) alone, merged from its ranges' ordered index
     * reads, and only the page's rows are joined to what a task shows. The SELECT in every read also cost 26-43 ms
     * of planning for the ten reads of the owner's page.
     */
    private List<Task> openPerSectionOnPostgres(String where, Map<String, Object> params, boolean alsoUnassigned,
            List<Integer> sections) {
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < sections.size(); i++) {
            int section = sections.get(i);
            List<String> reads = sectionReads(section, alsoUnassigned,
                    "select t.id, t.due_date, t.due_at, lower(t.title) as title_key", where,
                    " order by " + Tasks.BY_DUE + " limit :upTo");
            ids.append(i == 0 ? "(" : " union all (").append("select ").append(section).append(" as section, r.id from (")
                    .append(String.join(" union all ", reads)).append(") r order by r.due_date nulls last,"
                            + " r.due_at nulls last, r.title_key, r.id limit :limit offset :offset)");
        }
        String select = SELECT.replace("from tasks t\n", "from (" + ids + ") x join tasks t on t.id = x.id\n");
        if (select.equals(SELECT)) {
            throw new IllegalStateException("SELECT no longer reads \"from tasks t\"");
        }
        return jdbc.sql(select + " where t.workspace_id = :w order by x.section, " + Tasks.BY_DUE).params(params)
                .query(TaskStore::task).list();
    }

    /**
     * How many open tasks of {@code user} (and nobody's) each section holds, by section index, counted up to
     * {@code atMost} (by section index) and one more: a section that says {@code atMost + 1} holds at least that
     * many. On PostgreSQL each section's count is a read of its index ranges that stops there, so it costs the
     * same for a workspace of 1,000 open tasks as for one of 50,000; H2 counts them all and caps the result.
     */
    Map<Integer, Long> countPerSection(WorkspaceId workspace, @Nullable UUID memberId, UserId user,
            boolean alsoUnassigned, @Nullable ClientId client, Days days, List<Integer> atMost) {
        if (atMost.size() != SECTIONS.size()) {
            throw new IllegalArgumentException("one cap per section: " + atMost);
        }
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = days(scope(workspace, memberId, client, where), days);
        where.append(" and t.completed_at is null");
        params.put("user", user.value());
        Map<Integer, Long> counts = new HashMap<>();
        if (postgres()) {
            StringBuilder sql = new StringBuilder();
            for (int s = 0; s < SECTIONS.size(); s++) {
                params.put("counted" + s, atMost.get(s) + 1);
                List<String> reads = sectionReads(s, alsoUnassigned, "select t.id", where.toString(),
                        " limit :counted" + s);
                sql.append(s == 0 ? "" : " union all ").append("select ").append(s).append(" as section, count(*) as n")
                        .append(" from (select 1 from (").append(String.join(" union all ", reads))
                        .append(") r limit :counted").append(s).append(") x");
            }
            jdbc.sql(sql.toString()).params(params)
                    .query((rs, n) -> counts.put(rs.getInt("section"), rs.getLong("n"))).list();
            return counts;
        }
        where.append(" and ").append(alsoUnassigned
                ? "(t.assignee_id = :user or t.assignee_id is null)" : "t.assignee_id = :user");
        StringBuilder kase = new StringBuilder("case");
        for (int i = 0; i < SECTIONS.size() - 1; i++) {
            kase.append(" when ").append(SECTIONS.get(i)).append(" then ").append(i);
        }
        kase.append(" else ").append(SECTIONS.size() - 1).append(" end");
        jdbc.sql("select section, count(*) as n from (select " + kase + " as section from tasks t"
                + " join clients c on c.id = t.client_id" + where + ") x group by section").params(params)
                .query((rs, n) -> counts.put(rs.getInt("section"),
                        Math.min(rs.getLong("n"), atMost.get(rs.getInt("section")) + 1L))).list();
        return counts;
    }

    /**
     * How many open tasks each quadrant holds: the kept counts of {@link OpenCounts}, one row per client, quadrant
     * and type, not a count of the tasks.
     */
    Map<Quadrant, Long> openByQuadrant(WorkspaceId workspace, @Nullable UUID memberId, @Nullable ClientId client) {
        return open.byQuadrant(workspace, memberId, client);
    }

    /**
     * Open tasks by type (null for untyped): how many and their estimates in all, largest groups first; the kept
     * counts of {@link OpenCounts}.
     */
    List<Tasks.TypeTotal> openByType(WorkspaceId workspace, @Nullable UUID memberId, @Nullable ClientId client) {
        return open.byType(workspace, memberId, client);
    }

    /** The same as {@link #openByQuadrant} counted from the tasks themselves (to check the kept counts). */
    Map<Quadrant, Long> openByQuadrantFromTasks(WorkspaceId workspace, @Nullable UUID memberId,
            @Nullable ClientId client) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = scope(workspace, memberId, client, where);
        where.append(" and t.completed_at is null");
        Map<Quadrant, Long> counts = new java.util.EnumMap<>(Quadrant.class);
        for (Quadrant q : Quadrant.values()) {
            counts.put(q, 0L);
        }
        jdbc.sql("select t.urgent, t.important, count(*) as n from tasks t join clients c on c.id = t.client_id" + where
                + " group by t.urgent, t.important").params(params)
                .query((rs, n) -> counts.put(Quadrant.of(rs.getBoolean("urgent"), rs.getBoolean("important")),
                        rs.getLong("n"))).list();
        return counts;
    }

    /** The same as {@link #openByType} counted from the tasks themselves (to check the kept counts). */
    List<Tasks.TypeTotal> openByTypeFromTasks(WorkspaceId workspace, @Nullable UUID memberId,
            @Nullable ClientId client) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = scope(workspace, memberId, client, where);
        where.append(" and t.completed_at is null");
        return jdbc.sql("select t.task_type, count(*) as n, coalesce(sum(t.estimate_minutes), 0) as minutes"
                + " from tasks t join clients c on c.id = t.client_id" + where
                + " group by t.task_type order by count(*) desc, t.task_type").params(params)
                .query((rs, n) -> new Tasks.TypeTotal(rs.getString("task_type"), rs.getLong("n"), rs.getLong("minutes")))
                .list();
    }
}
