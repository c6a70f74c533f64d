package app.clientdesk.requests;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.UserId;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.sla.Pause;
import app.clientdesk.sla.ResponseClock;
import app.clientdesk.sla.SlaPolicy;
import app.clientdesk.sla.SlaState;
import app.clientdesk.sla.WorkingCalendars;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk requests for benchmarks (the admin command's {@code --requests}): spread over the last six months, most
 * to the busiest clients, from the portal, email or entered by hand, one to six messages each (the VA's answers,
 * some internal notes, the client's replies), no files. Old ones are mostly closed; recent ones open or waiting
 * on the client (with their pause running). The response clock is computed as {@link Requests} computes it (the
 * workspace's working calendar and each client's commitment), so due times and SLA states are what the app would
 * have stored. Written with batched inserts; the workspace's request counter is left where the next one continues.
 */
@Component
public class RequestGenerator {

    static final int BATCH = 2000;

    /** A client to make requests for: its id, response-time commitment in hours (null: no clock), contacts. */
    public record ClientRef(ClientId id, @Nullable Integer responseTimeHours, List<ContactRef> contacts) {
    }

    /** A contact of a client: their id (clients.Contact#id), name and email. */
    public record ContactRef(UUID id, String name, @Nullable String email) {
    }

    /** What was made. */
    public record Result(int requests, int messages, int open, int waiting, int closed, int breached) {
    }

    private static final String[] SUBJECTS = {"Book flights to Lisbon", "Reschedule Thursday's meeting",
            "Update the newsletter list", "Invoice from the printer", "Post the launch on LinkedIn",
            "Find a venue for the offsite", "Renew the domain", "Answer the supplier's email", "Monthly report",
            "Clean up the shared drive", "Prepare the board pack", "Order new business cards", "Fix the booking page",
            "Chase the overdue payment", "Plan next week's posts", "Research CRM options", "Transcribe the interview",
            "Hotel for the conference", "Set up the team calendar", "Reply to the reviews"};
    private static final String[] CLIENT_LINES = {"Could you take care of this by Friday?",
            "Thanks! One more detail: please keep it under budget.", "Any news on this?",
            "Here is the information you asked for.", "Perfect, go ahead.", "Can we do this a day earlier?"};
    private static final String[] VA_LINES = {"On it — I will get back to you today.",
            "Done. Let me know if anything should change.", "Could you confirm the dates before I book?",
            "I found three options; which one do you prefer?", "Sent. The confirmation is in your inbox."};
    private static final String[] NOTES = {"Checked with the supplier by phone.", "Waiting for the quote.",
            "Similar to last month's request."};

    private final JdbcTemplate jdbc;
    private final WorkingCalendars calendars;

    RequestGenerator(JdbcTemplate jdbc, WorkingCalendars calendars) {
        this.jdbc = jdbc;
        this.calendars = calendars;
    }

    @Transactional
    public Result generate(WorkspaceId workspace, UserId owner, List<ClientRef> clients, int count, Random random,
            Instant now) {
        if (count == 0 || clients.isEmpty()) {
            return new Result(0, 0, 0, 0, 0, 0);
        }
        SlaPolicy policy = calendars.policy(workspace);
        List<Instant> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // Recent days busier than old ones: six months back at most.
            double age = Math.pow(random.nextDouble(), 2) * Duration.ofDays(182).toMinutes();
            created.add(now.minus(Duration.ofMinutes((long) age + 1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        }
        created.sort(Comparator.naturalOrder());
        List<Object[]> requests = new ArrayList<>();
        List<Object[]> messages = new ArrayList<>();
        List<Object[]> pauses = new ArrayList<>();
        int open = 0;
        int waiting = 0;
        int closed = 0;
        int breached = 0;
        long number = 0;
        for (Instant at : created) {
            number++;
            ClientRef client = clients.get(Math.min(clients.size() - 1,
                    (int) Math.floor(Math.pow(random.nextDouble(), 2) * clients.size())));
            ContactRef contact = client.contacts().isEmpty() ? null
                    : client.contacts().get(random.nextInt(client.contacts().size()));
            int roll = random.nextInt(100);
            RequestSource source = contact == null || roll < 20 ? RequestSource.MANUAL
                    : roll < 65 ? RequestSource.PORTAL : RequestSource.EMAIL;
            UUID id = UUID.randomUUID();
            // The conversation: the client's first message, then the VA and the client in turn.
            int n = 1 + random.nextInt(6);
            Instant t = at;
            Instant lastAt = at;
            Instant firstAnswer = null;
            boolean lastWaits = false;
            for (int m = 0; m < n; m++) {
                if (m > 0) {
                    t = t.plus(Duration.ofMinutes(5 + random.nextInt(m == 1 ? 2 * 24 * 60 : 3 * 24 * 60)));
                    if (t.isAfter(now)) {
                        break;
                    }
                }
                boolean fromVa = m % 2 == 1;
                boolean visible = true;
                String kind;
                UUID contactId = null;
                UUID userId = null;
                String email = null;
                String body;
                if (m == 0) {
                    body = "Details: " + SUBJECTS[random.nextInt(SUBJECTS.length)].toLowerCase(java.util.Locale.ROOT)
                            + ". " + CLIENT_LINES[random.nextInt(CLIENT_LINES.length)];
                    switch (source) {
                        case MANUAL -> {
                            kind = "USER";
                            userId = owner.value();
                        }
                        case PORTAL -> {
                            kind = "CONTACT";
                            contactId = contact.id();
                            email = contact.email();
                        }
                        default -> {
                            kind = "EMAIL";
                            contactId = contact.id();
                            email = contact.email();
                        }
                    }
                } else if (fromVa) {
                    kind = "USER";
                    userId = owner.value();
                    visible = random.nextInt(5) != 0;
                    body = visible ? VA_LINES[random.nextInt(VA_LINES.length)] : NOTES[random.nextInt(NOTES.length)];
                    if (visible && firstAnswer == null) {
                        firstAnswer = t;
                    }
                } else {
                    kind = contact == null ? "USER" : source == RequestSource.EMAIL ? "EMAIL" : "CONTACT";
                    if (contact == null) {
                        userId = owner.value();
                    } else {
                        contactId = contact.id();
                        email = contact.email();
                    }
                    body = CLIENT_LINES[random.nextInt(CLIENT_LINES.length)];
                }
                lastWaits = fromVa;
                lastAt = t;
                messages.add(new Object[] {UUID.randomUUID(), workspace.value(), id, kind, contactId, userId, email,
                        body, visible, utc(t)});
            }
            Instant last = lastAt;
            boolean old = at.isBefore(now.minus(Duration.ofDays(21)));
            RequestState state;
            if (old ? random.nextInt(10) < 9 : random.nextInt(10) < 3) {
                state = RequestState.CLOSED;
            } else if (lastWaits && random.nextBoolean()) {
                state = RequestState.WAITING_ON_CLIENT;
            } else {
                state = RequestState.OPEN;
            }
            List<Pause> paused = new ArrayList<>();
            if (state == RequestState.WAITING_ON_CLIENT) {
                paused.add(new Pause(last, null));
                pauses.add(new Object[] {UUID.randomUUID(), workspace.value(), id, utc(last)});
            }
            Instant due = null;
            SlaState sla = null;
            Integer hours = client.responseTimeHours();
            if (hours != null && hours > 0) {
                Duration commitment = Duration.ofHours(hours);
                Optional<ResponseClock> clock = policy.clock(commitment, at, paused, firstAnswer);
                // While a pause runs before the due time the clock cannot say it: the app keeps the earlier one.
                due = clock.flatMap(ResponseClock::dueAt).orElseGet(() -> policy.clock(commitment, at, List.of(),
                        null).flatMap(ResponseClock::dueAt).orElse(null));
                sla = clock.map(c -> c.state(state == RequestState.CLOSED ? last : now)).orElse(null);
                if (sla == SlaState.BREACHED) {
                    breached++;
                }
            }
            switch (state) {
                case OPEN -> open++;
                case WAITING_ON_CLIENT -> waiting++;
                default -> closed++;
            }
            String subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
            UUID authorContact = source == RequestSource.MANUAL ? null : contact.id();
            UUID authorUser = source == RequestSource.MANUAL ? owner.value() : null;
            String authorEmail = source == RequestSource.MANUAL ? null : contact.email();
            String token = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
            requests.add(new Object[] {id, workspace.value(), client.id().value(), number, subject, state.name(),
                    source.name(), authorContact, authorUser, authorEmail, token, utc(at), utc(last), utc(last),
                    firstAnswer == null ? null : utc(firstAnswer), due == null ? null : utc(due),
                    sla == null ? null : sla.name(), sla == SlaState.AT_RISK || sla == SlaState.BREACHED ? sla.name()
                            : null});
            if (requests.size() >= BATCH) {
                flush(requests, messages, pauses);
            }
        }
        flush(requests, messages, pauses);
        long made = number;
        if (jdbc.update("update request_counters set last_value = last_value + ? where workspace_id = ?", made,
                workspace.value()) == 0) {
            jdbc.update("insert into request_counters (workspace_id, last_value) values (?, ?)", workspace.value(),
                    made);
        }
        return new Result(count, countMessages(workspace), open, waiting, closed, breached);
    }

    private int countMessages(WorkspaceId workspace) {
        Integer n = jdbc.queryForObject("select count(*) from request_messages where workspace_id = ?", Integer.class,
                workspace.value());
        return n == null ? 0 : n;
    }

    private void flush(List<Object[]> requests, List<Object[]> messages, List<Object[]> pauses) {
        if (!requests.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into requests (id, workspace_id, client_id, number, subject, state, source,
                        author_contact_id, author_user_id, author_email, reply_token, created_at, updated_at,
                        last_message_at, first_response_at, first_response_due_at, sla_state, sla_notified_state)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", requests);
        }
        if (!messages.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into request_messages (id, workspace_id, request_id, author_kind, author_contact_id,
                        author_user_id, from_address, body, visible_to_client, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", messages);
        }
        if (!pauses.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into request_pauses (id, workspace_id, request_id, paused_from) values (?, ?, ?, ?)""",
                    pauses);
        }
        requests.clear();
        messages.clear();
        pauses.clear();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
