package app.clientdesk.planning;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An open task with an estimate, as the auto-planner needs it (no title: the plan names tasks by id).
 *
 * <p>{@code startDate} is a date in the assignee's zone: the task is not placed before that day begins there.
 * {@code clientWindows} are the client's business hours as real intervals and are read only when
 * {@code needsClientOnline}; such a task with no client windows cannot be placed. A task of a {@code type} may be
 * batched with others of the same type (see {@link AutoPlanner}).
 */
public record PlanTask(UUID id, @Nullable UUID assignee, Duration estimate, @Nullable Instant due,
        @Nullable LocalDate startDate, boolean urgent, boolean important, @Nullable String type,
        boolean needsClientOnline, List<Interval> clientWindows) {

    public PlanTask {
        if (estimate.isNegative() || estimate.isZero()) {
            throw new IllegalArgumentException("a task to plan needs an estimate above zero: " + id);
        }
        clientWindows = List.copyOf(clientWindows);
    }

    /** A task with nothing but an assignee, an estimate and perhaps a due time; the other fields as most tasks. */
    public static PlanTask simple(UUID id, @Nullable UUID assignee, Duration estimate, @Nullable Instant due) {
        return new PlanTask(id, assignee, estimate, due, null, false, false, null, false, List.of());
    }

    boolean urgentAndImportant() {
        return urgent && important;
    }
}
