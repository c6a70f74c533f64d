package app.clientdesk.billing;

import app.clientdesk.billing.Invoices.ScheduledLine;
import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.money.Money;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.shared.web.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recurring invoices: fixed lines made into an invoice on each date of a schedule in the client's zone, left as
 * a draft or issued. Billing is the owner's: every call with a person checks it. Each date is made once: the
 * recurring invoice's row is locked while it is made, and its dates and the invoices' source key are unique.
 */
@Service
public class RecurringInvoices implements ForecastSource {

    static final String SOURCE = "RECURRING";
    static final int MAX_LINES = 50;

    private final RecurringStore store;
    private final Invoices invoices;
    private final Clients clients;
    private final Clock clock;

    RecurringInvoices(RecurringStore store, Invoices invoices, Clients clients, Clock clock) {
        this.store = store;
        this.invoices = invoices;
        this.clients = clients;
        this.clock = clock;
    }

    record Valid(UUID clientId, String name, int every, RecurringSchedule.Unit unit, LocalDate startsOn,
            @Nullable LocalDate endsOn, boolean autoIssue, @Nullable String notes, List<ValidLine> lines) {
    }

    record ValidLine(String description, BigDecimal quantity, BigDecimal unitPrice, TaxRate tax) {
    }

    // --- reading ---------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<RecurringInvoice> list(CurrentUser viewer) {
        viewer.requireOwner();
        return store.list(viewer.workspaceId());
    }

    @Transactional(readOnly = true)
    public RecurringInvoice get(CurrentUser viewer, UUID id) {
        viewer.requireOwner();
        return store.find(viewer.workspaceId(), id).orElseThrow(() -> new NotFoundException("recurring"));
    }

    /** A date made, with its invoice's number (none while a draft) and status. */
    public record Made(LocalDate date, @Nullable UUID invoiceId, @Nullable String number, @Nullable String status) {
    }

    @Transactional(readOnly = true)
    public List<Made> made(CurrentUser viewer, UUID id, int limit) {
        get(viewer, id);
        return store.runs(viewer.workspaceId(), id, limit).stream()
                .map(r -> new Made(r.date(), r.invoiceId(), r.number(), r.status())).toList();
    }

    // --- writing ---------------------------------------------------------------------------------

    @Transactional
    public RecurringInvoice create(CurrentUser viewer, RecurringInput input) {
        viewer.requireOwner();
        Checked c = check(viewer, input);
        UUID id = UUID.randomUUID();
        LocalDate next = RecurringSchedule.nextAfter(c.valid().startsOn(), c.valid().every(), c.valid().unit(), null,
                c.valid().endsOn());
        store.save(viewer.workspaceId(), id, true, c.valid(), c.client().currency(), next, clock.instant());
        return get(viewer, id);
    }

    /** Changes a recurring invoice; dates already made stay made, the next date follows the new schedule. */
    @Transactional
    public RecurringInvoice update(CurrentUser viewer, UUID id, RecurringInput input) {
        RecurringInvoice current = get(viewer, id);
        store.lock(viewer.workspaceId(), id);
        Checked c = check(viewer, input);
        LocalDate next = null;
        if (!current.stopped()) {
            LocalDate last = store.lastRun(viewer.workspaceId(), id).orElse(null);
            next = RecurringSchedule.nextAfter(c.valid().startsOn(), c.valid().every(), c.valid().unit(), last,
                    c.valid().endsOn());
        }
        store.save(viewer.workspaceId(), id, false, c.valid(), c.client().currency(), next, clock.instant());
        return get(viewer, id);
    }

    /** Stops it for good: no further invoice is made (those made stay). */
    @Transactional
    public void stop(CurrentUser viewer, UUID id) {
        get(viewer, id);
        store.stop(viewer.workspaceId(), id, clock.instant());
    }

    private record Checked(Valid valid, Client client) {
    }

    private Checked check(CurrentUser viewer, RecurringInput in) {
        Violations v = new Violations();
        UUID clientId = RetainerRules.clientId(in.clientId(), v);
        Client client = clientId == null ? null : clients.find(viewer, new ClientId(clientId)).orElse(null);
        if (clientId != null && client == null) {
            v.add("clientId", "retainers.error.client.unknown");
        }
        Currency currency = client == null ? null : client.currency();
        String name = RetainerRules.name(in.name(), v);
        Integer every = RetainerRules.integer(in.every());
        if (every == null || every < 1 || every > 120) {
            v.add("every", "recurring.error.every");
        }
        RecurringSchedule.Unit unit = null;
        try {
            unit = RecurringSchedule.Unit.valueOf(Objects.requireNonNullElse(in.unit(), "").strip()
                    .toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            v.add("unit", "recurring.error.unit");
        }
        LocalDate starts = RetainerRules.date(in.startsOn(), "startsOn", true, v);
        LocalDate ends = RetainerRules.date(in.endsOn(), "endsOn", false, v);
        if (starts != null && ends != null && ends.isBefore(starts)) {
            v.add("endsOn", "retainers.error.endsBeforeStart");
        }
        boolean auto = in.autoIssue() != null && !in.autoIssue().isBlank() && !"false".equals(in.autoIssue());
        String notes = in.notes() == null || in.notes().isBlank() ? null : in.notes().strip();
        if (notes != null && notes.length() > InvoiceRules.MAX_TEXT) {
            v.add("notes", "recurring.error.notes.tooLong", InvoiceRules.MAX_TEXT);
        }
        List<ValidLine> lines = new ArrayList<>();
        int i = 0;
        for (DraftInput.LineInput line : in.lines()) {
            String prefix = "lines[" + i++ + "].";
            if (line.blank()) {
                continue;
            }
            String description = line.description() == null ? "" : line.description().strip();
            if (description.isEmpty()) {
                v.add(prefix + "description", "recurring.error.description.required");
            } else if (description.length() > InvoiceRules.MAX_DESCRIPTION) {
                v.add(prefix + "description", "recurring.error.description.tooLong", InvoiceRules.MAX_DESCRIPTION);
            }
            BigDecimal quantity = InvoiceRules.quantity(line.quantity(), prefix + "quantity", false, v);
            BigDecimal price = null;
            if (line.unitPrice() == null || line.unitPrice().isBlank()) {
                v.add(prefix + "unitPrice", "retainers.error.money.required");
            } else if (currency != null) {
                price = RetainerRules.money(line.unitPrice(), prefix + "unitPrice", currency, true, v);
            }
            TaxRate tax = InvoiceRules.tax(line.taxName(), line.taxPercent(), prefix, v);
            if (quantity != null && price != null) {
                lines.add(new ValidLine(description, quantity, price, tax));
            }
        }
        if (in.lines().stream().allMatch(DraftInput.LineInput::blank)) {
            v.add("lines", "recurring.error.lines.required");
        } else if (in.lines().stream().filter(l -> !l.blank()).count() > MAX_LINES) {
            v.add("lines", "recurring.error.lines.tooMany", MAX_LINES);
        }
        v.throwIfAny();
        return new Checked(new Valid(Objects.requireNonNull(clientId), name, Objects.requireNonNull(every),
                Objects.requireNonNull(unit), Objects.requireNonNull(starts), ends, auto, notes, lines),
                Objects.requireNonNull(client));
    }

    // --- the schedule ----------------------------------------------------------------------------

    /** A date due to be made. */
    public record Due(WorkspaceId workspace, UUID recurring, LocalDate date) {
    }

    /** Every date due now (on or before today in the client's zone) in every workspace, oldest first. */
    @Transactional(readOnly = true)
    public List<Due> dueNow() {
        List<Due> out = new ArrayList<>();
        Instant now = clock.instant();
        for (RecurringStore.Active a : store.active()) {
            store.find(a.workspace(), a.id()).ifPresent(r -> {
                LocalDate today = RetainerSchedule.today(now, r.zone());
                for (LocalDate d : r.upcoming(1000)) {
                    if (d.isAfter(today)) {
                        break;
                    }
                    out.add(new Due(a.workspace(), r.id(), d));
                }
            });
        }
        return out;
    }

    /**
     * Makes the invoice of {@code date} (a draft, or issued on that date when set) and moves the next date on.
     * Empty when it is not the next date, not yet due, or was made (by another node, or before).
     */
    @Transactional
    public Optional<Invoice> make(WorkspaceId ws, UUID id, LocalDate date) {
        if (!store.lock(ws, id)) {
            return Optional.empty();
        }
        RecurringInvoice r = store.find(ws, id).orElseThrow();
        if (r.nextDate() == null || !r.nextDate().equals(date)
                || RetainerSchedule.today(clock.instant(), r.zone()).isBefore(date)
                || invoices.scheduledExists(ws, SOURCE, id, date) || r.lines().isEmpty()) {
            return Optional.empty();
        }
        List<ScheduledLine> lines = r.lines().stream().map(l -> new ScheduledLine(LineKind.ITEM, l.description(), null,
                l.quantity(), null, "ITEMS", l.unitPrice(), l.tax())).toList();
        Invoice invoice = invoices.createScheduled(ws, r.clientId(), r.language(), r.currency(), SOURCE, id, date,
                r.notes(), lines);
        if (r.autoIssue()) {
            invoice = invoices.issue(ws, invoice.id(), date, null);
        }
        Instant now = clock.instant();
        store.run(ws, id, date, invoice.id().value(), now);
        store.next(ws, id, RecurringSchedule.nextAfter(r.startsOn(), r.every(), r.unit(), date, r.endsOn()), now);
        return Optional.of(invoice);
    }

    // --- forecast --------------------------------------------------------------------------------

    /**
     * What the dates still to be made in each of {@code months} months from {@code from} come to (tax included
     * by the workspace's tax mode), per recurring invoice and client, in its currency.
     */
    @Override
    @Transactional(readOnly = true)
    public List<ForecastSource.Expected> expected(WorkspaceId ws, YearMonth from, int months) {
        InvoiceMath.TaxMode mode = invoices.settings(ws).taxMode();
        YearMonth until = from.plusMonths(months);
        List<ForecastSource.Expected> out = new ArrayList<>();
        for (RecurringInvoice r : store.list(ws)) {
            if (r.nextDate() == null || r.lines().isEmpty()) {
                continue;
            }
            Money each = r.total(mode);
            for (LocalDate d : r.upcoming(2000)) {
                YearMonth m = YearMonth.from(d);
                if (!m.isBefore(until)) {
                    break;
                }
                if (!m.isBefore(from)) {
                    out.add(new ForecastSource.Expected(r.clientId(), r.clientName(), m, each, SOURCE));
                }
            }
        }
        return out;
    }
}
