package app.clientdesk.billing.internal;

import app.clientdesk.billing.Invoice;
import app.clientdesk.billing.InvoiceId;
import app.clientdesk.billing.InvoiceList;
import app.clientdesk.billing.InvoiceQuery;
import app.clientdesk.billing.Invoices;
import app.clientdesk.billing.Payments;
import app.clientdesk.billing.internal.InvoiceJson.PaymentJson;
import app.clientdesk.billing.internal.InvoiceJson.SummaryJson;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.api.Idempotency;
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
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/invoices}: drafts, issuing, voiding and payments, by the same rules as the screens. Creating,
 * issuing and recording a payment accept an {@code Idempotency-Key}: a retry with the same key returns the
 * first result and makes nothing new. Owner only.
 */
@OwnerOnly
@RestController
@RequestMapping("/api/v1/invoices")
@Tag(name = "Invoices", description = "Draft, issue, void with a credit note, record payments")
class InvoicesApiController {

    private final Invoices invoices;
    private final Payments payments;
    private final Idempotency idempotency;
    private final TransactionTemplate transactions;
    private final app.clientdesk.billing.InvoiceSending sending;
    private final app.clientdesk.billing.InvoicePdfs pdfs;

    InvoicesApiController(Invoices invoices, Payments payments, Idempotency idempotency,
            TransactionTemplate transactions, app.clientdesk.billing.InvoiceSending sending,
            app.clientdesk.billing.InvoicePdfs pdfs) {
        this.sending = sending;
        this.pdfs = pdfs;
        this.invoices = invoices;
        this.payments = payments;
        this.idempotency = idempotency;
        this.transactions = transactions;
    }

    record InvoicePage(List<SummaryJson> items, long total, int limit, int offset, boolean hasMore,
            List<OutstandingJson> outstanding) {
    }

    record OutstandingJson(String currency, String amount) {
    }

    /** What POST and PATCH accept (for the documentation; the body is read by hand). */
    record InvoiceRequest(@Schema(format = "uuid") String clientId, @Schema(example = "GBP") @Nullable String currency,
            @Schema(example = "14") @Nullable Integer netDays, @Schema(example = "10") @Nullable String discountPercent,
            @Schema(allowableValues = {"EXCLUSIVE", "INCLUSIVE"}) @Nullable String taxMode, @Nullable String notes, @Nullable String terms,
            @Nullable List<LineRequest> lines,
            @Schema(description = "Unbilled billable expenses of the client (in the invoice's currency) to bill at "
                    + "cost, one line each; on PATCH added to the lines kept") @Nullable List<UUID> expenseIds) {
    }

    record LineRequest(@Schema(description = "A kept line's id (PATCH)", format = "uuid") @Nullable String id,
            @Schema(example = "Inbox management") String description,
            @Schema(description = "Required on an item line", example = "12") @Nullable String quantity,
            @Schema(allowableValues = {"ITEMS", "HOURS"}) @Nullable String unit,
            @Schema(pattern = OpenApiPatterns.MONEY, example = "45.00") @Nullable String unitPrice,
            @Schema(example = "0") @Nullable String discountPercent, @Schema(example = "VAT") @Nullable String taxName,
            @Schema(example = "20") @Nullable String taxRate) {
    }

    record IssueRequest(@Schema(format = "date", example = "2026-11-20") @Nullable String issueDate) {
    }

    record VoidRequest(@Nullable String reason) {
    }

    record PaymentRequest(@Schema(pattern = OpenApiPatterns.MONEY, example = "120.00") String amount, @Schema(example = "GBP") @Nullable String currency,
            @Nullable String rate, @Schema(format = "date", example = "2026-11-20") @Nullable String date,
            @Schema(allowableValues = {"BANK", "PAYPAL", "WISE", "CARD", "CASH", "CREDIT", "OTHER"}) @Nullable String method, @Nullable String fee, @Nullable String note,
            @Nullable Boolean confirmOverpayment) {
    }

    @Operation(summary = "List invoices", description = "Newest first. status: all, draft, open, overdue, paid, void. "
            + "q matches the number or the client's name. outstanding is what open invoices still owe, per currency.")
    @GetMapping
    InvoicePage list(@AuthenticationPrincipal CurrentUser viewer,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String clientId,
            @RequestParam(required = false) @Nullable String q,
            @Parameter(description = "1 to 200, default 50") @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String offset) {
        Violations v = new Violations();
        InvoiceQuery.Filter filter = InvoiceQuery.Filter.ALL;
        if (status != null && !status.isBlank()) {
            try {
                filter = InvoiceQuery.Filter.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                v.add("status", "validation.choice");
            }
        }
        UUID client = null;
        if (clientId != null && !clientId.isBlank()) {
            try {
                client = UUID.fromString(clientId.strip());
            } catch (IllegalArgumentException e) {
                v.add("clientId", "validation.invalid");
            }
        }
        ApiPaging paging = ApiPaging.read(limit, offset, v);
        v.throwIfAny();
        InvoiceList page = invoices.list(viewer, new InvoiceQuery(filter, client, q, paging.limit(), paging.offset()));
        return new InvoicePage(page.invoices().stream().map(SummaryJson::of).toList(), page.total(), paging.limit(),
                paging.offset(), page.more(),
                page.outstanding().stream().map(m -> new OutstandingJson(m.currency().getCurrencyCode(), m.plain()))
                        .toList());
    }

    @Operation(summary = "Read an invoice")
    @GetMapping("/{invoiceId}")
    InvoiceJson read(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID invoiceId) {
        return InvoiceJson.of(invoices.get(viewer, new InvoiceId(invoiceId)));
    }

    @Operation(summary = "Create a draft invoice", description = "clientId is required; currency defaults to the "
            + "client's. lines: description, quantity, unitPrice (strings or numbers, exact), optional unit (ITEMS or "
            + "HOURS), discountPercent, taxName and taxRate (percent). expenseIds: unbilled expenses of the client "
            + "billed at cost, one line each (422 naming expenseIds[i] for one that is not). Totals are computed by "
            + "the server; any total sent is ignored. With an Idempotency-Key, a retry returns the first draft (200) instead of a new one.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = InvoiceRequest.class))))
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<InvoiceJson> create(@AuthenticationPrincipal CurrentUser viewer, @RequestBody JsonNode body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
        var input = InvoicesApiInput.draft(body, null);
        List<UUID> expenseIds = InvoicesApiInput.expenseIds(body);
        // The draft and its expenses are one change: an expense refused leaves no draft behind.
        Idempotency.Outcome outcome = once(() -> idempotency.once(viewer.workspaceId().value(), "invoice.create", key,
                body.toString(), () -> apiFields(() -> transactions.execute(t -> {
                    Invoice draft = invoices.createDraft(viewer, input);
                    return expenseIds.isEmpty() ? draft : invoices.addExpenses(viewer, draft.id(), expenseIds);
                })).id().value()));
        Invoice invoice = invoices.get(viewer, new InvoiceId(outcome.resourceId()));
        return outcome.created()
                ? ResponseEntity.created(URI.create("/api/v1/invoices/" + invoice.id())).body(InvoiceJson.of(invoice))
                : ResponseEntity.ok(InvoiceJson.of(invoice));
    }

    @Operation(summary = "Change a draft", description = "Only fields sent change; lines, when sent, replace the "
            + "lines (a line with the id of an existing line keeps it: a time or expense line then takes only its "
            + "description, discount and tax); expenseIds are then added, one line each at cost. An issued invoice cannot change: 422 (void it with a credit note).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = InvoiceRequest.class))))
    @PatchMapping("/{invoiceId}")
    InvoiceJson update(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID invoiceId,
            @RequestBody JsonNode body) {
        Invoice current = invoices.get(viewer, new InvoiceId(invoiceId));
        List<UUID> expenseIds = InvoicesApiInput.expenseIds(body);
        return InvoiceJson.of(apiFields(() -> transactions.execute(t -> {
            Invoice updated = invoices.updateDraft(viewer, current.id(), InvoicesApiInput.draft(body, current));
            return expenseIds.isEmpty() ? updated : invoices.addExpenses(viewer, current.id(), expenseIds);
        })));
    }

    @Operation(summary = "Delete a draft", description = "Only drafts (they have no number); issued invoices are voided.")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
    @DeleteMapping("/{invoiceId}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID invoiceId) {
        invoices.deleteDraft(viewer, invoices.get(viewer, new InvoiceId(invoiceId)).id());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Issue a draft", description = "Gives the next number of the series (gapless), the issue "
            + "date (today in the workspace's zone unless issueDate is sent) and the due date; locks its time. With "
            + "an Idempotency-Key, a retry returns the issued invoice.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(
                    schema = @Schema(implementation = IssueRequest.class))))
    @PostMapping("/{invoiceId}/issue")
    InvoiceJson issue(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID invoiceId,
            @RequestBody(required = false) @Nullable JsonNode body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
        InvoiceId id = invoices.get(viewer, new InvoiceId(invoiceId)).id();
        String dateText = body == null || !body.isObject() ? null : JsonFields.text(body, "issueDate",
                new Violations());
        LocalDate date = null;
        if (dateText != null && !dateText.isBlank()) {
            try {
                date = LocalDate.parse(dateText.strip());
            } catch (DateTimeParseException e) {
                throw InvalidInputException.of("issueDate", "validation.date");
            }
        }
        LocalDate issueDate = date;
        once(() -> idempotency.once(viewer.workspaceId().value(), "invoice.issue", key, invoiceId + " " + issueDate,
                () -> invoices.issue(viewer, id, issueDate).id().value()));
        return InvoiceJson.of(invoices.get(viewer, id));
    }

    @Operation(summary = "Void an issued invoice", description = "Issues a numbered credit note negating every line "
            + "and answers it; the invoice's time is free again and what was paid becomes the client's credit.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(
                    schema = @Schema(implementation = VoidRequest.class))))
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @PostMapping("/{invoiceId}/void")
    ResponseEntity<InvoiceJson> voidInvoice(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID invoiceId,
            @RequestBody(required = false) @Nullable JsonNode body) {
        InvoiceId id = invoices.get(viewer, new InvoiceId(invoiceId)).id();
        String reason = body == null || !body.isObject() ? null : JsonFields.text(body, "reason", new Violations());
        Invoice credit = invoices.voidWithCreditNote(viewer, id, reason);
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/invoices/" + credit.id()))
                .body(InvoiceJson.of(credit));
    }

    record SendRequest(@Schema(description = "Comma-separated, at most 10", example = "ana@example.com, finance@example.com")
            @Nullable String to, @Nullable String subject, @Nullable String text) {
    }

    record SentJson(UUID messageId, String to, String subject, boolean mailConfigured, InvoiceJson invoice) {
    }

    @Operation(summary = "Send an issued invoice by email", description = "Puts the email with the invoice's PDF in "
            + "the outbox in the same transaction that marks the invoice sent; it is delivered over SMTP with retries, "
            + "or waits in the outbox while mail is not set up (mailConfigured false). With an Idempotency-Key a retry sends nothing again. to (comma-separated), subject "
            + "and text default to the client's primary contact and the text in the invoice's language.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(
                    schema = @Schema(implementation = SendRequest.class))),
            extensions = @io.swagger.v3.oas.annotations.extensions.Extension(name = OpenApiPatterns.QUEUES_MAIL,
                    properties = @io.swagger.v3.oas.annotations.extensions.ExtensionProperty(name = "outbox",
                            value = "true")))
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.ACCEPTED)
    @PostMapping("/{invoiceId}/send")
    ResponseEntity<SentJson> send(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID invoiceId,
            @RequestBody(required = false) @Nullable JsonNode body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
        Invoice invoice = invoices.get(viewer, new InvoiceId(invoiceId));
        if (invoice.draft()) {
            throw InvalidInputException.of("invoice", "billing.send.notIssued");
        }
        Violations v = new Violations();
        boolean object = body != null && body.isObject();
        var message = sending.merge(sending.draft(viewer, invoice),
                object ? JsonFields.text(body, "to", v) : null,
                object ? JsonFields.text(body, "subject", v) : null,
                object ? JsonFields.text(body, "text", v) : null);
        v.throwIfAny();
        UUID queued = sending.send(viewer, invoice.id(), message, key);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new SentJson(queued, message.to(), message.subject(),
                sending.mailConfigured(), InvoiceJson.of(invoices.get(viewer, invoice.id()))));
    }

    // Not "produces": a client that asks for JSON still gets the PDF (the only thing this route answers) rather
    // than a refusal that cannot be written as JSON either.
    @Operation(summary = "The invoice as a PDF", description = "In the invoice's language, as it is sent.",
            responses = @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200",
                    description = "The PDF", content = @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = "application/pdf", schema = @io.swagger.v3.oas.annotations.media.Schema(
                                    type = "string", format = "binary"))))
    @GetMapping("/{invoiceId}/pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID invoiceId) {
        var pdf = pdfs.file(viewer, invoices.get(viewer, new InvoiceId(invoiceId)).id());
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment().filename(pdf.fileName()).build()
                                .toString())
                .body(pdf.bytes());
    }

    @Operation(summary = "List an invoice's payments")
    @GetMapping("/{invoiceId}/payments")
    List<PaymentJson> payments(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID invoiceId) {
        InvoiceId id = invoices.get(viewer, new InvoiceId(invoiceId)).id();
        return payments.ofInvoice(viewer, id).stream().map(PaymentJson::of).toList();
    }

    @Operation(summary = "Record a payment", description = "amount (in currency, the invoice's by default; another "
            + "currency needs rate: invoice-currency units per unit received), date (today by default), method (BANK, "
            + "PAYPAL, WISE, CARD, CASH, CREDIT — from the client's credit — or OTHER), fee. An amount above what is "
            + "due is refused (422) unless confirmOverpayment is true: the extra becomes the client's credit. With an "
            + "Idempotency-Key, a retry returns the first payment (200) and records nothing.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = PaymentRequest.class))))
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @PostMapping("/{invoiceId}/payments")
    ResponseEntity<PaymentJson> pay(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID invoiceId,
            @RequestBody JsonNode body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
        InvoiceId id = invoices.get(viewer, new InvoiceId(invoiceId)).id();
        var input = InvoicesApiInput.payment(body);
        String requestKey = key == null || key.isBlank() ? null : "api:" + key.strip();
        Payments.Recorded recorded = payments.recordOnce(viewer, id, input, requestKey);
        return recorded.created() ? ResponseEntity.status(HttpStatus.CREATED).body(PaymentJson.of(recorded.payment()))
                : ResponseEntity.ok(PaymentJson.of(recorded.payment()));
    }

    /** Runs an idempotent call in one transaction; when a retry with the same key raced it, once more. */
    private Idempotency.Outcome once(Supplier<Idempotency.Outcome> call) {
        try {
            return transactions.execute(status -> call.get());
        } catch (Idempotency.Retry e) {
            return transactions.execute(status -> call.get());
        }
    }

    /** Runs {@code call}, naming fields in errors as the API does: a line's tax percentage is its taxRate. */
    private static <T> T apiFields(Supplier<T> call) {
        try {
            return call.get();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.violations().stream()
                    .map(v -> v.field().endsWith(".taxPercent")
                            ? new app.clientdesk.shared.validation.Violation(
                                    v.field().replace(".taxPercent", ".taxRate"), v.messageKey(), v.args())
                            : v)
                    .toList());
        }
    }
}
