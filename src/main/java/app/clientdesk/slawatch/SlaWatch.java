package app.clientdesk.slawatch;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.Account;
import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.Role;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.notifications.Notice;
import app.clientdesk.notifications.Notifications;
import app.clientdesk.requests.Request;
import app.clientdesk.requests.RequestId;
import app.clientdesk.requests.Requests;
import app.clientdesk.requests.SlaChecks;
import app.clientdesk.sla.DueTimes;
import app.clientdesk.sla.SlaState;
import app.clientdesk.sla.WorkingCalendars;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks the response clocks whose planned check has come and tells people when one turned at risk or breached:
 * the workspace's owners, and the active members assigned to the request's client (they answer its requests), each
 * in-app and by email through the outbox, in their own language, with the request's number, subject and client and
 * the due time in the workspace's zone (the zone of its working calendar), linking to {@code /requests/<id>}.
 *
 * <p>Once per state change: each request is checked in its own transaction under its row lock, the notice carries
 * the dedupe key {@code request:<id>:<STATE>}, and the state told is kept on the request ({@link
 * Requests#markSlaNotified}); so runs repeated, or two nodes running at once, tell each person once. Met and paused
 * never tell anyone; neither does a request without a clock (its client has no commitment: it is never due a
 * check). A request whose check fails is logged and looked at again 5 minutes later, without holding up the rest.
 */
@Service
public class SlaWatch {

    /** Requests read per query. */
    static final int BATCH = 100;
    /** How long a request whose check failed waits before the next try. */
    static final Duration RETRY = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(SlaWatch.class);

    private final SlaChecks checks;
    private final Requests requests;
    private final Clients clients;
    private final Accounts accounts;
    private final Notifications notifications;
    private final WorkingCalendars calendars;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SlaWatch(SlaChecks checks, Requests requests, Clients clients, Accounts accounts, Notifications notifications,
            WorkingCalendars calendars, TransactionTemplate transactions, Clock clock) {
        this.checks = checks;
        this.requests = requests;
        this.clients = clients;
        this.accounts = accounts;
        this.notifications = notifications;
        this.calendars = calendars;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Checks every request whose check is due now, in batches of {@link #BATCH}.
     *
     * @return how many notifications were made
     */
    public int runDue() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Set<RequestId> seen = new HashSet<>();
        int told = 0;
        while (true) {
            List<SlaChecks.Due> due = checks.due(now, BATCH);
            boolean progress = false;
            for (SlaChecks.Due one : due) {
                if (!seen.add(one.request())) {
                    continue;
                }
                progress = true;
                told += checkOne(one, now);
            }
            if (due.size() < BATCH || !progress) {
                return told;
            }
        }
    }

    private int checkOne(SlaChecks.Due one, Instant now) {
        try {
            Integer made = transactions.execute(status -> checks.check(one.workspace(), one.request(), now)
                    .filter(SlaChecks.Checked::tell)
                    .map(checked -> tell(one.workspace(), checked.request(), checked.state().orElseThrow()))
                    .orElse(0));
            return made == null ? 0 : made;
        } catch (RuntimeException e) {
            log.warn("Could not check the response clock of request {} of workspace {}; trying again in {}",
                    one.request().value(), one.workspace().value(), RETRY, e);
            try {
                checks.postpone(one.workspace(), one.request(), now.plus(RETRY));
            } catch (RuntimeException again) {
                log.warn("Could not put off the check of request {}", one.request().value(), again);
            }
            return 0;
        }
    }

    private int tell(WorkspaceId workspace, Request request, SlaState state) {
        Optional<Client> client = clients.find(workspace, request.clientId());
        Set<java.util.UUID> members = client.map(Client::memberIds).orElse(Set.of());
        ZoneId zone = calendars.zone(workspace);
        Instant due = request.firstResponseDueAt();
        int made = 0;
        for (Account person : accounts.inWorkspace(workspace)) {
            boolean owner = person.role() == Role.OWNER;
            boolean assigned = person.role() == Role.MEMBER && members.contains(person.id().value());
            if (person.disabled() || !(owner || assigned)) {
                continue;
            }
            String dueText = due == null ? "—" : DueTimes.format(due.atZone(zone), person.locale());
            Notice notice = Notice.of(state == SlaState.AT_RISK ? "request.atRisk" : "request.breached",
                    state == SlaState.AT_RISK ? "requests.sla.notice.atRisk" : "requests.sla.notice.breached",
                    request.label(), request.subject(), request.clientName(), dueText)
                    .linkTo("/requests/" + request.id().value())
                    .once("request:" + request.id().value() + ":" + state.name())
                    .byEmail();
            if (notifications.notify(workspace, person.id(), notice).isPresent()) {
                made++;
            }
        }
        requests.markSlaNotified(workspace, request.id(), state);
        return made;
    }
}
