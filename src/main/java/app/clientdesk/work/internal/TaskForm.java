package app.clientdesk.work.internal;

import app.clientdesk.work.Due;
import app.clientdesk.work.Recurrence;
import app.clientdesk.work.Task;
import app.clientdesk.work.TaskInput;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The task form as submitted. A mutable bean because Spring binds the weekday checkboxes into it; it
 * never reaches the database directly but becomes a {@link TaskInput}. The checklist is one item a line,
 * used when the task is created.
 */
public class TaskForm {

    private String title = "";
    private String description = "";
    private String clientId = "";
    private String projectId = "";
    private boolean urgent;
    private boolean important;
    private String dueDate = "";
    private String dueTime = "";
    private String dueZone = "";
    private String estimateMinutes = "";
    private String assigneeId = "";
    private String type = "";
    private String repeat = "";
    private String repeatInterval = "1";
    private List<String> repeatWeekdays = new ArrayList<>();
    private String repeatUntil = "";
    private String sop = "";
    private String checklist = "";

    static TaskForm blank(@Nullable String clientId, @Nullable String projectId) {
        TaskForm form = new TaskForm();
        form.clientId = Objects.toString(clientId, "");
        form.projectId = Objects.toString(projectId, "");
        return form;
    }

    static TaskForm of(Task task) {
        TaskForm form = new TaskForm();
        form.title = task.title();
        form.description = Objects.toString(task.description(), "");
        form.clientId = task.clientId().value().toString();
        form.projectId = task.projectId() == null ? "" : task.projectId().value().toString();
        form.urgent = task.urgent();
        form.important = task.important();
        Due due = task.due();
        if (due != null) {
            form.dueDate = due.date().toString();
            if (due.hasTime() && due.zone() != null) {
                form.dueTime = Objects.toString(due.timeInStatedZone(), "");
                form.dueZone = due.zone().getId();
            }
        }
        form.estimateMinutes = task.estimateMinutes() == null ? "" : task.estimateMinutes().toString();
        form.assigneeId = task.assigneeId() == null ? "" : task.assigneeId().value().toString();
        form.type = Objects.toString(task.type(), "");
        Recurrence r = task.recurrence();
        if (r != null) {
            form.repeat = r.frequency().name();
            form.repeatInterval = Integer.toString(r.interval());
            form.repeatWeekdays = r.weekdays().stream().sorted().map(DayOfWeek::name).toList();
            form.repeatUntil = r.until() == null ? "" : r.until().toString();
        }
        form.sop = Objects.toString(task.sop(), "");
        return form;
    }

    TaskInput toInput() {
        List<String> items = Arrays.stream(checklist.split("\\R")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        return new TaskInput(title, description, clientId, projectId, null, urgent, important, dueDate, dueTime,
                dueZone, estimateMinutes, assigneeId, type, repeat, repeatInterval, repeatWeekdays, repeatUntil, sop,
                items);
    }

    /** A form field for an input field: the checklist's lines are one textarea. */
    static String formField(String field) {
        return field.startsWith("checklist[") ? "checklist" : field;
    }

    public boolean repeatsOn(DayOfWeek day) {
        return repeatWeekdays.contains(day.name());
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getClientId() { return clientId; }
    public void setClientId(String clientId) { this.clientId = clientId; }
    public String getProjectId() { return projectId; }
    public void setProjectId(String projectId) { this.projectId = projectId; }
    public boolean isUrgent() { return urgent; }
    public void setUrgent(boolean urgent) { this.urgent = urgent; }
    public boolean isImportant() { return important; }
    public void setImportant(boolean important) { this.important = important; }
    public String getDueDate() { return dueDate; }
    public void setDueDate(String dueDate) { this.dueDate = dueDate; }
    public String getDueTime() { return dueTime; }
    public void setDueTime(String dueTime) { this.dueTime = dueTime; }
    public String getDueZone() { return dueZone; }
    public void setDueZone(String dueZone) { this.dueZone = dueZone; }
    public String getEstimateMinutes() { return estimateMinutes; }
    public void setEstimateMinutes(String estimateMinutes) { this.estimateMinutes = estimateMinutes; }
    public String getAssigneeId() { return assigneeId; }
    public void setAssigneeId(String assigneeId) { this.assigneeId = assigneeId; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getRepeat() { return repeat; }
    public void setRepeat(String repeat) { this.repeat = repeat; }
    public String getRepeatInterval() { return repeatInterval; }
    public void setRepeatInterval(String repeatInterval) { this.repeatInterval = repeatInterval; }
    public List<String> getRepeatWeekdays() { return repeatWeekdays; }
    public void setRepeatWeekdays(List<String> repeatWeekdays) { this.repeatWeekdays = repeatWeekdays; }
    public String getRepeatUntil() { return repeatUntil; }
    public void setRepeatUntil(String repeatUntil) { this.repeatUntil = repeatUntil; }
    public String getSop() { return sop; }
    public void setSop(String sop) { this.sop = sop; }
    public String getChecklist() { return checklist; }
    public void setChecklist(String checklist) { this.checklist = checklist; }
}
