package app.clientdesk.work;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A project written once and applied to any client: a workflow and the tasks to make, each due a number
 * of days after the project starts.
 */
public record ProjectTemplate(ProjectTemplateId id, String name, @Nullable String description, WorkflowId workflowId,
        String workflowName, List<Item> items) {

    public record Item(String title, @Nullable String type, int offsetDays, @Nullable Integer estimateMinutes,
            List<String> checklist) {

        public Item {
            checklist = List.copyOf(checklist);
        }
    }

    public ProjectTemplate {
        items = List.copyOf(items);
    }
}
