package app.clientdesk.planning;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A stretch of time the auto-planner proposes for work on one task; a task split over several windows gives
 * several blocks. Blocks of one batch (same-type tasks placed back to back, no buffer between them) share the
 * {@code batch} key, which is unique among one person's blocks; a task on its own has none.
 */
public record ProposedBlock(UUID personId, UUID taskId, Instant start, Instant end, @Nullable String batch) {

    public Interval interval() {
        return new Interval(start, end);
    }
}
