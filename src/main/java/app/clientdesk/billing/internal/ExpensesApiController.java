package app.clientdesk.billing.internal;

import app.clientdesk.billing.Expense;
import app.clientdesk.billing.ExpenseInput;
import app.clientdesk.billing.ExpenseQuery;
import app.clientdesk.billing.Expenses;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.shared.web.ApiPaging;
import app.clientdesk.shared.web.JsonFields;
import app.clientdesk.shared.web.OpenApiPatterns;
import app.clientdesk.shared.web.OwnerOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
 * {@code /api/v1/expenses}: the same rules as the screens, in JSON; receipts are uploaded on the screens only.
 * The body is read field by field, so that a PATCH can tell a field left out (kept) from one sent as null
 * (cleared), and a value of the wrong type is a 422 naming its field.
 */
@OwnerOnly
@RestController
@RequestMapping("/api/v1/expenses")
@Tag(name = "Expenses", description = "Money spent for clients, billable on their invoices (owner only)")
class ExpensesApiController {

    private final Expenses expenses;

    ExpensesApiController(Expenses expenses) {
        this.expenses = expenses;
    }

    /**
     * What POST and PATCH accept (for the documentation; the body is read by hand). {@code amount} is a string
     * (or a number) with no more decimals than the currency has; {@code currency} is the client's when left
     * out, and must be the client's for a billable expense; {@code billable} is true when left out.
     */
    record ExpenseRequest(@Schema(format = "uuid") String clientId, @Schema(format = "uuid") @Nullable String projectId,
            @Schema(format = "date", example = "2026-11-20") String spentOn, @Schema(example = "Domain renewal") String description,
            @Schema(example = "Software") @Nullable String category, @Schema(pattern = OpenApiPatterns.MONEY, example = "12.50") String amount,
            @Schema(example = "GBP") @Nullable String currency, @Nullable Boolean billable) {
    }

    @Operation(summary = "List expenses", description = "Latest first. Filters combine; from and to are inclusive. "
            + "unbilled=true keeps those on no invoice. Answers {items, total, totals, limit, offset, hasMore}; "
            + "totals sums every match per currency.")
    @GetMapping
    ExpenseJson.ExpensePageJson list(@AuthenticationPrincipal CurrentUser viewer,
            @Parameter(description = "a client id") @RequestParam(required = false) @Nullable String clientId,
            @Parameter(description = "first day (yyyy-MM-dd)") @RequestParam(required = false) @Nullable String from,
            @Parameter(description = "last day (yyyy-MM-dd)") @RequestParam(required = false) @Nullable String to,
            @Parameter(description = "true or false") @RequestParam(required = false) @Nullable String billable,
            @Parameter(description = "true: only those on no invoice") @RequestParam(required = false)
            @Nullable String unbilled,
            @Parameter(description = "1 to 200, default 50") @RequestParam(required = false) @Nullable String limit,
            @Parameter(description = "0 or more") @RequestParam(required = false) @Nullable String offset) {
        viewer.requireOwner();
        Violations v = new Violations();
        UUID client = null;
        if (clientId != null && !clientId.isBlank()) {
            try {
                client = UUID.fromString(clientId.strip());
            } catch (IllegalArgumentException e) {
                v.add("clientId", "validation.invalid");
            }
        }
        LocalDate fromDate = date(from, "from", v);
        LocalDate toDate = date(to, "to", v);
        Boolean paid = bool(billable, "billable", v);
        Boolean open = bool(unbilled, "unbilled", v);
        ApiPaging paging = ApiPaging.read(limit, offset, v);
        v.throwIfAny();
        return ExpenseJson.ExpensePageJson.of(expenses.list(viewer, new ExpenseQuery(client, fromDate, toDate, paid,
                Boolean.TRUE.equals(open), paging.limit(), paging.offset())));
    }

    @Operation(summary = "Read an expense", description = "404 for an unknown id or one of another workspace.")
    @GetMapping("/{expenseId}")
    ExpenseJson read(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID expenseId) {
        return ExpenseJson.of(expenses.get(viewer, expenseId));
    }

    @Operation(summary = "Record an expense", description = "clientId, spentOn, description and amount are "
            + "required. A billable expense must be in the client's currency (it is billed on the client's invoice).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = ExpenseRequest.class))))
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<ExpenseJson> create(@AuthenticationPrincipal CurrentUser viewer, @RequestBody JsonNode body) {
        viewer.requireOwner();
        Expense saved = expenses.create(viewer, input(body), null);
        return ResponseEntity.created(URI.create("/api/v1/expenses/" + saved.id())).body(ExpenseJson.of(saved));
    }

    @Operation(summary = "Change an expense", description = "Only the fields sent change; projectId and category "
            + "sent as null or \"\" are cleared, currency so sent becomes the client's. An expense on an invoice is "
            + "locked: 422 naming the invoice.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = ExpenseRequest.class))))
    @PatchMapping("/{expenseId}")
    ExpenseJson update(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID expenseId,
            @RequestBody JsonNode body) {
        Expense existing = expenses.get(viewer, expenseId);
        return ExpenseJson.of(expenses.update(viewer, existing.id(), input(body)));
    }

    @Operation(summary = "Delete an expense", description = "With its receipt. An expense on an invoice is "
            + "locked: 422 naming the invoice.")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
    @DeleteMapping("/{expenseId}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID expenseId) {
        expenses.delete(viewer, expenses.get(viewer, expenseId).id());
        return ResponseEntity.noContent().build();
    }

    // --- reading the body and the query ---------------------------------------------------------------

    static ExpenseInput input(@Nullable JsonNode body) {
        if (body == null || !body.isObject()) {
            throw InvalidInputException.of("", "expenses.api.object");
        }
        Violations v = new Violations();
        String clientId = JsonFields.text(body, "clientId", v);
        String projectId = JsonFields.text(body, "projectId", v);
        String spentOn = JsonFields.text(body, "spentOn", v);
        String description = JsonFields.text(body, "description", v);
        String category = JsonFields.text(body, "category", v);
        String currency = JsonFields.text(body, "currency", v);
        String amount = null;
        JsonNode a = body.get("amount");
        if (a != null) {
            if (a.isNull()) {
                amount = "";
            } else if (a.isString()) {
                amount = a.stringValue();
            } else if (a.isNumber()) {
                amount = JsonFields.number(body, "amount", v);
            } else {
                v.add("amount", "expenses.api.amount");
            }
        }
        Boolean billable = null;
        JsonNode b = body.get("billable");
        if (b != null && !b.isNull()) {
            if (b.isBoolean()) {
                billable = b.booleanValue();
            } else {
                v.add("billable", "expenses.api.boolean");
            }
        }
        v.throwIfAny();
        return new ExpenseInput(clientId, projectId, spentOn, description, category, amount, currency, billable);
    }

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
}
