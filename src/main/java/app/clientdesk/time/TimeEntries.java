package app.clientdesk.time;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.Account;
import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.identity.UserId;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.money.Money;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.work.Project;
import app.clientdesk.work.ProjectId;
import app.clientdesk.work.Projects;
import app.clientdesk.work.Task;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.Tasks;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Time entries as the viewer may see and change them: the owner sees and changes everyone's; a member sees
 * and changes their own, for the clients assigned to them; client contacts none. An entry the viewer may
 * not see is not found.
 *
 * <p>Rules beyond the entry's own fields ({@link TimeEntryRules}): the task, project and client fit together
 * and are visible to the viewer; a person's entries never overlap each other or their running timer
 * (checked with the person's row locked, so two tabs cannot both pass); an entry on an issued invoice is
 * locked. The hourly rate in force is copied onto a new entry, and again when an edit changes what the
 * rate depends on (client, project, task, person); a later change of rates touches no existing entry
 * except through {@link #rerate}.
 */
@Service
public class TimeEntries {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private final TimeStore store;
    private final TimerStore timers;
    private final RateStore rates;
    private final Clients clients;
    private final Projects projects;
    private final Tasks tasks;
    private final Accounts accounts;
    private final Clock clock;

    TimeEntries(TimeStore store, TimerStore timers, RateStore rates, Clients clients, Projects projects, Tasks tasks,
            Accounts accounts, Clock clock) {
        this.store = store;
        this.timers = timers;
        this.rates = rates;
        this.clients = clients;
        this.projects = projects;
        this.tasks = tasks;
        this.accounts = accounts;
        this.clock = clock;
    }

    // --- reading -----------------------------------------------------------------------------------

    public Optional<TimeEntry> find(CurrentUser viewer, TimeEntryId id) {
        return unshown(viewer, id).map(e -> e.shownTo(viewer));
    }

    public TimeEntry get(CurrentUser viewer, TimeEntryId id) {
        return find(viewer, id).orElseThrow(() -> new NotFoundException("time entry"));
    }

    /** The entry with its money, for this class's own writes: never handed out as it is. */
    private Optional<TimeEntry> unshown(CurrentUser viewer, TimeEntryId id) {
        if (viewer.isClientContact()) {
            return Optional.empty();
        }
        return store.find(viewer.workspaceId(), onlyOwn(viewer), id.value());
    }

    /** Entries matching {@code query}, latest first; a member's own only, as {@link TimeEntry#shownTo} them. */
    public List<TimeEntry> search(CurrentUser viewer, TimeQuery query) {
        viewer.requireStaff();
        return store.search(viewer.workspaceId(), onlyOwn(viewer), query).stream().map(e -> e.shownTo(viewer)).toList();
    }

    /** A page of the list: its entries in list order, and whether more follow in the direction it was read. */
    public record Slice(List<TimeEntry> items, boolean more) {
    }

    /**
     * At most {@code size} entries matching {@code query} (its limit and offset do not apply), latest first: the
     * first of the list, or those older than {@code olderThan}, or (when given instead) those newer than
     * {@code newerThan}. Reads {@code size + 1} rows to tell whether more follow, and counts nothing, so a page
     * costs the same whatever the size of the history. A member's own only, as {@link TimeEntry#shownTo} them.
     */
    public Slice slice(CurrentUser viewer, TimeQuery query, @Nullable TimeCursor olderThan,
            @Nullable TimeCursor newerThan, int size) {
        viewer.requireStaff();
        boolean newer = olderThan == null && newerThan != null;
        TimeQuery plusOne = new TimeQuery(query.from(), query.to(), query.clientId(), query.projectId(),
                query.userId(), query.billable(), query.tag(), size + 1, 0);
        List<TimeEntry> found = store.slice(viewer.workspaceId(), onlyOwn(viewer), plusOne,
                newer ? newerThan : olderThan, newer);
        boolean more = found.size() > size;
        List<TimeEntry> page = !more ? found : newer ? found.subList(1, found.size()) : found.subList(0, size);
        return new Slice(page.stream().map(e -> e.shownTo(viewer)).toList(), more);
    }

    public long count(CurrentUser viewer, TimeQuery query) {
        viewer.requireStaff();
        return store.count(viewer.workspaceId(), onlyOwn(viewer), query);
    }

    /** How many entries a query matches, their tracked seconds in all and the billable part of those. */
    public record Totals(long count, long seconds, long billableSeconds) {
    }

    /** The totals of every entry matching {@code query} (its limit and offset do not apply); a member's own only. */
    public Totals totals(CurrentUser viewer, TimeQuery query) {
        viewer.requireStaff();
        return store.totals(viewer.workspaceId(), onlyOwn(viewer), query);
    }

    /** The Monday-to-Sunday week (ISO) holding {@code day}: its first day. */
    public static LocalDate weekOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /**
     * {@code person}'s entries whose local date lies in the 7 days from {@code firstDay}, in time order. A
     * member sees their own week only; the owner anyone's.
     */
    public List<TimeEntry> week(CurrentUser viewer, UserId person, LocalDate firstDay) {
        viewer.requireStaff();
        if (!person.equals(viewer.id()) && !viewer.isOwner()) {
            throw new NotFoundException("person");
        }
        return store.ofPerson(viewer.workspaceId(), person.value(), firstDay, firstDay.plusDays(7)).stream()
                .map(e -> e.shownTo(viewer)).toList();
    }

    /** The client's rounding rule; none until the owner sets one. */
    public Rounding rounding(CurrentUser viewer, ClientId client) {
        clients.get(viewer, client);
        return rates.rounding(viewer.workspaceId(), client.value()).orElse(Rounding.NONE);
    }

    /** The client's rounding rule, for billing that runs without a person (the client must be the workspace's). */
    public Rounding rounding(WorkspaceId workspace, ClientId client) {
        return rates.rounding(workspace, client.value()).orElse(Rounding.NONE);
    }

    /** Sets the client's rounding rule: it applies to billing from now on, on time not yet invoiced. */
    @Transactional
    public void setRounding(CurrentUser viewer, ClientId client, Rounding rounding) {
        viewer.requireOwner();
        clients.get(viewer, client);
        rates.putRounding(viewer.workspaceId(), client.value(), rounding);
    }

    // --- writing -----------------------------------------------------------------------------------

    /** @throws InvalidInputException listing every broken rule; nothing is saved */
    @Transactional
    public TimeEntry create(CurrentUser viewer, TimeEntryInput input) {
        viewer.requireStaff();
        Violations v = new Violations();
        TimeEntryRules.Valid valid = TimeEntryRules.check(input, viewer.zone(), null, v);
        Parts parts = parts(viewer, valid, v);
        v.throwIfAny();
        Objects.requireNonNull(parts);
        UUID id = UUID.randomUUID();
        RateBook.Applied rate = parts.explicitRate != null ? parts.explicitRate
                : book(viewer.workspaceId()).resolve(parts.currency, parts.client, parts.project, parts.taskType,
                        parts.user).orElse(null);
        TimeStore.Row row = new TimeStore.Row(id, parts.user, parts.client, parts.project, parts.task, parts.taskType,
                valid.start(), valid.end(), valid.zone(), valid.breakSeconds(), valid.billable(), valid.note(),
                valid.tags(), rate, null, null);
        write(viewer.workspaceId(), row, null, true, viewer.id().value());
        return store.find(viewer.workspaceId(), null, id).orElseThrow().shownTo(viewer);
    }

    /**
     * Changes an entry; what {@code input} leaves null stays as it was.
     *
     * @throws InvalidInputException listing every broken rule, or saying why a locked entry cannot change
     */
    @Transactional
    public TimeEntry update(CurrentUser viewer, TimeEntryId id, TimeEntryInput input) {
        TimeEntry entry = unshown(viewer, id).orElseThrow(() -> new NotFoundException("time entry"));
        refuseIfLocked(entry, viewer);
        Violations v = new Violations();
        TimeEntryRules.Valid valid = TimeEntryRules.check(input, viewer.zone(), entry, v);
        Parts parts = parts(viewer, valid, v);
        v.throwIfAny();
        Objects.requireNonNull(parts);
        RateBook.Applied rate;
        boolean pricedOnSame = parts.client.equals(entry.clientId().value())
                && Objects.equals(parts.project, entry.projectId() == null ? null : entry.projectId().value())
                && Objects.equals(parts.task, entry.taskId() == null ? null : entry.taskId().value())
                && parts.user.equals(entry.userId().value());
        // On the same task the entry keeps the type it was priced by, even if the task's type changed since.
        String taskType = pricedOnSame ? entry.taskType() : parts.taskType;
        if (parts.explicitRate != null) {
            rate = parts.explicitRate;
        } else if (pricedOnSame && entry.rate() != null
                && !(entry.rateSource() == RateScope.ENTRY && "".equals(valid.rate()))) {
            // Kept as it was made; an entry's own rate sent back empty goes back to the rules.
            rate = new RateBook.Applied(entry.rate(), Objects.requireNonNull(entry.rateSource()));
        } else {
            rate = book(viewer.workspaceId()).resolve(parts.currency, parts.client, parts.project, taskType,
                    parts.user).orElse(null);
        }
        TimeStore.Row row = new TimeStore.Row(id.value(), parts.user, parts.client, parts.project, parts.task,
                taskType, valid.start(), valid.end(), valid.zone(), valid.breakSeconds(), valid.billable(),
                valid.note(), valid.tags(), rate, null, null);
        write(viewer.workspaceId(), row, id.value(), true, null, viewer);
        return store.find(viewer.workspaceId(), null, id.value()).orElseThrow().shownTo(viewer);
    }

    /** @throws InvalidInputException when the entry is on an issued invoice */
    @Transactional
    public void delete(CurrentUser viewer, TimeEntryId id) {
        TimeEntry entry = get(viewer, id);
        refuseIfLocked(entry, viewer);
        if (!store.delete(viewer.workspaceId(), id.value())) {
            // Invoiced between the read and the delete.
            refuseIfLocked(unshown(viewer, id).orElseThrow(() -> new NotFoundException("time entry")), viewer);
        }
    }

    /** What a bulk re-rate did: entries given the rate in force now, and those left alone because invoiced. */
    public record Rerated(int changed, int locked) {
    }

    /**
     * Gives the entries the rate in force now (a correction after a rate was set too late); entries with a
     * rate set by hand and invoiced entries are left as they are. Owner only.
     */
    @Transactional
    public Rerated rerate(CurrentUser viewer, Collection<TimeEntryId> ids) {
        viewer.requireOwner();
        RateBook book = book(viewer.workspaceId());
        int changed = 0;
        int locked = 0;
        Instant now = clock.instant();
        java.util.Map<UUID, Currency> currencies = new java.util.HashMap<>();
        for (TimeEntryId id : ids) {
            // An id of another workspace refuses the whole batch, as a single unknown entry would.
            TimeEntry e = store.find(viewer.workspaceId(), null, id.value())
                    .orElseThrow(() -> new NotFoundException("time entry"));
            if (e.locked()) {
                locked++;
                continue;
            }
            if (e.rateSource() == RateScope.ENTRY) {
                continue;
            }
            Currency currency = currencies.computeIfAbsent(e.clientId().value(),
                    c -> store.clientCurrency(viewer.workspaceId(), c));
            RateBook.Applied now0 = book.resolve(currency, e.clientId().value(),
                    e.projectId() == null ? null : e.projectId().value(), e.taskType(), e.userId().value()).orElse(null);
            boolean same = now0 == null ? e.rate() == null
                    : now0.hourly().equals(e.rate()) && now0.source() == e.rateSource();
            if (!same) {
                store.setRate(viewer.workspaceId(), id.value(), now0, now);
                changed++;
            }
        }
        return new Rerated(changed, locked);
    }

    // --- for billing -------------------------------------------------------------------------------

    /**
     * Locks entries on an issued invoice: from then on they cannot change or be deleted, and say which
     * invoice holds them. Returns how many were locked; an entry already on an invoice is not taken again.
     */
    @Transactional
    public int lockForInvoice(WorkspaceId workspace, Collection<TimeEntryId> ids, UUID invoice, String number) {
        return store.lock(workspace, ids.stream().map(TimeEntryId::value).toList(), invoice, number);
    }

    /**
     * A client's billable time on no invoice yet, oldest first, for an invoice to bill: optionally only the
     * local dates from–to, one project or one task. Not limited: an invoice bills all the time it picks.
     */
    @Transactional(readOnly = true)
    public List<TimeEntry> unbilled(WorkspaceId workspace, ClientId client, @Nullable LocalDate from,
            @Nullable LocalDate to, @Nullable ProjectId project, @Nullable TaskId task) {
        return store.unbilled(workspace, client.value(), from, to, project == null ? null : project.value(),
                task == null ? null : task.value());
    }

    /** These entries of the workspace (those that exist), oldest first. */
    @Transactional(readOnly = true)
    public List<TimeEntry> byIds(WorkspaceId workspace, Collection<TimeEntryId> ids) {
        return store.byIds(workspace, ids.stream().map(TimeEntryId::value).toList());
    }

    /** Frees the entries of a voided invoice, so they can be corrected and billed again. */
    @Transactional
    public int unlockInvoice(WorkspaceId workspace, UUID invoice) {
        return store.unlock(workspace, invoice);
    }

    // --- the rules ---------------------------------------------------------------------------------

    /** The resolved and checked parts an entry refers to. */
    private record Parts(UUID user, UUID client, Currency currency, @Nullable UUID project, @Nullable UUID task,
            @Nullable String taskType, RateBook.@Nullable Applied explicitRate) {
    }

    private @Nullable Parts parts(CurrentUser viewer, TimeEntryRules.Valid valid, Violations v) {
        UUID user = viewer.id().value();
        if (valid.userId() != null && !valid.userId().equals(user)) {
            if (!viewer.isOwner()) {
                throw new AccessDeniedException("only the owner logs time for others");
            }
            Optional<Account> person = accounts.find(viewer.workspaceId(), new UserId(valid.userId()));
            if (person.isEmpty() || person.get().role() == Role.CLIENT) {
                v.add("userId", "time.user.unknown");
            } else {
                user = valid.userId();
            }
        }
        UUID clientId = valid.clientId();
        UUID projectId = valid.projectId();
        String taskType = null;
        if (valid.taskId() != null) {
            Optional<Task> task = tasks.find(viewer, new TaskId(valid.taskId()));
            if (task.isEmpty()) {
                v.add("taskId", "time.task.unknown");
                return null;
            }
            Task t = task.get();
            if (clientId != null && !clientId.equals(t.clientId().value())) {
                v.add("taskId", "time.task.otherClient");
            }
            clientId = t.clientId().value();
            if (t.projectId() != null) {
                if (projectId != null && !projectId.equals(t.projectId().value())) {
                    v.add("projectId", "time.task.otherProject");
                }
                projectId = t.projectId().value();
            }
            taskType = t.type();
        }
        if (clientId == null) {
            return null;
        }
        Optional<Client> client = clients.find(viewer, new ClientId(clientId));
        if (client.isEmpty()) {
            v.add("clientId", "time.client.unknown");
            return null;
        }
        if (projectId != null) {
            Optional<Project> project = projects.find(viewer, new ProjectId(projectId));
            if (project.isEmpty()) {
                v.add("projectId", "time.project.unknown");
            } else if (!project.get().clientId().value().equals(clientId)) {
                v.add("projectId", "time.project.otherClient");
            }
        }
        Currency currency = client.get().currency();
        RateBook.Applied explicit = null;
        if (valid.rate() != null && !viewer.isOwner()) {
            // Setting an entry's own rate, or clearing it back to the rules, is the owner's.
            throw new AccessDeniedException("only the owner sets an entry's rate");
        }
        if (valid.rate() != null && !valid.rate().isEmpty()) {
            explicit = explicitRate(valid.rate(), currency, client.get().name(), v);
        }
        return new Parts(user, clientId, currency, projectId, valid.taskId(), taskType, explicit);
    }

    /** "45.50" (in the client's currency) or "45.50 EUR" (which must be the client's currency). */
    private static RateBook.@Nullable Applied explicitRate(String text, Currency currency, String clientName,
            Violations v) {
        String[] parts = text.strip().split("\\s+");
        if (parts.length == 2 && !parts[1].equalsIgnoreCase(currency.getCurrencyCode())) {
            v.add("rate", "time.rate.currency", clientName, currency.getCurrencyCode());
            return null;
        }
        if (parts.length > 2) {
            v.add("rate", "time.rate.invalid");
            return null;
        }
        Optional<Money> hourly = Money.parse(parts[0], currency);
        if (hourly.isEmpty()) {
            v.add("rate", "time.rate.invalid", Money.digits(currency));
            return null;
        }
        return new RateBook.Applied(hourly.get(), RateScope.ENTRY);
    }

    /**
     * Writes an entry after checking, with the person's row locked, that it overlaps none of their entries
     * and (for entries made by hand) not their running timer.
     */
    void write(WorkspaceId workspace, TimeStore.Row row, @Nullable UUID existing, boolean checkTimer,
            @Nullable UUID createdBy) {
        write(workspace, row, existing, checkTimer, createdBy, null);
    }

    /** As above; a refusal because the entry was invoiced meanwhile is worded for {@code viewer}. */
    void write(WorkspaceId workspace, TimeStore.Row row, @Nullable UUID existing, boolean checkTimer,
            @Nullable UUID createdBy, @Nullable CurrentUser viewer) {
        store.lockPerson(workspace, row.user());
        Optional<TimeEntry> other = store.overlapping(workspace, row.user(), row.start(), row.end(), existing);
        if (other.isPresent()) {
            TimeEntry o = other.get();
            throw InvalidInputException.of("start", "time.overlap", o.localStart().format(WHEN),
                    o.localEnd().withZoneSameInstant(o.zone()).format(HOUR), o.clientName());
        }
        if (checkTimer) {
            Optional<RunningTimer> timer = timers.find(workspace, row.user());
            if (timer.isPresent() && timer.get().startedAt().isBefore(row.end())
                    && row.start().isBefore(clock.instant())) {
                throw InvalidInputException.of("start", "time.overlap.timer",
                        timer.get().startedAt().atZone(row.zone()).format(WHEN));
            }
        }
        if (existing == null) {
            store.insert(workspace, row, createdBy == null ? row.user() : createdBy, clock.instant());
        } else {
            if (!store.update(workspace, row, clock.instant())) {
                // Invoiced between the read and this write: nothing changes, and the person is told why.
                TimeEntry now = store.find(workspace, null, existing).orElseThrow(() -> new NotFoundException("time entry"));
                refuseIfLocked(now, viewer);
                throw new IllegalStateException("time entry " + existing + " was not updated");
            }
        }
    }

    /** A new entry's task type and rate, for writers that already checked what the entry refers to. */
    record Priced(@Nullable String taskType, RateBook.@Nullable Applied rate) {
    }

    Priced price(WorkspaceId workspace, UUID client, @Nullable UUID project, @Nullable UUID task, UUID user) {
        String type = task == null ? null : store.taskType(workspace, task).orElse(null);
        Currency currency = store.clientCurrency(workspace, client);
        return new Priced(type, book(workspace).resolve(currency, client, project, type, user).orElse(null));
    }

    RateBook book(WorkspaceId workspace) {
        return new RateBook(rates.all(workspace));
    }

    private static void refuseIfLocked(TimeEntry entry, @Nullable CurrentUser viewer) {
        if (entry.locked()) {
            throw InvalidInputException.of("entry", lockedMessage(viewer),
                    Objects.requireNonNullElse(entry.invoiceNumber(), "?"));
        }
    }

    /**
     * The message saying why a locked entry cannot change: with the invoice that holds it for one who sees
     * money, without it for anyone else ({@code null}: nobody in particular, so without it too).
     */
    public static String lockedMessage(@Nullable CurrentUser viewer) {
        return viewer != null && viewer.seesMoney() ? "time.locked" : "time.locked.member";
    }

    private static @Nullable UUID onlyOwn(CurrentUser viewer) {
        return viewer.isOwner() ? null : viewer.id().value();
    }

    // --- for retainers ---

    /**
     * A client's billable time on no invoice yet whose start is in [{@code from}, {@code to}) (a retainer's
     * period: its days in the client's zone), oldest first.
     */
    @Transactional(readOnly = true)
    public List<TimeEntry> unbilledStartedBetween(WorkspaceId workspace, ClientId client, java.time.Instant from,
            java.time.Instant to) {
        // local_date is the entry's own zone's date: two days either side hold every start in the span.
        LocalDate first = from.atZone(java.time.ZoneOffset.UTC).toLocalDate().minusDays(2);
        LocalDate last = to.atZone(java.time.ZoneOffset.UTC).toLocalDate().plusDays(2);
        return store.unbilled(workspace, client.value(), first, last, null, null).stream()
                .filter(e -> !e.start().isBefore(from) && e.start().isBefore(to)).toList();
    }
}
