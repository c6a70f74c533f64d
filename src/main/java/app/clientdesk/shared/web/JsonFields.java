package app.clientdesk.shared.web;

import app.clientdesk.shared.validation.Violations;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Fields of a JSON request body read one by one, so that a value of the wrong type is a translated error naming
 * its field (a 422) instead of an unreadable body, and a PATCH can tell a field left out (null: kept) from one
 * sent as null ("": cleared). Numbers are taken as their exact decimal text, never through a double.
 */
public final class JsonFields {

    private JsonFields() {}

    /** A string field; {@code errorField} names it in an error (e.g. {@code lines[2].description}). */
    public static @Nullable String text(JsonNode body, String field, String errorField, Violations v) {
        JsonNode node = body.get(field);
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            return "";
        }
        if (!node.isString()) {
            v.add(errorField, "validation.json.string");
            return null;
        }
        return node.stringValue();
    }

    public static @Nullable String text(JsonNode body, String field, Violations v) {
        return text(body, field, field, v);
    }

    /** A number sent as a JSON number or a string: "12.50" and 12.50 read the same. */
    public static @Nullable String number(JsonNode body, String field, String errorField, Violations v) {
        JsonNode node = body.get(field);
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            return "";
        }
        if (node.isNumber()) {
            return decimal(node, errorField, v);
        }
        if (node.isString()) {
            return node.stringValue();
        }
        v.add(errorField, "validation.json.number");
        return null;
    }

    public static @Nullable String number(JsonNode body, String field, Violations v) {
        return number(body, field, field, v);
    }

    /** Digits allowed before and after the point: wider than any amount, narrow enough that 1e999999999 is no string of a billion digits. */
    static final int MAX_DIGITS = 40;

    /**
     * A JSON number as plain decimal text; one beyond a double's range (1e400 reads as infinity) or with more
     * digits than {@link #MAX_DIGITS} on either side of the point is a field error, never written out.
     */
    public static @Nullable String decimal(JsonNode node, String errorField, Violations v) {
        java.math.BigDecimal value;
        try {
            value = node.decimalValue();
        } catch (RuntimeException e) {
            v.add(errorField, "validation.json.range");
            return null;
        }
        if (value.scale() > MAX_DIGITS || value.precision() - value.scale() > MAX_DIGITS) {
            v.add(errorField, "validation.json.range");
            return null;
        }
        return value.toPlainString();
    }
}
