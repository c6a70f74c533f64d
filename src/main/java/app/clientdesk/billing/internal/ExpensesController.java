package app.clientdesk.billing.internal;

import app.clientdesk.billing.Expense;
import app.clientdesk.billing.ExpenseList;
import app.clientdesk.billing.ExpenseQuery;
import app.clientdesk.billing.Expenses;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.shared.web.Downloads;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.OwnerOnly;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The expenses list with its filters and totals, and a receipt's download (always a download, never inline). */
@OwnerOnly
@Controller
class ExpensesController {

    static final int PAGE = 50;

    private final Expenses expenses;
    private final Clients clients;
    private final MessageSource texts;

    ExpensesController(Expenses expenses, Clients clients, MessageSource texts) {
        this.expenses = expenses;
        this.clients = clients;
        this.texts = texts;
    }

    @GetMapping("/billing/expenses")
    String list(@AuthenticationPrincipal CurrentUser viewer,
            @RequestParam(required = false) @Nullable String clientId,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String billable,
            @RequestParam(required = false) @Nullable String unbilled,
            @RequestParam(required = false) @Nullable String offset, Model model) {
        viewer.requireOwner();
        clients.named(viewer, clientId);
        Violations v = new Violations();
        UUID client = null;
        if (clientId != null && !clientId.isBlank()) {
            try {
                client = UUID.fromString(clientId.strip());
            } catch (IllegalArgumentException e) {
                v.add("clientId", "validation.choice");
            }
        }
        LocalDate fromDate = date(from, "from", v);
        LocalDate toDate = date(to, "to", v);
        Boolean paid = "true".equals(billable) ? Boolean.TRUE : "false".equals(billable) ? Boolean.FALSE : null;
        int skip = 0;
        try {
            skip = offset == null || offset.isBlank() ? 0 : Math.max(0, Math.min(Integer.parseInt(offset.strip()),
                    Integer.MAX_VALUE - PAGE));
        } catch (NumberFormatException e) {
            // the first page, then
        }
        boolean onlyUnbilled = "true".equals(unbilled);
        ExpenseList listing = expenses.list(viewer,
                new ExpenseQuery(client, fromDate, toDate, paid, onlyUnbilled, PAGE, skip));
        model.addAttribute("filters", new ExpenseFilters(client == null ? "" : client.toString(),
                fromDate == null ? "" : fromDate.toString(), toDate == null ? "" : toDate.toString(),
                paid == null ? "" : paid.toString(), onlyUnbilled));
        model.addAttribute("listing", listing);
        model.addAttribute("clients", clients.choices(viewer));
        model.addAttribute("errors", FieldErrors.of(v.list(), texts, viewer.locale()));
        return "billing/expenses/list";
    }

    @GetMapping("/billing/expenses/{expenseId}/receipt")
    ResponseEntity<Resource> receipt(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID expenseId) {
        Expenses.StoredReceipt stored = expenses.receipt(viewer, expenseId);
        Expense.Receipt r = stored.receipt();
        return Downloads.attachment(r.name(), r.contentType(), r.size(),
                new FileSystemResource(stored.file()));
    }

    private static @Nullable LocalDate date(@Nullable String text, String field, Violations v) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            v.add(field, "validation.date");
            return null;
        }
    }
}
