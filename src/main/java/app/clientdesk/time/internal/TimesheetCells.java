package app.clientdesk.time.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.UserId;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.time.RunningTimer;
import app.clientdesk.time.TimeEntries;
import app.clientdesk.time.TimeEntry;
import app.clientdesk.time.TimeEntryInput;
import app.clientdesk.time.TimeEntryRules;
import app.clientdesk.time.TimeQuery;
import app.clientdesk.time.Timer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Typing a day's total into a timesheet cell. With T the new total and C the cell's current one:
 * <ul>
 * <li>T equal to C as the cell shows it (to the minute): nothing changes;</li>
 * <li>T &gt; C: one new entry of T − C for the row, starting where the person's last entry of that day
 *     ends (09:00 in the person's zone when the day has none). If that would share time with another entry
 *     or the running timer, it goes in the first free gap of that day long enough, searching on from there
 *     and then from midnight; with no such gap, nothing is saved and the cell says so;</li>
 * <li>T &lt; C with one entry in the cell: that entry is shortened to T (its start stays) or, for T = 0,
 *     deleted; an invoiced (locked) entry says why it cannot change;</li>
 * <li>T &lt; C with several entries: nothing changes; the person is sent to that day's entries to choose
 *     which to change.</li>
 * </ul>
 */
@Component
class TimesheetCells {

    static final LocalTime DAY_STARTS = LocalTime.of(9, 0);
    private static final long MAX_SECONDS = 24 * 3600;

    private final TimeEntries entries;
    private final Timer timer;
    private final Clock clock;

    TimesheetCells(TimeEntries entries, Timer timer, Clock clock) {
        this.entries = entries;
        this.timer = timer;
        this.clock = clock;
    }

    /** @throws InvalidInputException (field {@code duration}) saying why the cell cannot hold {@code typed} */
    @Transactional
    void set(CurrentUser viewer, UserId person, RowKey row, LocalDate date, String typed) {
        long target = TimesheetDurations.parse(typed).orElseThrow(() -> refused("timesheet.cell.invalid"));
        if (target > MAX_SECONDS) {
            throw refused("timesheet.cell.tooLong");
        }
        List<TimeEntry> week = entries.week(viewer, person, TimeEntries.weekOf(date));
        List<TimeEntry> day = week.stream().filter(e -> e.localDate().equals(date)).toList();
        List<TimeEntry> cell = day.stream().filter(row::holds).toList();
        long current = cell.stream().mapToLong(TimeEntry::durationSeconds).sum();
        if (target == TimesheetDurations.minutes(current) * 60) {
            return;
        }
        if (target > current) {
            // A new entry is billable like the row's latest entry that week (or billable in a new row).
            boolean billable = week.stream().filter(row::holds).reduce((a, b) -> b).map(TimeEntry::billable)
                    .orElse(true);
            add(viewer, person, row, date, day, billable, target - current);
        } else if (cell.size() > 1) {
            throw refused("timesheet.cell.several", date.format(DateTimeFormatter.ISO_LOCAL_DATE));
        } else {
            TimeEntry only = cell.get(0);
            if (only.locked()) {
                throw refused(TimeEntries.lockedMessage(viewer), Objects.requireNonNullElse(only.invoiceNumber(), "?"));
            }
            if (target == 0) {
                entries.delete(viewer, only.id());
            } else {
                Instant end = only.start().plusSeconds(only.breakSeconds() + target);
                entries.update(viewer, only.id(), new TimeEntryInput(null, null, null, null,
                        iso(only.start(), only.zone()), iso(end, only.zone()), null, null, null, null, null, null, null,
                        null, null, null));
            }
        }
    }

    private void add(CurrentUser viewer, UserId person, RowKey row, LocalDate date, List<TimeEntry> day,
            boolean billable, long seconds) {
        ZoneId zone = viewer.zone();
        Instant dayStart = TimeEntryRules.at(date.atStartOfDay(), zone);
        Instant dayEnd = TimeEntryRules.at(date.plusDays(1).atStartOfDay(), zone);
        Instant preferred = day.stream().map(TimeEntry::end).max(Comparator.naturalOrder())
                .orElse(TimeEntryRules.at(date.atTime(DAY_STARTS), zone));

        // Everything of the person's that could share time with a new entry starting that day.
        List<Instant[]> busy = new ArrayList<>();
        TimeQuery near = new TimeQuery(date.minusDays(2), date.plusDays(2), null, null, person.value(), null,
                TimeQuery.MAX_LIMIT, 0);
        for (TimeEntry e : entries.search(viewer, near)) {
            busy.add(new Instant[] {e.start(), e.end()});
        }
        if (person.equals(viewer.id())) {
            Optional<RunningTimer> running = timer.current(viewer);
            Instant now = clock.instant();
            running.ifPresent(t -> busy.add(new Instant[] {t.startedAt(), now.isAfter(t.startedAt()) ? now
                    : t.startedAt().plusSeconds(1)}));
        }
        List<Instant> starts = new ArrayList<>();
        starts.add(preferred);
        busy.forEach(b -> starts.add(b[1]));
        starts.add(dayStart);
        starts.sort(Comparator.<Instant, Boolean>comparing(s -> s.isBefore(preferred))
                .thenComparing(Comparator.naturalOrder()));
        Instant start = starts.stream()
                .filter(s -> !s.isBefore(dayStart) && s.isBefore(dayEnd))
                .filter(s -> busy.stream().noneMatch(b -> b[0].isBefore(s.plusSeconds(seconds)) && s.isBefore(b[1])))
                .findFirst()
                .orElseThrow(() -> refused("timesheet.cell.noRoom"));

        entries.create(viewer, new TimeEntryInput(row.clientId(), blankToNull(row.projectId()),
                blankToNull(row.taskId()), person.equals(viewer.id()) ? null : person.value().toString(),
                iso(start, zone), iso(start.plusSeconds(seconds), zone), null, null, null, null, zone.getId(), null,
                billable, null, null, null));
    }

    private static String iso(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static @org.jspecify.annotations.Nullable String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static InvalidInputException refused(String key, Object... args) {
        return InvalidInputException.of("duration", key, args);
    }
}
