package app.clientdesk.requests;

import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.sla.SlaState;
import app.clientdesk.sla.WorkingCalendarChanged;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a scheduler needs to keep response clocks current without reading every request: each open, unanswered
 * request with a clock stores when its clock next turns worse by time alone ({@code sla_next_check_at}, kept by
 * {@link Requests} on every change); {@link #due} reads those whose time has come across all workspaces (an index
 * range scan), and {@link #check} recomputes one of them under its row lock, so that two app nodes checking the same
 * request at once decide one after the other.
 *
 * <p>A change of the working calendar ({@link WorkingCalendarChanged}) brings every open, unanswered request's next
 * check forward to "now", in the change's transaction: the next run recomputes their due times with the new
 * calendar (saving the calendar stays one cheap statement, however many requests are open).
 */
@Service
public class SlaChecks {

    private final RequestStore store;
    private final Requests requests;
    private final Clock clock;

    SlaChecks(RequestStore store, Requests requests, Clock clock) {
        this.store = store;
        this.requests = requests;
        this.clock = clock;
    }

    /** A request whose clock is due a check. */
    public record Due(WorkspaceId workspace, RequestId request) {
    }

    /**
     * The result of checking a request's clock: the request as it is now, its state (empty without a clock) and
     * whether the owner should be told (at risk or breached, worse than what they were last told).
     */
    public record Checked(Request request, Optional<SlaState> state, boolean tell) {
    }

    /** Up to {@code limit} requests of any workspace whose clock is due a check by {@code now}, soonest first. */
    @Transactional(readOnly = true)
    public List<Due> due(Instant now, int limit) {
        return store.slaDue(now, limit);
    }

    /**
     * Locks the request and, if its check is still due by {@code now} (another node may have just done it),
     * recomputes its clock ({@link Requests#refreshSla}), which also plans its next check. Runs in the caller's
     * transaction, which must exist: the row lock holds until it ends, so the caller notifies and calls {@link
     * Requests#markSlaNotified} in it.
     *
     * @return empty when the request is gone or its check is not due (any more)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Checked> check(WorkspaceId workspace, RequestId id, Instant now) {
        if (store.lock(workspace, id).isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> next = store.slaNextCheckAt(workspace, id);
        if (next.isEmpty() || next.get().isAfter(now)) {
            return Optional.empty();
        }
        Optional<SlaState> state = requests.refreshSla(workspace, id, now);
        Request request = store.find(workspace, null, null, id).orElseThrow(() -> new NotFoundException("request"));
        boolean tell = request.state() == RequestState.OPEN && request.firstResponseAt() == null && state.isPresent()
                && untold(state.get(), request.slaNotifiedState());
        return Optional.of(new Checked(request, state, tell));
    }

    /** Puts off the next check of a request whose check failed, so that it does not hold up the others. */
    @Transactional
    public void postpone(WorkspaceId workspace, RequestId id, Instant until) {
        store.slaNextCheck(workspace, id, until);
    }

    @EventListener
    void calendarChanged(WorkingCalendarChanged event) {
        store.recheckOpen(event.workspace(), clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    /**
     * Whether {@code state} is one to tell (at risk or breached) and worse than the state last told: at risk, then
     * breached, each told once; at risk is not told once breached was.
     */
    static boolean untold(SlaState state, @Nullable SlaState told) {
        return severity(state) > severity(told);
    }

    /** At risk, then breached: each told once; neither is told again once a worse one was. */
    private static int severity(@Nullable SlaState state) {
        if (state == null) {
            return 0;
        }
        return switch (state) {
            case AT_RISK -> 1;
            case BREACHED -> 2;
            default -> 0;
        };
    }
}
