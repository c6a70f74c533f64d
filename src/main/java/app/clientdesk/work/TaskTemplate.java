package app.clientdesk.work;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A task written once and used again: for any client, with its checklist and standard operating procedure. */
public record TaskTemplate(TaskTemplateId id, String name, String title, @Nullable String description,
        @Nullable String type, @Nullable Integer estimateMinutes, boolean urgent, boolean important,
        List<String> checklist, @Nullable String sop) {

    public TaskTemplate {
        checklist = List.copyOf(checklist);
    }
}
