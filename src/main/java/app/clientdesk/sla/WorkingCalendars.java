package app.clientdesk.sla;

import app.clientdesk.clients.BusinessHours;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.identity.Workspaces;
import app.clientdesk.shared.time.TimeZones;
import app.clientdesk.shared.validation.Violations;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import app.clientdesk.shared.web.RequestMemo;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The working calendar of each workspace: read by anyone of the workspace (clocks run for members too), set by its
 * owner only. Until the owner saves one, it is {@link CalendarSettings#defaults()}. Its zone is the workspace's.
 */
@Service
public class WorkingCalendars {

    public static final int MAX_HOLIDAYS = 200;
    public static final int MAX_HOLIDAY_NAME = 80;

    private final WorkingCalendarStore store;
    private final Workspaces workspaces;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    WorkingCalendars(WorkingCalendarStore store, Workspaces workspaces, Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.workspaces = workspaces;
        this.clock = clock;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public CalendarSettings settings(WorkspaceId workspace) {
        return store.find(workspace).orElseGet(CalendarSettings::defaults);
    }

    /** The calendar and at-risk share of the workspace, in the workspace's zone. */
    @Transactional(readOnly = true)
    public SlaPolicy policy(WorkspaceId workspace) {
        return RequestMemo.once("sla.policy", () -> {
            CalendarSettings settings = settings(workspace);
            return new SlaPolicy(settings.in(zone(workspace)), settings.atRiskPercent());
        }, workspace.value());
    }

    public ZoneId zone(WorkspaceId workspace) {
        return TimeZones.parse(workspaces.settings(workspace).timeZone()).orElse(ZoneOffset.UTC);
    }

    /**
     * Replaces the calendar of the owner's workspace, all of it or nothing, and publishes {@link
     * WorkingCalendarChanged} in the same transaction (open requests' clocks are checked again).
     *
     * @throws app.clientdesk.shared.validation.InvalidInputException listing every broken rule; nothing is saved
     */
    @Transactional
    public CalendarSettings save(CurrentUser owner, CalendarInput input) {
        owner.requireOwner();
        CalendarSettings parsed = parse(input);
        store.save(owner.workspaceId(), parsed, clock.instant());
        events.publishEvent(new WorkingCalendarChanged(owner.workspaceId()));
        return parsed;
    }

    /**
     * Checks typed input. Errors name the form's fields: {@code days[i].start}, {@code days[i].end}, {@code days}
     * (no working day), {@code holidays}, {@code atRiskPercent}.
     *
     * @throws app.clientdesk.shared.validation.InvalidInputException listing every broken rule
     */
    public static CalendarSettings parse(CalendarInput input) {
        Violations v = new Violations();
        Map<DayOfWeek, BusinessHours.Span> days = new EnumMap<>(DayOfWeek.class);
        for (int i = 0; i < input.days().size() && i < 7; i++) {
            CalendarInput.Day day = input.days().get(i);
            if (!day.working()) {
                continue;
            }
            LocalTime start = time(day.start(), "days[" + i + "].start", v);
            LocalTime end = time(day.end(), "days[" + i + "].end", v);
            if (start != null && end != null) {
                if (end.isAfter(start)) {
                    days.put(DayOfWeek.of(i + 1), new BusinessHours.Span(start, end));
                } else {
                    v.add("days[" + i + "].end", "client.hours.endBeforeStart");
                }
            }
        }
        if (days.isEmpty() && input.days().stream().noneMatch(CalendarInput.Day::working)) {
            v.add("days", "workingCalendar.days.none");
        }
        List<Holiday> holidays = holidays(input.holidays(), v);
        int atRisk = atRisk(input.atRiskPercent(), v);
        v.throwIfAny();
        return new CalendarSettings(new BusinessHours(days), holidays, atRisk);
    }

    private static @Nullable LocalTime time(@Nullable String value, String field, Violations v) {
        if (value == null || value.isBlank()) {
            v.add(field, "validation.required");
            return null;
        }
        String text = value.strip();
        try {
            LocalTime time = LocalTime.parse(text.length() == 4 ? "0" + text : text);
            if (time.getSecond() != 0 || time.getNano() != 0) {
                v.add(field, "workingCalendar.time.invalid");
                return null;
            }
            return time;
        } catch (DateTimeParseException e) {
            v.add(field, "workingCalendar.time.invalid");
            return null;
        }
    }

    private static List<Holiday> holidays(@Nullable String text, Violations v) {
        List<Holiday> holidays = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return holidays;
        }
        Set<LocalDate> seen = new HashSet<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int lineNo = i + 1;
            String[] parts = line.split("\\s+", 2);
            LocalDate date;
            try {
                date = LocalDate.parse(parts[0]);
            } catch (DateTimeParseException e) {
                v.add("holidays", "workingCalendar.holiday.line", lineNo);
                continue;
            }
            String name = parts.length < 2 ? "" : parts[1].replaceFirst("^[\\s\\-–—:,;]+", "").strip();
            if (name.isEmpty() || name.length() > MAX_HOLIDAY_NAME || name.chars().anyMatch(Character::isISOControl)) {
                v.add("holidays", "workingCalendar.holiday.name", lineNo, MAX_HOLIDAY_NAME);
                continue;
            }
            if (!seen.add(date)) {
                v.add("holidays", "workingCalendar.holiday.duplicate", lineNo, date.toString());
                continue;
            }
            holidays.add(new Holiday(date, name));
        }
        if (holidays.size() > MAX_HOLIDAYS) {
            v.add("holidays", "workingCalendar.holiday.tooMany", MAX_HOLIDAYS);
        }
        holidays.sort(java.util.Comparator.comparing(Holiday::date));
        return holidays;
    }

    private static int atRisk(@Nullable String value, Violations v) {
        try {
            int percent = Integer.parseInt(value == null ? "" : value.strip());
            if (percent >= 1 && percent <= 99) {
                return percent;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        v.add("atRiskPercent", "workingCalendar.atRisk.range", 1, 99);
        return ResponseClock.DEFAULT_AT_RISK_PERCENT;
    }

    /** The form's text for holidays: one a line, date then name. */
    public static String holidaysText(List<Holiday> holidays) {
        StringBuilder text = new StringBuilder();
        for (Holiday h : holidays) {
            text.append(h.date()).append(' ').append(h.name()).append('\n');
        }
        return text.toString();
    }
}
