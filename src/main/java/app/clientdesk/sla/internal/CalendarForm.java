package app.clientdesk.sla.internal;

import app.clientdesk.sla.CalendarInput;
import app.clientdesk.sla.CalendarSettings;
import app.clientdesk.sla.WorkingCalendars;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;

/**
 * The working-calendar form as submitted: seven weekday rows (Monday first), the holidays text and the at-risk
 * share. A mutable bean because Spring binds indexed rows into it; it becomes a {@link CalendarInput}.
 */
public class CalendarForm {

    public static class DayRow {
        private boolean working;
        private String start = "09:00";
        private String end = "18:00";

        public boolean isWorking() { return working; }
        public void setWorking(boolean working) { this.working = working; }
        public String getStart() { return start; }
        public void setStart(String start) { this.start = start; }
        public String getEnd() { return end; }
        public void setEnd(String end) { this.end = end; }
    }

    private List<DayRow> days = new ArrayList<>();
    private String holidays = "";
    private String atRiskPercent = "75";

    public List<DayRow> getDays() { return days; }
    public void setDays(List<DayRow> days) { this.days = days; }
    public String getHolidays() { return holidays; }
    public void setHolidays(String holidays) { this.holidays = holidays; }
    public String getAtRiskPercent() { return atRiskPercent; }
    public void setAtRiskPercent(String atRiskPercent) { this.atRiskPercent = atRiskPercent; }

    static CalendarForm of(CalendarSettings settings) {
        CalendarForm form = new CalendarForm();
        for (DayOfWeek day : DayOfWeek.values()) {
            DayRow row = new DayRow();
            settings.hours().on(day).ifPresent(span -> {
                row.working = true;
                row.start = span.opens().toString();
                row.end = span.closes().toString();
            });
            form.days.add(row);
        }
        form.holidays = WorkingCalendars.holidaysText(settings.holidays());
        form.atRiskPercent = Integer.toString(settings.atRiskPercent());
        return form;
    }

    /** Seven rows whatever was posted, so the page can always draw the week. */
    CalendarForm withSevenDays() {
        while (days.size() < 7) {
            days.add(new DayRow());
        }
        for (int i = 0; i < days.size(); i++) {
            if (days.get(i) == null) {
                days.set(i, new DayRow());
            }
        }
        return this;
    }

    CalendarInput toInput() {
        List<CalendarInput.Day> rows = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            DayRow row = i < days.size() && days.get(i) != null ? days.get(i) : new DayRow();
            rows.add(new CalendarInput.Day(row.working, row.start, row.end));
        }
        return new CalendarInput(rows, holidays, atRiskPercent);
    }
}
