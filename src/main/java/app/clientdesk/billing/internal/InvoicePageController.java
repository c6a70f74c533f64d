package app.clientdesk.billing.internal;

import app.clientdesk.billing.Invoice;
import app.clientdesk.billing.InvoiceId;
import app.clientdesk.billing.InvoiceKind;
import app.clientdesk.billing.Invoices;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.shared.web.OwnerOnly;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

/** The invoice page in every state, and what is done on it: issue, deposit, delete a draft, void with a credit note. */
@OwnerOnly
@Controller
class InvoicePageController {

    private final Invoices invoices;
    private final InvoicePages pages;
    private final MessageSource texts;

    InvoicePageController(Invoices invoices, InvoicePages pages, MessageSource texts) {
        this.invoices = invoices;
        this.pages = pages;
        this.texts = texts;
    }

    @GetMapping("/billing/invoices/{invoiceId}")
    String show(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID invoiceId, Model model) {
        return pages.show(viewer, model, invoices.get(viewer, new InvoiceId(invoiceId)), null, false,
                FieldErrors.none());
    }

    @PostMapping("/billing/invoices/{invoiceId}/issue")
    String issue(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID invoiceId,
            @RequestParam(required = false) @Nullable String issueDate, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Invoice invoice = invoices.get(viewer, new InvoiceId(invoiceId));
        try {
            LocalDate date = null;
            if (issueDate != null && !issueDate.isBlank()) {
                try {
                    date = LocalDate.parse(issueDate.strip());
                } catch (DateTimeParseException e) {
                    throw InvalidInputException.of("issueDate", "invoices.issue.date.invalid");
                }
            }
            Invoice issued = invoices.issue(viewer, invoice.id(), date);
            Notices.flash(redirect, text(viewer, "invoices.issued", issued.number()));
            return "redirect:/billing/invoices/" + issued.id();
        } catch (InvalidInputException e) {
            return refused(viewer, model, invoice, e, response);
        }
    }

    @PostMapping("/billing/invoices/{invoiceId}/deposit")
    String deposit(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID invoiceId,
            @RequestParam(required = false) @Nullable String depositPercent, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Invoice invoice = invoices.get(viewer, new InvoiceId(invoiceId));
        try {
            Invoice deposit = invoices.createDeposit(viewer, invoice.id(), depositPercent);
            Notices.flash(redirect, text(viewer, "invoices.deposit.created",
                    deposit.depositPercent() == null ? "" : deposit.depositPercent().stripTrailingZeros().toPlainString()));
            return "redirect:/billing/invoices/" + deposit.id();
        } catch (InvalidInputException e) {
            return refused(viewer, model, invoice, e, response);
        }
    }

    @PostMapping("/billing/invoices/{invoiceId}/delete")
    String delete(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID invoiceId, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Invoice invoice = invoices.get(viewer, new InvoiceId(invoiceId));
        try {
            invoices.deleteDraft(viewer, invoice.id());
        } catch (InvalidInputException e) {
            return refused(viewer, model, invoice, e, response);
        }
        Notices.flash(redirect, text(viewer, "invoices.deleted", invoice.clientName()));
        return invoice.kind() == InvoiceKind.DEPOSIT && invoice.depositFor() != null
                ? "redirect:/billing/invoices/" + invoice.depositFor() : "redirect:/billing/invoices";
    }

    @PostMapping("/billing/invoices/{invoiceId}/void")
    String voidInvoice(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID invoiceId,
            @RequestParam(required = false) @Nullable String reason, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Invoice invoice = invoices.get(viewer, new InvoiceId(invoiceId));
        try {
            Invoice credit = invoices.voidWithCreditNote(viewer, invoice.id(), reason);
            Notices.flash(redirect, text(viewer, "invoices.voided", invoice.number(), credit.number()));
            return "redirect:/billing/invoices/" + invoice.id();
        } catch (InvalidInputException e) {
            return refused(viewer, model, invoice, e, response);
        }
    }

    private String refused(CurrentUser viewer, Model model, Invoice invoice, InvalidInputException e,
            HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        Invoice now = invoices.find(viewer, invoice.id()).orElse(invoice);
        return pages.show(viewer, model, now, null, false, InvoiceView.errors(e, texts, viewer.locale()));
    }

    private String text(CurrentUser viewer, String key, Object... args) {
        return texts.getMessage(key, args, viewer.locale());
    }
}
