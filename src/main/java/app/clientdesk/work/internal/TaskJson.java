package app.clientdesk.work.internal;

import app.clientdesk.work.Due;
import app.clientdesk.work.Recurrence;
import app.clientdesk.work.Task;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A task as every route answers it. {@code dueDate} is always set when the task is due; {@code dueAt} (ISO-8601 with the offset of {@code dueZone} at that moment), {@code dueTime} and {@code dueZone} only when a time was given. The API's other shapes of a task are nested here.
 */
record TaskJson(UUID id, UUID clientId, String clientName, @Nullable UUID projectId, @Nullable String projectName,
            String title, @Nullable String description, boolean urgent, boolean important,
            @Schema(allowableValues = {"DO", "SCHEDULE", "DELEGATE", "ELIMINATE"}) String quadrant,
            @Nullable LocalDate dueDate, @Nullable String dueAt, @Nullable String dueTime, @Nullable String dueZone,
            @Nullable Integer estimateMinutes, @Nullable UUID assigneeId, @Nullable String assigneeName,
            @Nullable String type, String stage, UUID stageId,
            @Schema(allowableValues = {"OPEN", "REVIEW", "CLIENT_APPROVAL", "DONE"}) String stageKind, UUID workflowId, int position,
            boolean completed, @Nullable Instant completedAt, @Nullable RecurrenceJson recurrence,
            ChecklistJson checklist, @Nullable String sop, Instant createdAt, Instant updatedAt) {

    static TaskJson of(Task t) {
        Due due = t.due();
        boolean timed = due != null && due.at() != null && due.zone() != null;
        return new TaskJson(t.id().value(), t.clientId().value(), t.clientName(),
                t.projectId() == null ? null : t.projectId().value(), t.projectName(), t.title(), t.description(),
                t.urgent(), t.important(), t.quadrant().name(), due == null ? null : due.date(),
                timed ? due.at().atZone(due.zone()).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        : null,
                timed ? due.timeInStatedZone().toString() : null, timed ? due.zone().getId() : null,
                t.estimateMinutes(), t.assigneeId() == null ? null : t.assigneeId().value(), t.assigneeName(),
                t.type(), t.stage().name(), t.stage().id().value(), t.stage().kind().name(),
                t.workflowId().value(), t.position(), t.completed(), t.completedAt(),
                RecurrenceJson.of(t.recurrence()), new ChecklistJson(t.checklistDone(), t.checklistTotal()), t.sop(),
                t.createdAt(), t.updatedAt());
    }

    record RecurrenceJson(@Schema(allowableValues = {"DAILY", "WEEKLY", "MONTHLY"}) String frequency, int interval, List<String> weekdays, @Nullable LocalDate until) {

        static @Nullable RecurrenceJson of(@Nullable Recurrence r) {
            return r == null ? null : new RecurrenceJson(r.frequency().name(), r.interval(),
                    r.weekdays().stream().sorted().map(DayOfWeek::name).toList(), r.until());
        }
    }

    record ChecklistJson(int done, int total) {
    }

    /** A page of a list, as every list of the API: the items, all matches counted, and whether more follow. */
    record TaskPageJson(List<TaskJson> items, long total, int limit, int offset, boolean hasMore) {
    }

    /**
     * How a task repeats: {@code frequency} DAILY, WEEKLY or MONTHLY (NONE, in a PATCH, stops the repeat),
     * every {@code interval}, on {@code weekdays} for weekly, optionally {@code until} a date.
     */
    record RecurrenceRequest(@Nullable String frequency, @Nullable String interval, @Nullable List<String> weekdays,
            @Nullable String until) {
    }

    /**
     * What {@code POST} and {@code PATCH} accept. In a PATCH an absent (null) field stays as it is and an
     * empty string clears it; {@code stageId} and {@code checklist} are read only when a task is created
     * (move a task with {@code /move}). Due is {@code dueDate}, optionally {@code dueTime} in {@code dueZone}
     * (the client's zone when left out).
     */
    record TaskRequest(@Nullable String title, @Nullable String description, @Nullable String clientId,
            @Nullable String projectId, @Nullable String stageId, @Nullable Boolean urgent,
            @Nullable Boolean important, @Nullable String dueDate, @Nullable String dueTime, @Nullable String dueZone,
            @Nullable String estimateMinutes, @Nullable String assigneeId, @Nullable String type,
            @Nullable RecurrenceRequest recurrence, @Nullable String sop, @Nullable List<String> checklist) {
    }

    /** A move: {@code stageId}, or {@code stage} by name within the task's workflow; {@code position} 0-based. */
    record MoveRequest(@Nullable String stageId, @Nullable String stage, @Nullable Integer position) {
    }

    record NoteRequest(@Nullable String note) {
    }
}
