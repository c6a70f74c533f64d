package app.clientdesk.slawatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.notifications.Notification;
import app.clientdesk.notifications.Notifications;
import app.clientdesk.requests.ManualSubmission;
import app.clientdesk.requests.Reply;
import app.clientdesk.requests.Request;
import app.clientdesk.requests.RequestId;
import app.clientdesk.requests.Requests;
import app.clientdesk.shared.web.PublicUrls;
import app.clientdesk.sla.CalendarInput;
import app.clientdesk.sla.DueTimes;
import app.clientdesk.sla.SlaPolicy;
import app.clientdesk.sla.SlaState;
import app.clientdesk.sla.WorkingCalendars;
import app.clientdesk.support.IntegrationTest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The response-clock watch as the VA lives it, the clock stepped by hand: a workspace in São Paulo (Monday to
 * Friday, 09:00-18:00), a client in Sydney promised an answer in 4 business hours, a request received on Friday
 * 4 Dec 2026 at 17:00: one hour that day, three on Monday, so at risk from Monday 11:00 and due at 12:00.
 */
class SlaWatchIT extends IntegrationTest {

    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    private static final Instant FRIDAY_5PM = at("2026-12-04T17:00");
    private static final Instant MONDAY_11 = at("2026-12-07T11:00");
    private static final Instant MONDAY_NOON = at("2026-12-07T12:00");

    @Autowired SlaWatch watch;
    @Autowired Requests requests;
    @Autowired Notifications notifications;
    @Autowired WorkingCalendars calendars;
    @Autowired PublicUrls urls;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void fridayAtFive() {
        clock.set(FRIDAY_5PM);
    }

    @Test
    void atRiskThenBreachedTellTheOwnerOnceEachInTheirLanguageInAppAndByEmail() {
        TestWorkspace ws = newWorkspace("VA Brasil", "pt-BR");
        ClientId koala = clients.create(ws.owner(), client("Koala Pty", "4"));
        RequestId id = requests.submitManually(ws.owner(), manual(koala, "Reservar voos"));
        assertThat(runAt(ws, FRIDAY_5PM)).isZero();
        assertThat(runAt(ws, MONDAY_11.minus(1, ChronoUnit.MINUTES))).isZero();
        assertThat(nextCheck(id)).as("planned for the at-risk moment").isEqualTo(MONDAY_11);

        assertThat(runAt(ws, MONDAY_11)).isEqualTo(1);
        assertThat(runAt(ws, MONDAY_11)).isZero();
        assertThat(runAt(ws, MONDAY_11.plusSeconds(600))).isZero();
        // At the due time itself it is still at risk; the microsecond after, breached.
        assertThat(runAt(ws, MONDAY_NOON)).isZero();
        assertThat(nextCheck(id)).isEqualTo(MONDAY_NOON.plus(1, ChronoUnit.MICROS));
        assertThat(runAt(ws, MONDAY_NOON.plus(1, ChronoUnit.MICROS))).isEqualTo(1);
        for (int i = 0; i < 3; i++) {
            assertThat(runAt(ws, MONDAY_NOON.plusSeconds(3600L * (i + 1)))).isZero();
        }

        Request request = requests.get(ws.owner(), id).request();
        assertThat(request.slaState()).isEqualTo(SlaState.BREACHED);
        assertThat(request.slaNotifiedState()).isEqualTo(SlaState.BREACHED);
        assertThat(nextCheck(id)).as("nothing but an answer changes it now").isNull();

        List<Notification> told = notifications.page(ws.owner(), null).items();
        assertThat(told).extracting(Notification::kind).containsExactly("request.breached", "request.atRisk");
        assertThat(told).allSatisfy(n -> {
            assertThat(n.link()).isEqualTo("/requests/" + id.value());
            assertThat(n.arguments()).startsWith("#1", "Reservar voos", "Koala Pty");
        });

        String due = DueTimes.format(MONDAY_NOON.atZone(SAO_PAULO), Locale.forLanguageTag("pt-BR"));
        assertThat(due).contains("(Sao Paulo)").contains("12:00");
        List<Map<String, Object>> mails = mails(ws);
        assertThat(mails).extracting(m -> m.get("recipients")).containsOnly(ws.created().ownerEmail());
        assertThat(mails).extracting(m -> (String) m.get("subject")).containsExactlyInAnyOrder(
                "A solicitação #1 “Reservar voos” de Koala Pty está em risco: a primeira resposta vence em " + due
                        + ".",
                "A solicitação #1 “Reservar voos” de Koala Pty passou do prazo de resposta: a primeira resposta "
                        + "vencia em " + due + ".");
        assertThat(mails).allSatisfy(m -> assertThat((String) m.get("body_text"))
                .contains("Abrir: " + urls.base() + "/requests/" + id.value()));
    }

    @Test
    void anAnswerBeforeAtRiskMeetsTheClockAndNobodyIsTold() {
        TestWorkspace ws = newWorkspace();
        ClientId koala = clients.create(ws.owner(), client("Koala Pty", "4"));
        RequestId id = requests.submitManually(ws.owner(), manual(koala, "Book flights"));

        clock.set(at("2026-12-07T10:30"));
        requests.reply(ws.owner(), id, Reply.answer("Booked", false));

        assertThat(requests.get(ws.owner(), id).request().slaState()).isEqualTo(SlaState.MET);
        assertThat(nextCheck(id)).isNull();
        assertThat(runAt(ws, MONDAY_11)).isZero();
        assertThat(runAt(ws, at("2026-12-08T12:00"))).isZero();
        assertThat(notifications.page(ws.owner(), null).items()).isEmpty();
        assertThat(mails(ws)).isEmpty();
    }

    @Test
    void aNoteWrittenWhileAtRiskDoesNotSwallowTheAtRiskNoticeAndALateAnswerTellsNothingMore() {
        TestWorkspace ws = newWorkspace();
        ClientId koala = clients.create(ws.owner(), client("Koala Pty", "4"));
        RequestId id = requests.submitManually(ws.owner(), manual(koala, "Book flights"));

        // The VA writes an internal note at 11:30, when the clock is already at risk and nobody ran the job yet.
        clock.set(at("2026-12-07T11:30"));
        requests.reply(ws.owner(), id, Reply.note("Looking into it"));
        assertThat(requests.get(ws.owner(), id).request().slaState()).isEqualTo(SlaState.AT_RISK);
        assertThat(runAt(ws, at("2026-12-07T11:31"))).isEqualTo(1);
        assertThat(nextCheck(id)).isEqualTo(MONDAY_NOON.plus(1, ChronoUnit.MICROS));

        // Answered a minute late, before the job noticed the breach: the answer is what counts, nobody is told.
        clock.set(at("2026-12-07T12:00:30"));
        requests.reply(ws.owner(), id, Reply.answer("Booked", false));
        assertThat(requests.get(ws.owner(), id).request().slaState()).isEqualTo(SlaState.BREACHED);
        assertThat(nextCheck(id)).isNull();
        assertThat(runAt(ws, at("2026-12-07T12:01"))).isZero();
    }

    @Test
    void aPausedRequestIsNotToldWhilePausedAndItsDueTimeMovesOnWhenTheClientAnswers() {
        TestWorkspace ws = newWorkspace();
        ClientId koala = clients.create(ws.owner(), client("Koala Pty", "4"));
        RequestId id = requests.submitManually(ws.owner(), manual(koala, "Invoice question"));

        // Half an hour in, the VA asks the client and waits: the clock stops with 3.5 hours left.
        clock.set(FRIDAY_5PM.plusSeconds(1800));
        requests.reply(ws.owner(), id, new Reply("Called them; waiting for the address", false, true, List.of()));
        assertThat(nextCheck(id)).isNull();
        assertThat(runAt(ws, MONDAY_11)).isZero();
        assertThat(runAt(ws, at("2026-12-07T13:00"))).isZero();
        assertThat(requests.get(ws.owner(), id).request().slaState()).isEqualTo(SlaState.PAUSED);

        // Monday 14:00 the client answers: 3.5 hours from now, due 17:30; 3 of 4 hours used at 16:30.
        CurrentUser contact = addClientContact(ws, koala);
        clock.set(at("2026-12-07T14:00"));
        requests.clientMessage(contact, id, "Rua Augusta 1", List.of());
        Request resumed = requests.get(ws.owner(), id).request();
        assertThat(resumed.firstResponseDueAt()).isEqualTo(at("2026-12-07T17:30")).isAfter(MONDAY_NOON);
        assertThat(resumed.slaState()).isEqualTo(SlaState.ON_TRACK);
        assertThat(runAt(ws, at("2026-12-07T16:29"))).isZero();
        assertThat(runAt(ws, at("2026-12-07T16:30"))).isEqualTo(1);
        assertThat(notifications.page(ws.owner(), null).items()).singleElement()
                .satisfies(n -> assertThat(n.arguments().get(3))
                        .isEqualTo(DueTimes.format(at("2026-12-07T17:30").atZone(SAO_PAULO), Locale.ENGLISH)));
    }

    @Test
    void aClientWithoutACommitmentGivesNoClockAndNeverTells() {
        TestWorkspace ws = newWorkspace();
        ClientId none = clients.create(ws.owner(), client("No Promise Ltd", ""));
        assumeTrue(SlaPolicy.commitment(clients.get(ws.owner(), none)).isEmpty(),
                "clients without a response commitment (migration V20_51) are not on this branch yet");
        RequestId id = requests.submitManually(ws.owner(), manual(none, "Whenever you can"));

        Request request = requests.get(ws.owner(), id).request();
        assertThat(request.firstResponseDueAt()).isNull();
        assertThat(request.slaState()).isNull();
        assertThat(nextCheck(id)).isNull();
        assertThat(runAt(ws, at("2026-12-31T12:00"))).isZero();
        assertThat(notifications.page(ws.owner(), null).items()).isEmpty();
        assertThat(mails(ws)).isEmpty();
    }

    @Test
    void twoNodesRunningAtOnceTellOnce() throws Exception {
        TestWorkspace ws = newWorkspace();
        ClientId koala = clients.create(ws.owner(), client("Koala Pty", "4"));
        List<RequestId> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(requests.submitManually(ws.owner(), manual(koala, "Request " + i)));
        }
        // Nobody ran the job on Monday morning: at 12:01 every one of them is breached straight away.
        clock.set(at("2026-12-07T12:01"));
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                runs.add(nodes.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return watch.runDue();
                }));
            }
            for (Future<Integer> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            nodes.shutdownNow();
        }
        assertThat(runAt(ws, clock.instant())).isZero();
        List<Notification> told = notifications.page(ws.owner(), null).items();
        assertThat(told).hasSize(ids.size()).extracting(Notification::kind).containsOnly("request.breached");
        assertThat(told).extracting(Notification::link).doesNotHaveDuplicates();
        assertThat(mails(ws)).hasSize(ids.size());
    }

    @Test
    void theMembersAssignedToTheClientAreToldTooInTheirLanguageAndOthersAreNot() {
        TestWorkspace ws = newWorkspace();
        String assignedEmail = uniqueEmail("bruno");
        var assigned = accounts.add(ws.created().workspaceId(), Role.MEMBER, "Bruno", assignedEmail, PASSWORD,
                "pt-BR", "America/Sao_Paulo", null);
        CurrentUser unassigned = addMember(ws);
        ClientInput base = client("Koala Pty", "4");
        ClientId koala = clients.create(ws.owner(), new ClientInput(base.name(), base.status(), base.timeZone(),
                base.currency(), base.locale(), base.country(), null, null, null, base.businessHours(),
                base.responseTimeHours(), "EMAIL", "CHAT", "VIDEO", "EMAIL", null, null, base.contacts(),
                List.of(assigned.value())));
        requests.submitManually(ws.owner(), manual(koala, "Book flights"));

        assertThat(runAt(ws, MONDAY_11)).isEqualTo(2);
        assertThat(notifications.unread(principal(assignedEmail))).isEqualTo(1);
        assertThat(notifications.unread(unassigned)).isZero();
        assertThat(mails(ws)).extracting(m -> (String) m.get("subject")).containsExactlyInAnyOrder(
                "Request #1 “Book flights” from Koala Pty is at risk: its first answer is due "
                        + DueTimes.format(MONDAY_NOON.atZone(SAO_PAULO), Locale.ENGLISH) + ".",
                "A solicitação #1 “Book flights” de Koala Pty está em risco: a primeira resposta vence em "
                        + DueTimes.format(MONDAY_NOON.atZone(SAO_PAULO), Locale.forLanguageTag("pt-BR")) + ".");
    }

    @Test
    void aClosedRequestIsNeverToldAndAReopenedOneIsWatchedAgain() {
        TestWorkspace ws = newWorkspace();
        ClientId koala = clients.create(ws.owner(), client("Koala Pty", "4"));
        RequestId id = requests.submitManually(ws.owner(), manual(koala, "Never mind"));
        requests.close(ws.owner(), id);
        assertThat(nextCheck(id)).isNull();
        assertThat(runAt(ws, at("2026-12-07T12:01"))).isZero();

        // Reopened after its due time, unanswered: breached, and the owner was never told, so the next run tells.
        requests.reopen(ws.owner(), id);
        assertThat(requests.get(ws.owner(), id).request().slaState()).isEqualTo(SlaState.BREACHED);
        assertThat(nextCheck(id)).isEqualTo(clock.instant());
        assertThat(runAt(ws, at("2026-12-07T12:02"))).isEqualTo(1);
        assertThat(nextCheck(id)).isNull();
        assertThat(runAt(ws, at("2026-12-07T12:03"))).isZero();
    }

    @Test
    void aHolidayAddedToTheCalendarMovesTheDueTimeAtTheNextRunAndAtRiskWaitsForIt() {
        TestWorkspace ws = newWorkspace();
        ClientId koala = clients.create(ws.owner(), client("Koala Pty", "4"));
        RequestId id = requests.submitManually(ws.owner(), manual(koala, "Book flights"));
        assertThat(requests.get(ws.owner(), id).request().firstResponseDueAt()).isEqualTo(MONDAY_NOON);

        clock.set(FRIDAY_5PM.plusSeconds(600));
        calendars.save(ws.owner(), new CalendarInput(weekdays("09:00", "18:00"), "2026-12-07 Day off", "75"));
        assertThat(nextCheck(id)).as("brought forward by the change").isEqualTo(clock.instant());

        assertThat(runAt(ws, clock.instant())).isZero();
        Instant tuesdayNoon = at("2026-12-08T12:00");
        assertThat(requests.get(ws.owner(), id).request().firstResponseDueAt()).isEqualTo(tuesdayNoon);
        assertThat(runAt(ws, MONDAY_11)).isZero();
        assertThat(runAt(ws, at("2026-12-07T12:01"))).isZero();
        assertThat(runAt(ws, at("2026-12-08T11:00"))).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Runs the job at {@code now}; how many notifications it made in this workspace (others share the database). */
    private int runAt(TestWorkspace ws, Instant now) {
        long before = told(ws);
        clock.set(now);
        watch.runDue();
        return (int) (told(ws) - before);
    }

    private long told(TestWorkspace ws) {
        return jdbc.sql("select count(*) from notifications where workspace_id = :w").param("w", ws.id())
                .query(Long.class).single();
    }

    private Instant nextCheck(RequestId id) {
        return jdbc.sql("select sla_next_check_at from requests where id = :id").param("id", id.value())
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1, java.time.OffsetDateTime.class)))
                .single().map(java.time.OffsetDateTime::toInstant).orElse(null);
    }

    private List<Map<String, Object>> mails(TestWorkspace ws) {
        return jdbc.sql("""
                select recipients, subject, body_text, reference from mail_outbox
                where workspace_id = :w and reference like 'notification:%'""")
                .param("w", ws.id()).query().listOfRows().stream()
                .map(row -> {
                    Map<String, Object> lower = new HashMap<>();
                    row.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
                    return lower;
                }).toList();
    }

    private static List<CalendarInput.Day> weekdays(String start, String end) {
        List<CalendarInput.Day> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            days.add(i < 5 ? new CalendarInput.Day(true, start, end) : new CalendarInput.Day(false, null, null));
        }
        return days;
    }

    private static ManualSubmission manual(ClientId client, String subject) {
        return new ManualSubmission(client.value().toString(), subject, "Details", null, List.of());
    }

    private static ClientInput client(String name, String responseHours) {
        return new ClientInput(name, "ACTIVE", "Australia/Sydney", "AUD", "en-AU", "AU", null, null, null,
                List.of(new ClientInput.Day("MONDAY", "09:00", "17:00")), responseHours, "EMAIL", "CHAT", "VIDEO",
                "EMAIL", null, null, List.of(new ClientInput.ContactInput(null, "Kim Koala", uniqueEmail("kim"), null,
                        null, true)), List.of());
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SAO_PAULO).toInstant();
    }
}
