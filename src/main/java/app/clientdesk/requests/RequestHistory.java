package app.clientdesk.requests;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.sla.SlaState;
import app.clientdesk.sla.WorkingCalendars;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests as they happened, for sample data (the demo): a request written with its conversation at the instants
 * given, its pauses and its end, then its response clock computed by {@link Requests} at now (or at the close), so
 * its due time, SLA state and next check are what the app would hold; the clock job then tells people of an at-risk
 * or breached one as it would have. Checks nothing of who may do what, nor the texts' limits: the caller is the
 * system making sample data, never a person. No events are published (nothing is mailed to the client).
 */
@Service
public class RequestHistory {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration STEP = Duration.ofMinutes(15);

    private final RequestStore store;
    private final Requests requests;
    private final Clients clients;
    private final WorkingCalendars calendars;
    private final Clock clock;

    RequestHistory(RequestStore store, Requests requests, Clients clients, WorkingCalendars calendars, Clock clock) {
        this.store = store;
        this.requests = requests;
        this.clock = clock;
        this.clients = clients;
        this.calendars = calendars;
    }

    /**
     * One message of a past conversation. A person of the workspace ({@link AuthorKind#USER}) writing after the
     * first message answers (the first visible answer meets the clock); {@code waitOnClient} then pauses the clock
     * until the client writes, as {@link Requests#reply} does.
     */
    public record PastMessage(Author author, String text, boolean visibleToClient, boolean waitOnClient,
            Instant at) {
    }

    /** A past request: the first message opens it; {@code closedAt}, if any, closes it after the last message. */
    public record PastRequest(ClientId client, RequestSource source, String subject, List<PastMessage> messages,
            @Nullable Instant closedAt) {

        public PastRequest {
            messages = List.copyOf(messages);
            if (messages.isEmpty()) {
                throw new IllegalArgumentException("a request opens with a message");
            }
        }
    }

    /** Writes {@code past} with the workspace's next number and answers its id. */
    @Transactional
    public RequestId record(WorkspaceId workspace, PastRequest past) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        PastMessage first = past.messages().get(0);
        RequestId id = RequestId.random();
        store.insert(workspace, id, past.client(), store.nextNumber(workspace), past.subject(), past.source(),
                first.author(), null, token(), first.at());
        RequestState state = RequestState.OPEN;
        for (PastMessage m : past.messages()) {
            store.insertMessage(workspace, UUID.randomUUID(), id, m.author(), m.text(), null, m.visibleToClient(),
                    null, null, m.at());
            boolean answer = m != first && m.author().kind() == AuthorKind.USER;
            if (answer && m.visibleToClient()) {
                store.firstResponse(workspace, id, m.at());
            }
            if (answer && m.waitOnClient()) {
                if (state != RequestState.WAITING_ON_CLIENT) {
                    store.startPause(workspace, id, m.at());
                }
                state = RequestState.WAITING_ON_CLIENT;
            } else if (state == RequestState.WAITING_ON_CLIENT && (!answer || m.visibleToClient())) {
                store.endPauses(workspace, id, m.at());
                state = RequestState.OPEN;
            }
            store.touch(workspace, id, state, m.at(), true);
        }
        if (past.closedAt() != null) {
            // The clock as it stood when the request closed: what the app keeps for a closed request.
            requests.refreshSla(workspace, id, past.closedAt());
            store.endPauses(workspace, id, past.closedAt());
            store.touch(workspace, id, RequestState.CLOSED, past.closedAt(), false);
            store.slaNextCheck(workspace, id, null);
        } else {
            requests.refreshSla(workspace, id, now);
        }
        return id;
    }

    /**
     * The latest instant, on a quarter hour and at most {@code within} back, at which a request of the client
     * left unanswered would be in {@code state} now by the workspace's business hours: how sample data makes a
     * request at risk or breached whatever the day and hour it is made. Empty for a client without a commitment,
     * or when no such instant is found.
     */
    public Optional<Instant> openedFor(WorkspaceId workspace, ClientId clientId, SlaState state, Duration within) {
        Client client = clients.find(workspace, clientId).orElseThrow(() -> new NotFoundException("client"));
        var policy = calendars.policy(workspace);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Instant start = now.minusSeconds(now.getEpochSecond() % STEP.toSeconds());
        for (Instant at = start.minus(STEP); !at.isBefore(now.minus(within)); at = at.minus(STEP)) {
            Instant opened = at;
            boolean matches = policy.clock(client, opened, List.of(), null).map(c -> c.state(now) == state)
                    .orElse(false);
            if (matches) {
                return Optional.of(opened);
            }
        }
        return Optional.empty();
    }

    private static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
