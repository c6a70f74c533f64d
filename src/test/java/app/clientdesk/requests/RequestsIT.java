package app.clientdesk.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.sla.SlaState;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.work.StageKind;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.TaskInput;
import app.clientdesk.work.Tasks;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Requests as the VA, a member and a client contact use them: submitting (portal, email, by hand), the
 * conversation, the response clock in business hours (workspace in São Paulo, client in Sydney), pauses,
 * converting to a task, merging and closing; and that nobody reaches a request they may not see.
 */
@RecordApplicationEvents
class RequestsIT extends IntegrationTest {

    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    /** Friday 4 Dec 2026, 17:00 in São Paulo (20:00 UTC; Saturday 07:00 in Sydney). */
    private static final Instant FRIDAY_5PM = LocalDateTime.parse("2026-12-04T17:00").atZone(SAO_PAULO).toInstant();

    @Autowired Requests requests;
    @Autowired Tasks tasks;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;

    private TestWorkspace ws;
    private CurrentUser owner;
    private ClientId sydney;
    private ClientId other;

    @BeforeEach
    void aWorkspaceInSaoPauloWithAClientInSydney() {
        clock.set(FRIDAY_5PM);
        ws = newWorkspace();
        owner = ws.owner();
        sydney = clients.create(owner, client("Koala Pty", "Australia/Sydney", "4"));
        other = clients.create(owner, client("Other Ltda", "America/Sao_Paulo", "24"));
    }

    @Test
    void theFirstAnswerIsDueInTheWorkspacesBusinessHoursAndAVisibleReplyMeetsIt() {
        RequestId id = requests.submitManually(owner, manual(sydney, "Book flights", "To Lisbon, please"));

        Request request = requests.get(owner, id).request();
        // One business hour left on Friday (17-18), three more on Monday from 09:00 in São Paulo.
        Instant due = LocalDateTime.parse("2026-12-07T12:00").atZone(SAO_PAULO).toInstant();
        assertThat(request.firstResponseDueAt()).isEqualTo(due);
        assertThat(due.atZone(ZoneId.of("Australia/Sydney")).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2026-12-08T02:00"));
        assertThat(request.slaState()).isEqualTo(SlaState.ON_TRACK);
        assertThat(request.state()).isEqualTo(RequestState.OPEN);
        assertThat(request.source()).isEqualTo(RequestSource.MANUAL);
        assertThat(request.label()).isEqualTo("#1");
        assertThat(request.replyToken()).hasSizeGreaterThanOrEqualTo(32);

        // Monday 11:00: three of four hours used, at risk; after noon, breached.
        assertThat(requests.refreshSla(ws.created().workspaceId(), id,
                LocalDateTime.parse("2026-12-07T11:00").atZone(SAO_PAULO).toInstant())).contains(SlaState.AT_RISK);
        assertThat(requests.inbox(owner, new RequestFilter(null, null, SlaState.AT_RISK, 10, 0)).items())
                .extracting(RequestSummary::id).containsExactly(id);

        // An internal note does not meet the clock; the answer the client sees does.
        clock.set(LocalDateTime.parse("2026-12-07T11:30").atZone(SAO_PAULO).toInstant());
        requests.reply(owner, id, Reply.note("Checking prices first"));
        assertThat(requests.get(owner, id).request().firstResponseAt()).isNull();
        UUID answer = requests.reply(owner, id, Reply.answer("Found three options", false));
        Request answered = requests.get(owner, id).request();
        assertThat(answered.firstResponseAt()).isEqualTo(clock.instant());
        assertThat(answered.slaState()).isEqualTo(SlaState.MET);
        assertThat(answered.firstResponseDueAt()).isEqualTo(due);
        assertThat(requests.get(owner, id).messages()).extracting(RequestMessage::body)
                .containsExactly("To Lisbon, please", "Checking prices first", "Found three options");
        assertThat(events.stream(RequestMessageAdded.class).filter(e -> e.message().equals(answer)))
                .singleElement().satisfies(e -> {
                    assertThat(e.visibleToClient()).isTrue();
                    assertThat(e.author().userId()).isEqualTo(owner.id());
                });
        assertThat(events.stream(RequestMessageAdded.class).filter(e -> !e.visibleToClient())).hasSize(1);
        assertThat(events.stream(RequestSubmitted.class)).singleElement()
                .satisfies(e -> assertThat(e.number()).isEqualTo(1));
    }

    @Test
    void aRequestLeftUnansweredIsBreached() {
        RequestId id = requests.submitManually(owner, manual(sydney, "Urgent", null));
        assertThat(requests.refreshSla(ws.created().workspaceId(), id,
                LocalDateTime.parse("2026-12-07T12:01").atZone(SAO_PAULO).toInstant())).contains(SlaState.BREACHED);
        assertThat(requests.get(owner, id).request().slaState()).isEqualTo(SlaState.BREACHED);

        // Closed, the clock is left as it stood.
        requests.close(owner, id);
        assertThat(requests.refreshSla(ws.created().workspaceId(), id, clock.instant())).contains(SlaState.BREACHED);
    }

    @Test
    void waitingOnTheClientPausesTheClockAndNeverShortensTheDeadline() {
        RequestId id = requests.submitManually(owner, manual(sydney, "Invoice question", "Which address?"));
        Instant due = requests.get(owner, id).request().firstResponseDueAt();

        // Half an hour in, the VA asks the client by phone and notes it: waiting on the client, clock paused.
        clock.set(FRIDAY_5PM.plus(Duration.ofMinutes(30)));
        requests.reply(owner, id, new Reply("Called them, waiting for the address", false, true, List.of()));
        Request waiting = requests.get(owner, id).request();
        assertThat(waiting.state()).isEqualTo(RequestState.WAITING_ON_CLIENT);
        assertThat(waiting.slaState()).isEqualTo(SlaState.PAUSED);
        assertThat(waiting.firstResponseDueAt()).as("kept while paused").isEqualTo(due);
        assertThat(requests.get(owner, id).pauses()).singleElement()
                .satisfies(p -> assertThat(p.until()).isNull());

        // Monday 10:00 the client answers in the portal: open again, 3.5 hours left from now.
        CurrentUser contact = addClientContact(ws, sydney);
        clock.set(LocalDateTime.parse("2026-12-07T10:00").atZone(SAO_PAULO).toInstant());
        requests.clientMessage(contact, id, "Rua Augusta 1", List.of());
        Request reopened = requests.get(owner, id).request();
        assertThat(reopened.state()).isEqualTo(RequestState.OPEN);
        assertThat(reopened.slaState()).isEqualTo(SlaState.ON_TRACK);
        Instant later = LocalDateTime.parse("2026-12-07T13:30").atZone(SAO_PAULO).toInstant();
        assertThat(reopened.firstResponseDueAt()).isEqualTo(later).isAfter(due);
        assertThat(requests.get(owner, id).pauses()).singleElement()
                .satisfies(p -> assertThat(p.until()).isEqualTo(clock.instant()));
    }

    @Test
    void aContactSubmitsInThePortalSeesOnlyWhatIsVisibleAndReopensAClosedRequest() throws Exception {
        CurrentUser contact = addClientContact(ws, sydney);
        RequestId id = requests.submitFromPortal(contact, new PortalSubmission("New logo", "Something blue",
                "2026-12-20", List.of(file("brief.pdf", "%PDF-1.4\nhello"))));
        RequestDetail mine = requests.get(contact, id);
        assertThat(mine.request().source()).isEqualTo(RequestSource.PORTAL);
        assertThat(mine.request().clientId()).isEqualTo(sydney);
        assertThat(mine.request().desiredDate()).hasToString("2026-12-20");
        assertThat(mine.messages()).singleElement().satisfies(m -> {
            assertThat(m.author().kind()).isEqualTo(AuthorKind.CONTACT);
            assertThat(m.attachments()).singleElement().satisfies(a -> {
                assertThat(a.fileName()).isEqualTo("brief.pdf");
                assertThat(a.contentType()).isEqualTo("application/pdf");
            });
        });
        UUID fileId = mine.messages().get(0).attachments().get(0).id();
        assertThat(Files.readString(requests.openAttachment(contact, id, fileId).file())).startsWith("%PDF-1.4");

        requests.reply(owner, id, Reply.note("Internal: they liked teal last time"));
        requests.reply(owner, id, Reply.answer("Here is a draft", true));
        assertThat(requests.get(contact, id).messages()).extracting(RequestMessage::body)
                .containsExactly("Something blue", "Here is a draft");
        assertThat(requests.get(owner, id).messages()).hasSize(3);
        assertThat(requests.forClient(contact, sydney, 10, 0).items()).extracting(RequestSummary::id)
                .containsExactly(id);

        requests.close(owner, id);
        assertThat(requests.get(owner, id).request().state()).isEqualTo(RequestState.CLOSED);
        assertThat(events.stream(RequestClosed.class)).singleElement()
                .satisfies(e -> assertThat(e.request()).isEqualTo(id));
        requests.clientMessage(contact, id, "One more thing", List.of());
        assertThat(requests.get(owner, id).request().state()).isEqualTo(RequestState.OPEN);
        requests.close(owner, id);
        requests.reopen(owner, id);
        assertThat(requests.get(owner, id).request().state()).isEqualTo(RequestState.OPEN);
    }

    @Test
    void aContactOfAnotherClientAnotherWorkspaceAndAnUnassignedMemberFindNothing() {
        CurrentUser member = addMember(ws);
        ClientId assigned = clients.create(owner, clientWithMember("Assigned Co", member));
        RequestId sydneys = requests.submitManually(owner, manual(sydney, "Sydney's", null));
        RequestId assignedOne = requests.submitManually(owner, manual(assigned, "Assigned's", null));

        CurrentUser contactOfOther = addClientContact(ws, other);
        assertThat(requests.find(contactOfOther, sydneys)).isEmpty();
        assertThat(requests.findForClient(ws.created().workspaceId(), other, sydneys)).isEmpty();
        assertThat(requests.findForClient(ws.created().workspaceId(), sydney, sydneys)).isPresent();
        assertThatThrownBy(() -> requests.clientMessage(contactOfOther, sydneys, "hi", List.of()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> requests.forClient(contactOfOther, sydney, 10, 0))
                .isInstanceOf(NotFoundException.class);

        TestWorkspace stranger = newWorkspace();
        assertThat(requests.find(stranger.owner(), sydneys)).isEmpty();
        assertThat(requests.inbox(stranger.owner(), RequestFilter.all()).items()).isEmpty();
        assertThatThrownBy(() -> requests.reply(stranger.owner(), sydneys, Reply.answer("hi", false)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> requests.close(stranger.owner(), sydneys)).isInstanceOf(NotFoundException.class);
        assertThat(requests.findForClient(stranger.created().workspaceId(), sydney, sydneys)).isEmpty();

        assertThat(requests.inbox(member, RequestFilter.all()).items()).extracting(RequestSummary::id)
                .containsExactly(assignedOne);
        assertThat(requests.find(member, sydneys)).isEmpty();
        assertThatThrownBy(() -> requests.reply(member, sydneys, Reply.answer("hi", false)))
                .isInstanceOf(NotFoundException.class);
        assertThat(requests.inbox(owner, RequestFilter.all()).items()).hasSize(2);
    }

    @Test
    void theInboxFiltersAndPagesNewestActivityFirst() {
        RequestId first = requests.submitManually(owner, manual(sydney, "First", null));
        clock.advance(Duration.ofMinutes(1));
        RequestId second = requests.submitManually(owner, manual(other, "Second", null));
        clock.advance(Duration.ofMinutes(1));
        RequestId third = requests.submitManually(owner, manual(sydney, "Third", null));
        clock.advance(Duration.ofMinutes(1));
        requests.reply(owner, first, Reply.answer("bump", true));

        RequestPage page = requests.inbox(owner, new RequestFilter(null, null, null, 2, 0));
        assertThat(page.more()).as("a third request follows").isTrue();
        assertThat(page.total()).as("not counted across clients").isNull();
        assertThat(requests.inbox(owner, new RequestFilter(sydney, null, null, 1, 0)).total())
                .as("one client's requests are counted").isEqualTo(2);
        assertThat(page.items()).extracting(RequestSummary::id).containsExactly(first, third);
        RequestPage last = requests.inbox(owner, new RequestFilter(null, null, null, 2, 2));
        assertThat(last.items()).extracting(RequestSummary::id).containsExactly(second);
        assertThat(last.more()).isFalse();
        assertThat(requests.inbox(owner, new RequestFilter(sydney, null, null, 10, 0)).items())
                .extracting(RequestSummary::id).containsExactly(first, third);
        assertThat(requests.inbox(owner, new RequestFilter(null, RequestState.WAITING_ON_CLIENT, null, 10, 0))
                .items()).extracting(RequestSummary::id).containsExactly(first);
        assertThat(requests.inbox(owner, new RequestFilter(null, null, null, 10_000, -5)).limit())
                .isEqualTo(RequestFilter.MAX_LIMIT);
        assertThat(page.items()).extracting(RequestSummary::label).containsExactly("#1", "#3");
    }

    @Test
    void convertingMakesATaskForTheClientThatShowsItsProgress() {
        RequestId id = requests.submitManually(owner, manual(sydney, "Quarterly report", "Numbers for Q4"));
        TaskId task = requests.convertToTask(owner, id, TaskInput.quick("", other.value().toString(), null));

        assertThat(tasks.get(owner, task).clientId()).as("always the request's client").isEqualTo(sydney);
        assertThat(tasks.get(owner, task).description()).isEqualTo("Numbers for Q4");
        RequestDetail detail = requests.get(owner, id);
        assertThat(detail.request().taskId()).isEqualTo(task);
        assertThat(detail.task()).isNotNull();
        assertThat(detail.task().title()).isEqualTo("Quarterly report");
        assertThat(detail.task().done()).isFalse();
        assertThat(requests.findByTask(owner, task)).get().extracting(RequestSummary::id).isEqualTo(id);
        assertThat(events.stream(RequestConverted.class)).singleElement()
                .satisfies(e -> assertThat(e.task()).isEqualTo(task));

        tasks.complete(owner, task);
        assertThat(requests.get(owner, id).task()).satisfies(t -> {
            assertThat(t.done()).isTrue();
            assertThat(t.stageKind()).isEqualTo(StageKind.DONE);
        });
        assertThatThrownBy(() -> requests.convertToTask(owner, id, TaskInput.quick("Again", "", null)))
                .isInstanceOf(InvalidInputException.class).satisfies(e -> assertThat(key(e))
                        .isEqualTo("requests.convert.already"));
        TestWorkspace stranger = newWorkspace();
        assertThat(requests.findByTask(stranger.owner(), task)).isEmpty();
    }

    @Test
    void mergingMovesTheDuplicatesMessagesAndRefusesItselfAndAnotherClient() {
        CurrentUser contact = addClientContact(ws, sydney);
        RequestId target = requests.submitManually(owner, manual(sydney, "Website down", "Since 9am"));
        clock.advance(Duration.ofMinutes(5));
        RequestId duplicate = requests.submitManually(owner, manual(sydney, "Site not loading", "Help!"));
        RequestId othersRequest = requests.submitManually(owner, manual(other, "Other's", null));

        assertThatThrownBy(() -> requests.merge(owner, target, target)).satisfies(e -> assertThat(key(e))
                .isEqualTo("requests.merge.self"));
        assertThatThrownBy(() -> requests.merge(owner, othersRequest, target)).satisfies(e -> assertThat(key(e))
                .isEqualTo("requests.merge.otherClient"));

        requests.merge(owner, duplicate, target);
        Request merged = requests.get(owner, duplicate).request();
        assertThat(merged.state()).isEqualTo(RequestState.MERGED);
        assertThat(merged.mergedIntoId()).isEqualTo(target);
        assertThat(requests.get(owner, target).messages()).extracting(RequestMessage::body)
                .containsExactly("Since 9am", "Help!");
        assertThat(events.stream(RequestsMerged.class)).singleElement()
                .satisfies(e -> assertThat(e.into()).isEqualTo(target));
        assertThatThrownBy(() -> requests.merge(owner, target, duplicate)).satisfies(e -> assertThat(key(e))
                .isEqualTo("requests.merge.merged"));
        assertThatThrownBy(() -> requests.reply(owner, duplicate, Reply.answer("x", false)))
                .satisfies(e -> assertThat(key(e)).isEqualTo("requests.merged"));

        // The client writing on the duplicate reaches the request it was merged into.
        requests.clientMessage(contact, duplicate, "Still down", List.of());
        assertThat(requests.get(owner, target).messages()).extracting(RequestMessage::body).last()
                .isEqualTo("Still down");
    }

    @Test
    void emailsThreadByMessageIdAndReplyTokenOnlyWithinTheClientAndCountOnce() {
        Client client = clients.get(owner, sydney);
        UUID contactId = client.contacts().get(0).id();
        EmailSubmission first = email(sydney, contactId, "Need a quote", "<a1@mail.test>", null, null);
        Requests.Intake intake = requests.receiveEmail(ws.created().workspaceId(), first);
        assertThat(intake.created()).isTrue();
        Request request = requests.get(owner, intake.request()).request();
        assertThat(request.source()).isEqualTo(RequestSource.EMAIL);
        assertThat(request.author().contactId()).isEqualTo(contactId);
        assertThat(request.firstResponseDueAt()).isNotNull();

        Requests.Intake again = requests.receiveEmail(ws.created().workspaceId(), first);
        assertThat(again.duplicate()).isTrue();
        assertThat(again.request()).isEqualTo(intake.request());

        UUID answer = requests.reply(owner, intake.request(), Reply.answer("Quote attached", true));
        requests.recordEmailMessageId(ws.created().workspaceId(), answer, "<va1@desk.test>");
        Requests.Intake threaded = requests.receiveEmail(ws.created().workspaceId(),
                email(sydney, contactId, "Re: Need a quote", "<a2@mail.test>", "<va1@desk.test>", null));
        assertThat(threaded.created()).isFalse();
        assertThat(threaded.request()).isEqualTo(intake.request());
        assertThat(requests.get(owner, intake.request()).request().state()).isEqualTo(RequestState.OPEN);

        Requests.Intake byToken = requests.receiveEmail(ws.created().workspaceId(),
                email(sydney, null, "Re: quote", "<a3@mail.test>", null, request.replyToken()));
        assertThat(byToken.request()).isEqualTo(intake.request());
        assertThat(requests.get(owner, intake.request()).messages()).hasSize(4);

        // Another client's sender with this request's token and Message-ID gets a request of their own.
        Requests.Intake elsewhere = requests.receiveEmail(ws.created().workspaceId(),
                email(other, null, "Re: Need a quote", "<b1@mail.test>", "<a1@mail.test>", request.replyToken()));
        assertThat(elsewhere.created()).isTrue();
        assertThat(requests.get(owner, elsewhere.request()).request().clientId()).isEqualTo(other);
        assertThat(requests.get(owner, intake.request()).messages()).hasSize(4);
    }

    @Test
    void badInputIsRefusedWithTranslatedKeysAndNothingIsHalfSaved() {
        assertThatThrownBy(() -> requests.submitManually(owner, manual(sydney, " ", null)))
                .satisfies(e -> assertThat(key(e)).isEqualTo("requests.subject.required"));
        assertThatThrownBy(() -> requests.submitManually(owner, manual(sydney, "x".repeat(201), null)))
                .satisfies(e -> assertThat(key(e)).isEqualTo("requests.subject.tooLong"));
        assertThatThrownBy(() -> requests.submitManually(owner,
                new ManualSubmission(sydney.value().toString(), "Late", null, "2026-12-03", List.of())))
                .satisfies(e -> assertThat(key(e)).isEqualTo("requests.desiredDate.past"));
        assertThatThrownBy(() -> requests.submitManually(owner,
                new ManualSubmission(sydney.value().toString(), "Long", "y".repeat(Requests.MAX_BODY + 1), null,
                        List.of())))
                .satisfies(e -> assertThat(key(e)).isEqualTo("requests.body.tooLong"));
        assertThatThrownBy(() -> requests.submitManually(owner, new ManualSubmission(null, "No client", null, null,
                List.of()))).satisfies(e -> assertThat(key(e)).isEqualTo("requests.client.required"));
        // A program is refused after the request row was written: the whole request goes, its number too.
        assertThatThrownBy(() -> requests.submitManually(owner, new ManualSubmission(sydney.value().toString(),
                "With a program", "see file", null, List.of(file("setup.exe", "MZ\u0090\u0000binary")))))
                .satisfies(e -> assertThat(key(e)).isEqualTo("requests.attachment.kind"));
        assertThat(jdbc.sql("select count(*) from requests where workspace_id = :w").param("w", ws.id())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from request_messages where workspace_id = :w").param("w", ws.id())
                .query(Long.class).single()).isZero();
        RequestId id = requests.submitManually(owner, manual(sydney, "Fine", null));
        assertThat(requests.get(owner, id).request().number()).isEqualTo(1);
        assertThatThrownBy(() -> requests.reply(owner, id, Reply.answer("  ", false)))
                .satisfies(e -> assertThat(key(e)).isEqualTo("requests.body.required"));
        assertThat(requests.get(owner, id).messages()).hasSize(1);
        assertThatThrownBy(() -> requests.submitFromPortal(owner, new PortalSubmission("x", null, null, List.of())))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void requestsSubmittedAtOnceGetDistinctConsecutiveNumbers() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<RequestId>> submitted = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String subject = "Parallel " + i;
                submitted.add(pool.submit(() -> requests.submitManually(owner, manual(sydney, subject, null))));
            }
            List<Long> numbers = new java.util.ArrayList<>();
            for (var future : submitted) {
                numbers.add(requests.get(owner, future.get()).request().number());
            }
            assertThat(numbers).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        } finally {
            pool.shutdownNow();
        }
        TestWorkspace second = newWorkspace();
        ClientId theirs = clients.create(second.owner(), client("Theirs", "Australia/Sydney", "4"));
        assertThat(requests.get(second.owner(), requests.submitManually(second.owner(), manual(theirs, "First", null)))
                .request().label()).as("numbers count per workspace").isEqualTo("#1");
    }

    private static String key(Throwable e) {
        assertThat(e).isInstanceOf(InvalidInputException.class);
        return ((InvalidInputException) e).violations().get(0).messageKey();
    }

    private static NewAttachment file(String name, String content) {
        return new NewAttachment(name, new ByteArrayInputStream(content.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static ManualSubmission manual(ClientId client, String subject, String details) {
        return new ManualSubmission(client.value().toString(), subject, details, null, List.of());
    }

    private static EmailSubmission email(ClientId client, UUID contact, String subject, String messageId,
            String inReplyTo, String token) {
        return new EmailSubmission(client, contact, "sender@example.test", subject, "Body of " + messageId, null,
                messageId, inReplyTo, inReplyTo == null ? List.of() : List.of(inReplyTo), token, List.of());
    }

    private static ClientInput client(String name, String zone, String responseHours) {
        return new ClientInput(name, "ACTIVE", zone, "AUD", "en-AU", "AU", null, null, null,
                List.of(new ClientInput.Day("MONDAY", "09:00", "17:00")), responseHours, "EMAIL", "CHAT", "VIDEO",
                "EMAIL", null, null, List.of(new ClientInput.ContactInput(null, "Kim Koala",
                        uniqueEmail("kim"), null, null, true)), List.of());
    }

    private ClientInput clientWithMember(String name, CurrentUser member) {
        ClientInput base = client(name, "America/Sao_Paulo", "8");
        return new ClientInput(base.name(), base.status(), base.timeZone(), base.currency(), base.locale(),
                base.country(), null, null, null, base.businessHours(), base.responseTimeHours(), "EMAIL", "CHAT",
                "VIDEO", "EMAIL", null, null, base.contacts(), List.of(member.id().value()));
    }
}
