package app.clientdesk.planning;

import app.clientdesk.clients.BusinessHours;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.Account;
import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.identity.UserId;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.work.Task;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.Tasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The auto-planner with the workspace's data: each person's working calendar, blocks (and the meetings they
 * attend), the open tasks with estimates assigned to them with their start dates and client hours, turned into a
 * {@link PlanRequest} for {@link AutoPlanner}; and the accepting of a proposal, whose blocks become ordinary ones.
 *
 * <p>A proposal is only a proposal: nothing is saved until the person accepts it. Work already planned (a task's
 * blocks from now on) is subtracted from its estimate, so planning twice does not plan a task twice.
 */
@Service
public class AutoPlans {

    /** The furthest a plan reaches: twelve weeks. */
    public static final Duration LONGEST = Duration.ofDays(84);
    /** The most tasks one plan places: an agency's open, estimated work for a quarter. */
    static final int MOST_TASKS = 5000;
    /** How many of nobody's tasks a team plan lists. */
    static final int NOBODYS_SHOWN = 50;

    private final AutoPlanner planner = new AutoPlanner();
    private final TimeBlocks blocks;
    private final PersonCalendars calendars;
    private final TaskPlans taskPlans;
    private final Tasks tasks;
    private final Clients clients;
    private final Accounts accounts;
    private final org.springframework.beans.factory.ObjectProvider<BusyTime> busy;
    private final Clock clock;

    AutoPlans(TimeBlocks blocks, PersonCalendars calendars, TaskPlans taskPlans, Tasks tasks, Clients clients,
            Accounts accounts, org.springframework.beans.factory.ObjectProvider<BusyTime> busy, Clock clock) {
        this.blocks = blocks;
        this.calendars = calendars;
        this.taskPlans = taskPlans;
        this.tasks = tasks;
        this.clients = clients;
        this.accounts = accounts;
        this.busy = busy;
        this.clock = clock;
    }

    /** A proposal with what a screen needs to show it: the tasks and people by id, and the range planned. */
    public record Proposal(Plan plan, Map<UUID, Task> tasks, Map<UUID, Account> people, Map<UUID, ZoneId> zones,
            List<Task> nobodys, Instant from, Instant to) {

        public Task task(UUID id) {
            return tasks.get(id);
        }
    }

    /**
     * Plans the open work of one person ({@code userId}), or, for the owner without one, of the whole team (each
     * task to its assignee; nobody's tasks listed, not placed), from {@code from} (default now) to {@code to}
     * (default two weeks later), both ISO-8601 dates (read in the person's zone) or instants with their offset.
     *
     * @throws InvalidInputException for a range that does not parse, ends before it starts or is over 12 weeks
     */
    @Transactional(readOnly = true)
    public Proposal propose(CurrentUser viewer, @Nullable String userId, @Nullable String from, @Nullable String to) {
        viewer.requireStaff();
        List<Account> people;
        boolean team = viewer.isOwner() && (userId == null || userId.isBlank());
        if (team) {
            people = accounts.inWorkspace(viewer.workspaceId()).stream()
                    .filter(a -> a.role() != Role.CLIENT && !a.disabled()).toList();
        } else {
            people = List.of(blocks.person(viewer, userId));
        }
        Map<UserId, PersonCalendar> byPerson = calendars.of(viewer.workspaceId(),
                people.stream().map(Account::id).toList());
        ZoneId zone = byPerson.get(team ? viewer.id() : people.get(0).id()) != null
                ? byPerson.get(team ? viewer.id() : people.get(0).id()).zone() : viewer.zone();
        Violations violations = new Violations();
        Instant now = clock.instant();
        Instant start = moment(from, "from", zone, violations);
        Instant end = moment(to, "to", zone, violations);
        violations.throwIfAny();
        start = start == null || start.isBefore(now) ? now : start;
        end = end == null ? start.plus(Duration.ofDays(14)) : end;
        if (!end.isAfter(start)) {
            throw InvalidInputException.of("to", "planning.range.endBeforeStart");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw InvalidInputException.of("to", "planning.range.tooLong", LONGEST.toDays());
        }

        List<Task> open = tasks.plannable(viewer, people.stream().map(Account::id).toList(), MOST_TASKS);
        Map<UUID, Long> planned = blocks.plannedMinutes(viewer, open.stream().map(t -> t.id().value()).toList(), start);
        Map<TaskId, TaskPlan> facts = taskPlans.of(viewer.workspaceId(), open.stream().map(Task::id).toList());
        Set<ClientId> online = open.stream().filter(t -> facts.containsKey(t.id()) && facts.get(t.id())
                .needsClientOnline()).map(Task::clientId).collect(Collectors.toSet());
        Map<ClientId, BusinessHours> hours = online.isEmpty() ? Map.of() : clients.businessHours(viewer, online);
        Map<ClientId, List<Interval>> clientWindows = new HashMap<>();

        List<PlanPerson> planPeople = new ArrayList<>();
        Map<UUID, Account> peopleById = new LinkedHashMap<>();
        Map<UUID, ZoneId> zones = new HashMap<>();
        for (Account person : people) {
            PersonCalendar calendar = byPerson.get(person.id());
            LocalDate first = start.atZone(calendar.zone()).toLocalDate();
            LocalDate last = end.atZone(calendar.zone()).toLocalDate().plusDays(1);
            List<Interval> own = blocks.between(viewer, person.id(), start, end).stream().map(TimeBlock::interval)
                    .toList();
            List<Interval> meetings = new ArrayList<>();
            final Instant s = start;
            final Instant e = end;
            busy.orderedStream().forEach(source -> meetings.addAll(source.busy(viewer, person.id(), s, e)));
            planPeople.add(new PlanPerson(person.id().value(), calendar.zone(), calendar.windows(first, last), own,
                    meetings, calendar.buffer(), calendar.focusLimit()));
            peopleById.put(person.id().value(), person);
            zones.put(person.id().value(), calendar.zone());
        }
        Set<UUID> planning = peopleById.keySet();
        List<PlanTask> planTasks = new ArrayList<>();
        Map<UUID, Task> byId = new HashMap<>();
        for (Task task : open) {
            if (task.assigneeId() == null || !planning.contains(task.assigneeId().value())
                    || task.estimateMinutes() == null) {
                continue;
            }
            long left = task.estimateMinutes() - planned.getOrDefault(task.id().value(), 0L);
            if (left <= 0) {
                continue;
            }
            TaskPlan fact = facts.getOrDefault(task.id(), TaskPlan.none(task.id()));
            List<Interval> windows = List.of();
            if (fact.needsClientOnline()) {
                BusinessHours clientHours = hours.get(task.clientId());
                final Instant s = start;
                final Instant e = end;
                windows = clientWindows.computeIfAbsent(task.clientId(), id -> clientHours == null ? List.of()
                        : WeekHours.of(clientHours).windows(s.atZone(task.clientZone()).toLocalDate().minusDays(1),
                                e.atZone(task.clientZone()).toLocalDate().plusDays(1), task.clientZone(), Set.of()));
            }
            planTasks.add(new PlanTask(task.id().value(), task.assigneeId().value(), Duration.ofMinutes(left),
                    due(task), fact.startsOn(), task.urgent(), task.important(), task.type(), fact.needsClientOnline(),
                    windows));
            byId.put(task.id().value(), task);
        }
        Plan plan = planner.plan(new PlanRequest(start, end, planPeople, planTasks));
        List<Task> nobodys = team ? tasks.plannableOfNobody(viewer, NOBODYS_SHOWN) : List.of();
        return new Proposal(plan, byId, peopleById, zones, nobodys, start, end);
    }

    /** The person whose plan the viewer may accept: themself, or anyone of the staff for the owner; else not found. */
    public Account requirePerson(CurrentUser viewer, String id) {
        return blocks.person(viewer, id);
    }

    /** A task's due moment: its own, or the end of its due date in its client's zone. */
    private static @Nullable Instant due(Task task) {
        if (task.due() == null) {
            return null;
        }
        if (task.due().at() != null) {
            return task.due().at();
        }
        return task.due().date().plusDays(1).atStartOfDay(task.clientZone()).toInstant();
    }

    /** A proposed block the person accepts: whose, for which task, when; the batch it belongs to, if any. */
    public record Accepted(String personId, String taskId, String start, String end, @Nullable String batch) {
    }

    /**
     * Turns the accepted proposals into ordinary blocks, all or none: a proposal that no longer fits (the week
     * changed since it was proposed) refuses the whole acceptance with its reason.
     *
     * @return the blocks made
     */
    @Transactional
    public List<TimeBlock> accept(CurrentUser viewer, List<Accepted> accepted) {
        List<TimeBlock> made = new ArrayList<>();
        for (Accepted a : accepted) {
            Account person = blocks.person(viewer, a.personId());
            PersonCalendar calendar = calendars.of(viewer.workspaceId(), person.id());
            made.add(blocks.create(viewer, new BlockInput(a.personId(), null, null, null, a.start(), a.end(),
                    calendar.zone().getId(), null, a.taskId(), null, null, false), TimeBlock.Source.AUTO, a.batch()));
        }
        return made;
    }

    private static @Nullable Instant moment(@Nullable String text, String field, ZoneId zone, Violations violations) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(field, "planning.range.invalid");
            return null;
        }
    }
}
