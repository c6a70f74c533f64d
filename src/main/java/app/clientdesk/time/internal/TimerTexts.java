package app.clientdesk.time.internal;

import app.clientdesk.shared.web.Ui;
import app.clientdesk.time.TimeEntry;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** How the timer says durations and what it did, in the viewer's language. */
public final class TimerTexts {

    private TimerTexts() {}

    private interface Texts {
        String t(String key, Object... args);
    }

    /** Worked time as a running clock shows it: "0:07:05", "12:30:00". */
    public static String clock(long seconds) {
        long s = Math.max(0, seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    /** A duration in words, to the nearest minute (half a minute up): "1 h 25 min", "40 min", "12 s". */
    public static String duration(Ui ui, long seconds) {
        return duration(ui::t, seconds);
    }

    static String duration(MessageSource texts, Locale locale, long seconds) {
        return duration((key, args) -> texts.getMessage(key, args, key, locale), seconds);
    }

    private static String duration(Texts texts, long seconds) {
        if (seconds < 30) {
            return texts.t("timer.duration.seconds", Math.max(0, seconds));
        }
        long minutes = (seconds + 30) / 60;
        if (minutes < 60) {
            return texts.t("timer.duration.minutes", minutes);
        }
        return minutes % 60 == 0 ? texts.t("timer.duration.hours", minutes / 60)
                : texts.t("timer.duration.hoursMinutes", minutes / 60, minutes % 60);
    }

    /** "Logged 1 h 25 min on “Monthly report” for Gamma Ltd." */
    static String logged(MessageSource texts, Locale locale, TimeEntry entry) {
        String what = entry.taskTitle() != null ? entry.taskTitle()
                : entry.note() != null ? entry.note() : entry.projectName();
        String length = duration(texts, locale, entry.durationSeconds());
        return what == null
                ? texts.getMessage("timer.logged.client", new Object[] {length, entry.clientName()}, locale)
                : texts.getMessage("timer.logged", new Object[] {length, what, entry.clientName()}, locale);
    }
}
