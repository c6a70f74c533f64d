package app.clientdesk.time.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.shared.web.ApiPaging;
import app.clientdesk.time.TimeEntries;
import app.clientdesk.time.TimeEntry;
import app.clientdesk.time.TimeEntryId;
import app.clientdesk.time.TimeQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/time-entries}: the same rules as the timesheet and the entry form, answered in JSON. The
 * body is read field by field, so that a PATCH can tell a field left out (kept) from one sent as null
 * (cleared), and a value of the wrong type is a 422 naming its field.
 */
@RestController
@RequestMapping("/api/v1/time-entries")
@Tag(name = "Time entries", description = "Spans of work for a client: list with filters, read, log, change, delete")
class TimeEntriesApiController {

    private final TimeEntries entries;

    TimeEntriesApiController(TimeEntries entries) {
        this.entries = entries;
    }

    /**
     * A page of entries: {@code hasMore} says whether a next page exists; {@code total} counts every match when
     * the query names a period (from and to), and is null otherwise (a count of all history is not read).
     */
    record TimeEntryPage(List<TimeEntryJson> items, @Nullable Long total, int limit, int offset, boolean hasMore) {
    }

    /**
     * What POST and PATCH accept (for the documentation; the body is read by hand). {@code start} and
     * {@code end} are ISO-8601 with an offset; {@code zone} (an IANA name) is where the entry was logged,
     * the caller's own by default; {@code rate} (owner only) an hourly rate in the client's currency, as a
     * string or a number, optionally with {@code currency}, which must be the client's.
     */
    record TimeEntryRequest(@Nullable String clientId, @Nullable String projectId, @Nullable String taskId,
            @Nullable String userId, @Schema(format = "date-time", example = "2026-11-19T09:00:00Z") String start,
            @Schema(format = "date-time", example = "2026-11-19T10:30:00Z") String end,
            @Schema(example = "Europe/London") @Nullable String zone,
            @Nullable Integer breakMinutes, @Nullable Boolean billable, @Nullable String note,
            @Nullable List<String> tags, @Nullable String rate, @Nullable String currency) {
    }

    @Operation(summary = "List time entries", description = "Latest first. Every filter is optional and they "
            + "combine; from and to are inclusive, on the day each entry counts for (its start's date in its own "
            + "zone). A member sees only their own entries. Paged as every list: limit (1 to 200, default 50) from "
            + "offset; hasMore says whether more follow; total counts all matches when both from and to are given, "
            + "and is null otherwise. Answers {items, total, limit, offset, hasMore}.")
    @GetMapping
    TimeEntryPage list(@AuthenticationPrincipal CurrentUser viewer,
            @Parameter(description = "first day (yyyy-MM-dd)") @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "last day (yyyy-MM-dd)") @RequestParam(required = false) @Nullable String to,
            @Parameter(description = "a client id") @RequestParam(required = false) @Nullable String clientId,
            @Parameter(description = "a project id") @RequestParam(required = false) @Nullable String projectId,
            @Parameter(description = "a person's id") @RequestParam(required = false) @Nullable String userId,
            @Parameter(description = "true or false") @RequestParam(required = false) @Nullable String billable,
            @Parameter(description = "1 to 200, default 50") @RequestParam(required = false) @Nullable String limit,
            @Parameter(description = "0 or more, default 0") @RequestParam(required = false) @Nullable String offset) {
        viewer.requireStaff();
        Violations v = new Violations();
        LocalDate fromDate = TimeEntriesApiInput.date(from, "from", v);
        LocalDate toDate = TimeEntriesApiInput.date(to, "to", v);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            v.add("to", "timesheet.api.toBeforeFrom");
        }
        UUID client = TimeEntriesApiInput.uuid(clientId, "clientId", v);
        UUID project = TimeEntriesApiInput.uuid(projectId, "projectId", v);
        UUID user = TimeEntriesApiInput.uuid(userId, "userId", v);
        Boolean paid = TimeEntriesApiInput.bool(billable, "billable", v);
        ApiPaging paging = ApiPaging.read(limit, offset, v);
        int size = paging.limit();
        int skip = paging.offset();
        v.throwIfAny();
        // One more than asked tells whether a next page exists without counting every match.
        List<TimeEntry> found = entries.search(viewer,
                new TimeQuery(fromDate, toDate, client, project, user, paid, paging.limitPlusOne(), skip));
        boolean more = found.size() > size;
        List<TimeEntryJson> items = found.stream().limit(size).map(TimeEntryJson::of).toList();
        Long total = fromDate != null && toDate != null
                ? entries.count(viewer, new TimeQuery(fromDate, toDate, client, project, user, paid, size, skip)) : null;
        return new TimeEntryPage(items, total, size, skip, more);
    }

    @Operation(summary = "Read a time entry", description = "404 for an unknown id or one the caller may not see.")
    @GetMapping("/{entryId}")
    TimeEntryJson read(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID entryId) {
        viewer.requireStaff();
        return TimeEntryJson.of(entries.get(viewer, new TimeEntryId(entryId)));
    }

    @Operation(summary = "Log a time entry", description = "clientId (or a taskId, which brings its client), "
            + "start and end are required. The entry may not overlap another of the same person, nor their "
            + "running timer, and lasts at most 24 hours. The rate in force is stored on the entry unless the "
            + "owner gives one. userId and rate are for the owner only.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = TimeEntryRequest.class))))
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<TimeEntryJson> create(@AuthenticationPrincipal CurrentUser viewer, @RequestBody JsonNode body) {
        viewer.requireStaff();
        TimeEntry saved = entries.create(viewer, TimeEntriesApiInput.input(body));
        return ResponseEntity.created(URI.create("/api/v1/time-entries/" + saved.id().value()))
                .body(TimeEntryJson.of(saved));
    }

    @Operation(summary = "Change a time entry", description = "Only the fields sent change. projectId, taskId "
            + "and note sent as null or \"\" are cleared; tags sent replace the entry's tags. An entry on an issued "
            + "invoice is locked: 422 saying why.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = TimeEntryRequest.class))))
    @PatchMapping("/{entryId}")
    TimeEntryJson update(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID entryId,
            @RequestBody JsonNode body) {
        viewer.requireStaff();
        TimeEntry existing = entries.get(viewer, new TimeEntryId(entryId));
        return TimeEntryJson.of(entries.update(viewer, existing.id(), TimeEntriesApiInput.input(body)));
    }

    @Operation(summary = "Delete a time entry", description = "An entry on an issued invoice is locked: 422 saying why.")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
    @DeleteMapping("/{entryId}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID entryId) {
        viewer.requireStaff();
        entries.delete(viewer, entries.get(viewer, new TimeEntryId(entryId)).id());
        return ResponseEntity.noContent().build();
    }
}
