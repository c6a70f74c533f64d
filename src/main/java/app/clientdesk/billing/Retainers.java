package app.clientdesk.billing;

import app.clientdesk.billing.Invoices.ScheduledLine;
import app.clientdesk.billing.RetainerSchedule.Period;
import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.money.Money;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.time.BilledTime;
import app.clientdesk.time.RoundingText;
import app.clientdesk.time.TimeEntries;
import app.clientdesk.time.TimeEntry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retainers: a monthly fee with included hours, invoiced and issued by the schedule at the start of each period
 * in the client's zone ({@link RetainerSchedule}), with the previous period's overage and its time
 * ({@link RetainerLedger}); their burn-down and forecast. Billing is the owner's: every call with a person
 * checks it. The invoices carry source RETAINER, the retainer and the period's first day, unique per workspace.
 */
@Service
public class Retainers implements ForecastSource {

    static final String SOURCE = "RETAINER";

    private final RetainerStore store;
    private final Invoices invoices;
    private final Clients clients;
    private final TimeEntries time;
    private final MessageSource messages;
    private final Clock clock;

    Retainers(RetainerStore store, Invoices invoices, Clients clients, TimeEntries time, MessageSource messages,
            Clock clock) {
        this.store = store;
        this.invoices = invoices;
        this.clients = clients;
        this.time = time;
        this.messages = messages;
        this.clock = clock;
    }

    // --- reading ---------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<Retainer> list(CurrentUser viewer) {
        viewer.requireOwner();
        return store.list(viewer.workspaceId(), null);
    }

    @Transactional(readOnly = true)
    public Retainer get(CurrentUser viewer, UUID id) {
        viewer.requireOwner();
        return store.find(viewer.workspaceId(), id).orElseThrow(() -> new NotFoundException("retainer"));
    }

    /** The periods made so far, oldest first. */
    @Transactional(readOnly = true)
    public List<RetainerPeriod> periods(CurrentUser viewer, UUID id) {
        get(viewer, id);
        return store.periods(viewer.workspaceId(), id);
    }

    /** The periods whose invoice is due now and not made yet, oldest first (none while paused). */
    @Transactional(readOnly = true)
    public List<Period> due(CurrentUser viewer, UUID id) {
        Retainer r = get(viewer, id);
        return due(viewer.workspaceId(), r);
    }

    /** The next period the schedule will make (after those due), or empty when the retainer has ended. */
    @Transactional(readOnly = true)
    public Optional<Period> next(CurrentUser viewer, UUID id) {
        Retainer r = get(viewer, id);
        Period p = candidate(viewer.workspaceId(), r);
        LocalDate today = RetainerSchedule.today(clock.instant(), r.zone());
        while (!p.start().isAfter(today)) {
            p = RetainerSchedule.next(p, r.issueDay());
        }
        return r.bills(p.start()) ? Optional.of(p) : Optional.empty();
    }

    // --- writing ---------------------------------------------------------------------------------

    /** What to do with periods that began before today, when a retainer starts (or is moved) into the past. */
    public enum PastPeriods {
        /** Bill them now, each invoice dated the day it is made (so never overdue at once, numbers in order). */
        BILL_NOW,
        /** Do not bill them: the first invoice is the next period's. */
        SKIP
    }

    /** Creates a retainer that starts today or later (one starting in the past needs {@link PastPeriods}). */
    @Transactional
    public Retainer create(CurrentUser viewer, RetainerInput input) {
        return create(viewer, input, null);
    }

    /**
     * Creates a retainer. When periods would already have begun before today, {@code past} says what to do with
     * them; without it the retainer is refused ({@code pastPeriods}), so no back-dated invoice is ever made
     * unasked.
     */
    @Transactional
    public Retainer create(CurrentUser viewer, RetainerInput input, @Nullable PastPeriods past) {
        viewer.requireOwner();
        Checked c = check(viewer, input);
        UUID id = UUID.randomUUID();
        store.insert(viewer.workspaceId(), id, c.valid(), c.client().currency(), clock.instant());
        settlePast(viewer.workspaceId(), id, past);
        return get(viewer, id);
    }

    /** Changes a retainer; periods already made keep what they were made with. */
    @Transactional
    public Retainer update(CurrentUser viewer, UUID id, RetainerInput input) {
        return update(viewer, id, input, null);
    }

    /** Changes a retainer; {@code past} as for {@link #create(CurrentUser, RetainerInput, PastPeriods)}. */
    @Transactional
    public Retainer update(CurrentUser viewer, UUID id, RetainerInput input, @Nullable PastPeriods past) {
        Retainer current = get(viewer, id);
        Checked c = check(viewer, input);
        if (!current.clientId().value().equals(c.valid().clientId())
                && !store.periods(viewer.workspaceId(), id).isEmpty()) {
            throw InvalidInputException.of("clientId", "retainers.error.client.locked");
        }
        store.update(viewer.workspaceId(), id, c.valid(), c.client().currency(), clock.instant());
        Retainer updated = get(viewer, id);
        // Only a move of the dates asks again: a period the schedule has not reached yet is not a past one.
        if (!updated.startsOn().equals(current.startsOn()) || updated.issueDay() != current.issueDay()) {
            settlePast(viewer.workspaceId(), id, past);
        }
        return get(viewer, id);
    }

    /** Periods not made yet that began before today: the owner's answer applies, or the change is refused. */
    private void settlePast(WorkspaceId ws, UUID id, @Nullable PastPeriods past) {
        Retainer r = store.find(ws, id).orElseThrow();
        LocalDate today = RetainerSchedule.today(clock.instant(), r.zone());
        long begun = due(ws, r).stream().filter(p -> p.start().isBefore(today)).count();
        if (begun == 0) {
            return;
        }
        if (past == null) {
            throw InvalidInputException.of("pastPeriods", "retainers.error.pastPeriods", begun);
        }
        if (past == PastPeriods.SKIP) {
            store.skipBefore(ws, id, today, clock.instant());
        } else {
            store.billLateBefore(ws, id, today, clock.instant());
        }
    }

    /** Pauses a retainer: no invoice is made until it is resumed. */
    @Transactional
    public void pause(CurrentUser viewer, UUID id) {
        get(viewer, id);
        store.paused(viewer.workspaceId(), id, true, null, clock.instant());
    }

    /** Resumes a retainer: periods that began while it was paused are not billed; the next one is. */
    @Transactional
    public void resume(CurrentUser viewer, UUID id) {
        Retainer r = get(viewer, id);
        if (!r.paused()) {
            return;
        }
        LocalDate today = RetainerSchedule.today(clock.instant(), r.zone());
        Period current = RetainerSchedule.containing(today, r.issueDay());
        LocalDate from = store.latest(viewer.workspaceId(), id).map(p -> p.start().equals(current.start()))
                .orElse(false) ? today : today.plusDays(1);
        store.paused(viewer.workspaceId(), id, false, from.isAfter(r.billFrom()) ? from : r.billFrom(),
                clock.instant());
    }

    /** Makes the oldest due period's invoice now, instead of waiting for the schedule. */
    @Transactional
    public Invoice issueNow(CurrentUser viewer, UUID id) {
        List<Period> due = due(viewer, id);
        if (due.isEmpty()) {
            throw InvalidInputException.of("retainer", "retainers.error.nothingDue");
        }
        return make(viewer.workspaceId(), id, due.get(0).start())
                .orElseThrow(() -> InvalidInputException.of("retainer", "retainers.error.nothingDue"));
    }

    private record Checked(RetainerRules.Valid valid, Client client) {
    }

    private Checked check(CurrentUser viewer, RetainerInput input) {
        Violations v = new Violations();
        Client client = null;
        UUID clientId = RetainerRules.clientId(input.clientId(), new Violations());
        if (clientId != null) {
            client = clients.find(viewer, new ClientId(clientId)).orElse(null);
        }
        RetainerRules.Valid valid = RetainerRules.check(input, client == null ? null : client.currency(), v);
        if (clientId != null && client == null) {
            v.add("clientId", "retainers.error.client.unknown");
        }
        v.throwIfAny();
        if (valid == null || client == null) {
            throw new IllegalStateException("checked input without values");
        }
        return new Checked(valid, client);
    }

    // --- the schedule ----------------------------------------------------------------------------

    /** A period due to be made. */
    public record Due(WorkspaceId workspace, UUID retainer, LocalDate start) {
    }

    /** Every period due now in every workspace, oldest first per retainer (the schedule makes each in turn). */
    @Transactional(readOnly = true)
    public List<Due> dueNow() {
        List<Due> out = new ArrayList<>();
        for (RetainerStore.Active a : store.active()) {
            store.find(a.workspace(), a.id())
                    .ifPresent(r -> due(a.workspace(), r).forEach(p -> out.add(new Due(a.workspace(), a.id(), p.start()))));
        }
        return out;
    }

    private Period candidate(WorkspaceId ws, Retainer r) {
        Period first = r.firstPeriod();
        Optional<RetainerPeriod> latest = store.latest(ws, r.id());
        if (latest.isEmpty()) {
            return first;
        }
        Period after = RetainerSchedule.firstFrom(latest.get().end().plusDays(1), r.issueDay());
        return after.start().isBefore(first.start()) ? first : after;
    }

    private List<Period> due(WorkspaceId ws, Retainer r) {
        if (r.paused()) {
            return List.of();
        }
        LocalDate today = RetainerSchedule.today(clock.instant(), r.zone());
        List<Period> out = new ArrayList<>();
        for (Period p = candidate(ws, r); !p.start().isAfter(today) && r.bills(p.start());
                p = RetainerSchedule.next(p, r.issueDay())) {
            out.add(p);
        }
        return out;
    }

    /**
     * Makes and issues the invoice of the period starting on {@code start}: the fee for the period, and the
     * previous period's overage with its time attached and locked. Empty when it is not due or was made (by
     * another node, or before). The retainer's row is locked for the transaction, and the invoice's source key
     * is unique: running twice at once makes one invoice.
     */
    @Transactional
    public Optional<Invoice> make(WorkspaceId ws, UUID id, LocalDate start) {
        if (!store.lock(ws, id)) {
            return Optional.empty();
        }
        Retainer r = store.find(ws, id).orElseThrow();
        Period period = RetainerSchedule.containing(start, r.issueDay());
        if (r.paused() || !period.start().equals(start) || !r.bills(start)
                || RetainerSchedule.today(clock.instant(), r.zone()).isBefore(start)
                || invoices.scheduledExists(ws, SOURCE, id, start)) {
            return Optional.empty();
        }
        List<RetainerPeriod> periods = store.periods(ws, id);
        if (periods.stream().anyMatch(p -> !p.start().isBefore(start))) {
            return Optional.empty();
        }
        Locale locale = Locale.forLanguageTag(r.language());
        List<RetainerLedger.Closed> history = new ArrayList<>(periods.stream().filter(RetainerPeriod::closed)
                .map(RetainerPeriod::ledger).toList());
        RetainerPeriod previous = periods.isEmpty() ? null : periods.get(periods.size() - 1);
        if (previous != null && previous.closed()) {
            previous = null;
        }

        List<ScheduledLine> lines = new ArrayList<>();
        lines.add(feeLine(r, period, locale));
        List<TimeEntry> covered = List.of();
        int used = 0;
        int overage = 0;
        LocalDate unusedExpires = null;
        if (previous != null) {
            covered = periodTime(ws, r, previous.start(), previous.end());
            used = minutes(billedSeconds(ws, r, covered));
            List<RetainerLedger.Batch> batches = RetainerLedger.available(history, previous.start());
            RetainerLedger.Settlement s = RetainerLedger.settle(batches, previous.includedMinutes(), used);
            overage = s.overage();
            unusedExpires = r.rollover() ? RetainerSchedule.rolloverExpiry(
                    new Period(previous.start(), previous.end()), r.rolloverMonths(), r.issueDay()) : null;
            history.add(new RetainerLedger.Closed(previous.start(), previous.includedMinutes(), used, unusedExpires));
            if (overage > 0 && r.overageRate() != null) {
                lines.add(overageLine(r, previous, used, RetainerLedger.total(batches), overage, locale));
            }
        }
        List<RetainerLedger.Batch> rolled = RetainerLedger.available(history, start);

        Invoice draft = invoices.createScheduled(ws, r.clientId(), r.language(), r.currency(), SOURCE, id, start,
                null, lines);
        // A period that had begun when the owner chose to bill it now is dated the day it is made: never overdue
        // the moment it exists, and numbered in date order.
        LocalDate issueOn = r.billedLateBefore() != null && start.isBefore(r.billedLateBefore())
                ? RetainerSchedule.today(clock.instant(), r.zone()) : start;
        Invoice issued = invoices.issue(ws, draft.id(), issueOn, null);
        if (!covered.isEmpty()) {
            InvoiceLine holder = issued.lines().get(issued.lines().size() - 1);
            invoices.attachTime(ws, issued.id(), holder.id(), covered.stream().map(TimeEntry::id).toList());
        }
        Instant now = clock.instant();
        if (previous != null) {
            store.closePeriod(ws, previous.id(), used, overage, unusedExpires, issued.id().value(), now);
        }
        store.insertPeriod(ws, id, period, r.includedMinutes(), RetainerLedger.total(rolled),
                RetainerLedger.firstExpiry(rolled), issued.id().value(), now);
        return invoices.find(ws, issued.id());
    }

    /** The client's unbilled billable time started in these days of the client's zone, not on a draft. */
    private List<TimeEntry> periodTime(WorkspaceId ws, Retainer r, LocalDate first, LocalDate last) {
        List<TimeEntry> entries = time.unbilledStartedBetween(ws, r.clientId(),
                RetainerSchedule.issueInstant(first, r.zone()),
                RetainerSchedule.issueInstant(last.plusDays(1), r.zone()));
        Set<UUID> onDrafts = invoices.entriesOnDrafts(ws, entries.stream().map(e -> e.id().value()).toList());
        return entries.stream().filter(e -> !onDrafts.contains(e.id().value())).toList();
    }

    private long billedSeconds(WorkspaceId ws, Retainer r, List<TimeEntry> entries) {
        return BilledTime.billedSeconds(BilledTime.units(entries, time.rounding(ws, r.clientId())));
    }

    /** Seconds in whole minutes, half a minute up. */
    static int minutes(long seconds) {
        return (int) ((seconds + 30) / 60);
    }

    private ScheduledLine feeLine(Retainer r, Period period, Locale locale) {
        String hours = RoundingText.duration(r.includedMinutes() * 60L);
        String text = messages.getMessage("retainers.line.fee", new Object[] {label(period, locale), hours}, locale);
        return new ScheduledLine(LineKind.RETAINER, text, r.name(), BigDecimal.ONE, null, "ITEMS", r.monthlyFee(),
                r.tax());
    }

    private ScheduledLine overageLine(Retainer r, RetainerPeriod previous, int used, int rolled, int overage,
            Locale locale) {
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        String text = messages.getMessage("retainers.line.overage",
                new Object[] {day.format(previous.start()), day.format(previous.end())}, locale);
        String detail = messages.getMessage("retainers.line.overageDetail",
                new Object[] {RoundingText.duration(used * 60L), RoundingText.duration(previous.includedMinutes() * 60L),
                        RoundingText.duration(rolled * 60L), RoundingText.duration(overage * 60L)}, locale);
        long seconds = overage * 60L;
        BigDecimal hours = BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 4, RoundingMode.HALF_UP);
        return new ScheduledLine(LineKind.OVERAGE, text, detail, hours, seconds, "HOURS",
                java.util.Objects.requireNonNull(r.overageRate()), r.tax());
    }

    /** "December 2026" for a period of a whole calendar month, else its first and last day. */
    String label(Period period, Locale locale) {
        if (period.start().getDayOfMonth() == 1 && period.end().equals(period.month().atEndOfMonth())) {
            String month = period.start().format(DateTimeFormatter.ofPattern(
                    messages.getMessage("retainers.line.monthPattern", null, locale), locale));
            return month.substring(0, 1).toUpperCase(locale) + month.substring(1);
        }
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        return day.format(period.start()) + " – " + day.format(period.end());
    }

    // --- burn-down and forecast ------------------------------------------------------------------

    /** The current period of each of the client's retainers that is running (not paused, started, not ended). */
    @Transactional(readOnly = true)
    public List<RetainerBurndown> current(CurrentUser viewer, ClientId client) {
        viewer.requireOwner();
        WorkspaceId ws = viewer.workspaceId();
        List<RetainerBurndown> out = new ArrayList<>();
        for (Retainer r : store.list(ws, client.value())) {
            LocalDate today = RetainerSchedule.today(clock.instant(), r.zone());
            Period period = RetainerSchedule.containing(today, r.issueDay());
            if (r.paused() || r.ended(today)
                    || today.isBefore(RetainerSchedule.firstFrom(r.startsOn(), r.issueDay()).start())) {
                continue;
            }
            List<RetainerPeriod> periods = store.periods(ws, r.id());
            Optional<RetainerPeriod> made = periods.stream().filter(p -> p.start().equals(period.start())).findFirst();
            int included = made.map(RetainerPeriod::includedMinutes).orElse(r.includedMinutes());
            int rolled;
            LocalDate expires;
            if (made.isPresent()) {
                rolled = made.get().rolledMinutes();
                expires = made.get().rolledExpiresOn();
            } else {
                List<RetainerLedger.Batch> batches = RetainerLedger.available(periods.stream()
                        .filter(RetainerPeriod::closed).map(RetainerPeriod::ledger).toList(), period.start());
                rolled = RetainerLedger.total(batches);
                expires = RetainerLedger.firstExpiry(batches);
            }
            long used = billedSeconds(ws, r, time.unbilledStartedBetween(ws, r.clientId(),
                    RetainerSchedule.issueInstant(period.start(), r.zone()),
                    RetainerSchedule.issueInstant(period.end().plusDays(1), r.zone())));
            out.add(new RetainerBurndown(r, period.start(), period.end(), today, used, included, rolled, expires,
                    ChronoUnit.DAYS.between(today, period.end()) + 1));
        }
        return out;
    }

    /**
     * The fees (tax included, by the workspace's tax mode) of the periods whose invoice falls in each of
     * {@code months} months from {@code from}, per retainer and client, in the retainer's currency. Paused
     * retainers expect nothing; overage is not foreseen. Periods already made are counted too.
     */
    @Override
    @Transactional(readOnly = true)
    public List<ForecastSource.Expected> expected(WorkspaceId ws, YearMonth from, int months) {
        InvoiceMath.TaxMode mode = invoices.settings(ws).taxMode();
        List<ForecastSource.Expected> out = new ArrayList<>();
        for (Retainer r : store.list(ws, null)) {
            if (r.paused()) {
                continue;
            }
            Money each = InvoiceMath.totals(List.of(new InvoiceMath.Line(BigDecimal.ONE, r.monthlyFee(),
                    BigDecimal.ZERO, r.tax())), mode, r.currency()).total();
            for (int i = 0; i < months; i++) {
                YearMonth month = from.plusMonths(i);
                if (r.bills(RetainerSchedule.issueDate(month, r.issueDay()))) {
                    out.add(new ForecastSource.Expected(r.clientId(), r.clientName(), month, each, SOURCE));
                }
            }
        }
        return out;
    }
}
