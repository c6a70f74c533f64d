package app.clientdesk.billing;

import app.clientdesk.billing.InvoiceMath.TaxMode;
import app.clientdesk.billing.InvoiceRules.Valid;
import app.clientdesk.billing.InvoiceRules.ValidLine;
import app.clientdesk.billing.InvoiceStore.LineRow;
import app.clientdesk.billing.InvoiceStore.NewInvoice;
import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.identity.Workspaces;
import app.clientdesk.shared.money.Money;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.time.BilledTime;
import app.clientdesk.time.Rounding;
import app.clientdesk.time.RoundingText;
import app.clientdesk.time.TimeEntries;
import app.clientdesk.time.TimeEntry;
import app.clientdesk.time.TimeEntryId;
import app.clientdesk.work.ProjectId;
import app.clientdesk.work.TaskId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invoices: drafts (typed lines, lines from unbilled time, deposits), issuing (a gapless number, time locked,
 * deposits deducted, nothing printed changes afterwards), and voiding by a credit note. Billing is the owner's:
 * every call checks it. Amounts follow {@link InvoiceMath}; totals are never taken from input.
 */
@Service
public class Invoices {

    private final InvoiceStore store;
    private final BillingSettingsStore settings;
    private final InvoiceNumbers numbers;
    private final Clients clients;
    private final TimeEntries time;
    private final Workspaces workspaces;
    private final MessageSource messages;
    private final Expenses expenses;
    private final List<IssueStep> issueSteps;
    private final Clock clock;

    Invoices(InvoiceStore store, BillingSettingsStore settings, InvoiceNumbers numbers, Clients clients,
            TimeEntries time, Workspaces workspaces, MessageSource messages, Expenses expenses,
            List<IssueStep> issueSteps, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.numbers = numbers;
        this.clients = clients;
        this.time = time;
        this.workspaces = workspaces;
        this.messages = messages;
        this.expenses = expenses;
        this.issueSteps = issueSteps;
        this.clock = clock;
    }

    /**
     * Something else that happens in the transaction that issues or voids an invoice (expenses marked billed,
     * the exchange rate recorded); a failure rolls the issue back, number included.
     */
    public interface IssueStep {

        /** The invoice was issued with its number (and is still in the transaction). */
        void issued(WorkspaceId workspace, Invoice invoice);

        /** The invoice was voided by a credit note. */
        default void voided(WorkspaceId workspace, Invoice invoice) {
        }
    }

    // --- reading ---------------------------------------------------------------------------------

    /** Today in the workspace's time zone: due dates and "overdue" are dates there. */
    public LocalDate today(WorkspaceId workspace) {
        ZoneId zone = ZoneId.of(workspaces.settings(workspace).timeZone());
        return LocalDate.now(clock.withZone(zone));
    }

    public BillingSettings settings(WorkspaceId workspace) {
        return settings.get(workspace);
    }

    @Transactional(readOnly = true)
    public Optional<Invoice> find(CurrentUser viewer, InvoiceId id) {
        viewer.requireOwner();
        return store.find(viewer.workspaceId(), id.value(), today(viewer.workspaceId()));
    }

    @Transactional(readOnly = true)
    public Invoice get(CurrentUser viewer, InvoiceId id) {
        return find(viewer, id).orElseThrow(() -> new NotFoundException("invoice"));
    }

    /** An invoice of the workspace, for work that runs without a person (sending, reminders, PDFs). */
    @Transactional(readOnly = true)
    public Optional<Invoice> find(WorkspaceId workspace, InvoiceId id) {
        return store.find(workspace, id.value(), today(workspace));
    }

    /** A page of invoices with how many match in all. */
    @Transactional(readOnly = true)
    public InvoiceList list(CurrentUser viewer, InvoiceQuery query) {
        viewer.requireOwner();
        return store.list(viewer.workspaceId(), query, today(viewer.workspaceId()), true);
    }

    /**
     * A page of invoices and whether more follow, without counting them all: what the screens show, so that a
     * page costs the same with ten invoices of history as with fifty thousand.
     */
    @Transactional(readOnly = true)
    public InvoiceList page(CurrentUser viewer, InvoiceQuery query) {
        viewer.requireOwner();
        return store.list(viewer.workspaceId(), query, today(viewer.workspaceId()), false);
    }

    /** The client's billable time on no invoice yet (for the picker), oldest first. */
    @Transactional(readOnly = true)
    public List<TimeEntry> unbilledTime(CurrentUser viewer, ClientId client, @Nullable LocalDate from,
            @Nullable LocalDate to, @Nullable UUID project, @Nullable UUID task) {
        viewer.requireOwner();
        clients.get(viewer, client);
        return time.unbilled(viewer.workspaceId(), client, from, to, project == null ? null : new ProjectId(project),
                task == null ? null : new TaskId(task));
    }

    // --- drafts ----------------------------------------------------------------------------------

    @Transactional
    public Invoice createDraft(CurrentUser viewer, DraftInput input) {
        viewer.requireOwner();
        WorkspaceId ws = viewer.workspaceId();
        Violations v = new Violations();
        Valid valid = InvoiceRules.check(input, id -> clientCurrency(viewer, id), false, v);
        for (int i = 0; i < valid.lines().size(); i++) {
            if (valid.lines().get(i).id() != null) {
                v.add("lines", "billing.line.unknown");
            }
        }
        v.throwIfAny();
        Client client = clients.get(viewer, new ClientId(valid.clientId()));
        BillingSettings s = settings.get(ws);
        ClientTerms terms = settings.terms(ws, client.id().value());
        Currency currency = valid.currency() != null ? valid.currency() : client.currency();
        int net = valid.netDays() != null ? valid.netDays() : terms.netDays() != null ? terms.netDays() : s.netDays();
        TaxMode mode = valid.taxMode() != null ? valid.taxMode() : s.taxMode();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        store.insert(ws, new NewInvoice(id, client.id().value(), InvoiceKind.INVOICE, InvoiceStatus.DRAFT, currency,
                client.locale(), mode, valid.discountPercent(), net,
                valid.notes() != null ? valid.notes() : s.defaultNotes(),
                valid.terms() != null ? valid.terms() : s.defaultTerms(), null, null, null, null, null, null,
                viewer.id().value()), now);
        List<Draft> lines = new ArrayList<>();
        for (ValidLine line : valid.lines()) {
            lines.add(Draft.item(line, currency));
        }
        write(ws, id, currency, mode, valid.discountPercent(), lines, now);
        store.event(ws, id, "CREATED", null, viewer.id().value(), now);
        return get(viewer, new InvoiceId(id));
    }

    /**
     * Rewrites a draft from {@code input}: header, and lines in the order given (a line left out is removed,
     * and the time it billed is free again). Refused unless the invoice is a draft.
     */
    @Transactional
    public Invoice updateDraft(CurrentUser viewer, InvoiceId id, DraftInput input) {
        viewer.requireOwner();
        WorkspaceId ws = viewer.workspaceId();
        Invoice current = lockDraft(viewer, id);
        Violations v = new Violations();
        Valid valid = InvoiceRules.check(input, c -> clientCurrency(viewer, c), false, v);
        Currency currency = valid.currency() != null ? valid.currency() : current.currency();
        boolean derived = current.lines().stream().anyMatch(l -> l.kind().derived())
                || !store.depositsFor(ws, id.value()).isEmpty();
        if (v.isEmpty() && !valid.clientId().equals(current.clientId().value()) && derived) {
            v.add("clientId", "billing.client.locked");
        }
        if (v.isEmpty() && !currency.equals(current.currency()) && derived) {
            v.add("currency", "billing.currency.locked", current.currency().getCurrencyCode());
        }
        Map<UUID, InvoiceLine> existing = new HashMap<>();
        current.lines().forEach(l -> existing.put(l.id(), l));
        Map<UUID, List<UUID>> entries = store.lineEntries(ws, id.value());
        List<Draft> lines = new ArrayList<>();
        for (int i = 0; i < valid.lines().size(); i++) {
            ValidLine line = valid.lines().get(i);
            if (line.id() == null) {
                lines.add(Draft.item(line, currency));
                continue;
            }
            InvoiceLine kept = existing.remove(line.id());
            if (kept == null) {
                v.add("lines", "billing.line.unknown");
                continue;
            }
            if (kept.kind() == LineKind.ITEM) {
                if (line.unitPrice() == null && !kept.unitPrice().currency().equals(currency)) {
                    v.add("lines[" + i + "].unitPrice", "billing.line.price.required");
                    continue;
                }
                lines.add(new Draft(kept.id(), LineKind.ITEM, line.description(), null,
                        line.quantity() != null ? line.quantity() : kept.quantity(), null, line.unit(),
                        line.unitPrice() != null ? new Money(line.unitPrice(), currency) : kept.unitPrice(),
                        line.discountPercent(), line.tax(), kept.serviceId(), null, null, List.of()));
            } else {
                lines.add(new Draft(kept.id(), kept.kind(), line.description(), kept.detail(), kept.quantity(),
                        kept.seconds(), kept.unit(), kept.unitPrice(), line.discountPercent(), line.tax(),
                        kept.serviceId(), kept.expenseId(), kept.depositInvoiceId(),
                        entries.getOrDefault(kept.id(), List.of())));
            }
        }
        TaxMode mode = valid.taxMode() != null ? valid.taxMode() : current.taxMode();
        if (v.isEmpty() && mode != current.taxMode() && !store.depositsFor(ws, id.value()).isEmpty()) {
            v.add("taxMode", "billing.taxMode.locked");
        }
        v.throwIfAny();
        Client client = clients.get(viewer, new ClientId(valid.clientId()));
        int net = valid.netDays() != null ? valid.netDays() : current.netDays();
        Instant now = clock.instant();
        store.updateDraft(ws, id.value(), client.id().value(), currency, client.locale(), mode,
                valid.discountPercent(), net, valid.notes(), valid.terms(), now);
        write(ws, id.value(), currency, mode, valid.discountPercent(), lines, now);
        return get(viewer, id);
    }

    /** Deletes a draft (a number is given only at issue, so nothing is skipped); its time is free again. */
    @Transactional
    public void deleteDraft(CurrentUser viewer, InvoiceId id) {
        viewer.requireOwner();
        lockDraft(viewer, id);
        for (UUID deposit : store.depositsFor(viewer.workspaceId(), id.value())) {
            InvoiceStatus status = store.lock(viewer.workspaceId(), deposit).orElseThrow();
            if (status != InvoiceStatus.DRAFT && status != InvoiceStatus.VOID) {
                throw InvalidInputException.of("invoice", "billing.delete.hasDeposit");
            }
        }
        expenses.release(viewer.workspaceId(), id.value());
        store.delete(viewer.workspaceId(), id.value());
    }

    /**
     * Adds the client's unbilled time picked by {@code selection} to a draft, as lines grouped as asked, with the
     * client's rounding applied and explained on each line. Time already on a draft, without a rate or priced in
     * another currency is left out and counted.
     */
    @Transactional
    public AddedTime addTime(CurrentUser viewer, InvoiceId id, TimeSelection selection) {
        viewer.requireOwner();
        WorkspaceId ws = viewer.workspaceId();
        Invoice draft = lockDraft(viewer, id);
        if (draft.kind() != InvoiceKind.INVOICE) {
            throw InvalidInputException.of("time", "billing.time.notOnDeposit");
        }
        List<TimeEntry> picked = time.unbilled(ws, draft.clientId(), selection.from(), selection.to(),
                selection.projectId() == null ? null : new ProjectId(selection.projectId()),
                selection.taskId() == null ? null : new TaskId(selection.taskId()));
        if (!selection.entryIds().isEmpty()) {
            Set<UUID> wanted = new HashSet<>(selection.entryIds());
            picked = picked.stream().filter(e -> wanted.contains(e.id().value())).toList();
        }
        Set<UUID> onThis = new HashSet<>();
        store.lineEntries(ws, id.value()).values().forEach(onThis::addAll);
        Set<UUID> onOthers = new HashSet<>(store.entriesOnOtherDrafts(ws, id.value(),
                picked.stream().map(e -> e.id().value()).toList()));
        List<TimeEntry> billable = new ArrayList<>();
        int withoutRate = 0;
        int otherCurrency = 0;
        int onOtherDraft = 0;
        for (TimeEntry e : picked) {
            if (onThis.contains(e.id().value())) {
                continue;
            }
            if (onOthers.contains(e.id().value())) {
                onOtherDraft++;
            } else if (e.rate() == null) {
                withoutRate++;
            } else if (!e.rate().currency().equals(draft.currency())) {
                otherCurrency++;
            } else {
                billable.add(e);
            }
        }
        if (billable.isEmpty()) {
            throw InvalidInputException.of("time", "billing.time.none", withoutRate, otherCurrency, onOtherDraft);
        }
        Rounding rounding = time.rounding(viewer, draft.clientId());
        Locale locale = Locale.forLanguageTag(draft.language());
        List<Draft> lines = new ArrayList<>(kept(ws, draft));
        List<Draft> added = timeLines(billable, rounding, selection.grouping(), settings.get(ws).defaultTax(), locale);
        lines.addAll(added);
        write(ws, id.value(), draft.currency(), draft.taxMode(), draft.discountPercent(), lines, clock.instant());
        return new AddedTime(get(viewer, id), added.size(), billable.size(), withoutRate, otherCurrency, onOtherDraft);
    }

    /**
     * Adds the client's unbilled billable expenses {@code expenseIds} (all of them when empty) to a draft, one line
     * each at cost and without tax; the expenses are held by the draft (they cannot change) until it is deleted,
     * the line removed, or the invoice voided. An id that is not such an expense (billed, another client's or
     * currency, unknown) refuses the whole call ({@code expenseIds[i]}).
     */
    @Transactional
    public Invoice addExpenses(CurrentUser viewer, InvoiceId id, List<UUID> expenseIds) {
        viewer.requireOwner();
        WorkspaceId ws = viewer.workspaceId();
        Invoice draft = lockDraft(viewer, id);
        if (draft.kind() != InvoiceKind.INVOICE) {
            throw InvalidInputException.of("expenses", "billing.expenses.notOnDeposit");
        }
        Set<UUID> wanted = new HashSet<>(expenseIds);
        Locale locale = Locale.forLanguageTag(draft.language());
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        List<Draft> lines = new ArrayList<>(kept(ws, draft));
        int added = 0;
        for (Expense e : expenses.unbilled(ws, draft.clientId())) {
            if ((!wanted.isEmpty() && !wanted.contains(e.id())) || !e.amount().currency().equals(draft.currency())) {
                continue;
            }
            lines.add(new Draft(UUID.randomUUID(), LineKind.EXPENSE, e.description(), day.format(e.spentOn()),
                    BigDecimal.ONE, null, "ITEMS", e.amount(), BigDecimal.ZERO, TaxRate.NONE, null, e.id(), null,
                    List.of()));
            added++;
        }
        if (added == 0) {
            throw InvalidInputException.of("expenses", "billing.expenses.none");
        }
        if (!wanted.isEmpty()) {
            // Each one asked for must be an unbilled expense of this client in the invoice's currency: another
            // workspace's, another client's or a billed one is refused by name, never skipped in silence.
            Set<UUID> found = new HashSet<>();
            lines.forEach(l -> found.add(l.expenseId()));
            List<UUID> asked = new ArrayList<>(expenseIds);
            for (int i = 0; i < asked.size(); i++) {
                if (!found.contains(asked.get(i))) {
                    throw InvalidInputException.of("expenseIds[" + i + "]", "billing.expenses.notUnbilled");
                }
            }
        }
        write(ws, id.value(), draft.currency(), draft.taxMode(), draft.discountPercent(), lines, clock.instant());
        return get(viewer, id);
    }

    /**
     * Makes a deposit invoice (a draft of its own) asking {@code percent} of this draft up front, one line per tax
     * rate. When this draft is issued, every issued deposit is deducted from it; a deposit still in draft then
     * stops the issue.
     */
    @Transactional
    public Invoice createDeposit(CurrentUser viewer, InvoiceId finalInvoice, @Nullable String percentText) {
        viewer.requireOwner();
        WorkspaceId ws = viewer.workspaceId();
        Invoice draft = lockDraft(viewer, finalInvoice);
        if (draft.kind() != InvoiceKind.INVOICE) {
            throw InvalidInputException.of("depositPercent", "billing.deposit.notOnDeposit");
        }
        Violations v = new Violations();
        BigDecimal percent;
        if (percentText == null || percentText.isBlank()) {
            percent = settings.terms(ws, draft.clientId().value()).depositPercent();
            if (percent == null) {
                v.add("depositPercent", "billing.deposit.percent.invalid");
            }
        } else {
            percent = InvoiceRules.percent(percentText, "depositPercent", "billing.deposit.percent.invalid", v);
            if (v.isEmpty() && (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) >= 0)) {
                v.add("depositPercent", "billing.deposit.percent.invalid");
            }
        }
        if (draft.total().amount().signum() <= 0) {
            v.add("depositPercent", "billing.deposit.empty");
        }
        v.throwIfAny();
        Locale locale = Locale.forLanguageTag(draft.language());
        Map<TaxRate, BigDecimal> base = new LinkedHashMap<>();
        for (InvoiceLine l : draft.lines()) {
            base.merge(l.taxRate(), draft.taxMode() == TaxMode.EXCLUSIVE ? l.net().amount() : l.gross().amount(),
                    BigDecimal::add);
        }
        List<Draft> lines = new ArrayList<>();
        String text = messages.getMessage("billing.deposit.line",
                new Object[] {percent.stripTrailingZeros().toPlainString()}, locale);
        base.forEach((tax, amount) -> {
            Money price = new Money(amount.multiply(percent).divide(BigDecimal.valueOf(100),
                    Money.digits(draft.currency()), RoundingMode.HALF_UP), draft.currency());
            if (!price.isZero()) {
                lines.add(new Draft(UUID.randomUUID(), LineKind.DEPOSIT,
                        tax.isNone() ? text : text + " (" + tax.name() + ")", null, BigDecimal.ONE, null, "ITEMS",
                        price, BigDecimal.ZERO, tax, null, null, null, List.of()));
            }
        });
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        store.insert(ws, new NewInvoice(id, draft.clientId().value(), InvoiceKind.DEPOSIT, InvoiceStatus.DRAFT,
                draft.currency(), draft.language(), draft.taxMode(), BigDecimal.ZERO, 0, draft.notes(),
                draft.terms(), null, draft.id().value(), percent, null, null, null, viewer.id().value()), now);
        write(ws, id, draft.currency(), draft.taxMode(), BigDecimal.ZERO, lines, now);
        store.event(ws, id, "CREATED", null, viewer.id().value(), now);
        return get(viewer, new InvoiceId(id));
    }

    // --- issuing and voiding ---------------------------------------------------------------------

    /**
     * Issues a draft: on {@code issueDate} (today in the workspace's zone when null), due net days later; a
     * gapless number drawn in this transaction; issued deposits deducted; its time locked. Refused when the
     * date is in the closed period, the draft is empty, its time changed since it was added, or a deposit of it
     * is still a draft. A failure gives the number back.
     */
    @Transactional
    public Invoice issue(CurrentUser viewer, InvoiceId id, @Nullable LocalDate issueDate) {
        viewer.requireOwner();
        return issue(viewer.workspaceId(), id, issueDate, viewer.id().value());
    }

    /** Issues a draft for work that runs without a person (retainers, recurring invoices). */
    @Transactional
    public Invoice issue(WorkspaceId ws, InvoiceId id, @Nullable LocalDate issueDate, @Nullable UUID by) {
        InvoiceStatus status = store.lock(ws, id.value()).orElseThrow(() -> new NotFoundException("invoice"));
        if (status != InvoiceStatus.DRAFT) {
            throw InvalidInputException.of("invoice", "billing.issue.notDraft");
        }
        Invoice draft = store.find(ws, id.value(), today(ws)).orElseThrow();
        LocalDate date = issueDate != null ? issueDate : today(ws);
        BillingSettings s = settings.get(ws);
        Violations v = new Violations();
        if (s.closed(date)) {
            v.add("issueDate", "billing.date.closed", s.closedThrough());
        }
        if (draft.lines().isEmpty()) {
            v.add("invoice", "billing.issue.empty");
        }
        v.throwIfAny();
        Instant now = clock.instant();
        List<Draft> lines = new ArrayList<>(kept(ws, draft));
        if (draft.kind() == InvoiceKind.INVOICE) {
            Locale locale = Locale.forLanguageTag(draft.language());
            // Deposits whose invoice was voided wait for the client's next invoice in their currency.
            for (UUID free : store.freeDeposits(ws, draft.clientId().value(), draft.currency())) {
                store.attachDeposit(ws, free, id.value());
            }
            for (UUID depositId : store.depositsFor(ws, id.value())) {
                Invoice deposit = store.find(ws, depositId, today(ws)).orElseThrow();
                if (deposit.status() == InvoiceStatus.DRAFT) {
                    throw InvalidInputException.of("invoice", "billing.issue.depositDraft");
                }
                if (deposit.status() == InvoiceStatus.VOID) {
                    continue;
                }
                for (InvoiceLine l : deposit.lines()) {
                    String text = messages.getMessage("billing.deposit.deduction",
                            new Object[] {deposit.number(), l.description()}, locale);
                    lines.add(new Draft(UUID.randomUUID(), LineKind.DEDUCTION, text, null, l.quantity().negate(),
                            null, l.unit(), l.unitPrice(), l.discountPercent(), l.taxRate(), null, null, deposit.id().value(),
                            List.of()));
                }
            }
            write(ws, id.value(), draft.currency(), draft.taxMode(), draft.discountPercent(), lines, now);
            draft = store.find(ws, id.value(), today(ws)).orElseThrow();
            if (draft.total().amount().signum() < 0) {
                throw InvalidInputException.of("invoice", "billing.issue.negative");
            }
        }
        String number = numbers.next(ws, draft.kind().series(), s.pattern(draft.kind()), date);
        lockTime(ws, draft, number);
        lockExpenses(ws, draft, number);
        LocalDate due = date.plusDays(draft.netDays());
        InvoiceStatus issued = draft.total().isZero() ? InvoiceStatus.PAID : InvoiceStatus.ISSUED;
        store.issued(ws, id.value(), draft.kind().series(), number, date, due, null, null, null, issued, now);
        store.event(ws, id.value(), "ISSUED", number, by, now);
        Invoice result = store.find(ws, id.value(), today(ws)).orElseThrow();
        for (IssueStep step : issueSteps) {
            step.issued(ws, result);
        }
        return store.find(ws, id.value(), today(ws)).orElseThrow();
    }

    /** Writes a line of an invoice's history, for work that runs without a person (reminders, sending). */
    @org.springframework.transaction.annotation.Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void event(WorkspaceId ws, InvoiceId id, String kind, @Nullable String detail, Instant at) {
        store.event(ws, id.value(), kind, detail, null, at);
    }

    /** Logs an event that put a message in the outbox, with the message's id. */
    public void event(WorkspaceId ws, InvoiceId id, String kind, @Nullable String detail, Instant at,
            java.util.UUID message) {
        store.event(ws, id.value(), kind, detail, null, at, message);
    }

    /** Records the base-currency rate of an issued invoice (an {@link IssueStep} of the exchange rates). */
    @Transactional
    public void recordBaseRate(WorkspaceId ws, InvoiceId id, Currency base, BigDecimal rate, LocalDate day) {
        store.baseRate(ws, id.value(), base, rate, day);
    }

    /**
     * Voids an issued invoice with a credit note: a numbered note negating every line, dated today. The voided
     * invoice's time is free to correct and bill again; what was paid on it becomes the client's credit.
     * Returns the credit note.
     */
    @Transactional
    public Invoice voidWithCreditNote(CurrentUser viewer, InvoiceId id, @Nullable String reason) {
        viewer.requireOwner();
        WorkspaceId ws = viewer.workspaceId();
        InvoiceStatus status = store.lock(ws, id.value()).orElseThrow(() -> new NotFoundException("invoice"));
        Invoice invoice = store.find(ws, id.value(), today(ws)).orElseThrow();
        if (status == InvoiceStatus.DRAFT || status == InvoiceStatus.VOID
                || invoice.kind() == InvoiceKind.CREDIT_NOTE) {
            throw InvalidInputException.of("invoice", "billing.void.notIssued");
        }
        if (invoice.kind() == InvoiceKind.DEPOSIT && store.deducted(ws, id.value())) {
            throw InvalidInputException.of("invoice", "billing.void.depositDeducted");
        }
        if (reason != null && reason.strip().length() > 1000) {
            throw InvalidInputException.of("reason", "billing.text.tooLong", 1000);
        }
        LocalDate date = today(ws);
        BillingSettings s = settings.get(ws);
        if (s.closed(date)) {
            throw InvalidInputException.of("invoice", "billing.date.closed", s.closedThrough());
        }
        Instant now = clock.instant();
        UUID credit = UUID.randomUUID();
        Locale locale = Locale.forLanguageTag(invoice.language());
        String note = messages.getMessage("billing.creditNote.note", new Object[] {invoice.number()}, locale)
                + (reason == null || reason.isBlank() ? "" : "\n" + reason.strip());
        store.insert(ws, new NewInvoice(credit, invoice.clientId().value(), InvoiceKind.CREDIT_NOTE,
                InvoiceStatus.DRAFT, invoice.currency(), invoice.language(), invoice.taxMode(),
                invoice.discountPercent(), 0, note, null, id.value(), null, null, null, null, null,
                viewer.id().value()), now);
        List<Draft> lines = new ArrayList<>();
        for (InvoiceLine l : invoice.lines()) {
            lines.add(new Draft(UUID.randomUUID(), l.kind(), l.description(), l.detail(), l.quantity().negate(),
                    l.seconds() == null ? null : -l.seconds(), l.unit(), l.unitPrice(), l.discountPercent(),
                    l.taxRate(), l.serviceId(), null, null, List.of()));
        }
        write(ws, credit, invoice.currency(), invoice.taxMode(), invoice.discountPercent(), lines, now);
        String number = numbers.next(ws, InvoiceKind.CREDIT_NOTE.series(), s.creditNotePattern(), date);
        store.issued(ws, credit, InvoiceKind.CREDIT_NOTE.series(), number, date, date, invoice.baseCurrency(),
                invoice.baseRate(), invoice.baseRateDay(), InvoiceStatus.ISSUED, now);
        store.status(ws, id.value(), InvoiceStatus.VOID, now);
        store.event(ws, id.value(), "VOIDED", number, viewer.id().value(), now);
        store.event(ws, credit, "ISSUED", number, viewer.id().value(), now);
        time.unlockInvoice(ws, id.value());
        expenses.release(ws, id.value());
        store.detachDeposits(ws, id.value());
        if (invoice.amountPaid().amount().signum() > 0) {
            store.credit(ws, invoice.clientId().value(), invoice.amountPaid(), null, id.value(),
                    messages.getMessage("billing.credit.fromVoid", new Object[] {invoice.number()}, locale), now);
        }
        Invoice voided = store.find(ws, id.value(), today(ws)).orElseThrow();
        for (IssueStep step : issueSteps) {
            step.voided(ws, voided);
        }
        return get(viewer, new InvoiceId(credit));
    }

    // --- the lines -------------------------------------------------------------------------------

    /** A line before its figures are computed. */
    record Draft(UUID id, LineKind kind, String description, @Nullable String detail, BigDecimal quantity,
            @Nullable Long seconds, String unit, Money unitPrice, BigDecimal discountPercent, TaxRate tax,
            @Nullable UUID serviceId, @Nullable UUID expenseId, @Nullable UUID depositInvoiceId, List<UUID> entries) {

        static Draft item(ValidLine line, Currency currency) {
            return new Draft(UUID.randomUUID(), LineKind.ITEM, line.description(), null,
                    Objects.requireNonNull(line.quantity()), null, line.unit(),
                    new Money(Objects.requireNonNull(line.unitPrice()), currency), line.discountPercent(), line.tax(),
                    null, null, null, List.of());
        }

        InvoiceMath.Line math(BigDecimal invoiceDiscount) {
            BigDecimal discount = InvoiceMath.combined(discountPercent,
                    kind.discountable() ? invoiceDiscount : BigDecimal.ZERO);
            return seconds != null ? InvoiceMath.Line.time(seconds, unitPrice, discount, tax)
                    : new InvoiceMath.Line(quantity, unitPrice, discount, tax);
        }
    }

    /** The lines of an invoice as they stand, with the entries of its time lines. */
    private List<Draft> kept(WorkspaceId ws, Invoice invoice) {
        Map<UUID, List<UUID>> entries = store.lineEntries(ws, invoice.id().value());
        return invoice.lines().stream()
                .map(l -> new Draft(l.id(), l.kind(), l.description(), l.detail(), l.quantity(), l.seconds(), l.unit(),
                        l.unitPrice(), l.discountPercent(), l.taxRate(), l.serviceId(), l.expenseId(),
                        l.depositInvoiceId(), entries.getOrDefault(l.id(), List.of())))
                .toList();
    }

    /** Computes every line's figures by the money rule and writes lines and totals. */
    private void write(WorkspaceId ws, UUID invoice, Currency currency, TaxMode mode, BigDecimal invoiceDiscount,
            List<Draft> lines, Instant now) {
        List<InvoiceMath.Line> math = lines.stream().map(l -> l.math(invoiceDiscount)).toList();
        InvoiceMath.Totals totals = InvoiceMath.totals(math, mode, currency);
        List<LineRow> rows = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Draft l = lines.get(i);
            rows.add(new LineRow(l.id(), i, l.kind(), l.description(), l.detail(), l.quantity(), l.seconds(), l.unit(),
                    l.unitPrice().amount(), l.discountPercent(), l.tax(), totals.lines().get(i), l.serviceId(),
                    l.expenseId(), l.depositInvoiceId(), l.entries()));
        }
        store.replaceLines(ws, invoice, rows, totals, now);
        List<UUID> held = lines.stream().map(Draft::expenseId).filter(Objects::nonNull).toList();
        expenses.release(ws, invoice);
        if (!held.isEmpty() && expenses.markInvoiced(ws, held, invoice, null) != held.size()) {
            throw InvalidInputException.of("expenses", "billing.expenses.taken");
        }
    }

    /** Lines of time: billed units grouped as asked (each line holds whole units, at one rate). */
    private List<Draft> timeLines(List<TimeEntry> entries, Rounding rounding, TimeSelection.Grouping grouping,
            TaxRate tax, Locale locale) {
        Map<UUID, TimeEntry> byId = new HashMap<>();
        entries.forEach(e -> byId.put(e.id().value(), e));
        List<BilledTime.Unit> units = BilledTime.units(entries, rounding);
        record Key(String group, Money rate) {
        }
        Map<Key, List<BilledTime.Unit>> groups = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        String other = messages.getMessage("billing.time.otherWork", null, locale);
        for (BilledTime.Unit u : units) {
            TimeEntry first = byId.get(u.entries().get(0).value());
            String group;
            String name;
            switch (grouping) {
                case PROJECT -> {
                    group = first.projectId() == null ? "-" : first.projectId().value().toString();
                    name = first.projectName() != null ? first.projectName() : other;
                }
                case TASK_TYPE -> {
                    group = first.taskType() == null ? "-" : first.taskType();
                    name = first.taskType() != null ? first.taskType() : other;
                }
                case DAY -> {
                    group = u.date().toString();
                    name = day.format(u.date());
                }
                case ENTRY -> {
                    group = u.entries().get(0).value().toString();
                    String what = first.note() != null && !first.note().isBlank() ? first.note()
                            : first.taskTitle() != null ? first.taskTitle()
                            : first.projectName() != null ? first.projectName() : other;
                    name = day.format(u.date()) + " · " + what;
                }
                default -> {
                    group = first.taskId() != null ? "t" + first.taskId().value()
                            : first.projectId() != null ? "p" + first.projectId().value() : "-";
                    name = first.taskTitle() != null ? first.taskTitle()
                            : first.projectName() != null ? first.projectName() : other;
                }
            }
            names.put(group, name);
            groups.computeIfAbsent(new Key(group, Objects.requireNonNull(u.rate())), k -> new ArrayList<>()).add(u);
        }
        Map<String, Long> ratesPerGroup = new HashMap<>();
        groups.keySet().forEach(k -> ratesPerGroup.merge(k.group(), 1L, Long::sum));
        String ruleText = rounding.isNone() ? null : RoundingText.rule(rounding).in(messages, locale);
        List<Draft> lines = new ArrayList<>();
        groups.forEach((key, group) -> {
            long tracked = group.stream().mapToLong(BilledTime.Unit::trackedSeconds).sum();
            long billed = BilledTime.billedSeconds(group);
            List<UUID> ids = group.stream().flatMap(u -> u.entries().stream()).map(TimeEntryId::value).toList();
            String description = names.get(key.group());
            if (ratesPerGroup.get(key.group()) > 1) {
                description = description + " · " + key.rate().plain() + "/h";
            }
            String detail = messages.getMessage(ruleText == null ? "billing.time.detail" : "billing.time.detailRounded",
                    new Object[] {ids.size(), RoundingText.duration(tracked), RoundingText.duration(billed),
                            ruleText == null ? "" : ruleText}, locale);
            BigDecimal hours = BigDecimal.valueOf(billed).divide(BigDecimal.valueOf(3600), 4, RoundingMode.HALF_UP);
            lines.add(new Draft(UUID.randomUUID(), LineKind.TIME, description, detail, hours, billed, "HOURS",
                    key.rate(), BigDecimal.ZERO, tax, null, null, null, ids));
        });
        return lines;
    }

    /**
     * Locks the time of an issued invoice. Every entry must still be there, unbilled and as it was when it was
     * added (same billed time and rate); otherwise the issue is refused and nothing is kept.
     */
    private void lockTime(WorkspaceId ws, Invoice invoice, String number) {
        Map<UUID, List<UUID>> entries = store.lineEntries(ws, invoice.id().value());
        List<TimeEntryId> all = entries.values().stream().flatMap(List::stream).map(TimeEntryId::new).toList();
        if (all.isEmpty()) {
            return;
        }
        int locked = time.lockForInvoice(ws, all, invoice.id().value(), number);
        if (locked != all.size()) {
            throw InvalidInputException.of("invoice", "billing.issue.timeChanged");
        }
        Map<UUID, TimeEntry> now = new HashMap<>();
        time.byIds(ws, all).forEach(e -> now.put(e.id().value(), e));
        Rounding rounding = time.rounding(ws, invoice.clientId());
        for (InvoiceLine line : invoice.lines()) {
            List<UUID> ids = entries.get(line.id());
            if (ids == null || ids.isEmpty()) {
                continue;
            }
            List<TimeEntry> current = ids.stream().map(now::get).filter(Objects::nonNull).toList();
            boolean sameRate = current.stream().allMatch(e -> e.billable() && line.unitPrice().equals(e.rate())
                    && e.clientId().equals(invoice.clientId()));
            long billed = BilledTime.billedSeconds(BilledTime.units(current, rounding));
            if (current.size() != ids.size() || !sameRate || line.seconds() == null || billed != line.seconds()) {
                throw InvalidInputException.of("invoice", "billing.issue.timeChanged");
            }
        }
    }

    /** Puts the issued number on the invoice's expenses; each must still be the amount it was added at. */
    private void lockExpenses(WorkspaceId ws, Invoice invoice, String number) {
        Map<UUID, Money> billed = new HashMap<>();
        invoice.lines().stream().filter(l -> l.expenseId() != null).forEach(l -> billed.put(l.expenseId(), l.unitPrice()));
        if (billed.isEmpty()) {
            return;
        }
        if (expenses.markInvoiced(ws, billed.keySet(), invoice.id().value(), number) != billed.size()) {
            throw InvalidInputException.of("invoice", "billing.expenses.taken");
        }
    }

    private Invoice lockDraft(CurrentUser viewer, InvoiceId id) {
        InvoiceStatus status = store.lock(viewer.workspaceId(), id.value())
                .orElseThrow(() -> new NotFoundException("invoice"));
        if (status != InvoiceStatus.DRAFT) {
            throw InvalidInputException.of("invoice", "billing.edit.issued");
        }
        return get(viewer, id);
    }

    private Optional<Currency> clientCurrency(CurrentUser viewer, UUID client) {
        return clients.find(viewer, new ClientId(client)).map(Client::currency);
    }

    // --- retainers and recurring invoices ---

    /** A line a schedule writes as given: a retainer's fee or overage, or a recurring invoice's item. */
    record ScheduledLine(LineKind kind, String description, @Nullable String detail, BigDecimal quantity,
            @Nullable Long seconds, String unit, Money unitPrice, TaxRate tax) {
    }

    /**
     * Makes a draft for a schedule (no person): the client's language, terms and the workspace's tax mode,
     * the lines as given. {@code source}, {@code sourceId} and {@code period} are unique per workspace: a second
     * draft for the same period fails with a duplicate key, so two nodes never make it twice.
     */
    @Transactional
    Invoice createScheduled(WorkspaceId ws, ClientId client, String language, Currency currency, String source,
            UUID sourceId, LocalDate period, @Nullable String notes, List<ScheduledLine> lines) {
        BillingSettings s = settings.get(ws);
        ClientTerms terms = settings.terms(ws, client.value());
        int net = terms.netDays() != null ? terms.netDays() : s.netDays();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        store.insert(ws, new NewInvoice(id, client.value(), InvoiceKind.INVOICE, InvoiceStatus.DRAFT, currency,
                language, s.taxMode(), BigDecimal.ZERO, net, notes != null ? notes : s.defaultNotes(),
                s.defaultTerms(), null, null, null, source, sourceId, period, null), now);
        List<Draft> drafts = new ArrayList<>();
        for (ScheduledLine l : lines) {
            drafts.add(new Draft(UUID.randomUUID(), l.kind(), l.description(), l.detail(), l.quantity(), l.seconds(),
                    l.unit(), l.unitPrice(), BigDecimal.ZERO, l.tax(), null, null, null, List.of()));
        }
        write(ws, id, currency, s.taxMode(), BigDecimal.ZERO, drafts, now);
        store.event(ws, id, "CREATED", source, null, now);
        return store.find(ws, id, today(ws)).orElseThrow();
    }

    /** Whether the workspace has an invoice made for this source and period (a draft, issued or void). */
    @Transactional(readOnly = true)
    boolean scheduledExists(WorkspaceId ws, String source, UUID sourceId, LocalDate period) {
        return store.sourceExists(ws, source, sourceId, period);
    }

    /** Of these entries, those on a draft of the workspace (being billed by hand). */
    @Transactional(readOnly = true)
    Set<UUID> entriesOnDrafts(WorkspaceId ws, java.util.Collection<UUID> entries) {
        return new HashSet<>(store.entriesOnOtherDrafts(ws, new UUID(0, 0), entries));
    }

    /**
     * Attaches time entries to a line of an issued invoice and locks them with its number (a retainer's
     * invoice holds the time its fee and overage covered, so it cannot be billed again). Every entry must
     * still be free, or nothing is kept.
     */
    @Transactional
    void attachTime(WorkspaceId ws, InvoiceId id, UUID line, List<TimeEntryId> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Invoice invoice = store.find(ws, id.value(), today(ws)).orElseThrow(() -> new NotFoundException("invoice"));
        if (invoice.number() == null || invoice.lines().stream().noneMatch(l -> l.id().equals(line))) {
            throw new IllegalStateException("time is attached to a line of an issued invoice");
        }
        store.attachEntries(ws, id.value(), line, entries.stream().map(TimeEntryId::value).toList());
        if (time.lockForInvoice(ws, entries, id.value(), invoice.number()) != entries.size()) {
            throw InvalidInputException.of("invoice", "billing.issue.timeChanged");
        }
    }
}
