package app.clientdesk.planning.internal;

import app.clientdesk.planning.TimeBlock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A time block in the API: its times with the offset of the zone it was planned in. */
record TimeBlockJson(UUID id, UUID userId, OffsetDateTime start, OffsetDateTime end, String zone,
        @Nullable UUID clientId, @Nullable String clientName, @Nullable UUID taskId, @Nullable String taskTitle,
        @Nullable String type, @Nullable String title, String label, boolean outsideHours, String source,
        @Nullable String batch) {

    static TimeBlockJson of(TimeBlock b) {
        return new TimeBlockJson(b.id(), b.person().value(), b.start().atZone(b.zone()).toOffsetDateTime(),
                b.end().atZone(b.zone()).toOffsetDateTime(), b.zone().getId(),
                b.clientId() == null ? null : b.clientId().value(), b.clientName(),
                b.taskId() == null ? null : b.taskId().value(), b.taskTitle(), b.type(), b.title(), b.label(),
                b.outsideHours(), b.source().name(), b.batch());
    }

    /** What a create or change sends; on a change, fields left out stay as they are. */
    record TimeBlockRequest(@Nullable String userId, @Nullable String start, @Nullable String end, @Nullable String zone,
            @Nullable String clientId, @Nullable String taskId, @Nullable String type, @Nullable String title,
            @Nullable Boolean outsideHours) {
    }

    record TimeBlockListJson(List<TimeBlockJson> items, OffsetDateTime from, OffsetDateTime to) {
    }
}
