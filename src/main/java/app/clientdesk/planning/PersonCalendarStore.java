package app.clientdesk.planning;

import app.clientdesk.identity.UserId;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.sla.Holiday;
import java.sql.Date;
import java.sql.Time;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for people's own calendars; every statement filters by the workspace. */
@Repository
class PersonCalendarStore {

    private final JdbcClient jdbc;

    PersonCalendarStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The saved calendars of those of {@code people} who have one, in three queries whatever their number. */
    Map<UserId, PersonCalendar> find(WorkspaceId workspace, List<UserId> people) {
        if (people.isEmpty()) {
            return Map.of();
        }
        List<UUID> ids = people.stream().map(UserId::value).distinct().toList();
        record Head(ZoneId zone, int buffer, int focus) {
        }
        Map<UUID, Head> heads = new LinkedHashMap<>();
        jdbc.sql("""
                select user_id, time_zone, buffer_minutes, focus_minutes from person_calendars
                where workspace_id = :w and user_id in (:ids)""")
                .param("w", workspace.value()).param("ids", ids)
                .query((rs, n) -> heads.put(rs.getObject("user_id", UUID.class), new Head(
                        ZoneId.of(rs.getString("time_zone")), rs.getInt("buffer_minutes"), rs.getInt("focus_minutes"))))
                .list();
        if (heads.isEmpty()) {
            return Map.of();
        }
        List<UUID> found = List.copyOf(heads.keySet());
        Map<UUID, Map<DayOfWeek, List<WeekHours.Span>>> spans = new HashMap<>();
        jdbc.sql("""
                select user_id, day_of_week, starts_at, ends_at from person_calendar_spans
                where workspace_id = :w and user_id in (:ids)""")
                .param("w", workspace.value()).param("ids", found)
                .query((rs, n) -> spans.computeIfAbsent(rs.getObject("user_id", UUID.class),
                                k -> new EnumMap<>(DayOfWeek.class))
                        .computeIfAbsent(DayOfWeek.of(rs.getInt("day_of_week")), k -> new ArrayList<>())
                        .add(new WeekHours.Span(rs.getTime("starts_at").toLocalTime(),
                                rs.getTime("ends_at").toLocalTime())))
                .list();
        Map<UUID, List<Holiday>> holidays = new HashMap<>();
        jdbc.sql("""
                select user_id, holiday_on, name from person_calendar_holidays
                where workspace_id = :w and user_id in (:ids) order by holiday_on""")
                .param("w", workspace.value()).param("ids", found)
                .query((rs, n) -> holidays.computeIfAbsent(rs.getObject("user_id", UUID.class), k -> new ArrayList<>())
                        .add(new Holiday(rs.getDate("holiday_on").toLocalDate(), rs.getString("name"))))
                .list();
        Map<UserId, PersonCalendar> calendars = new LinkedHashMap<>();
        heads.forEach((id, head) -> calendars.put(new UserId(id), new PersonCalendar(head.zone(),
                new WeekHours(spans.getOrDefault(id, Map.of())), holidays.getOrDefault(id, List.of()),
                Duration.ofMinutes(head.buffer()), Duration.ofMinutes(head.focus()), true)));
        return calendars;
    }

    /** Replaces the person's whole calendar; the caller's transaction makes it all or nothing. */
    void save(WorkspaceId workspace, UserId person, PersonCalendar calendar, Instant now) {
        int updated = jdbc.sql("""
                update person_calendars set time_zone = :zone, buffer_minutes = :buffer, focus_minutes = :focus,
                    updated_at = :now
                where workspace_id = :w and user_id = :u""")
                .param("zone", calendar.zone().getId()).param("buffer", (int) calendar.buffer().toMinutes())
                .param("focus", (int) calendar.focusLimit().toMinutes()).param("now", now.atOffset(ZoneOffset.UTC))
                .param("w", workspace.value()).param("u", person.value()).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into person_calendars (workspace_id, user_id, time_zone, buffer_minutes, focus_minutes,
                        updated_at)
                    values (:w, :u, :zone, :buffer, :focus, :now)""")
                    .param("w", workspace.value()).param("u", person.value()).param("zone", calendar.zone().getId())
                    .param("buffer", (int) calendar.buffer().toMinutes())
                    .param("focus", (int) calendar.focusLimit().toMinutes()).param("now", now.atOffset(ZoneOffset.UTC))
                    .update();
        }
        deleteParts(workspace, person);
        for (Map.Entry<DayOfWeek, List<WeekHours.Span>> day : calendar.hours().days().entrySet()) {
            for (WeekHours.Span span : day.getValue()) {
                jdbc.sql("""
                        insert into person_calendar_spans (workspace_id, user_id, day_of_week, starts_at, ends_at)
                        values (:w, :u, :day, :starts, :ends)""")
                        .param("w", workspace.value()).param("u", person.value())
                        .param("day", day.getKey().getValue()).param("starts", Time.valueOf(span.start()))
                        .param("ends", Time.valueOf(span.end())).update();
            }
        }
        for (Holiday holiday : calendar.holidays()) {
            jdbc.sql("""
                    insert into person_calendar_holidays (workspace_id, user_id, holiday_on, name)
                    values (:w, :u, :on, :name)""")
                    .param("w", workspace.value()).param("u", person.value())
                    .param("on", Date.valueOf(holiday.date())).param("name", holiday.name()).update();
        }
    }

    /** Forgets the person's own calendar: from now on they follow the workspace's. */
    boolean delete(WorkspaceId workspace, UserId person) {
        deleteParts(workspace, person);
        return jdbc.sql("delete from person_calendars where workspace_id = :w and user_id = :u")
                .param("w", workspace.value()).param("u", person.value()).update() > 0;
    }

    private void deleteParts(WorkspaceId workspace, UserId person) {
        jdbc.sql("delete from person_calendar_spans where workspace_id = :w and user_id = :u")
                .param("w", workspace.value()).param("u", person.value()).update();
        jdbc.sql("delete from person_calendar_holidays where workspace_id = :w and user_id = :u")
                .param("w", workspace.value()).param("u", person.value()).update();
    }
}
