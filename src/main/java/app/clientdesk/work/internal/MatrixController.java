package app.clientdesk.work.internal;

import app.clientdesk.work.internal.Views.Cell;
import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.work.Quadrant;
import app.clientdesk.work.Task;
import app.clientdesk.work.TaskQuery;
import app.clientdesk.work.Tasks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The Eisenhower matrix: open tasks by urgent × important, moved between quadrants by drag or form. */
@Controller
class MatrixController {

    /**
     * Cards shown per quadrant, due first; the rest are counted, and a client filter narrows them. A matrix
     * is for deciding what comes next: the first 25 of each kind are that decision.
     */
    static final int SHOWN = 25;

    private final Tasks tasks;
    private final ViewFilter filter;

    MatrixController(Tasks tasks, ViewFilter filter) {
        this.tasks = tasks;
        this.filter = filter;
    }


    @GetMapping("/matrix")
    String matrix(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String clientId,
            Model model) {
        ClientId client = filter.client(viewer, clientId);
        Map<Quadrant, Long> counts = tasks.openByQuadrant(viewer, client);
        List<Cell> cells = new ArrayList<>();
        for (Quadrant q : Quadrant.values()) {
            long total = counts.getOrDefault(q, 0L);
            List<Task> shown = total == 0 ? List.of() : tasks.search(viewer, new TaskQuery(client, null, null, null,
                    null, null, null, q, true, null, SHOWN, 0));
            cells.add(new Cell(q, shown, total));
        }
        model.addAttribute("cells", cells);
        model.addAttribute("client", client);
        model.addAttribute("clients", filter.clients(viewer));
        return "views/matrix";
    }

    @PostMapping(value = "/matrix/move", headers = "X-Requested-With")
    ResponseEntity<Void> moveByScript(@AuthenticationPrincipal CurrentUser viewer,
            @RequestParam(required = false) @Nullable String taskId,
            @RequestParam(required = false) @Nullable String quadrant) {
        move(viewer, taskId, quadrant);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/matrix/move")
    String moveByForm(@AuthenticationPrincipal CurrentUser viewer,
            @RequestParam(required = false) @Nullable String taskId,
            @RequestParam(required = false) @Nullable String quadrant,
            @RequestParam(name = "move", required = false) @Nullable String buttonMove,
            @RequestParam(required = false) @Nullable String back) {
        if (buttonMove != null && buttonMove.contains(":")) {
            // A card's urgent or important button, "taskId:urgent" or "taskId:important": that mark flips.
            Task task = tasks.get(viewer, ViewFilter.taskId(buttonMove.substring(0, buttonMove.indexOf(':'))));
            boolean urgent = buttonMove.endsWith(":urgent") != task.urgent();
            boolean important = buttonMove.endsWith(":important") != task.important();
            tasks.setQuadrant(viewer, task.id(), Quadrant.of(urgent, important));
        } else {
            move(viewer, taskId, quadrant);
        }
        return "redirect:" + Back.to(back, "/matrix");
    }

    private void move(CurrentUser viewer, @Nullable String taskId, @Nullable String quadrant) {
        Task task = tasks.get(viewer, ViewFilter.taskId(taskId));
        Quadrant to = Arrays.stream(Quadrant.values()).filter(q -> q.name().equals(quadrant)).findFirst()
                .orElseThrow(() -> new NotFoundException("quadrant"));
        tasks.setQuadrant(viewer, task.id(), to);
    }
}
