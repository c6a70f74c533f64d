package app.clientdesk.work.internal;

import app.clientdesk.work.internal.Views.Cell;
import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.work.Quadrant;
import app.clientdesk.work.Task;
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


    /** "Show more" lengthens one quadrant to this many at most. */
    static final int MAX_SHOWN = 500;

    @GetMapping("/matrix")
    String matrix(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String clientId,
            @RequestParam(required = false) @Nullable String quadrant,
            @RequestParam(required = false) @Nullable Integer shown, Model model) {
        ClientId client = filter.client(viewer, clientId);
        Quadrant longer = Arrays.stream(Quadrant.values()).filter(q -> q.name().equals(quadrant)).findFirst()
                .orElse(null);
        int longerShown = longer == null || shown == null ? SHOWN : Math.max(SHOWN, Math.min(MAX_SHOWN, shown));
        Map<Quadrant, Long> counts = tasks.openByQuadrant(viewer, client);
        List<Quadrant> first = Arrays.stream(Quadrant.values())
                .filter(q -> counts.getOrDefault(q, 0L) > 0 && (longerShown == SHOWN || q != longer)).toList();
        List<Task> found = new ArrayList<>(tasks.openPerQuadrant(viewer, first, client, SHOWN, 0));
        if (longer != null && longerShown > SHOWN && counts.getOrDefault(longer, 0L) > 0) {
            found.addAll(tasks.openPerQuadrant(viewer, List.of(longer), client, longerShown, 0));
        }
        List<Cell> cells = new ArrayList<>();
        for (Quadrant q : Quadrant.values()) {
            List<Task> shownHere = found.stream().filter(t -> Quadrant.of(t.urgent(), t.important()) == q).toList();
            cells.add(new Cell(q, shownHere, Math.max(shownHere.size(), counts.getOrDefault(q, 0L))));
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
