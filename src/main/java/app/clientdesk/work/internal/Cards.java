package app.clientdesk.work.internal;

import app.clientdesk.clients.ClientId;
import app.clientdesk.shared.web.Ui;
import app.clientdesk.work.Due;
import app.clientdesk.work.Task;
import java.time.ZonedDateTime;
import org.jspecify.annotations.Nullable;

/** How a task shows on a card in every view: its client's colour, its assignee's initials, its due. */
public final class Cards {

    private Cards() {}

    /** The CSS class of a client's colour: the same client has the same colour in every view. */
    public static String colour(ClientId client) {
        return client.colour();
    }

    public static String initials(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        StringBuilder initials = new StringBuilder();
        for (String part : name.strip().split("\\s+")) {
            if (initials.length() < 2 && !part.isEmpty()) {
                initials.appendCodePoint(Character.toUpperCase(part.codePointAt(0)));
            }
        }
        return initials.toString();
    }

    /**
     * When a task is due as the viewer reads it: the date, and for a moment the viewer's local time, with the
     * time in the stated zone when that is another clock ("Dec 1, 2026 10:00 · 23:00 Sydney").
     */
    public static String due(Ui ui, @Nullable Due due) {
        if (due == null) {
            return "";
        }
        if (due.at() == null || due.zone() == null) {
            return ui.date(due.date());
        }
        ZonedDateTime mine = due.at().atZone(ui.zone());
        String text = ui.date(mine.toLocalDate()) + " " + ui.time(mine);
        ZonedDateTime stated = due.at().atZone(due.zone());
        if (!stated.toLocalDateTime().equals(mine.toLocalDateTime())) {
            text += " · " + ui.time(stated) + " " + city(due.zone().getId());
        }
        return text;
    }

    static String city(String zone) {
        return zone.substring(zone.lastIndexOf('/') + 1).replace('_', ' ');
    }

    public static String checklist(Task task) {
        return task.checklistTotal() == 0 ? "" : task.checklistDone() + "/" + task.checklistTotal();
    }

    /** A duration in minutes as hours and minutes, "3h 20m". */
    public static String minutes(long minutes) {
        return minutes < 60 ? minutes + "m" : (minutes / 60) + "h" + (minutes % 60 == 0 ? "" : " " + (minutes % 60) + "m");
    }
}
