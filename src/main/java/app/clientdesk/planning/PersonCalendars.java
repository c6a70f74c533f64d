package app.clientdesk.planning;

import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.identity.UserId;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.sla.CalendarSettings;
import app.clientdesk.sla.Holiday;
import app.clientdesk.sla.WorkingCalendars;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's working calendar. Reading ({@link #of}) is for the planner and checks nothing about who asks;
 * changing it is for the person themselves or the workspace owner. Until someone saves it, a person's calendar is
 * the workspace's (its hours, holidays and zone) with {@link PersonCalendar#DEFAULT_BUFFER} and {@link
 * PersonCalendar#DEFAULT_FOCUS_LIMIT}; the first change of any part (hours, a holiday, an import) starts from that
 * and makes the calendar the person's own.
 */
@Service
public class PersonCalendars {

    private final PersonCalendarStore store;
    private final WorkingCalendars workspaceCalendars;
    private final Accounts accounts;
    private final Clock clock;

    PersonCalendars(PersonCalendarStore store, WorkingCalendars workspaceCalendars, Accounts accounts, Clock clock) {
        this.store = store;
        this.workspaceCalendars = workspaceCalendars;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** What the person was imported: added holidays, dates already listed, and events at a time of day left out. */
    public record HolidayImport(int added, int alreadyListed, int timedEvents) {
    }

    /**
     * The person's calendar, or the workspace's while they have none. Does not check that the person belongs to the
     * workspace: anyone else gets the workspace's calendar too.
     */
    @Transactional(readOnly = true)
    public PersonCalendar of(WorkspaceId workspace, UserId person) {
        return of(workspace, List.of(person)).get(person);
    }

    /** {@link #of(WorkspaceId, UserId)} for several people at once, in the order given. */
    @Transactional(readOnly = true)
    public Map<UserId, PersonCalendar> of(WorkspaceId workspace, List<UserId> people) {
        Map<UserId, PersonCalendar> saved = store.find(workspace, people);
        Map<UserId, PersonCalendar> calendars = new LinkedHashMap<>();
        PersonCalendar fallback = null;
        for (UserId person : people) {
            PersonCalendar calendar = saved.get(person);
            if (calendar == null) {
                if (fallback == null) {
                    fallback = workspaceDefault(workspace);
                }
                calendar = fallback;
            }
            calendars.put(person, calendar);
        }
        return calendars;
    }

    /** The calendar of everyone who has not saved their own: the workspace's hours, holidays and zone. */
    @Transactional(readOnly = true)
    public PersonCalendar workspaceDefault(WorkspaceId workspace) {
        CalendarSettings settings = workspaceCalendars.settings(workspace);
        return new PersonCalendar(workspaceCalendars.zone(workspace), WeekHours.of(settings.hours()),
                settings.holidays(), PersonCalendar.DEFAULT_BUFFER, PersonCalendar.DEFAULT_FOCUS_LIMIT, false);
    }

    /**
     * The calendar {@code editor} may change: their own, or, for the owner, any staff member's of the workspace.
     *
     * @throws NotFoundException for anyone not on the workspace's staff
     * @throws org.springframework.security.access.AccessDeniedException for a member asking for someone else's
     */
    @Transactional(readOnly = true)
    public PersonCalendar forEditing(CurrentUser editor, UserId person) {
        requireEditor(editor, person);
        return of(editor.workspaceId(), person);
    }

    /**
     * Replaces zone, hours, buffer and focus limit; the holidays stay as they are (the workspace's, for a calendar
     * that followed it).
     *
     * @throws InvalidInputException listing every broken rule; nothing is saved
     */
    @Transactional
    public PersonCalendar save(CurrentUser editor, UserId person, PersonCalendarInput input) {
        requireEditor(editor, person);
        CalendarRules.Parsed parsed = CalendarRules.parse(input);
        PersonCalendar current = of(editor.workspaceId(), person);
        return store(editor, person, new PersonCalendar(parsed.zone(), parsed.hours(), current.holidays(),
                parsed.buffer(), parsed.focusLimit(), true));
    }

    /** @throws InvalidInputException for a bad date ({@code date}) or name ({@code name}), or a date already listed */
    @Transactional
    public PersonCalendar addHoliday(CurrentUser editor, UserId person, @Nullable String date, @Nullable String name) {
        requireEditor(editor, person);
        Violations v = new Violations();
        LocalDate day = CalendarRules.date(date, "date", v);
        String checkedName = CalendarRules.name(name, "name", v);
        v.throwIfAny();
        PersonCalendar current = of(editor.workspaceId(), person);
        if (current.holiday(day).isPresent()) {
            throw InvalidInputException.of("date", "calendars.holiday.duplicate", day.toString());
        }
        if (current.holidays().size() >= CalendarRules.MAX_HOLIDAYS) {
            throw InvalidInputException.of("date", "calendars.holiday.tooMany", CalendarRules.MAX_HOLIDAYS);
        }
        List<Holiday> holidays = new ArrayList<>(current.holidays());
        holidays.add(new Holiday(day, checkedName));
        return store(editor, person, withHolidays(current, holidays));
    }

    /** Takes the date off the list; a date not listed changes nothing. */
    @Transactional
    public PersonCalendar removeHoliday(CurrentUser editor, UserId person, @Nullable String date) {
        requireEditor(editor, person);
        Violations v = new Violations();
        LocalDate day = CalendarRules.date(date, "date", v);
        v.throwIfAny();
        PersonCalendar current = of(editor.workspaceId(), person);
        if (current.holiday(day).isEmpty()) {
            return current;
        }
        return store(editor, person, withHolidays(current,
                current.holidays().stream().filter(h -> !h.date().equals(day)).toList()));
    }

    /**
     * Adds the all-day events of an ICS file as holidays, all of them or none. A date already listed keeps its name.
     * {@code fallbackName} names an event without a summary.
     *
     * @throws InvalidInputException under {@code file} when the file is not a calendar, an event has no date, it
     *     has no all-day event, or the list would grow past {@value CalendarRules#MAX_HOLIDAYS}
     */
    @Transactional
    public HolidayImport importHolidays(CurrentUser editor, UserId person, byte[] file, String fallbackName) {
        requireEditor(editor, person);
        HolidayFile.Read read = HolidayFile.read(file, fallbackName);
        PersonCalendar current = of(editor.workspaceId(), person);
        TreeMap<LocalDate, Holiday> holidays = new TreeMap<>();
        current.holidays().forEach(h -> holidays.put(h.date(), h));
        int added = 0;
        int known = 0;
        for (Holiday holiday : read.holidays()) {
            if (holidays.putIfAbsent(holiday.date(), holiday) == null) {
                added++;
            } else {
                known++;
            }
        }
        if (holidays.size() > CalendarRules.MAX_HOLIDAYS) {
            throw InvalidInputException.of("file", "calendars.holiday.tooMany", CalendarRules.MAX_HOLIDAYS);
        }
        store(editor, person, withHolidays(current, List.copyOf(holidays.values())));
        return new HolidayImport(added, known, read.timedEvents());
    }

    /** Forgets the person's own calendar, so they follow the workspace's again. */
    @Transactional
    public void followWorkspace(CurrentUser editor, UserId person) {
        requireEditor(editor, person);
        store.delete(editor.workspaceId(), person);
    }

    private PersonCalendar store(CurrentUser editor, UserId person, PersonCalendar calendar) {
        store.save(editor.workspaceId(), person, calendar, clock.instant());
        return calendar;
    }

    private static PersonCalendar withHolidays(PersonCalendar calendar, List<Holiday> holidays) {
        return new PersonCalendar(calendar.zone(), calendar.hours(), holidays, calendar.buffer(),
                calendar.focusLimit(), true);
    }

    private void requireEditor(CurrentUser editor, UserId person) {
        editor.requireStaff();
        if (!editor.id().equals(person)) {
            editor.requireOwner();
        }
        accounts.find(editor.workspaceId(), person).filter(a -> a.role() != Role.CLIENT)
                .orElseThrow(() -> new NotFoundException("person"));
    }
}
