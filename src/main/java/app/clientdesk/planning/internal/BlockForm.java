package app.clientdesk.planning.internal;

import app.clientdesk.planning.BlockInput;
import app.clientdesk.planning.TimeBlock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The planner's block form as submitted: a date and wall-clock times in the zone of the week shown. A checkbox
 * sends nothing when unticked, so {@code outsideHours} is "true" or absent.
 */
public record BlockForm(@Nullable String person, @Nullable String date, @Nullable String startTime,
        @Nullable String endTime, @Nullable String zone, @Nullable String clientId, @Nullable String taskId,
        @Nullable String type, @Nullable String title, @Nullable String outsideHours) {

    static BlockForm blank() {
        return new BlockForm(null, null, null, null, null, null, null, null, null, null);
    }

    static BlockForm of(TimeBlock block, ZoneId zone) {
        ZonedDateTime start = block.start().atZone(zone);
        ZonedDateTime end = block.end().atZone(zone);
        String endTime = end.toLocalDate().isAfter(start.toLocalDate()) && end.toLocalTime().toSecondOfDay() == 0
                ? "00:00" : end.toLocalTime().toString();
        return new BlockForm(block.person().value().toString(), start.toLocalDate().toString(),
                start.toLocalTime().toString(), endTime, zone.getId(),
                block.clientId() == null ? null : block.clientId().value().toString(),
                block.taskId() == null ? null : block.taskId().value().toString(), block.type(), block.title(),
                block.outsideHours() ? "true" : null);
    }

    BlockInput toInput() {
        return new BlockInput(person, date, startTime, endTime, null, null, zone, clientId, taskId, type, title,
                isOutsideHours());
    }

    public boolean isOutsideHours() {
        return "true".equals(outsideHours) || "on".equals(outsideHours);
    }

    public String value(@Nullable String field) {
        return Objects.toString(field, "");
    }
}
