package app.clientdesk.planning;

import app.clientdesk.billing.Retainer;
import app.clientdesk.billing.Retainers;
import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.Account;
import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.identity.UserId;
import app.clientdesk.work.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Capacity week by week: per person, the working time their calendar gives, the time already planned (blocks) and
 * the time promised (estimates of their open tasks due that week, by due date; overdue work counts in the first
 * week); per
 * client, the time promised to it (estimates due, and for the owner the retainer hours falling in the week) against
 * the time planned for it. A week whose promised work exceeds the working time is over capacity, shown before it
 * happens.
 */
@Service
public class Capacity {

    private final TimeBlocks blocks;
    private final PersonCalendars calendars;
    private final Tasks tasks;
    private final Accounts accounts;
    private final Retainers retainers;

    Capacity(TimeBlocks blocks, PersonCalendars calendars, Tasks tasks, Accounts accounts, Retainers retainers) {
        this.blocks = blocks;
        this.calendars = calendars;
        this.tasks = tasks;
        this.accounts = accounts;
        this.retainers = retainers;
    }

    /** Minutes of one week: what the calendar gives, what is planned, what is promised. */
    public record Week(long available, long planned, long promised) {

        public boolean over() {
            return promised > available || planned > available;
        }

        public long overBy() {
            return Math.max(promised, planned) - available;
        }

        Week plus(long moreAvailable, long morePlanned, long morePromised) {
            return new Week(available + moreAvailable, planned + morePlanned, promised + morePromised);
        }
    }

    public record PersonRow(Account person, List<Week> weeks) {
    }

    public record ClientRow(ClientId client, String name, List<Week> weeks) {
    }

    public record Table(List<LocalDate> mondays, List<PersonRow> people, List<ClientRow> clients,
            List<Long> unassignedPromised) {
    }

    /** The weeks from {@code monday} on, {@code count} of them, for the viewer's team (owner) or themself. */
    @Transactional(readOnly = true)
    public Table weeks(CurrentUser viewer, LocalDate monday, int count) {
        viewer.requireStaff();
        List<Account> people = viewer.isOwner()
                ? accounts.inWorkspace(viewer.workspaceId()).stream().filter(a -> a.role() != Role.CLIENT
                        && !a.disabled()).toList()
                : List.of(blocks.person(viewer, null));
        Map<UserId, PersonCalendar> byPerson = calendars.of(viewer.workspaceId(),
                people.stream().map(Account::id).toList());
        List<LocalDate> mondays = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            mondays.add(monday.plusWeeks(i));
        }
        Map<ClientId, ClientRow> clientRows = new LinkedHashMap<>();
        List<PersonRow> rows = new ArrayList<>();
        // Promised work as sums per assignee, client and due date: one row per group, however many tasks.
        LocalDate lastDay = mondays.get(mondays.size() - 1).plusDays(6);
        java.util.Set<UserId> shown = people.stream().map(Account::id).collect(java.util.stream.Collectors.toSet());
        List<Tasks.EstimateDue> due = tasks.estimatesDue(viewer, lastDay).stream()
                .filter(d -> d.assignee() == null ? viewer.isOwner() : shown.contains(d.assignee())).toList();
        for (Account person : people) {
            PersonCalendar calendar = byPerson.get(person.id());
            ZoneId zone = calendar.zone();
            Instant from = monday.atStartOfDay(zone).toInstant();
            Instant to = monday.plusWeeks(count).atStartOfDay(zone).toInstant();
            List<TimeBlock> planned = blocks.between(viewer, person.id(), from, to);
            List<Week> weeks = new ArrayList<>();
            for (LocalDate week : mondays) {
                Instant start = week.atStartOfDay(zone).toInstant();
                Instant end = week.plusWeeks(1).atStartOfDay(zone).toInstant();
                long available = calendar.windows(week, week.plusWeeks(1)).stream()
                        .mapToLong(w -> w.duration().toMinutes()).sum();
                long plannedMinutes = 0;
                for (TimeBlock b : planned) {
                    long m = overlap(b.start(), b.end(), start, end);
                    plannedMinutes += m;
                    if (b.clientId() != null && m > 0) {
                        addClient(clientRows, b.clientId(), b.clientName(), mondays, week, 0, m);
                    }
                }
                long promised = 0;
                for (Tasks.EstimateDue d : due) {
                    if (person.id().equals(d.assignee()) && dueIn(d.due(), week, monday)) {
                        promised += d.minutes();
                    }
                }
                weeks.add(new Week(available, plannedMinutes, promised));
            }
            rows.add(new PersonRow(person, weeks));
        }
        // Promised per client: estimates due that week, whoever does them (nobody's too, for the owner).
        List<Long> unassigned = new ArrayList<>();
        for (LocalDate week : mondays) {
            long nobodys = 0;
            for (Tasks.EstimateDue d : due) {
                if (dueIn(d.due(), week, monday)) {
                    addClient(clientRows, d.clientId(), d.clientName(), mondays, week, d.minutes(), 0);
                    if (d.assignee() == null) {
                        nobodys += d.minutes();
                    }
                }
            }
            if (viewer.isOwner()) {
                unassigned.add(nobodys);
            }
        }
        if (viewer.isOwner()) {
            for (Retainer r : retainers.list(viewer)) {
                for (LocalDate week : mondays) {
                    long minutes = retainerMinutes(r, week);
                    if (minutes > 0) {
                        addClient(clientRows, r.clientId(), r.clientName(), mondays, week, minutes, 0);
                    }
                }
            }
        }
        List<ClientRow> clients = new ArrayList<>(clientRows.values());
        clients.sort(java.util.Comparator.comparing(ClientRow::name, String.CASE_INSENSITIVE_ORDER));
        return new Table(mondays, rows, clients, unassigned);
    }

    /**
     * The retainer's included minutes that fall in the week: each day of the week that the retainer runs on takes
     * its month's included minutes divided by the days of that month. Paused retainers promise nothing.
     */
    static long retainerMinutes(Retainer r, LocalDate monday) {
        if (r.paused() || r.includedMinutes() <= 0) {
            return 0;
        }
        double minutes = 0;
        for (LocalDate day = monday; day.isBefore(monday.plusWeeks(1)); day = day.plusDays(1)) {
            if (!day.isBefore(r.startsOn()) && (r.endsOn() == null || !day.isAfter(r.endsOn()))) {
                minutes += (double) r.includedMinutes() / day.lengthOfMonth();
            }
        }
        return Math.round(minutes);
    }

    /** Whether work due on {@code due} is promised in {@code week}; overdue work counts in the first week. */
    private static boolean dueIn(LocalDate due, LocalDate week, LocalDate first) {
        if (week.equals(first) && due.isBefore(first)) {
            return true;
        }
        return !due.isBefore(week) && due.isBefore(week.plusWeeks(1));
    }

    private static long overlap(Instant aStart, Instant aEnd, Instant bStart, Instant bEnd) {
        Instant s = aStart.isAfter(bStart) ? aStart : bStart;
        Instant e = aEnd.isBefore(bEnd) ? aEnd : bEnd;
        return e.isAfter(s) ? Duration.between(s, e).toMinutes() : 0;
    }

    private static void addClient(Map<ClientId, ClientRow> rows, ClientId id, @Nullable String name,
            List<LocalDate> mondays, LocalDate week, long promised, long planned) {
        ClientRow row = rows.computeIfAbsent(id, c -> new ClientRow(c, name == null ? "" : name,
                new ArrayList<>(mondays.stream().map(m -> new Week(0, 0, 0)).toList())));
        int i = mondays.indexOf(week);
        row.weeks().set(i, row.weeks().get(i).plus(0, planned, promised));
    }
}
