package app.clientdesk.time.internal;

import app.clientdesk.identity.UserId;
import app.clientdesk.time.TimeEntry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One person's week as the timesheet shows it: a row per client/project/task with time that week (and rows
 * the person added), a column per day from Monday; each cell the seconds of the entries whose local date
 * is that day. {@code others} is true when the owner looks at someone else's week.
 */
public record Timesheet(UserId person, String personName, boolean others, LocalDate firstDay, LocalDate today,
        List<LocalDate> days, List<Row> rows, List<Long> dayTotals, long total, long billable,
        List<TimeEntry> entries, List<RowKey> extra) {

    /** A row and its seconds, day by day from Monday. */
    public record Row(RowKey key, String clientName, @Nullable String projectName, @Nullable String taskTitle,
            List<Long> seconds, long total) {

        public long on(int day) {
            return seconds.get(day);
        }

        /** "Client · Project · Task", for labels read by screen readers. */
        public String label() {
            StringBuilder s = new StringBuilder(clientName);
            if (projectName != null) {
                s.append(" · ").append(projectName);
            }
            if (taskTitle != null) {
                s.append(" · ").append(taskTitle);
            }
            return s.toString();
        }
    }

    public long nonBillable() {
        return total - billable;
    }

    public boolean isToday(LocalDate day) {
        return day.equals(today);
    }

    public LocalDate lastDay() {
        return firstDay.plusDays(6);
    }

    public List<TimeEntry> on(LocalDate day) {
        return entries.stream().filter(e -> e.localDate().equals(day)).toList();
    }

    public boolean thisWeek() {
        return !today.isBefore(firstDay) && !today.isAfter(lastDay());
    }

    /** The link to another week of the same person (rows added by hand stay behind). */
    public String weekLink(LocalDate week) {
        return "/time?week=" + week + personParam();
    }

    /** The link back to this very sheet, rows added by hand included. */
    public String link() {
        String rows = extra.stream().map(RowKey::param).collect(Collectors.joining(","));
        return weekLink(firstDay) + (rows.isEmpty() ? "" : "&rows=" + URLEncoder.encode(rows, StandardCharsets.UTF_8));
    }

    public String rowsParam() {
        return extra.stream().map(RowKey::param).collect(Collectors.joining(","));
    }

    public String personParam() {
        return others ? "&user=" + person.value() : "";
    }

    public @Nullable String userId() {
        return others ? person.value().toString() : null;
    }
}
