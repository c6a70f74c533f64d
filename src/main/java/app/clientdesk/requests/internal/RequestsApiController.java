package app.clientdesk.requests.internal;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.requests.ManualSubmission;
import app.clientdesk.requests.Reply;
import app.clientdesk.requests.RequestDetail;
import app.clientdesk.requests.RequestFilter;
import app.clientdesk.requests.RequestId;
import app.clientdesk.requests.RequestPage;
import app.clientdesk.requests.RequestState;
import app.clientdesk.requests.Requests;
import app.clientdesk.requests.internal.RequestJson.RequestConversion;
import app.clientdesk.requests.internal.RequestJson.RequestConvertedJson;
import app.clientdesk.requests.internal.RequestJson.RequestPageJson;
import app.clientdesk.requests.internal.RequestJson.RequestReply;
import app.clientdesk.requests.internal.RequestJson.RequestSubmission;
import app.clientdesk.requests.internal.RequestJson.RequestSummaryJson;
import app.clientdesk.shared.api.Idempotency;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violation;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.shared.web.ApiPaging;
import app.clientdesk.sla.SlaState;
import app.clientdesk.sla.WorkingCalendars;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.TaskInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/requests}: the request inbox by the same rules as the screens. A member reaches only the
 * requests of clients assigned to them; an id of another workspace or of an unassigned client is 404.
 */
@RestController
@RequestMapping("/api/v1/requests")
@Tag(name = "Requests", description = "What clients ask for (portal, email, entered by hand): the conversation, "
        + "the response clock in business hours, converting to a task, closing")
class RequestsApiController {

    /** The module names some fields as its forms do; the API names them as its bodies do. */
    private static final Map<String, String> FIELDS = Map.of("details", "body", "text", "body");

    private final Requests requests;
    private final WorkingCalendars calendars;
    private final Idempotency idempotency;
    private final TransactionTemplate transactions;

    RequestsApiController(Requests requests, WorkingCalendars calendars, Idempotency idempotency,
            TransactionTemplate transactions) {
        this.requests = requests;
        this.calendars = calendars;
        this.idempotency = idempotency;
        this.transactions = transactions;
    }

    @Operation(summary = "List requests", description = "Newest activity first. Every filter is optional and they "
            + "combine. A member sees only the requests of clients assigned to them. Paged as every list: limit "
            + "(1 to 200, default 50) from offset; hasMore says whether more follow; total counts all matches when "
            + "clientId is given, and is null otherwise (a count of every client's history is not read).")
    @GetMapping
    RequestPageJson list(@AuthenticationPrincipal CurrentUser viewer,
            @Parameter(description = "a client id") @RequestParam(required = false) @Nullable String clientId,
            @Parameter(description = "OPEN, WAITING_ON_CLIENT, CLOSED or MERGED")
            @RequestParam(required = false) @Nullable String state,
            @Parameter(description = "ON_TRACK, AT_RISK, BREACHED, MET or PAUSED")
            @RequestParam(required = false) @Nullable String slaState,
            @Parameter(description = "1 to 200, default 50") @RequestParam(required = false) @Nullable String limit,
            @Parameter(description = "0 or more, default 0") @RequestParam(required = false) @Nullable String offset) {
        Violations v = new Violations();
        ClientId client = null;
        if (clientId != null && !clientId.isBlank()) {
            try {
                client = new ClientId(UUID.fromString(clientId.strip()));
            } catch (IllegalArgumentException e) {
                v.add("clientId", "validation.invalid");
            }
        }
        RequestState s = choice(state, RequestState.class, "state", v);
        SlaState sla = choice(slaState, SlaState.class, "slaState", v);
        ApiPaging paging = ApiPaging.read(limit, offset, v);
        v.throwIfAny();
        RequestPage page = requests.inbox(viewer, new RequestFilter(client, s, sla, paging.limit(), paging.offset()));
        ZoneId zone = calendars.zone(viewer.workspaceId());
        return new RequestPageJson(page.items().stream().map(r -> RequestSummaryJson.of(r, zone)).toList(),
                page.total(), paging.limit(), paging.offset(), page.more());
    }

    @Operation(summary = "Read a request", description = "With its whole conversation, internal notes included, "
            + "and its response clock (slaState, firstResponseDueAt). 404 for an unknown id or one the caller may "
            + "not see.")
    @GetMapping("/{requestId}")
    RequestJson read(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID requestId) {
        return json(viewer, requests.get(viewer, new RequestId(requestId)));
    }

    @Operation(summary = "Create a request", description = "Entered on a client's behalf (source MANUAL). clientId "
            + "and subject are required; body is the first message; desiredDate (yyyy-MM-dd) optional. The response "
            + "clock starts now when the client has a response-time commitment. A member creates requests for the "
            + "clients assigned to them; another client is 404. With an Idempotency-Key, a retry returns the first "
            + "request (200) instead of a new one; the same key with a different body is 422.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<RequestJson> create(@AuthenticationPrincipal CurrentUser viewer,
            @RequestBody RequestSubmission body,
            @Parameter(description = "Any text up to 200 characters that names this create; a retry with the same "
                    + "key makes nothing new and answers the first request")
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
        // What the key remembers: the fields as sent, so a retry with a different body is told apart.
        String sent = String.join("\n", String.valueOf(body.clientId()), String.valueOf(body.subject()),
                String.valueOf(body.body()), String.valueOf(body.desiredDate()));
        Idempotency.Outcome outcome = once(() -> idempotency.once(viewer.workspaceId().value(), "request.create", key,
                sent, () -> apiFields(() -> requests.submitManually(viewer, new ManualSubmission(body.clientId(),
                        body.subject(), body.body(), body.desiredDate(), List.of()))).value()));
        RequestId id = new RequestId(outcome.resourceId());
        RequestJson json = json(viewer, requests.get(viewer, id));
        return outcome.created() ? ResponseEntity.created(URI.create("/api/v1/requests/" + id)).body(json)
                : ResponseEntity.ok(json);
    }

    @Operation(summary = "Reply to a request", description = "body is required. visibleToClient (default true) "
            + "makes it an answer the client sees, the first of which meets the clock; false makes it an internal "
            + "note. waitOnClient (default false) puts the request in WAITING_ON_CLIENT and pauses the clock until "
            + "the client writes; an answer without it on a waiting request opens it again. Answers the request.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{requestId}/messages")
    ResponseEntity<RequestJson> reply(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID requestId,
            @RequestBody RequestReply body) {
        RequestId id = new RequestId(requestId);
        apiFields(() -> requests.reply(viewer, id, new Reply(body.body(), !Boolean.FALSE.equals(body.visibleToClient()),
                Boolean.TRUE.equals(body.waitOnClient()), List.of())));
        return ResponseEntity.created(URI.create("/api/v1/requests/" + id)).body(json(viewer, requests.get(viewer, id)));
    }

    @Operation(summary = "Convert a request to a task", description = "Makes a task for the request's client and "
            + "links it; every field is optional: title (the subject when left out), projectId, assigneeId, dueDate. "
            + "The task's description is the first message. A request already converted, or merged, is 422. "
            + "Answers the task's id and links, and the request.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{requestId}/convert")
    ResponseEntity<RequestConvertedJson> convert(@AuthenticationPrincipal CurrentUser viewer,
            @PathVariable UUID requestId, @RequestBody(required = false) @Nullable RequestConversion body) {
        RequestConversion b = body == null ? new RequestConversion(null, null, null, null) : body;
        RequestId id = new RequestId(requestId);
        TaskId task = apiFields(() -> requests.convertToTask(viewer, id, new TaskInput(b.title(), null, null,
                b.projectId(), null, false, false, b.dueDate(), null, null, null, b.assigneeId(), null, null, null,
                List.of(), null, null, List.of())));
        String href = "/api/v1/tasks/" + task.value();
        return ResponseEntity.created(URI.create(href)).body(new RequestConvertedJson(task.value(), href,
                "/tasks/" + task.value(), json(viewer, requests.get(viewer, id))));
    }

    @Operation(summary = "Close a request", description = "A running pause ends; the clock stays as it stood. "
            + "Closing a closed request changes nothing; a merged one is 422. A client's message opens it again.")
    @PostMapping("/{requestId}/close")
    RequestJson close(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID requestId) {
        RequestId id = new RequestId(requestId);
        requests.close(viewer, id);
        return json(viewer, requests.get(viewer, id));
    }

    /** Runs an idempotent call in one transaction; when a retry with the same key raced it, once more. */
    private Idempotency.Outcome once(Supplier<Idempotency.Outcome> call) {
        try {
            return transactions.execute(status -> call.get());
        } catch (Idempotency.Retry e) {
            return transactions.execute(status -> call.get());
        }
    }

    private RequestJson json(CurrentUser viewer, RequestDetail detail) {
        return RequestJson.of(detail, calendars.zone(viewer.workspaceId()));
    }

    /** Runs a change of the module, naming its refusals by the API's fields. */
    private static <T> T apiFields(Supplier<T> change) {
        try {
            return change.get();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.violations().stream()
                    .map(v -> new Violation(FIELDS.getOrDefault(v.field(), v.field()), v.messageKey(), v.args()))
                    .toList());
        }
    }

    private static <E extends Enum<E>> @Nullable E choice(@Nullable String value, Class<E> type, String field,
            Violations v) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            v.add(field, "validation.choice");
            return null;
        }
    }
}
