package app.clientdesk.billing.internal;

import app.clientdesk.billing.Expenses;
import app.clientdesk.billing.Invoice;
import app.clientdesk.billing.InvoiceId;
import app.clientdesk.billing.InvoiceKind;
import app.clientdesk.billing.Invoices;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.OwnerOnly;
import app.clientdesk.shared.web.Notices;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Add expenses" to a draft: the client's unbilled billable expenses, each ticked or not, billed at cost one line
 * each. An expense in another currency than the invoice's is shown but cannot be ticked.
 */
@Controller
@OwnerOnly
class InvoiceExpenseController {

    private final Invoices invoices;
    private final Expenses expenses;
    private final InvoicePages pages;
    private final MessageSource texts;

    InvoiceExpenseController(Invoices invoices, Expenses expenses, InvoicePages pages, MessageSource texts) {
        this.invoices = invoices;
        this.expenses = expenses;
        this.pages = pages;
        this.texts = texts;
    }

    @GetMapping("/billing/invoices/{invoiceId}/expenses")
    String picker(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID invoiceId, Model model) {
        Invoice invoice = invoices.get(viewer, new InvoiceId(invoiceId));
        if (!invoice.draft() || invoice.kind() != InvoiceKind.INVOICE) {
            model.addAttribute("refusal", texts.getMessage(invoice.draft() ? "billing.expenses.notOnDeposit"
                    : "billing.edit.issued", null, viewer.locale()));
            return pages.show(viewer, model, invoice, null, false, FieldErrors.none());
        }
        return page(viewer, model, invoice, null, FieldErrors.none());
    }

    @PostMapping("/billing/invoices/{invoiceId}/expenses")
    String add(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID invoiceId,
            @RequestParam(name = "expenseIds", required = false) @Nullable List<String> expenseIds, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Invoice invoice = invoices.get(viewer, new InvoiceId(invoiceId));
        List<UUID> picked = new ArrayList<>();
        for (String id : expenseIds == null ? List.<String>of() : expenseIds) {
            UUID parsed = InvoiceTimePicker.Filter.id(Objects.toString(id, ""));
            if (parsed != null) {
                picked.add(parsed);
            }
        }
        try {
            if (picked.isEmpty()) {
                // The rules take "none" as "all": the picker never does.
                throw InvalidInputException.of("expenseIds", "invoices.expenses.noneTicked");
            }
            int before = invoice.lines().size();
            Invoice updated = invoices.addExpenses(viewer, invoice.id(), picked);
            Notices.flash(redirect, texts.getMessage("invoices.expenses.added",
                    new Object[] {updated.lines().size() - before}, viewer.locale()));
            return "redirect:/billing/invoices/" + invoice.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            if (!invoice.draft() || invoice.kind() != InvoiceKind.INVOICE) {
                return pages.show(viewer, model, invoice, null, false, InvoiceView.errors(e, texts, viewer.locale()));
            }
            return page(viewer, model, invoice, picked, InvoiceView.errors(e, texts, viewer.locale()));
        }
    }

    private String page(CurrentUser viewer, Model model, Invoice invoice, @Nullable List<UUID> picked,
            FieldErrors errors) {
        List<InvoiceExpensePicker.Row> rows = expenses.unbilled(viewer.workspaceId(), invoice.clientId()).stream()
                .map(e -> new InvoiceExpensePicker.Row(e, e.amount().currency().equals(invoice.currency())))
                .toList();
        model.addAttribute("invoice", invoice);
        model.addAttribute("rows", rows);
        model.addAttribute("picked", picked);
        model.addAttribute("errors", errors);
        return "billing/invoices/expenses";
    }
}
