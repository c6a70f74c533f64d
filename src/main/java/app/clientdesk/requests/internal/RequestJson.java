package app.clientdesk.requests.internal;

import app.clientdesk.requests.Author;
import app.clientdesk.requests.LinkedTask;
import app.clientdesk.requests.Request;
import app.clientdesk.requests.RequestDetail;
import app.clientdesk.requests.RequestMessage;
import app.clientdesk.requests.RequestSummary;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A request with its conversation, as {@code GET /api/v1/requests/{id}} answers it, and the API's other shapes of
 * a request. Field names are the API's contract; change them only with a new version.
 */
@Schema(description = "A client's request with its conversation (oldest first, internal notes included) and its "
        + "response clock.")
record RequestJson(UUID id, @Schema(description = "Shown as #number, unique in the workspace", example = "42") long number,
        UUID clientId, String clientName, String subject,
        @Schema(allowableValues = {"OPEN", "WAITING_ON_CLIENT", "CLOSED", "MERGED"}) String state,
        @Schema(allowableValues = {"PORTAL", "EMAIL", "MANUAL"}) String source, RequestAuthorJson author,
        @Nullable LocalDate desiredDate, Instant createdAt, Instant lastMessageAt,
        @Schema(description = "When the first answer the client sees was written; null until then")
        @Nullable Instant firstResponseAt,
        @Schema(description = DUE, example = "2026-12-07T12:00:00-03:00") @Nullable String firstResponseDueAt,
        @Schema(description = SLA, allowableValues = {"ON_TRACK", "AT_RISK", "BREACHED", "MET", "PAUSED"})
        @Nullable String slaState,
        @Schema(description = "The task it was converted to; null when not converted") @Nullable RequestTaskJson task,
        @Schema(description = "The request it was merged into (state MERGED)") @Nullable UUID mergedIntoId,
        List<RequestMessageJson> messages) {

    static final String DUE = "When the first answer is due, ISO-8601 with the offset of the workspace's zone (its "
            + "working calendar counts the business hours); null when the client has no response-time commitment "
            + "(no clock). Kept while the request waits on the client; moves later once the client answers.";
    static final String SLA = "The response clock when last computed: ON_TRACK, AT_RISK, BREACHED, MET (answered in "
            + "time or late, as it stood) or PAUSED (waiting on the client); null when there is no clock.";

    static RequestJson of(RequestDetail detail, ZoneId zone) {
        Request r = detail.request();
        return new RequestJson(r.id().value(), r.number(), r.clientId().value(), r.clientName(), r.subject(),
                r.state().name(), r.source().name(), RequestAuthorJson.of(r.author()), r.desiredDate(), r.createdAt(),
                r.lastMessageAt(), r.firstResponseAt(), offset(r.firstResponseDueAt(), zone),
                r.slaState() == null ? null : r.slaState().name(),
                r.taskId() == null ? null : RequestTaskJson.of(r.taskId().value(), detail.task()),
                r.mergedIntoId() == null ? null : r.mergedIntoId().value(),
                detail.messages().stream().map(RequestMessageJson::of).toList());
    }

    static @Nullable String offset(@Nullable Instant at, ZoneId zone) {
        return at == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone).toOffsetDateTime());
    }

    /** Who wrote a request or a message. */
    record RequestAuthorJson(
            @Schema(description = "CONTACT: a client contact in the portal; USER: someone of the workspace; EMAIL: "
                    + "an email sender", allowableValues = {"CONTACT", "USER", "EMAIL"}) String kind,
            @Nullable String name, @Nullable String email, @Nullable UUID userId, @Nullable UUID contactId) {

        static RequestAuthorJson of(Author a) {
            return new RequestAuthorJson(a.kind().name(), a.name(), a.email(),
                    a.userId() == null ? null : a.userId().value(), a.contactId());
        }
    }

    /** One message of the conversation. */
    record RequestMessageJson(UUID id, RequestAuthorJson author, Instant createdAt,
            @Schema(description = "Plain text") String body,
            @Schema(description = "false for the VA's internal notes") boolean visibleToClient,
            @Schema(description = "The names of the files it carries") List<String> attachments) {

        static RequestMessageJson of(RequestMessage m) {
            return new RequestMessageJson(m.id(), RequestAuthorJson.of(m.author()), m.createdAt(), m.body(),
                    m.visibleToClient(), m.attachments().stream().map(a -> a.fileName()).toList());
        }
    }

    /** The task a request was converted to; title and stage when the caller may see the task. */
    record RequestTaskJson(UUID id, @Schema(example = "/api/v1/tasks/6f1c…") String href, @Nullable String title,
            @Nullable String stage, @Nullable Boolean done) {

        static RequestTaskJson of(UUID id, @Nullable LinkedTask task) {
            return new RequestTaskJson(id, "/api/v1/tasks/" + id, task == null ? null : task.title(),
                    task == null ? null : task.stageName(), task == null ? null : task.done());
        }
    }

    /** One row of {@code GET /api/v1/requests}. */
    record RequestSummaryJson(UUID id, long number, UUID clientId, String clientName, String subject,
            @Schema(allowableValues = {"OPEN", "WAITING_ON_CLIENT", "CLOSED", "MERGED"}) String state,
            @Schema(allowableValues = {"PORTAL", "EMAIL", "MANUAL"}) String source, Instant createdAt,
            Instant lastMessageAt, @Nullable Instant firstResponseAt,
            @Schema(description = DUE, example = "2026-12-07T12:00:00-03:00") @Nullable String firstResponseDueAt,
            @Schema(description = SLA, allowableValues = {"ON_TRACK", "AT_RISK", "BREACHED", "MET", "PAUSED"})
            @Nullable String slaState,
            @Nullable UUID taskId) {

        static RequestSummaryJson of(RequestSummary s, ZoneId zone) {
            return new RequestSummaryJson(s.id().value(), s.number(), s.clientId().value(), s.clientName(),
                    s.subject(), s.state().name(), s.source().name(), s.createdAt(), s.lastMessageAt(),
                    s.firstResponseAt(), offset(s.firstResponseDueAt(), zone),
                    s.slaState() == null ? null : s.slaState().name(),
                    s.taskId() == null ? null : s.taskId().value());
        }
    }

    /** A page of requests, paged as every list of the API. */
    record RequestPageJson(List<RequestSummaryJson> items, @Nullable Long total, int limit, int offset, boolean hasMore) {
    }

    /** What {@code POST /api/v1/requests} accepts. */
    record RequestSubmission(@Schema(format = "uuid", description = "Required: a client the caller may see")
            @Nullable String clientId,
            @Schema(description = "Required, at most 200 characters", example = "Book flights to Lisbon")
            @Nullable String subject,
            @Schema(description = "The first message, plain text, at most 50,000 characters",
                    example = "Two seats, leaving on the 14th.") @Nullable String body,
            @Schema(format = "date", description = "yyyy-MM-dd, not before today in the client's zone",
                    example = "2026-12-20") @Nullable String desiredDate) {
    }

    /** What {@code POST /api/v1/requests/{id}/messages} accepts. */
    record RequestReply(@Schema(description = "Required, plain text, at most 50,000 characters",
            example = "Found three options; which do you prefer?") @Nullable String body,
            @Schema(description = "true (the default): an answer the client sees (the first one meets the clock); "
                    + "false: an internal note") @Nullable Boolean visibleToClient,
            @Schema(description = "true: the request waits on the client and its clock pauses until they write; "
                    + "false (the default)") @Nullable Boolean waitOnClient) {
    }

    /** What {@code POST /api/v1/requests/{id}/convert} accepts; every field is optional. */
    record RequestConversion(@Schema(description = "The task's title; the request's subject when left out",
            example = "Book flights to Lisbon") @Nullable String title,
            @Schema(format = "uuid", description = "A project of the request's client") @Nullable String projectId,
            @Schema(format = "uuid", description = "Someone of the workspace who may see the client")
            @Nullable String assigneeId,
            @Schema(format = "date", description = "yyyy-MM-dd", example = "2026-12-18") @Nullable String dueDate) {
    }

    /** What converting answers: the new task. */
    record RequestConvertedJson(UUID taskId, @Schema(description = "The task in the API", example =
            "/api/v1/tasks/6f1c…") String href, @Schema(description = "The task's page in the app") String page,
            RequestJson request) {
    }
}
