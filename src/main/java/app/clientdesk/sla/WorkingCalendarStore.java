package app.clientdesk.sla;

import app.clientdesk.clients.BusinessHours;
import app.clientdesk.identity.WorkspaceId;
import java.sql.Date;
import java.sql.Time;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the working calendar of a workspace; every statement filters by the workspace. */
@Repository
class WorkingCalendarStore {

    private final JdbcClient jdbc;

    WorkingCalendarStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CalendarSettings> find(WorkspaceId workspace) {
        Optional<Integer> atRisk = jdbc.sql("select at_risk_percent from working_calendars where workspace_id = :w")
                .param("w", workspace.value()).query(Integer.class).optional();
        if (atRisk.isEmpty()) {
            return Optional.empty();
        }
        Map<DayOfWeek, BusinessHours.Span> days = new EnumMap<>(DayOfWeek.class);
        jdbc.sql("select day_of_week, opens_at, closes_at from working_calendar_hours where workspace_id = :w")
                .param("w", workspace.value())
                .query((rs, n) -> days.put(DayOfWeek.of(rs.getInt("day_of_week")), new BusinessHours.Span(
                        rs.getTime("opens_at").toLocalTime(), rs.getTime("closes_at").toLocalTime())))
                .list();
        List<Holiday> holidays = jdbc.sql("""
                select holiday_on, name from working_calendar_holidays where workspace_id = :w order by holiday_on""")
                .param("w", workspace.value())
                .query((rs, n) -> new Holiday(rs.getDate("holiday_on").toLocalDate(), rs.getString("name"))).list();
        return Optional.of(new CalendarSettings(new BusinessHours(days), holidays, atRisk.get()));
    }

    /** Replaces the whole calendar; the caller's transaction makes it all or nothing. */
    void save(WorkspaceId workspace, CalendarSettings settings, Instant now) {
        int updated = jdbc.sql("""
                update working_calendars set at_risk_percent = :risk, updated_at = :now where workspace_id = :w""")
                .param("risk", settings.atRiskPercent()).param("now", now.atOffset(ZoneOffset.UTC))
                .param("w", workspace.value()).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into working_calendars (workspace_id, at_risk_percent, updated_at) values (:w, :risk, :now)""")
                    .param("w", workspace.value()).param("risk", settings.atRiskPercent())
                    .param("now", now.atOffset(ZoneOffset.UTC)).update();
        }
        jdbc.sql("delete from working_calendar_hours where workspace_id = :w").param("w", workspace.value()).update();
        jdbc.sql("delete from working_calendar_holidays where workspace_id = :w").param("w", workspace.value())
                .update();
        for (Map.Entry<DayOfWeek, BusinessHours.Span> day : settings.hours().days().entrySet()) {
            jdbc.sql("""
                    insert into working_calendar_hours (workspace_id, day_of_week, opens_at, closes_at)
                    values (:w, :day, :opens, :closes)""")
                    .param("w", workspace.value()).param("day", day.getKey().getValue())
                    .param("opens", Time.valueOf(day.getValue().opens()))
                    .param("closes", Time.valueOf(day.getValue().closes())).update();
        }
        for (Holiday holiday : settings.holidays()) {
            jdbc.sql("""
                    insert into working_calendar_holidays (workspace_id, holiday_on, name) values (:w, :on, :name)""")
                    .param("w", workspace.value()).param("on", Date.valueOf(holiday.date()))
                    .param("name", holiday.name()).update();
        }
    }
}
