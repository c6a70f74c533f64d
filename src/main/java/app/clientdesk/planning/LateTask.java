package app.clientdesk.planning;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A task the plan finishes after its due time, or cannot place before the horizon although it is due before
 * then. {@code plannedEnd} is null for an unplaced task, whose lateness is counted to the horizon, so the real
 * lateness is at least that.
 */
public record LateTask(UUID taskId, UUID personId, @Nullable Instant plannedEnd, Duration lateBy) {

    /** Whole minutes, rounded up: 20 seconds late is still late, and the API shows minutes. */
    public long lateByMinutes() {
        long minutes = lateBy.toMinutes();
        return lateBy.equals(Duration.ofMinutes(minutes)) ? minutes : minutes + 1;
    }
}
