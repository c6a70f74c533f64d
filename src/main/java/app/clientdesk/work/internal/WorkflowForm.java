package app.clientdesk.work.internal;

import app.clientdesk.work.Stage;
import app.clientdesk.work.StageKind;
import app.clientdesk.work.Workflow;
import app.clientdesk.work.Workflows.StageInput;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The workflow form as submitted: a name and ordered stage rows. A row left blank is ignored, so the page
 * offers a few spare rows to fill in without JavaScript. Mutable because Spring binds indexed rows into it.
 */
public class WorkflowForm {

    static final int SPARE_ROWS = 3;
    private static final Pattern ROW = Pattern.compile("^stages\\[(\\d+)](.*)$");

    public static class StageRow {
        private String id = "";
        private String name = "";
        private String kind = StageKind.OPEN.name();

        public String getId() { return id; }
        public void setId(String id) { this.id = id == null ? "" : id; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name == null ? "" : name; }
        public String getKind() { return kind; }
        public void setKind(String kind) { this.kind = kind == null ? "" : kind; }

        boolean blank() {
            return id.isBlank() && name.isBlank();
        }
    }

    private String name = "";
    private List<StageRow> stages = new ArrayList<>();

    static WorkflowForm blank() {
        WorkflowForm form = new WorkflowForm();
        form.stages.add(row("", "", StageKind.OPEN));
        form.stages.add(row("", "", StageKind.DONE));
        return form.withSpareRows();
    }

    static WorkflowForm of(Workflow workflow) {
        WorkflowForm form = new WorkflowForm();
        form.name = workflow.name();
        for (Stage s : workflow.stages()) {
            form.stages.add(row(s.id().toString(), s.name(), s.kind()));
        }
        return form.withSpareRows();
    }

    private static StageRow row(String id, String name, StageKind kind) {
        StageRow row = new StageRow();
        row.id = id;
        row.name = name;
        row.kind = kind.name();
        return row;
    }

    /** The stages to save, without blank rows, and where each came from in the form. */
    record Converted(List<StageInput> stages, List<Integer> rows) {

        /** The form field of a rule's field: {@code stages[2].name} of the saved list names a row of the form. */
        String formField(String field) {
            Matcher m = ROW.matcher(field);
            if (m.matches() && Integer.parseInt(m.group(1)) < rows.size()) {
                return "stages[" + rows.get(Integer.parseInt(m.group(1))) + "]" + m.group(2);
            }
            return field;
        }
    }

    Converted toInput() {
        List<StageInput> inputs = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            StageRow row = stages.get(i);
            if (row == null || row.blank()) {
                continue;
            }
            inputs.add(new StageInput(row.id, row.name, row.kind));
            rows.add(i);
        }
        return new Converted(inputs, rows);
    }

    /** The form to show: its rows with a few blank ones after them. */
    WorkflowForm withSpareRows() {
        stages.removeIf(r -> r == null);
        long blanks = stages.stream().filter(StageRow::blank).count();
        for (long i = blanks; i < SPARE_ROWS; i++) {
            stages.add(new StageRow());
        }
        return this;
    }

    public String getName() { return name; }
    public void setName(@Nullable String name) { this.name = name == null ? "" : name; }
    public List<StageRow> getStages() { return stages; }
    public void setStages(List<StageRow> stages) { this.stages = stages; }
}
