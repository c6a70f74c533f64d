package app.clientdesk.work.internal;

import app.clientdesk.work.internal.Views.Column;
import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.work.Stage;
import app.clientdesk.work.StageId;
import app.clientdesk.work.Task;
import app.clientdesk.work.Tasks;
import app.clientdesk.work.Workflow;
import app.clientdesk.work.WorkflowId;
import app.clientdesk.work.Workflows;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Kanban board: a workflow's stages as columns, tasks moved by drag and drop or by a small form. */
@Controller
class BoardController {

    /** Cards a column shows at first, and each "Show more" adds; the column's count says how many it holds. */
    static final int PER_COLUMN = 25;
    /** Without script, "Show more" reloads the board with that column longer; this long at most. */
    static final int MAX_SHOWN = 500;

    private final Tasks tasks;
    private final Workflows workflows;
    private final ViewFilter filter;

    BoardController(Tasks tasks, Workflows workflows, ViewFilter filter) {
        this.tasks = tasks;
        this.workflows = workflows;
        this.filter = filter;
    }

    /**
     * Each column shows its first cards in board order (a DONE column its latest completed) and its count.
     * {@code stageId} with {@code shown} lengthens that one column: the "Show more" link without script.
     */
    @GetMapping("/board")
    String board(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String workflowId,
            @RequestParam(required = false) @Nullable String clientId,
            @RequestParam(required = false) @Nullable String stageId,
            @RequestParam(required = false) @Nullable Integer shown, Model model) {
        ClientId client = filter.client(viewer, clientId);
        List<Workflow> all = workflows.all(viewer.workspaceId());
        Workflow workflow = workflow(viewer, workflowId, all);
        Stage longer = stageId == null || stageId.isBlank() ? null
                : workflow.stage(new StageId(ViewFilter.uuid(stageId, "stage"))).orElse(null);
        int longerShown = shown == null ? PER_COLUMN : Math.max(PER_COLUMN, Math.min(MAX_SHOWN, shown));
        List<Stage> first = workflow.stages().stream()
                .filter(s -> longer == null || longerShown == PER_COLUMN || !s.equals(longer)).toList();
        Map<StageId, List<Task>> byStage = new LinkedHashMap<>();
        workflow.stages().forEach(s -> byStage.put(s.id(), new ArrayList<>()));
        List<Task> found = new ArrayList<>(tasks.pageOfStages(viewer, first, client, PER_COLUMN, 0));
        if (longer != null && longerShown > PER_COLUMN) {
            found.addAll(tasks.pageOfStages(viewer, List.of(longer), client, longerShown, 0));
        }
        for (Task task : found) {
            List<Task> list = byStage.get(task.stage().id());
            if (list != null) {
                list.add(task);
            }
        }
        Map<StageId, Long> counts = tasks.countByStage(viewer, workflow.id(), client);
        List<Column> columns = new ArrayList<>();
        for (Stage stage : workflow.stages()) {
            List<Task> list = byStage.get(stage.id());
            columns.add(new Column(stage, list, Math.max(list.size(), counts.getOrDefault(stage.id(), 0L))));
        }
        model.addAttribute("workflow", workflow);
        model.addAttribute("workflows", all);
        model.addAttribute("columns", columns);
        model.addAttribute("client", client);
        model.addAttribute("clients", filter.clients(viewer));
        return "views/board";
    }

    /**
     * The next cards of one column from {@code offset}, for "Show more": with htmx the cards alone (and the
     * next "Show more"), without it the board with that column shown this far.
     */
    @GetMapping("/board/column")
    String column(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String workflowId,
            @RequestParam(required = false) @Nullable String clientId,
            @RequestParam(required = false) @Nullable String stageId,
            @RequestParam(defaultValue = "0") int offset,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
        ClientId client = filter.client(viewer, clientId);
        Workflow workflow = workflow(viewer, workflowId, null);
        Stage stage = workflow.stage(new StageId(ViewFilter.uuid(stageId, "stage")))
                .orElseThrow(() -> new app.clientdesk.shared.web.NotFoundException("stage"));
        int from = Math.max(0, offset);
        if (htmx == null) {
            return "redirect:" + Views.boardUrl(workflow.id(), client) + "&stageId=" + stage.id() + "&shown="
                    + (from + PER_COLUMN) + "#stage-" + stage.id();
        }
        List<Task> page = tasks.pageOfStages(viewer, List.of(stage), client, PER_COLUMN, from);
        long total = from + page.size() < from + PER_COLUMN ? from + page.size()
                : tasks.countByStage(viewer, workflow.id(), client).getOrDefault(stage.id(), 0L);
        model.addAttribute("workflow", workflow);
        model.addAttribute("column", new Column(stage, page, Math.max(total, from + page.size())));
        model.addAttribute("from", from);
        model.addAttribute("client", client);
        return "views/boardCards";
    }

    private Workflow workflow(CurrentUser viewer, @Nullable String workflowId, @Nullable List<Workflow> all) {
        if (workflowId == null || workflowId.isBlank()) {
            return all != null ? Workflows.standardOf(all) : workflows.standard(viewer.workspaceId());
        }
        WorkflowId id = new WorkflowId(ViewFilter.uuid(workflowId, "workflow"));
        if (all != null) {
            for (Workflow w : all) {
                if (w.id().equals(id)) {
                    return w;
                }
            }
        }
        return workflows.get(viewer.workspaceId(), id);
    }

    /** From the board's script: 204, or 422 with the translated refusal (the card goes back). */
    @PostMapping(value = "/board/move", headers = "X-Requested-With")
    ResponseEntity<Map<String, String>> moveByScript(@AuthenticationPrincipal CurrentUser viewer,
            @RequestParam(required = false) @Nullable String taskId,
            @RequestParam(required = false) @Nullable String stageId,
            @RequestParam(required = false) @Nullable Integer index) {
        String refusal = move(viewer, taskId, stageId, index);
        return refusal == null ? ResponseEntity.noContent().build()
                : ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(Map.of("message", refusal));
    }

    /**
     * From a card's ← and → buttons, without script ({@code step} is "taskId:back" or "taskId:on"), or a
     * plain form (taskId, stageId): back to the board, with the refusal if any.
     */
    @PostMapping("/board/move")
    String moveByForm(@AuthenticationPrincipal CurrentUser viewer,
            @RequestParam(required = false) @Nullable String taskId,
            @RequestParam(required = false) @Nullable String stageId,
            @RequestParam(required = false) @Nullable Integer index,
            @RequestParam(required = false) @Nullable String step,
            @RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) {
        String refusal = step != null ? step(viewer, step) : move(viewer, taskId, stageId, index);
        if (refusal != null) {
            Notices.flash(redirect, refusal);
        }
        return "redirect:" + Back.to(back, "/board");
    }

    /**
     * Moves a task to a stage at a place (0-based among the stage's other tasks; none for the end).
     *
     * @return the refusal in the viewer's language, or null when the task moved
     */
    private @Nullable String move(CurrentUser viewer, @Nullable String taskId, @Nullable String stageId,
            @Nullable Integer index) {
        Task task = tasks.get(viewer, ViewFilter.taskId(taskId));
        try {
            tasks.move(viewer, task.id(), new StageId(ViewFilter.uuid(stageId, "stage")), index);
            return null;
        } catch (InvalidInputException e) {
            return filter.message(viewer, e);
        }
    }

    /** Moves a task one stage back or on in its workflow; at either end it stays where it is. */
    private @Nullable String step(CurrentUser viewer, String step) {
        int colon = step.lastIndexOf(':');
        Task task = tasks.get(viewer, ViewFilter.taskId(colon < 0 ? step : step.substring(0, colon)));
        if (!step.endsWith(":on") && !step.endsWith(":back")) {
            throw new app.clientdesk.shared.web.NotFoundException("step");
        }
        boolean on = step.endsWith(":on");
        Workflow workflow = workflows.get(viewer.workspaceId(), task.workflowId());
        List<Stage> stages = workflow.stages();
        int at = stages.indexOf(workflow.stage(task.stage().id()).orElseThrow());
        int to = on ? at + 1 : at - 1;
        if (to < 0 || to >= stages.size()) {
            return null;
        }
        return move(viewer, task.id().toString(), stages.get(to).id().toString(), null);
    }
}
