package app.clientdesk.time.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.work.Task;
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
        // Searched in SQL among every open task the viewer sees: only the tasks shown are read.
        return tasks.searchOpen(viewer, query, SHOWN);
    }
}
