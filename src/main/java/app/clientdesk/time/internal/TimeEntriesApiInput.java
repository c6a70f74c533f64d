package app.clientdesk.time.internal;

import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.time.TimeEntryInput;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The time-entries API's input read by hand: query parameters, so that a bad value is a 422 naming its
 * parameter (Spring's own conversion would answer 404), and the JSON body field by field, so that a PATCH
 * can tell a field left out from one sent as null, and a value of the wrong type names its field.
 */
final class TimeEntriesApiInput {

    private TimeEntriesApiInput() {}

    // --- reading the body ---------------------------------------------------------------------------

    /**
     * The body as an input: a field left out is null (kept when changing), a field sent as null is "" (cleared
     * where it can be), any other value its text.
     */
    static TimeEntryInput input(JsonNode body) {
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
            return app.clientdesk.shared.web.JsonFields.decimal(node, field, v);
        }
        if (node.isString()) {
            return node.stringValue();
        }
        v.add(field, "timesheet.api.amount");
        return null;
    }

    // --- reading the query ---------------------------------------------------------------------------

    static @Nullable LocalDate date(@Nullable String value, String field, Violations v) {
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

    static @Nullable UUID uuid(@Nullable String value, String field, Violations v) {
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

    static @Nullable Boolean bool(@Nullable String value, String field, Violations v) {
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
}
