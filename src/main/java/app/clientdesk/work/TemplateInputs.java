package app.clientdesk.work;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Templates as typed in a form, before any rule is checked. Checklists are one item per line; a flag left out is false. */
public final class TemplateInputs {

    private TemplateInputs() {}

    public record TaskTemplateInput(@Nullable String name, @Nullable String title, @Nullable String description,
            @Nullable String type, @Nullable String estimateMinutes, @Nullable Boolean urgent, @Nullable Boolean important,
            @Nullable String checklist, @Nullable String sop) {
    }

    /** A task of a project template; {@code offsetDays} counts from the project's start (0 = that day). */
    public record ItemInput(@Nullable String title, @Nullable String type, @Nullable String offsetDays,
            @Nullable String estimateMinutes, @Nullable String checklist) {

        public boolean blank() {
            return TaskRules.text(title) == null && TaskRules.text(type) == null && TaskRules.text(offsetDays) == null
                    && TaskRules.text(estimateMinutes) == null && TaskRules.text(checklist) == null;
        }
    }

    public record ProjectTemplateInput(@Nullable String name, @Nullable String description, @Nullable String workflowId,
            List<ItemInput> items) {

        public ProjectTemplateInput {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }
}
