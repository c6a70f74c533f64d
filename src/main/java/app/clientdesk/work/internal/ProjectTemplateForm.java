package app.clientdesk.work.internal;

import app.clientdesk.work.ProjectTemplate;
import app.clientdesk.work.TemplateInputs.ItemInput;
import app.clientdesk.work.TemplateInputs.ProjectTemplateInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The project template form: name, description, workflow and item rows (a blank row is ignored, so a few
 * spare rows work without JavaScript). Mutable because Spring binds indexed rows into it.
 */
public class ProjectTemplateForm {

    static final int SPARE_ROWS = 3;

    public static class ItemRow {
        private String title = "";
        private String type = "";
        private String offsetDays = "";
        private String estimateMinutes = "";
        private String checklist = "";

        public String getTitle() { return title; }
        public void setTitle(@Nullable String v) { this.title = Objects.toString(v, ""); }
        public String getType() { return type; }
        public void setType(@Nullable String v) { this.type = Objects.toString(v, ""); }
        public String getOffsetDays() { return offsetDays; }
        public void setOffsetDays(@Nullable String v) { this.offsetDays = Objects.toString(v, ""); }
        public String getEstimateMinutes() { return estimateMinutes; }
        public void setEstimateMinutes(@Nullable String v) { this.estimateMinutes = Objects.toString(v, ""); }
        public String getChecklist() { return checklist; }
        public void setChecklist(@Nullable String v) { this.checklist = Objects.toString(v, ""); }

        ItemInput input() {
            return new ItemInput(title, type, offsetDays, estimateMinutes, checklist);
        }
    }

    private String name = "";
    private String description = "";
    private String workflowId = "";
    private List<ItemRow> items = new ArrayList<>();

    static ProjectTemplateForm blank(String workflowId) {
        ProjectTemplateForm form = new ProjectTemplateForm();
        form.workflowId = workflowId;
        return form.withSpareRows();
    }

    static ProjectTemplateForm of(ProjectTemplate t) {
        ProjectTemplateForm form = new ProjectTemplateForm();
        form.name = t.name();
        form.description = Objects.toString(t.description(), "");
        form.workflowId = t.workflowId().toString();
        for (ProjectTemplate.Item item : t.items()) {
            ItemRow row = new ItemRow();
            row.title = item.title();
            row.type = Objects.toString(item.type(), "");
            row.offsetDays = Integer.toString(item.offsetDays());
            row.estimateMinutes = item.estimateMinutes() == null ? "" : item.estimateMinutes().toString();
            row.checklist = String.join("\n", item.checklist());
            form.items.add(row);
        }
        return form.withSpareRows();
    }

    ProjectTemplateInput toInput() {
        return new ProjectTemplateInput(name, description, workflowId,
                items.stream().map(r -> r == null ? null : r.input()).toList());
    }

    /** The form to show: its rows with a few blank ones after them. */
    ProjectTemplateForm withSpareRows() {
        items.replaceAll(r -> r == null ? new ItemRow() : r);
        long blanks = items.stream().filter(r -> r.input().blank()).count();
        for (long i = blanks; i < SPARE_ROWS; i++) {
            items.add(new ItemRow());
        }
        return this;
    }

    public String getName() { return name; }
    public void setName(@Nullable String v) { this.name = Objects.toString(v, ""); }
    public String getDescription() { return description; }
    public void setDescription(@Nullable String v) { this.description = Objects.toString(v, ""); }
    public String getWorkflowId() { return workflowId; }
    public void setWorkflowId(@Nullable String v) { this.workflowId = Objects.toString(v, ""); }
    public List<ItemRow> getItems() { return items; }
    public void setItems(List<ItemRow> items) { this.items = items; }
}
