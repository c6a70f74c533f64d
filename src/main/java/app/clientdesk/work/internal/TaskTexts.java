package app.clientdesk.work.internal;

import app.clientdesk.shared.web.Ui;
import app.clientdesk.work.Due;
import app.clientdesk.work.Recurrence;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.stream.Collectors;

/** How the task screens say a task's due, estimate and repeat in the viewer's language. */
public final class TaskTexts {

    private TaskTexts() {}

    /** "Every week on Monday, Thursday, until 31 Dec 2026". */
    public static String recurrence(Ui ui, Recurrence r) {
        String unit = switch (r.frequency()) {
            case DAILY -> "tasks.repeat.everyDays";
            case WEEKLY -> "tasks.repeat.everyWeeks";
            case MONTHLY -> "tasks.repeat.everyMonths";
        };
        String text = ui.plural(unit, r.interval());
        if (r.frequency() == Recurrence.Frequency.WEEKLY) {
            text = ui.t("tasks.repeat.onDays", text, r.weekdays().stream().sorted()
                    .map(d -> weekday(ui, d)).collect(Collectors.joining(", ")));
        }
        if (r.until() != null) {
            text = ui.t("tasks.repeat.until", text, ui.date(r.until()));
        }
        return text;
    }

    public static String weekday(Ui ui, DayOfWeek day) {
        String name = day.getDisplayName(TextStyle.FULL, ui.locale());
        return name.substring(0, 1).toUpperCase(ui.locale()) + name.substring(1);
    }

    /** "1 h 30 min", "45 min". */
    public static String estimate(Ui ui, int minutes) {
        int hours = minutes / 60;
        int rest = minutes % 60;
        if (hours == 0) {
            return ui.t("tasks.estimate.minutes", rest);
        }
        return rest == 0 ? ui.t("tasks.estimate.hours", hours) : ui.t("tasks.estimate.hoursMinutes", hours, rest);
    }

    /** The due date as stated, with its time and zone when it has them. */
    public static String due(Ui ui, Due due) {
        if (!due.hasTime() || due.at() == null || due.zone() == null) {
            return ui.date(due.date());
        }
        var stated = due.at().atZone(due.zone());
        return ui.date(due.date()) + " " + ui.time(stated) + " (" + due.zone().getId().replace('_', ' ') + ")";
    }

    /** The viewer's own local date and time of a due moment; empty for a date alone or the same zone. */
    public static String dueForViewer(Ui ui, Due due) {
        if (!due.hasTime() || due.at() == null || ui.zone().equals(due.zone())) {
            return "";
        }
        return ui.t("tasks.due.yourTime", ui.dateTime(due.at()));
    }
}
