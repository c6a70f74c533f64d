package app.clientdesk.billing.internal;

import app.clientdesk.billing.DraftInput;
import app.clientdesk.billing.DraftInput.LineInput;
import app.clientdesk.billing.Invoice;
import app.clientdesk.billing.InvoiceLine;
import app.clientdesk.billing.PaymentInput;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.shared.web.JsonFields;
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
        String clientId = JsonFields.text(body, "clientId", v);
        String currency = JsonFields.text(body, "currency", v);
        String netDays = JsonFields.number(body, "netDays", v);
        String discount = JsonFields.number(body, "discountPercent", v);
        String taxMode = JsonFields.text(body, "taxMode", v);
        String notes = JsonFields.text(body, "notes", v);
        String terms = JsonFields.text(body, "terms", v);
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
                    lines.add(new LineInput(JsonFields.text(line, "id", prefix + "id", v),
                            JsonFields.text(line, "description", prefix + "description", v),
                            JsonFields.number(line, "quantity", prefix + "quantity", v),
                            JsonFields.text(line, "unit", prefix + "unit", v),
                            JsonFields.number(line, "unitPrice", prefix + "unitPrice", v),
                            JsonFields.number(line, "discountPercent", prefix + "discountPercent", v),
                            JsonFields.text(line, "taxName", prefix + "taxName", v),
                            JsonFields.number(line, "taxRate", prefix + "taxRate", v)));
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

    /**
     * The body's {@code expenseIds}: unbilled expenses of the client to bill at cost, one line each (absent or
     * empty: none). An id that is not a UUID is a 422 naming it ({@code expenseIds[2]}).
     */
    static List<java.util.UUID> expenseIds(@Nullable JsonNode body) {
        JsonNode ids = body == null || !body.isObject() ? null : body.get("expenseIds");
        if (ids == null || ids.isNull()) {
            return List.of();
        }
        if (!ids.isArray()) {
            throw InvalidInputException.of("expenseIds", "billing.api.expenseIds");
        }
        Violations v = new Violations();
        List<java.util.UUID> out = new ArrayList<>();
        int i = 0;
        for (JsonNode id : ids.values()) {
            String field = "expenseIds[" + i++ + "]";
            try {
                out.add(java.util.UUID.fromString(id.isString() ? id.stringValue().strip() : ""));
            } catch (IllegalArgumentException e) {
                v.add(field, "validation.invalid");
            }
        }
        v.throwIfAny();
        return out;
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
        String amount = JsonFields.number(body, "amount", v);
        String currency = JsonFields.text(body, "currency", v);
        String rate = JsonFields.number(body, "rate", v);
        String date = JsonFields.text(body, "date", v);
        String method = JsonFields.text(body, "method", v);
        String fee = JsonFields.number(body, "fee", v);
        String note = JsonFields.text(body, "note", v);
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
}
