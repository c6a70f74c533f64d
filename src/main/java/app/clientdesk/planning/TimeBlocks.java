package app.clientdesk.planning;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.Account;
import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.identity.UserId;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.work.Task;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.Tasks;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Time blocks as the viewer may see and change them: the owner plans anyone's week in the workspace, a member
 * only their own, a client contact none. A block the viewer may not see is not found.
 *
 * <p>Rules beyond the block's own fields ({@link BlockRules}): its client and task are ones the person whose week
 * it is may see (the owner planning a member's week cannot put another client's name on it), a task and a client
 * named together belong together, a block lies inside the person's working time (their {@link PersonCalendar})
 * unless they say it is outside on purpose, and a person's blocks never overlap (checked with the person's row
 * locked, so two tabs cannot both pass). A block's zone is the person's calendar's unless the input names one.
 */
@Service
public class TimeBlocks {

    private final TimeBlockStore store;
    private final Accounts accounts;
    private final Clients clients;
    private final Tasks tasks;
    private final PersonCalendars calendars;
    private final Clock clock;

    TimeBlocks(TimeBlockStore store, Accounts accounts, Clients clients, Tasks tasks, PersonCalendars calendars,
            Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.clients = clients;
        this.tasks = tasks;
        this.calendars = calendars;
        this.clock = clock;
    }

    public Optional<TimeBlock> find(CurrentUser viewer, UUID id) {
        if (viewer.isClientContact()) {
            return Optional.empty();
        }
        return store.find(viewer.workspaceId(), viewer.isOwner() ? null : viewer.id(), id);
    }

    public TimeBlock get(CurrentUser viewer, UUID id) {
        return find(viewer, id).orElseThrow(() -> new NotFoundException("time block"));
    }

    /** The person's blocks overlapping {@code [from, to)}, in time order. */
    public List<TimeBlock> between(CurrentUser viewer, UserId person, Instant from, Instant to) {
        person(viewer, person.value().toString());
        return store.between(viewer.workspaceId(), person, from, to);
    }

    /**
     * The viewer's own blocks overlapping {@code [from, to)}, in time order: one statement, for pages that show only
     * the signed-in person's day (Today), without looking the person up again.
     */
    public List<TimeBlock> ofViewer(CurrentUser viewer, Instant from, Instant to) {
        viewer.requireStaff();
        return store.between(viewer.workspaceId(), viewer.id(), from, to);
    }

    /**
     * The person whose week the viewer plans: the viewer when {@code id} is blank; anyone of the workspace's staff
     * for the owner; only themself for a member. Anyone else is not found.
     */
    public Account person(CurrentUser viewer, @Nullable String id) {
        viewer.requireStaff();
        UserId person;
        if (BlockRules.blank(id)) {
            person = viewer.id();
        } else {
            try {
                person = UserId.parse(id.strip());
            } catch (IllegalArgumentException e) {
                throw new NotFoundException("person");
            }
        }
        if (!viewer.isOwner() && !person.equals(viewer.id())) {
            throw new NotFoundException("person");
        }
        return accounts.find(viewer.workspaceId(), person).filter(a -> a.role() != Role.CLIENT)
                .orElseThrow(() -> new NotFoundException("person"));
    }

    /** Minutes of the tasks' blocks from {@code from} on, per task: work already planned. */
    Map<UUID, Long> plannedMinutes(CurrentUser viewer, java.util.Collection<UUID> tasks, Instant from) {
        return tasks.isEmpty() ? Map.of() : store.plannedMinutes(viewer.workspaceId(), tasks, from);
    }

    /** @throws InvalidInputException listing every broken rule; nothing is saved */
    @Transactional
    public TimeBlock create(CurrentUser viewer, BlockInput input) {
        return create(viewer, input, TimeBlock.Source.MANUAL, null);
    }

    @Transactional
    TimeBlock create(CurrentUser viewer, BlockInput input, TimeBlock.Source source, @Nullable String batch) {
        Account person = person(viewer, input.person());
        PersonCalendar calendar = calendars.of(viewer.workspaceId(), person.id());
        BlockRules.Valid valid = BlockRules.check(input, calendar.zone());
        UUID client = client(viewer, person, valid);
        requireWorkingTime(valid, calendar);
        store.lockPerson(viewer.workspaceId(), person.id());
        if (store.overlaps(viewer.workspaceId(), person.id(), valid.start(), valid.end(), null)) {
            throw InvalidInputException.of("startTime", "planning.block.overlaps");
        }
        UUID id = UUID.randomUUID();
        store.insert(viewer.workspaceId(), id, person.id(), valid, client, source, batch, clock.instant());
        return get(viewer, id);
    }

    /**
     * {@link #create} inside a caller's transaction that goes on when this block is refused (a template's row that
     * does not fit): the checks come before any write, so a refusal leaves nothing behind.
     */
    TimeBlock createNested(CurrentUser viewer, BlockInput input, TimeBlock.Source source) {
        return create(viewer, input, source, null);
    }

    /** Whether the person may see the client, and so have it on a block (the viewer must see it too). */
    boolean visible(CurrentUser viewer, Account person, ClientId client) {
        return clients.find(viewer, client).isPresent()
                && (person.id().equals(viewer.id()) || clients.visibleTo(person, client));
    }

    /** Changes every field of the block but whose it is. */
    @Transactional
    public TimeBlock update(CurrentUser viewer, UUID id, BlockInput input) {
        TimeBlock block = get(viewer, id);
        Account person = accounts.find(viewer.workspaceId(), block.person())
                .orElseThrow(() -> new NotFoundException("person"));
        BlockRules.Valid valid = BlockRules.check(input, block.zone());
        UUID client = client(viewer, person, valid);
        requireWorkingTime(valid, calendars.of(viewer.workspaceId(), person.id()));
        store.lockPerson(viewer.workspaceId(), person.id());
        if (store.overlaps(viewer.workspaceId(), person.id(), valid.start(), valid.end(), id)) {
            throw InvalidInputException.of("startTime", "planning.block.overlaps");
        }
        store.update(viewer.workspaceId(), id, valid, client, clock.instant());
        return get(viewer, id);
    }

    /** Moves or resizes the block to {@code [start, end)}, keeping what it is for: a drag on the planner. */
    @Transactional
    public TimeBlock move(CurrentUser viewer, UUID id, @Nullable String start, @Nullable String end) {
        TimeBlock block = get(viewer, id);
        return update(viewer, id, new BlockInput(null, null, null, null, start, end, block.zone().getId(),
                block.clientId() == null ? null : block.clientId().value().toString(),
                block.taskId() == null ? null : block.taskId().value().toString(), block.type(), block.title(),
                block.outsideHours()));
    }

    @Transactional
    public void delete(CurrentUser viewer, UUID id) {
        get(viewer, id);
        store.delete(viewer.workspaceId(), id);
    }

    /** The person's calendar: the zone their week is shown in, their working hours and days off. */
    public PersonCalendar calendar(CurrentUser viewer, Account person) {
        return calendars.of(viewer.workspaceId(), person.id());
    }

    /** Refuses a block that is not all inside one of the person's working windows, unless it says it is outside. */
    private static void requireWorkingTime(BlockRules.Valid valid, PersonCalendar calendar) {
        if (valid.outsideHours()) {
            return;
        }
        java.time.LocalDate first = valid.start().atZone(calendar.zone()).toLocalDate();
        java.time.LocalDate last = valid.end().atZone(calendar.zone()).toLocalDate();
        Interval block = new Interval(valid.start(), valid.end());
        boolean inside = calendar.windows(first, last.plusDays(1)).stream().anyMatch(w -> w.contains(block));
        if (!inside) {
            throw InvalidInputException.of("outsideHours", "planning.block.outsideHours.refused");
        }
    }

    /** The block's client: the one named, else its task's; refused when the person may not see either. */
    private @Nullable UUID client(CurrentUser viewer, Account person, BlockRules.Valid valid) {
        UUID client = valid.clientId();
        if (valid.taskId() != null) {
            Task task = tasks.find(viewer, new TaskId(valid.taskId()))
                    .orElseThrow(() -> InvalidInputException.of("taskId", "planning.block.unknown"));
            if (client != null && !client.equals(task.clientId().value())) {
                throw InvalidInputException.of("taskId", "planning.block.taskOfOtherClient");
            }
            client = task.clientId().value();
        }
        if (client != null) {
            ClientId id = new ClientId(client);
            boolean visible = clients.find(viewer, id).isPresent()
                    && (person.id().equals(viewer.id()) || clients.visibleTo(person, id));
            if (!visible) {
                throw InvalidInputException.of(valid.taskId() != null ? "taskId" : "clientId",
                        "planning.block.unknown");
            }
        }
        return client;
    }
}
