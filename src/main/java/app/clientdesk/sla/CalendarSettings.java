package app.clientdesk.sla;

import app.clientdesk.clients.BusinessHours;
import java.time.ZoneId;
import java.util.List;

/**
 * A workspace's working calendar as its owner set it: hours per weekday, holidays, and the share of a commitment
 * used from which a request is at risk. The zone is not here: it is the workspace's own.
 */
public record CalendarSettings(BusinessHours hours, List<Holiday> holidays, int atRiskPercent) {

    public CalendarSettings {
        holidays = List.copyOf(holidays);
    }

    /** Monday to Friday, 09:00 to 18:00, no holidays, at risk from 75%. */
    public static CalendarSettings defaults() {
        return new CalendarSettings(WorkingCalendar.standardHours(), List.of(), ResponseClock.DEFAULT_AT_RISK_PERCENT);
    }

    public WorkingCalendar in(ZoneId zone) {
        return new WorkingCalendar(hours, holidays, zone);
    }
}
