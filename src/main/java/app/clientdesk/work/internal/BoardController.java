package app.clientdesk.work.internal;

import app.clientdesk.work.internal.Views.Column;
import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.work.Stage;
import app.clientdesk.work.StageId;
import app.clientdesk.work.StageKind;
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

    /** Done work is history: the board shows the latest few, so a client with years of it stays fast. */
    static final int DONE_SHOWN = 20;
    /** Open work is all shown for a client; across every client a board this long is not read anyway. */
    static final int OPEN_SHOWN = 2000;

    private final Tasks tasks;
    private final Workflows workflows;
    private final ViewFilter filter;

    BoardController(Tasks tasks, Workflows workflows, ViewFilter filter) {
        this.tasks = tasks;
        this.workflows = workflows;
        this.filter = filter;
    }


    @GetMapping("/board")
    String board(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String workflowId,
            @RequestParam(required = false) @Nullable String clientId, Model model) {
        ClientId client = filter.client(viewer, clientId);
        List<Workflow> all = workflows.all(viewer.workspaceId());
        Workflow workflow = workflowId == null || workflowId.isBlank() ? workflows.standard(viewer.workspaceId())
                : workflows.get(viewer.workspaceId(), new WorkflowId(ViewFilter.uuid(workflowId, "workflow")));
        Map<Stage, List<Task>> byStage = new LinkedHashMap<>();
        workflow.stages().forEach(s -> byStage.put(s, new ArrayList<>()));
        List<Task> open = tasks.ofWorkflow(viewer, workflow.id(), client, false, OPEN_SHOWN);
        List<Task> done = tasks.ofWorkflow(viewer, workflow.id(), client, true, DONE_SHOWN);
        for (Task task : open) {
            workflow.stage(task.stage().id()).ifPresent(s -> byStage.get(s).add(task));
        }
        for (Task task : done) {
            workflow.stage(task.stage().id()).ifPresent(s -> byStage.get(s).add(task));
        }
        long doneTotal = done.size() < DONE_SHOWN ? done.size()
                : tasks.countOfWorkflow(viewer, workflow.id(), client, true);
        List<Column> columns = new ArrayList<>();
        byStage.forEach((stage, list) -> columns.add(new Column(stage, list,
                stage.kind() == StageKind.DONE ? (doneTotal == done.size() ? list.size() : doneTotal) : list.size())));
        model.addAttribute("workflow", workflow);
        model.addAttribute("workflows", all);
        model.addAttribute("columns", columns);
        model.addAttribute("openCapped", open.size() >= OPEN_SHOWN);
        model.addAttribute("client", client);
        model.addAttribute("clients", filter.clients(viewer));
        return "views/board";
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
