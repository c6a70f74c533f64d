package app.clientdesk.requests;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.clients.Contact;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.text.Text;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.sla.Pause;
import app.clientdesk.sla.ResponseClock;
import app.clientdesk.sla.SlaPolicy;
import app.clientdesk.sla.SlaState;
import app.clientdesk.sla.WorkingCalendars;
import app.clientdesk.work.Task;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.TaskInput;
import app.clientdesk.work.Tasks;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests of clients: submitting them (portal, email, by hand), the conversation on each, its response-time
 * clock, converting to a task, merging duplicates, closing; and the lists that show them.
 *
 * <p>Who sees what: owners every request of the workspace, members those of the clients they are assigned to, a
 * client contact only their own client's requests and, on them, only the messages visible to the client. An id
 * of another workspace, of an unassigned client or of another client is "not found" ({@link NotFoundException}),
 * never "forbidden". Every change runs in one transaction, publishes its event in it (see {@link
 * RequestSubmitted}, {@link RequestMessageAdded}, {@link RequestConverted}, {@link RequestClosed}, {@link
 * RequestsMerged}), and refuses bad input with {@link InvalidInputException} (translated keys
 * {@code requests.*}) before anything is saved.
 *
 * <p>The clock: a request's first answer is due {@code Client#responseTimeHours} business hours of the
 * workspace's working calendar after it was received, standing still while it waits on the client. The first
 * reply visible to the client meets it. A client without a commitment gives its requests no clock (due time and
 * SLA state null). Merging moves the duplicate's messages and files to the target (the duplicate keeps no
 * messages, only its {@code mergedIntoId}).
 */
@Service
public class Requests {

    public static final int MAX_SUBJECT = 200;
    public static final int MAX_BODY = 50_000;
    /** The most files one message may carry. */
    public static final int MAX_FILES = 10;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RequestStore store;
    private final RequestFiles files;
    private final Clients clients;
    private final Tasks tasks;
    private final WorkingCalendars calendars;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Requests(RequestStore store, RequestFiles files, Clients clients, Tasks tasks, WorkingCalendars calendars,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.files = files;
        this.clients = clients;
        this.tasks = tasks;
        this.calendars = calendars;
        this.events = events;
        this.clock = clock;
    }

    /** The largest file accepted, in bytes. */
    public long maxAttachmentBytes() {
        return files.maxBytes();
    }

    /** What an email intake did with one email. */
    public record Intake(RequestId request, boolean created, boolean duplicate) {
    }

    /** A request's file with where its bytes are. */
    public record StoredFile(RequestAttachment attachment, Path file) {
    }

    // ---------------------------------------------------------------------------------------------- submitting

    /**
     * A client contact submits a request in the portal, for their own client.
     *
     * @throws InvalidInputException for an empty or too long subject, too long details, a malformed or past
     *     desired date (the client's today), a file too large or of a kind not accepted
     */
    @Transactional
    public RequestId submitFromPortal(CurrentUser contact, PortalSubmission input) {
        if (!contact.isClientContact() || contact.clientId().isEmpty()) {
            throw new org.springframework.security.access.AccessDeniedException("only client contacts use the portal");
        }
        WorkspaceId workspace = contact.workspaceId();
        Client client = clients.find(workspace, new ClientId(contact.clientId().get()))
                .orElseThrow(() -> new NotFoundException("client"));
        Checked checked = check(input.subject(), input.details(), input.desiredDate(), client, input.attachments());
        UUID contactId = contactOf(client, contact.email()).map(Contact::id).orElse(null);
        Author author = new Author(AuthorKind.CONTACT, contactId, contact.id(), contact.email(),
                contact.displayName());
        return create(workspace, client, RequestSource.PORTAL, author, checked, null, null, null,
                input.attachments());
    }

    /**
     * The VA enters a request on behalf of a client they may see.
     *
     * @throws InvalidInputException as {@link #submitFromPortal}, and for no client ({@code clientId})
     * @throws NotFoundException for a client the viewer may not see
     */
    @Transactional
    public RequestId submitManually(CurrentUser viewer, ManualSubmission input) {
        viewer.requireStaff();
        Optional<ClientId> clientId = clients.named(viewer, input.clientId());
        if (clientId.isEmpty()) {
            Violations v = new Violations().add("clientId", "requests.client.required");
            v.throwIfAny();
        }
        Client client = clients.get(viewer, clientId.orElseThrow());
        Checked checked = check(input.subject(), input.details(), input.desiredDate(), client, input.attachments());
        Author author = new Author(AuthorKind.USER, null, viewer.id(), viewer.email(), viewer.displayName());
        return create(viewer.workspaceId(), client, RequestSource.MANUAL, author, checked, null, null, null,
                input.attachments());
    }

    /**
     * An email for a client: threaded onto the client's request it answers (its reply token, or a Message-ID in
     * In-Reply-To or References; a request of another client is never threaded onto), else a new request. The same
     * Message-ID twice is one message: the second time nothing changes and {@link Intake#duplicate()} is true.
     * A blank subject becomes "(no subject)" and a long one is cut; the body is the plain text, or "" with HTML
     * only. Two nodes storing the same Message-ID at once: one fails on the unique index and rolls back.
     *
     * @throws InvalidInputException ({@code text}) for a body over {@link #MAX_BODY}, or for a file too large or
     *     of a kind not accepted: nothing is saved, the intake should keep a refusal note instead
     * @throws NotFoundException for a client not of the workspace
     */
    @Transactional
    public Intake receiveEmail(WorkspaceId workspace, EmailSubmission input) {
        Client client = clients.find(workspace, input.clientId()).orElseThrow(() -> new NotFoundException("client"));
        String messageId = blankToNull(input.messageId());
        if (messageId != null) {
            Optional<RequestId> seen = store.requestOfMessageId(workspace, messageId);
            if (seen.isPresent()) {
                return new Intake(seen.get(), false, true);
            }
        }
        String body = body(input.text());
        Violations v = new Violations();
        if (body.length() > MAX_BODY) {
            v.add("text", "requests.body.tooLong", MAX_BODY);
        }
        checkFiles(v, input.attachments());
        v.throwIfAny();
        UUID contactId = input.contactId() != null && client.contacts().stream()
                .anyMatch(c -> c.id().equals(input.contactId())) ? input.contactId() : null;
        String name = contactId == null ? input.fromName() : client.contacts().stream()
                .filter(c -> c.id().equals(contactId)).map(Contact::name).findFirst().orElse(input.fromName());
        Author author = new Author(AuthorKind.EMAIL, contactId, null, input.fromAddress(), name);
        String html = blankToNull(input.sanitizedHtml());

        Optional<Request> thread = thread(workspace, client.id(), input);
        if (thread.isPresent()) {
            addClientMessage(workspace, thread.get(), author, body, html, messageId, blankToNull(input.inReplyTo()),
                    input.attachments());
            return new Intake(thread.get().id(), false, false);
        }
        String subject = Text.name(input.subject());
        if (subject.isEmpty()) {
            subject = "(no subject)";
        }
        if (subject.length() > MAX_SUBJECT) {
            subject = subject.substring(0, MAX_SUBJECT - 1) + "…";
        }
        RequestId id = create(workspace, client, RequestSource.EMAIL, author, new Checked(subject, body, null), html,
                messageId, blankToNull(input.inReplyTo()), input.attachments());
        return new Intake(id, true, false);
    }

    // -------------------------------------------------------------------------------------------- conversation

    /**
     * The VA writes on a request: an answer the client sees or an internal note. The first answer the client sees
     * meets the clock. {@link Reply#waitOnClient()} puts the request in WAITING_ON_CLIENT and pauses the clock;
     * an answer without it on a waiting request takes it back to OPEN. A reply on a closed request leaves it
     * closed unless it waits on the client.
     *
     * @return the new message's id
     * @throws InvalidInputException for an empty or too long text, a bad file, or a merged request
     */
    @Transactional
    public UUID reply(CurrentUser viewer, RequestId id, Reply reply) {
        viewer.requireStaff();
        WorkspaceId workspace = viewer.workspaceId();
        Request request = visible(viewer, id);
        request = store.lock(workspace, request.id()).orElseThrow(() -> new NotFoundException("request"));
        Violations v = new Violations();
        if (request.state() == RequestState.MERGED) {
            v.add("text", "requests.merged", "#" + request.number());
        }
        String text = body(reply.text());
        if (text.isBlank()) {
            v.add("text", "requests.body.required");
        } else if (text.length() > MAX_BODY) {
            v.add("text", "requests.body.tooLong", MAX_BODY);
        }
        checkFiles(v, reply.attachments());
        v.throwIfAny();
        Instant now = now();
        Author author = new Author(AuthorKind.USER, null, viewer.id(), viewer.email(), viewer.displayName());
        UUID message = UUID.randomUUID();
        store.insertMessage(workspace, message, request.id(), author, text, null, reply.visibleToClient(), null, null,
                now);
        storeFiles(workspace, request.id(), message, reply.attachments(), now);
        if (reply.visibleToClient() && request.firstResponseAt() == null) {
            store.firstResponse(workspace, request.id(), now);
        }
        RequestState state = request.state();
        if (reply.waitOnClient()) {
            if (state != RequestState.WAITING_ON_CLIENT) {
                store.startPause(workspace, request.id(), now);
            }
            state = RequestState.WAITING_ON_CLIENT;
        } else if (reply.visibleToClient() && state == RequestState.WAITING_ON_CLIENT) {
            store.endPauses(workspace, request.id(), now);
            state = RequestState.OPEN;
        }
        store.touch(workspace, request.id(), state, now, true);
        recompute(workspace, request.id(), now);
        events.publishEvent(new RequestMessageAdded(workspace, request.id(), request.clientId(), message, author,
                reply.visibleToClient()));
        return message;
    }

    /**
     * A client contact writes on one of their client's requests in the portal. On a waiting or closed request it
     * reopens it (OPEN) and ends the pause; on a merged duplicate it goes to the request it was merged into.
     *
     * @return the new message's id
     * @throws NotFoundException for a request not of the contact's client
     * @throws InvalidInputException for an empty or too long text or a bad file
     */
    @Transactional
    public UUID clientMessage(CurrentUser contact, RequestId id, @Nullable String text,
            List<NewAttachment> attachments) {
        if (!contact.isClientContact() || contact.clientId().isEmpty()) {
            throw new NotFoundException("request");
        }
        WorkspaceId workspace = contact.workspaceId();
        ClientId clientId = new ClientId(contact.clientId().get());
        Request request = store.find(workspace, null, clientId, id).orElseThrow(() -> new NotFoundException("request"));
        request = followMerges(workspace, request);
        String body = body(text);
        Violations v = new Violations();
        if (body.isBlank()) {
            v.add("text", "requests.body.required");
        } else if (body.length() > MAX_BODY) {
            v.add("text", "requests.body.tooLong", MAX_BODY);
        }
        checkFiles(v, attachments);
        v.throwIfAny();
        Client client = clients.find(workspace, clientId).orElseThrow(() -> new NotFoundException("client"));
        UUID contactId = contactOf(client, contact.email()).map(Contact::id).orElse(null);
        Author author = new Author(AuthorKind.CONTACT, contactId, contact.id(), contact.email(),
                contact.displayName());
        return addClientMessage(workspace, request, author, body, null, null, null, attachments);
    }

    /**
     * Remembers the Message-ID under which a message was emailed to the client (by the outbound mail), so that
     * the client's reply threads onto the request by its In-Reply-To.
     */
    @Transactional
    public void recordEmailMessageId(WorkspaceId workspace, UUID message, String emailMessageId) {
        store.setEmailMessageId(workspace, message, emailMessageId);
    }

    // ------------------------------------------------------------------------------------------------- changes

    /**
     * Creates a task for the request's client through the work module ({@code input}'s client is replaced by the
     * request's; a blank title becomes the subject, a blank description the first message) and links it.
     *
     * @throws InvalidInputException for a request already converted or merged, or the task's own rules
     */
    @Transactional
    public TaskId convertToTask(CurrentUser viewer, RequestId id, TaskInput input) {
        viewer.requireStaff();
        WorkspaceId workspace = viewer.workspaceId();
        Request request = visible(viewer, id);
        request = store.lock(workspace, request.id()).orElseThrow(() -> new NotFoundException("request"));
        if (request.state() == RequestState.MERGED) {
            throw InvalidInputException.of("request", "requests.merged", "#" + request.number());
        }
        if (request.taskId() != null) {
            throw InvalidInputException.of("request", "requests.convert.already");
        }
        String title = input.title() == null || input.title().isBlank() ? request.subject() : input.title();
        String description = input.description();
        if (description == null || description.isBlank()) {
            description = store.messages(workspace, request.id(), false).stream().findFirst()
                    .map(RequestStore.Message::body).filter(b -> !b.isBlank())
                    .map(b -> b.length() > 20_000 ? b.substring(0, 20_000) : b).orElse(null);
        }
        TaskInput forClient = new TaskInput(title, description, request.clientId().value().toString(),
                input.projectId(), input.stageId(), input.urgent(), input.important(), input.dueDate(),
                input.dueTime(), input.dueZone(), input.estimateMinutes(), input.assigneeId(), input.type(),
                input.repeat(), input.repeatInterval(), input.repeatWeekdays(), input.repeatUntil(), input.sop(),
                input.checklist());
        TaskId task = tasks.create(viewer, forClient);
        store.setTask(workspace, request.id(), task, now());
        events.publishEvent(new RequestConverted(workspace, request.id(), request.clientId(), task, viewer.id()));
        return task;
    }

    /**
     * Merges {@code duplicate} into {@code into}: the duplicate becomes MERGED (with {@code mergedIntoId}), and
     * its messages and files move to the target.
     *
     * @throws InvalidInputException ({@code into}) for the same request, a request of another client, or either
     *     already merged
     */
    @Transactional
    public void merge(CurrentUser viewer, RequestId duplicate, RequestId into) {
        viewer.requireStaff();
        WorkspaceId workspace = viewer.workspaceId();
        Request dup = visible(viewer, duplicate);
        Request target = visible(viewer, into);
        if (dup.id().equals(target.id())) {
            throw InvalidInputException.of("into", "requests.merge.self");
        }
        // Locked in id order, so two merges of the same pair the other way round cannot deadlock.
        boolean dupFirst = dup.id().value().compareTo(target.id().value()) < 0;
        Request first = store.lock(workspace, dupFirst ? dup.id() : target.id()).orElseThrow();
        Request second = store.lock(workspace, dupFirst ? target.id() : dup.id()).orElseThrow();
        dup = dupFirst ? first : second;
        target = dupFirst ? second : first;
        if (!dup.clientId().equals(target.clientId())) {
            throw InvalidInputException.of("into", "requests.merge.otherClient");
        }
        if (dup.state() == RequestState.MERGED || target.state() == RequestState.MERGED) {
            throw InvalidInputException.of("into", "requests.merge.merged");
        }
        Instant now = now();
        store.endPauses(workspace, dup.id(), now);
        store.merge(workspace, dup.id(), target.id(), now);
        events.publishEvent(new RequestsMerged(workspace, dup.id(), target.id(), target.clientId(), viewer.id()));
    }

    /**
     * Closes a request (a running pause ends). A client message reopens it.
     *
     * @throws InvalidInputException for a merged request
     */
    @Transactional
    public void close(CurrentUser viewer, RequestId id) {
        viewer.requireStaff();
        WorkspaceId workspace = viewer.workspaceId();
        Request request = store.lock(workspace, visible(viewer, id).id()).orElseThrow();
        if (request.state() == RequestState.MERGED) {
            throw InvalidInputException.of("request", "requests.merged", "#" + request.number());
        }
        if (request.state() == RequestState.CLOSED) {
            return;
        }
        Instant now = now();
        store.endPauses(workspace, request.id(), now);
        store.touch(workspace, request.id(), RequestState.CLOSED, now, false);
        store.slaNextCheck(workspace, request.id(), null);
        events.publishEvent(new RequestClosed(workspace, request.id(), request.clientId(), viewer.id()));
    }

    /** Opens a closed request again (OPEN). Nothing happens to one not closed. */
    @Transactional
    public void reopen(CurrentUser viewer, RequestId id) {
        viewer.requireStaff();
        WorkspaceId workspace = viewer.workspaceId();
        Request request = store.lock(workspace, visible(viewer, id).id()).orElseThrow();
        if (request.state() != RequestState.CLOSED) {
            return;
        }
        Instant now = now();
        store.touch(workspace, request.id(), RequestState.OPEN, now, false);
        recompute(workspace, request.id(), now);
    }

    /**
     * Recomputes the request's clock at {@code now} and stores its due time and SLA state; returns the state
     * (empty without a clock). Closed and merged requests are left as they are. Meant for a scheduler: it compares
     * the result with {@link Request#slaNotifiedState()} to notify once per change.
     */
    @Transactional
    public Optional<SlaState> refreshSla(WorkspaceId workspace, RequestId id, Instant now) {
        Request request = store.find(workspace, null, null, id).orElseThrow(() -> new NotFoundException("request"));
        if (request.state() == RequestState.CLOSED || request.state() == RequestState.MERGED) {
            return Optional.ofNullable(request.slaState());
        }
        return recompute(workspace, id, now);
    }

    /**
     * Records that the owner was notified of {@code state} of the request's clock (and plans the clock's next check
     * after it).
     */
    @Transactional
    public void markSlaNotified(WorkspaceId workspace, RequestId id, SlaState state) {
        store.slaNotified(workspace, id, state);
        Request request = store.find(workspace, null, null, id).orElseThrow(() -> new NotFoundException("request"));
        if (request.state() == RequestState.OPEN) {
            recompute(workspace, id, now());
        }
    }

    // ------------------------------------------------------------------------------------------------- reading

    /**
     * The inbox across the clients the viewer may see (a member: assigned clients only), newest activity first,
     * one page with the total.
     */
    public RequestPage inbox(CurrentUser viewer, RequestFilter filter) {
        viewer.requireStaff();
        return store.inbox(viewer.workspaceId(), memberScope(viewer), filter);
    }

    /** A client's requests still in play: {@code open} counts open and waiting ones, {@code waitingOnClient} the latter. */
    public record OpenCounts(long open, long waitingOnClient) {
    }

    /**
     * How many of the client's requests are open and how many wait on the client (the portal's home): a contact
     * gets only their own client (any other id is {@link NotFoundException}); staff by the client's scope.
     */
    @Transactional(readOnly = true)
    public OpenCounts openCounts(CurrentUser viewer, ClientId client) {
        if (viewer.isClientContact()) {
            if (!viewer.clientId().map(own -> own.equals(client.value())).orElse(false)) {
                throw new NotFoundException("client");
            }
        } else {
            clients.get(viewer, client);
        }
        return store.openCounts(viewer.workspaceId(), client);
    }

    /**
     * One client's requests, newest activity first: for the portal (a contact gets only their own client; any
     * other id is {@link NotFoundException}) and the client's page.
     */
    public RequestPage forClient(CurrentUser viewer, ClientId client, int limit, int offset) {
        if (viewer.isClientContact()) {
            if (!viewer.clientId().map(own -> own.equals(client.value())).orElse(false)) {
                throw new NotFoundException("client");
            }
            return store.inbox(viewer.workspaceId(), null, new RequestFilter(client, null, null, limit, offset));
        }
        clients.get(viewer, client);
        return store.inbox(viewer.workspaceId(), memberScope(viewer),
                new RequestFilter(client, null, null, limit, offset));
    }

    /**
     * As {@link #forClient(CurrentUser, ClientId, int, int)}, only the requests in {@code state} (all when null):
     * the portal counts its client's open and waiting requests with it ({@link RequestPage#total()}).
     */
    public RequestPage forClient(CurrentUser viewer, ClientId client, @Nullable RequestState state, int limit,
            int offset) {
        if (viewer.isClientContact()) {
            if (!viewer.clientId().map(own -> own.equals(client.value())).orElse(false)) {
                throw new NotFoundException("client");
            }
            return store.inbox(viewer.workspaceId(), null, new RequestFilter(client, state, null, limit, offset));
        }
        clients.get(viewer, client);
        return store.inbox(viewer.workspaceId(), memberScope(viewer),
                new RequestFilter(client, state, null, limit, offset));
    }

    /**
     * A client's open and waiting requests for staff (a member only for an assigned client), newest activity first,
     * at most {@code limit}, in one statement without a count: the client page asks for one more than it shows.
     */
    public List<RequestSummary> openForClient(CurrentUser viewer, ClientId client, int limit) {
        if (viewer.isClientContact()) {
            throw new NotFoundException("client");
        }
        clients.get(viewer, client);
        return store.openForClient(viewer.workspaceId(), memberScope(viewer), client, limit);
    }

    /**
     * A request with its conversation as the viewer may see it: a contact only their client's, with only the
     * messages visible to the client; staff within their scope, every message. Empty otherwise.
     */
    public Optional<RequestDetail> find(CurrentUser viewer, RequestId id) {
        if (viewer.isClientContact()) {
            return viewer.clientId().flatMap(c -> detail(viewer, viewer.workspaceId(), new ClientId(c), id, true));
        }
        return store.find(viewer.workspaceId(), memberScope(viewer), null, id)
                .map(r -> detail(viewer, viewer.workspaceId(), r, false));
    }

    /** {@link #find}, or {@link NotFoundException}. */
    public RequestDetail get(CurrentUser viewer, RequestId id) {
        return find(viewer, id).orElseThrow(() -> new NotFoundException("request"));
    }

    /**
     * A request of this client only, with the messages the client sees (no task: no viewer to check it against):
     * empty for a request of another client or workspace. What the portal and email replies must use.
     */
    public Optional<RequestDetail> findForClient(WorkspaceId workspace, ClientId client, RequestId id) {
        return detail(null, workspace, client, id, true);
    }

    /** The request converted to this task, if the viewer may see it (for the task's page). */
    public Optional<RequestSummary> findByTask(CurrentUser viewer, TaskId task) {
        Optional<Request> found = viewer.isClientContact()
                ? store.findByTask(viewer.workspaceId(), null, task)
                        .filter(r -> viewer.clientId().map(c -> c.equals(r.clientId().value())).orElse(false))
                : store.findByTask(viewer.workspaceId(), memberScope(viewer), task);
        return found.map(Requests::summary);
    }

    /**
     * A file of a request the viewer may see (a contact: only files of messages visible to the client).
     *
     * @throws NotFoundException otherwise, or when its bytes are missing
     */
    public StoredFile openAttachment(CurrentUser viewer, RequestId id, UUID attachment) {
        RequestDetail detail = get(viewer, id);
        RequestAttachment found = store.attachment(viewer.workspaceId(), detail.request().id(), attachment,
                viewer.isClientContact()).orElseThrow(() -> new NotFoundException("attachment"));
        Path file = files.open(viewer.workspaceId(), found.id())
                .orElseThrow(() -> new NotFoundException("attachment file"));
        return new StoredFile(found, file);
    }

    // -------------------------------------------------------------------------------------------------- inside

    private record Checked(String subject, String body, @Nullable LocalDate desiredDate) {
    }

    private Checked check(@Nullable String subjectInput, @Nullable String details, @Nullable String desired,
            Client client, List<NewAttachment> attachments) {
        Violations v = new Violations();
        String subject = Text.name(subjectInput);
        if (subject.isEmpty()) {
            v.add("subject", "requests.subject.required");
        } else if (subject.length() > MAX_SUBJECT) {
            v.add("subject", "requests.subject.tooLong", MAX_SUBJECT);
        }
        String body = body(details);
        if (body.length() > MAX_BODY) {
            v.add("details", "requests.body.tooLong", MAX_BODY);
        }
        LocalDate date = null;
        if (desired != null && !desired.isBlank()) {
            try {
                date = LocalDate.parse(desired.strip());
                if (date.isBefore(LocalDate.now(clock.withZone(client.zone())))) {
                    v.add("desiredDate", "requests.desiredDate.past");
                }
            } catch (DateTimeParseException e) {
                v.add("desiredDate", "requests.desiredDate.invalid");
            }
        }
        checkFiles(v, attachments);
        v.throwIfAny();
        return new Checked(subject, body, date);
    }

    private static void checkFiles(Violations v, List<NewAttachment> attachments) {
        if (attachments.size() > MAX_FILES) {
            v.add("attachments", "requests.attachment.tooMany", MAX_FILES);
        }
    }

    private RequestId create(WorkspaceId workspace, Client client, RequestSource source, Author author,
            Checked checked, @Nullable String html, @Nullable String messageId, @Nullable String inReplyTo,
            List<NewAttachment> attachments) {
        Instant now = now();
        RequestId id = RequestId.random();
        long number = store.nextNumber(workspace);
        store.insert(workspace, id, client.id(), number, checked.subject(), source, author, checked.desiredDate(),
                newReplyToken(), now);
        UUID message = UUID.randomUUID();
        store.insertMessage(workspace, message, id, author, checked.body(), html, true, messageId, inReplyTo, now);
        storeFiles(workspace, id, message, attachments, now);
        startClock(workspace, client, id, now);
        events.publishEvent(new RequestSubmitted(workspace, id, client.id(), number, source, author));
        events.publishEvent(new RequestMessageAdded(workspace, id, client.id(), message, author, true));
        return id;
    }

    private UUID addClientMessage(WorkspaceId workspace, Request found, Author author, String body,
            @Nullable String html, @Nullable String messageId, @Nullable String inReplyTo,
            List<NewAttachment> attachments) {
        Request request = store.lock(workspace, found.id()).orElseThrow(() -> new NotFoundException("request"));
        Instant now = now();
        UUID message = UUID.randomUUID();
        store.insertMessage(workspace, message, request.id(), author, body, html, true, messageId, inReplyTo, now);
        storeFiles(workspace, request.id(), message, attachments, now);
        RequestState state = request.state();
        if (state == RequestState.WAITING_ON_CLIENT || state == RequestState.CLOSED) {
            store.endPauses(workspace, request.id(), now);
            state = RequestState.OPEN;
        }
        store.touch(workspace, request.id(), state, now, true);
        recompute(workspace, request.id(), now);
        events.publishEvent(new RequestMessageAdded(workspace, request.id(), request.clientId(), message, author,
                true));
        return message;
    }

    private void storeFiles(WorkspaceId workspace, RequestId request, UUID message, List<NewAttachment> attachments,
            Instant now) {
        for (NewAttachment attachment : attachments) {
            store.insertAttachment(workspace, files.store(workspace, request, message, attachment, now));
        }
    }

    /** The client's request this email answers: by reply token, then by the Message-IDs it refers to. */
    private Optional<Request> thread(WorkspaceId workspace, ClientId client, EmailSubmission input) {
        List<RequestId> candidates = new ArrayList<>();
        String token = blankToNull(input.replyToken());
        if (token != null) {
            store.findByReplyToken(workspace, token).ifPresent(candidates::add);
        }
        Set<String> ids = new LinkedHashSet<>();
        if (blankToNull(input.inReplyTo()) != null) {
            ids.add(input.inReplyTo().strip());
        }
        for (String reference : input.references()) {
            if (reference != null && !reference.isBlank()) {
                ids.add(reference.strip());
            }
        }
        store.findByMessageIds(workspace, ids).ifPresent(candidates::add);
        for (RequestId candidate : candidates) {
            Optional<Request> request = store.find(workspace, null, client, candidate);
            if (request.isPresent()) {
                return Optional.of(followMerges(workspace, request.get()));
            }
        }
        return Optional.empty();
    }

    private Request followMerges(WorkspaceId workspace, Request request) {
        Request current = request;
        for (int i = 0; i < 100 && current.mergedIntoId() != null; i++) {
            current = store.find(workspace, null, current.clientId(), current.mergedIntoId())
                    .orElseThrow(() -> new NotFoundException("request"));
        }
        return current;
    }

    /**
     * The clock of a request just created at {@code now}: what {@link #recompute} gives for it (no pause, no answer,
     * open, nobody told), without reading back the request and its client.
     */
    private void startClock(WorkspaceId workspace, Client client, RequestId id, Instant now) {
        Optional<ResponseClock> clock = calendars.policy(workspace).clock(client, now, List.of(), null);
        if (clock.isEmpty()) {
            store.sla(workspace, id, null, null, null);
            return;
        }
        SlaState state = clock.get().state(now);
        Instant next = SlaChecks.untold(state, null) ? now : clock.get().nextChange(now).orElse(null);
        store.sla(workspace, id, clock.get().dueAt().orElse(null), state, next);
    }

    /**
     * Computes and stores the clock of a request at {@code now}. While an open pause stands before the due time
     * the clock cannot say when it is due; the stored due time is then kept (the earliest it can be).
     */
    private Optional<SlaState> recompute(WorkspaceId workspace, RequestId id, Instant now) {
        Request request = store.find(workspace, null, null, id).orElseThrow(() -> new NotFoundException("request"));
        Client client = clients.find(workspace, request.clientId()).orElseThrow(() -> new NotFoundException("client"));
        SlaPolicy policy = calendars.policy(workspace);
        List<Pause> pauses = store.pauses(workspace, id).stream().map(p -> new Pause(p.from(), p.until())).toList();
        Optional<ResponseClock> clock = policy.clock(client, request.createdAt(), pauses, request.firstResponseAt());
        if (clock.isEmpty()) {
            store.sla(workspace, id, null, null, null);
            return Optional.empty();
        }
        Instant due = clock.get().dueAt().orElse(request.firstResponseDueAt());
        SlaState state = clock.get().state(now);
        // Only an open request's clock turns by time alone; the job looks at it then (SlaChecks), or at once when
        // it is at risk or breached, unanswered, and nobody was told yet.
        Instant next = null;
        if (request.state() == RequestState.OPEN) {
            next = request.firstResponseAt() == null && SlaChecks.untold(state, request.slaNotifiedState()) ? now
                    : clock.get().nextChange(now).orElse(null);
        }
        store.sla(workspace, id, due, state, next);
        return Optional.of(state);
    }

    private Request visible(CurrentUser viewer, RequestId id) {
        return store.find(viewer.workspaceId(), memberScope(viewer), null, id)
                .orElseThrow(() -> new NotFoundException("request"));
    }

    private Optional<RequestDetail> detail(@Nullable CurrentUser viewer, WorkspaceId workspace, ClientId client,
            RequestId id, boolean clientView) {
        return store.find(workspace, null, client, id).map(r -> detail(viewer, workspace, r, clientView));
    }

    private RequestDetail detail(@Nullable CurrentUser viewer, WorkspaceId workspace, Request request,
            boolean clientView) {
        List<RequestStore.Message> messages = store.messages(workspace, request.id(), clientView);
        Map<UUID, List<RequestAttachment>> byMessage = store.attachments(workspace, request.id()).stream()
                .collect(Collectors.groupingBy(RequestAttachment::messageId));
        List<RequestMessage> full = messages.stream()
                .map(m -> m.with(byMessage.getOrDefault(m.id(), List.of()))).toList();
        LinkedTask task = null;
        if (viewer != null && request.taskId() != null) {
            task = tasks.find(viewer, request.taskId()).map(Requests::linked).orElse(null);
        }
        return new RequestDetail(request, full, store.pauses(workspace, request.id()), task);
    }

    private static LinkedTask linked(Task task) {
        return new LinkedTask(task.id(), task.title(), task.stage().name(), task.stage().kind(), task.completed());
    }

    private static RequestSummary summary(Request r) {
        return new RequestSummary(r.id(), r.clientId(), r.clientName(), r.number(), r.subject(), r.state(),
                r.source(), r.createdAt(), r.lastMessageAt(), r.firstResponseAt(), r.firstResponseDueAt(),
                r.slaState(), r.taskId());
    }

    private static @Nullable UUID memberScope(CurrentUser viewer) {
        return viewer.isMember() ? viewer.id().value() : null;
    }

    private static Optional<Contact> contactOf(Client client, String email) {
        return client.contacts().stream()
                .filter(c -> c.email() != null && c.email().toLowerCase(Locale.ROOT).equals(
                        email.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    private static String body(@Nullable String text) {
        if (text == null) {
            return "";
        }
        return text.replace("\u0000", "").replace("\r\n", "\n").strip();
    }

    /** Now, to the microsecond: what both databases store exactly (H2 would round nanoseconds, maybe up). */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String newReplyToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
