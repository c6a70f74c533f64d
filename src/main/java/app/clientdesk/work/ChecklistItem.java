package app.clientdesk.work;

import java.util.UUID;

public record ChecklistItem(UUID id, int position, String text, boolean done) {
}
