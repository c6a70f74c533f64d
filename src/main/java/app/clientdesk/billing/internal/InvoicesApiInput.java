package app.clientdesk.billing.internal;

import app.clientdesk.billing.DraftInput;
import app.clientdesk.billing.DraftInput.LineInput;
import app.clientdesk.billing.Invoice;
import app.clientdesk.billing.InvoiceLine;
import app.clientdesk.billing.PaymentInput;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violations;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The invoices API's bodies read field by field: a value of the wrong type is a 422 naming its field, and a
 * PATCH keeps what it leaves out. Numbers are taken as sent, as strings or JSON numbers, and never as doubles.
 */
final class InvoicesApiInput {

    private InvoicesApiInput() {}

    /** A new draft from the body, or {@code current}'s values where a PATCH leaves a field out. */
    static DraftInput draft(@Nullable JsonNode body, @Nullable Invoice current) {
        Violations v = new Violations();
        if (body == null || !body.isObject()) {
            throw InvalidInputException.of("", "billing.api.object");
        }
        String clientId = text(body, "clientId", v);
        String currency = text(body, "currency", v);
        String netDays = number(body, "netDays", v);
        String discount = number(body, "discountPercent", v);
        String taxMode = text(body, "taxMode", v);
        String notes = text(body, "notes", v);
        String terms = text(body, "terms", v);
        List<LineInput> lines = null;
        JsonNode l = body.get("lines");
        if (l != null && !l.isNull()) {
            if (!l.isArray()) {
                v.add("lines", "billing.api.lines");
            } else {
                lines = new ArrayList<>();
                int i = 0;
                for (JsonNode line : l.values()) {
                    String prefix = "lines[" + i++ + "].";
                    if (!line.isObject()) {
                        v.add(prefix.substring(0, prefix.length() - 1), "billing.api.object");
                        continue;
                    }
                    lines.add(new LineInput(text(line, "id", v, prefix), text(line, "description", v, prefix),
                            number(line, "quantity", v, prefix), text(line, "unit", v, prefix),
                            number(line, "unitPrice", v, prefix), number(line, "discountPercent", v, prefix),
                            text(line, "taxName", v, prefix), number(line, "taxRate", v, prefix)));
                }
            }
        }
        v.throwIfAny();
        if (current == null) {
            return new DraftInput(clientId, currency, netDays, discount, taxMode, notes, terms,
                    lines == null ? List.of() : lines);
        }
        return new DraftInput(
                clientId != null ? clientId : current.clientId().value().toString(),
                currency != null ? currency : current.currency().getCurrencyCode(),
                netDays != null ? netDays : Integer.toString(current.netDays()),
                discount != null ? discount : current.discountPercent().toPlainString(),
                taxMode != null ? taxMode : current.taxMode().name(),
                body.has("notes") ? notes : current.notes(),
                body.has("terms") ? terms : current.terms(),
                lines != null ? lines : current.lines().stream().map(InvoicesApiInput::kept).toList());
    }

    /** An existing line as input that keeps it as it is. */
    static LineInput kept(InvoiceLine l) {
        boolean item = !l.kind().derived();
        return new LineInput(l.id().toString(), l.description(), item ? l.quantity().toPlainString() : null, l.unit(),
                item ? l.unitPrice().plain() : null, l.discountPercent().toPlainString(),
                l.taxRate().isNone() ? null : l.taxRate().name(),
                l.taxRate().isNone() ? null : l.taxRate().percent().toPlainString());
    }

    static PaymentInput payment(@Nullable JsonNode body) {
        Violations v = new Violations();
        if (body == null || !body.isObject()) {
            throw InvalidInputException.of("", "billing.api.object");
        }
        String amount = number(body, "amount", v);
        String currency = text(body, "currency", v);
        String rate = number(body, "rate", v);
        String date = text(body, "date", v);
        String method = text(body, "method", v);
        String fee = number(body, "fee", v);
        String note = text(body, "note", v);
        boolean confirm = false;
        JsonNode c = body.get("confirmOverpayment");
        if (c != null && !c.isNull()) {
            if (c.isBoolean()) {
                confirm = c.booleanValue();
            } else {
                v.add("confirmOverpayment", "billing.api.boolean");
            }
        }
        v.throwIfAny();
        return new PaymentInput(amount, currency, rate, date, method, fee, note, confirm);
    }

    static @Nullable String text(JsonNode body, String field, Violations v) {
        return text(body, field, v, "");
    }

    private static @Nullable String text(JsonNode body, String field, Violations v, String prefix) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            v.add(prefix + field, "billing.api.string");
            return null;
        }
        return node.stringValue();
    }

    private static @Nullable String number(JsonNode body, String field, Violations v) {
        return number(body, field, v, "");
    }

    /** A number sent as a JSON number or a string, as its exact decimal text. */
    private static @Nullable String number(JsonNode body, String field, Violations v, String prefix) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue().toPlainString();
        }
        if (node.isString()) {
            return node.stringValue();
        }
        v.add(prefix + field, "billing.api.number");
        return null;
    }
}
