package app.clientdesk.planning;

import app.clientdesk.clients.ClientId;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A row of a person's usual week: "Mon 09:00–11:00 Harbour". Its times are wall-clock times read in the person's
 * zone when the template is applied to a week, so it stays at 09:00 there across clock changes.
 */
public record BlockTemplate(UUID id, DayOfWeek day, LocalTime start, LocalTime end, @Nullable ClientId clientId,
        @Nullable String clientName, @Nullable String type, @Nullable String title) {

    public String label() {
        if (title != null) {
            return title;
        }
        if (type != null) {
            return type;
        }
        return clientName != null ? clientName : "";
    }
}
