package app.clientdesk.work;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A task as typed in a form or sent to the API, before any rule is checked. Due is a date
 * ({@code dueDate}, "2026-12-01") with an optional local time ({@code dueTime}, "14:30") in a stated
 * zone ({@code dueZone}; the client's zone when left out). {@code estimateMinutes} is whole minutes.
 * Recurrence: {@code repeat} is DAILY, WEEKLY or MONTHLY (blank for none), every {@code repeatInterval},
 * on {@code repeatWeekdays} (MONDAY…) for weekly, optionally {@code repeatUntil} a date.
 * {@code checklist} is used when a task is created; later the checklist is changed item by item.
 */
public record TaskInput(@Nullable String title, @Nullable String description, @Nullable String clientId,
        @Nullable String projectId, @Nullable String stageId, boolean urgent, boolean important,
        @Nullable String dueDate, @Nullable String dueTime, @Nullable String dueZone, @Nullable String estimateMinutes,
        @Nullable String assigneeId, @Nullable String type, @Nullable String repeat, @Nullable String repeatInterval,
        List<String> repeatWeekdays, @Nullable String repeatUntil, @Nullable String sop, List<String> checklist) {

    public TaskInput {
        repeatWeekdays = repeatWeekdays == null ? List.of() : List.copyOf(repeatWeekdays);
        checklist = checklist == null ? List.of() : List.copyOf(checklist);
    }

    /** The least a quick add needs. */
    public static TaskInput quick(String title, String clientId, @Nullable String dueDate) {
        return new TaskInput(title, null, clientId, null, null, false, false, dueDate, null, null, null, null, null,
                null, null, List.of(), null, null, List.of());
    }
}
