package app.clientdesk.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which unbilled time a draft bills, and how it is grouped into lines: local dates from–to, one project, one
 * task, or chosen entries (all the client's unbilled billable time when nothing narrows it).
 */
public record TimeSelection(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable UUID projectId,
        @Nullable UUID taskId, List<UUID> entryIds, Grouping grouping) {

    /** One line per task, per project, per task type, per day, or per entry. */
    public enum Grouping { TASK, PROJECT, TASK_TYPE, DAY, ENTRY }

    public TimeSelection {
        entryIds = entryIds == null ? List.of() : List.copyOf(entryIds);
    }
}
