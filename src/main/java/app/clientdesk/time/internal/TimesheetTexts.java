package app.clientdesk.time.internal;

import app.clientdesk.shared.web.Ui;
import app.clientdesk.time.TimeEntry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** How the time screens write an entry's parts for people. */
public final class TimesheetTexts {

    private TimesheetTexts() {}

    /** "09:00–10:30" in the entry's own zone, with "+1 day" when it ends on a later date. */
    public static String span(Ui ui, TimeEntry e) {
        String text = ui.time(e.localStart()) + "–" + ui.time(e.localEnd());
        long days = ChronoUnit.DAYS.between(e.localStart().toLocalDate(), e.localEnd().toLocalDate());
        return days > 0 ? text + " " + ui.t("timesheet.entry.nextDay", days) : text;
    }

    /** The entry's zone when it is not the viewer's, else empty. */
    public static String zone(Ui ui, TimeEntry e) {
        return e.zone().equals(ui.zone()) ? "" : e.zone().getId();
    }

    /** "Monday, Dec 1, 2026". */
    public static String day(Ui ui, LocalDate day) {
        return DateTimeFormatter.ofPattern("EEEE", ui.locale()).format(day) + ", " + ui.date(day);
    }

    /** "Mon, Dec 1": a day in a sentence. */
    public static String dayText(java.util.Locale locale, LocalDate day) {
        return DateTimeFormatter.ofPattern("EEE", locale).format(day) + ", "
                + DateTimeFormatter.ofPattern(java.time.format.DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                        java.time.format.FormatStyle.MEDIUM, null, java.time.chrono.IsoChronology.INSTANCE, locale),
                        locale).format(day);
    }

    /** "Client · Project · Task". */
    public static String what(TimeEntry e) {
        StringBuilder s = new StringBuilder(e.clientName());
        if (e.projectName() != null) {
            s.append(" · ").append(e.projectName());
        }
        if (e.taskTitle() != null) {
            s.append(" · ").append(e.taskTitle());
        }
        return s.toString();
    }

    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
