package app.clientdesk.time.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.time.TimeEntries;
import app.clientdesk.time.TimeEntry;
import app.clientdesk.time.TimeEntryId;
import app.clientdesk.time.TimeEntryInput;
import app.clientdesk.time.TimeQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    static final int DEFAULT_LIMIT = 50;

    private final TimeEntries entries;

    TimeEntriesApiController(TimeEntries entries) {
        this.entries = entries;
    }

    /** A page of entries: {@code total} counts every match, {@code hasMore} says whether a next page exists. */
    record TimeEntryPage(List<TimeEntryJson> items, long total, int limit, int offset, boolean hasMore) {
    }

    /**
     * What POST and PATCH accept (for the documentation; the body is read by hand). {@code start} and
     * {@code end} are ISO-8601 with an offset; {@code zone} (an IANA name) is where the entry was logged,
     * the caller's own by default; {@code rate} (owner only) an hourly rate in the client's currency, as a
     * string or a number, optionally with {@code currency}, which must be the client's.
     */
    record TimeEntryRequest(@Nullable String clientId, @Nullable String projectId, @Nullable String taskId,
            @Nullable String userId, @Nullable String start, @Nullable String end, @Nullable String zone,
            @Nullable Integer breakMinutes, @Nullable Boolean billable, @Nullable String note,
            @Nullable List<String> tags, @Nullable String rate, @Nullable String currency) {
    }

    @Operation(summary = "List time entries", description = "Latest first. Every filter is optional and they "
            + "combine; from and to are inclusive, on the day each entry counts for (its start's date in its own "
            + "zone). A member sees only their own entries. Answers {items, total, limit, offset, hasMore}.")
    @GetMapping
    TimeEntryPage list(@AuthenticationPrincipal CurrentUser viewer,
            @Parameter(description = "first day (yyyy-MM-dd)") @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "last day (yyyy-MM-dd)") @RequestParam(required = false) @Nullable String to,
            @Parameter(description = "a client id") @RequestParam(required = false) @Nullable String clientId,
            @Parameter(description = "a project id") @RequestParam(required = false) @Nullable String projectId,
            @Parameter(description = "a person's id") @RequestParam(required = false) @Nullable String userId,
            @Parameter(description = "true or false") @RequestParam(required = false) @Nullable String billable,
            @Parameter(description = "1 to 500, default 50") @RequestParam(required = false) @Nullable String limit,
            @Parameter(description = "0 or more") @RequestParam(required = false) @Nullable String offset) {
        viewer.requireStaff();
        Violations v = new Violations();
        LocalDate fromDate = date(from, "from", v);
        LocalDate toDate = date(to, "to", v);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            v.add("to", "timesheet.api.toBeforeFrom");
        }
        UUID client = uuid(clientId, "clientId", v);
        UUID project = uuid(projectId, "projectId", v);
        UUID user = uuid(userId, "userId", v);
        Boolean paid = bool(billable, "billable", v);
        int size = number(limit, "limit", DEFAULT_LIMIT, 1, TimeQuery.MAX_LIMIT, v);
        int skip = number(offset, "offset", 0, 0, Integer.MAX_VALUE - TimeQuery.MAX_LIMIT, v);
        v.throwIfAny();
        TimeQuery query = new TimeQuery(fromDate, toDate, client, project, user, paid, size, skip);
        List<TimeEntryJson> items = entries.search(viewer, query).stream().map(TimeEntryJson::of).toList();
        long total = entries.count(viewer, query);
        return new TimeEntryPage(items, total, size, skip, skip + items.size() < total);
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
    @PostMapping
    ResponseEntity<TimeEntryJson> create(@AuthenticationPrincipal CurrentUser viewer, @RequestBody JsonNode body) {
        viewer.requireStaff();
        TimeEntry saved = entries.create(viewer, input(body));
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
        return TimeEntryJson.of(entries.update(viewer, existing.id(), input(body)));
    }

    @Operation(summary = "Delete a time entry", description = "An entry on an issued invoice is locked: 422 saying why.")
    @DeleteMapping("/{entryId}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID entryId) {
        viewer.requireStaff();
        entries.delete(viewer, entries.get(viewer, new TimeEntryId(entryId)).id());
        return ResponseEntity.noContent().build();
    }

    // --- reading the body ---------------------------------------------------------------------------

    /**
     * The body as an input: a field left out is null (kept when changing), a field sent as null is "" (cleared
     * where it can be), any other value its text.
     */
    private static TimeEntryInput input(JsonNode body) {
        Violations v = new Violations();
        if (body == null || !body.isObject()) {
            throw InvalidInputException.of("", "timesheet.api.object");
        }
        String clientId = text(body, "clientId", v);
        String projectId = text(body, "projectId", v);
        String taskId = text(body, "taskId", v);
        String userId = text(body, "userId", v);
        String start = text(body, "start", v);
        String end = text(body, "end", v);
        String zone = text(body, "zone", v);
        String breakMinutes = whole(body, "breakMinutes", v);
        Boolean billable = null;
        JsonNode b = body.get("billable");
        if (b != null && !b.isNull()) {
            if (b.isBoolean()) {
                billable = b.booleanValue();
            } else {
                v.add("billable", "timesheet.api.boolean");
            }
        }
        String note = text(body, "note", v);
        List<String> tags = null;
        JsonNode t = body.get("tags");
        if (t != null) {
            tags = new ArrayList<>();
            if (t.isArray()) {
                for (JsonNode tag : t.values()) {
                    if (tag.isString()) {
                        tags.add(tag.stringValue());
                    } else {
                        v.add("tags", "timesheet.api.tags");
                    }
                }
            } else if (!t.isNull()) {
                v.add("tags", "timesheet.api.tags");
            }
        }
        String rate = amount(body, "rate", v);
        String currency = text(body, "currency", v);
        if (rate != null && !rate.isEmpty() && currency != null && !currency.isBlank()) {
            rate = rate + " " + currency.strip().toUpperCase(Locale.ROOT);
        }
        v.throwIfAny();
        return new TimeEntryInput(clientId, projectId, taskId, userId, start, end, null, null, null, null, zone,
                breakMinutes, billable, note, tags, rate);
    }

    private static @Nullable String text(JsonNode body, String field, Violations v) {
        JsonNode node = body.get(field);
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            return "";
        }
        if (!node.isString()) {
            v.add(field, "timesheet.api.string");
            return null;
        }
        return node.stringValue();
    }

    private static @Nullable String whole(JsonNode body, String field, Violations v) {
        JsonNode node = body.get(field);
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            return "";
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return Integer.toString(node.intValue());
        }
        if (node.isString()) {
            return node.stringValue();
        }
        v.add(field, "time.break.invalid");
        return null;
    }

    private static @Nullable String amount(JsonNode body, String field, Violations v) {
        JsonNode node = body.get(field);
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            return "";
        }
        if (node.isNumber()) {
            return node.decimalValue().toPlainString();
        }
        if (node.isString()) {
            return node.stringValue();
        }
        v.add(field, "timesheet.api.amount");
        return null;
    }

    // --- reading the query ---------------------------------------------------------------------------

    private static @Nullable LocalDate date(@Nullable String value, String field, Violations v) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            v.add(field, "validation.date");
            return null;
        }
    }

    private static @Nullable UUID uuid(@Nullable String value, String field, Violations v) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            v.add(field, "validation.invalid");
            return null;
        }
    }

    private static @Nullable Boolean bool(@Nullable String value, String field, Violations v) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                v.add(field, "validation.choice");
                yield null;
            }
        };
    }

    private static int number(@Nullable String value, String field, int fallback, int min, int max, Violations v) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        v.add(field, "validation.range", min, max);
        return fallback;
    }
}
