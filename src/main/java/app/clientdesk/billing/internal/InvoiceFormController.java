package app.clientdesk.billing.internal;

import app.clientdesk.billing.Invoice;
import app.clientdesk.billing.InvoiceId;
import app.clientdesk.billing.Invoices;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.shared.web.OwnerOnly;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The draft form: a new invoice and editing a draft. The server's totals are the truth, shown after saving. */
@OwnerOnly
@Controller
class InvoiceFormController {

    private final Invoices invoices;
    private final Clients clients;
    private final InvoicePages pages;
    private final MessageSource texts;

    InvoiceFormController(Invoices invoices, Clients clients, InvoicePages pages, MessageSource texts) {
        this.invoices = invoices;
        this.clients = clients;
        this.pages = pages;
        this.texts = texts;
    }

    @GetMapping("/billing/invoices/new")
    String newInvoice(@AuthenticationPrincipal CurrentUser viewer,
            @RequestParam(required = false) @Nullable String clientId, Model model) {
        viewer.requireOwner();
        clients.named(viewer, clientId);
        return form(viewer, model, InvoiceForm.blank(clientId, invoices.settings(viewer.workspaceId())), null,
                FieldErrors.none());
    }

    @PostMapping("/billing/invoices")
    String create(@AuthenticationPrincipal CurrentUser viewer, @ModelAttribute("form") InvoiceForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        viewer.requireOwner();
        try {
            Invoice saved = invoices.createDraft(viewer, form.toInput());
            Notices.flash(redirect, texts.getMessage("invoices.created", new Object[] {saved.clientName()},
                    viewer.locale()));
            return "redirect:/billing/invoices/" + saved.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(viewer, model, form.withSpareRows(), null, InvoiceView.errors(e, texts, viewer.locale()));
        }
    }

    @GetMapping("/billing/invoices/{invoiceId}/edit")
    String edit(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID invoiceId, Model model) {
        Invoice invoice = invoices.get(viewer, new InvoiceId(invoiceId));
        if (!invoice.draft()) {
            model.addAttribute("refusal", texts.getMessage("billing.edit.issued", null, viewer.locale()));
            return pages.show(viewer, model, invoice, null, false, FieldErrors.none());
        }
        return form(viewer, model, InvoiceForm.of(invoice), invoice, FieldErrors.none());
    }

    @PostMapping("/billing/invoices/{invoiceId}")
    String update(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID invoiceId,
            @ModelAttribute("form") InvoiceForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Invoice invoice = invoices.get(viewer, new InvoiceId(invoiceId));
        try {
            invoices.updateDraft(viewer, invoice.id(), form.toInput());
            Notices.flash(redirect, texts.getMessage("invoices.saved", null, viewer.locale()));
            return "redirect:/billing/invoices/" + invoice.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(viewer, model, form.withSpareRows(), invoice, InvoiceView.errors(e, texts, viewer.locale()));
        }
    }

    private String form(CurrentUser viewer, Model model, InvoiceForm form, @Nullable Invoice invoice,
            FieldErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("invoice", invoice);
        model.addAttribute("errors", errors);
        model.addAttribute("clients", clients.choices(viewer));
        model.addAttribute("settings", invoices.settings(viewer.workspaceId()));
        return "billing/invoices/form";
    }
}
