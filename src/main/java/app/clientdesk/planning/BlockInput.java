package app.clientdesk.planning;

import org.jspecify.annotations.Nullable;

/**
 * A block as a form or the API sends it, unchecked. Its times come either as {@code start} and {@code end} with
 * their offsets (ISO-8601, the API), or as a {@code date} with wall-clock {@code startTime} and {@code endTime} read
 * in {@code zone} (the planner's form and its drag and drop). {@code person} is the id of whose week it is: the
 * viewer's own when blank.
 */
public record BlockInput(@Nullable String person, @Nullable String date, @Nullable String startTime,
        @Nullable String endTime, @Nullable String start, @Nullable String end, @Nullable String zone,
        @Nullable String clientId, @Nullable String taskId, @Nullable String type, @Nullable String title,
        boolean outsideHours) {

    public static BlockInput empty() {
        return new BlockInput(null, null, null, null, null, null, null, null, null, null, null, false);
    }
}
