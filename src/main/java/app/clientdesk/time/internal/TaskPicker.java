package app.clientdesk.time.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.work.Task;
import app.clientdesk.work.TaskQuery;
import app.clientdesk.work.Tasks;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Open tasks to start a timer on: the viewer's own (due first), or those whose title or client match a search. */
@Component
class TaskPicker {

    static final int SHOWN = 8;
    private final Tasks tasks;

    TaskPicker(Tasks tasks) {
        this.tasks = tasks;
    }

    List<Task> find(CurrentUser viewer, String q) {
        String query = q.strip().toLowerCase(Locale.ROOT);
        if (query.isEmpty()) {
            return tasks.myOpenWork(viewer, null, SHOWN);
        }
        // Searched in memory among the first 500 open tasks: the work module has no text search yet.
        return tasks.search(viewer, TaskQuery.all().openOnly()).stream()
                .filter(t -> matches(t, query)).limit(SHOWN).toList();
    }

    private static boolean matches(Task t, String query) {
        return t.title().toLowerCase(Locale.ROOT).contains(query)
                || t.clientName().toLowerCase(Locale.ROOT).contains(query)
                || t.projectName() != null && t.projectName().toLowerCase(Locale.ROOT).contains(query);
    }
}
