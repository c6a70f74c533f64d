package app.clientdesk.work.internal;

import app.clientdesk.work.internal.Views.Batch;
import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.work.Task;
import app.clientdesk.work.Tasks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Open work grouped by task type, largest groups first, so that similar work is done in one go. */
@Controller
class BatchesController {

    /** Tasks a batch lists, due first; the rest are counted. */
    static final int PER_TYPE = 20;
    /** Batches shown, largest first. */
    static final int TYPES = 30;

    private final Tasks tasks;
    private final ViewFilter filter;

    BatchesController(Tasks tasks, ViewFilter filter) {
        this.tasks = tasks;
        this.filter = filter;
    }


    @GetMapping("/batches")
    String batches(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String clientId,
            Model model) {
        ClientId client = filter.client(viewer, clientId);
        List<Tasks.TypeTotal> totals = tasks.openByType(viewer, client).stream().limit(TYPES).toList();
        Map<String, List<Task>> byType = new HashMap<>();
        for (Task task : tasks.openPerType(viewer, totals.stream().map(Tasks.TypeTotal::type).toList(), client, PER_TYPE)) {
            byType.computeIfAbsent(key(task.type()), k -> new ArrayList<>()).add(task);
        }
        List<Batch> batches = totals.stream()
                .map(t -> new Batch(t.type(), t.count(), t.estimateMinutes(), byType.getOrDefault(key(t.type()), List.of())))
                .toList();
        model.addAttribute("batches", batches);
        model.addAttribute("client", client);
        model.addAttribute("clients", filter.clients(viewer));
        return "views/batches";
    }

    private static String key(@Nullable String type) {
        return type == null ? "" : type;
    }
}
