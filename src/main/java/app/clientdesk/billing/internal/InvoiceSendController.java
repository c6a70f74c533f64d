package app.clientdesk.billing.internal;

import app.clientdesk.billing.Invoice;
import app.clientdesk.billing.InvoiceId;
import app.clientdesk.billing.InvoiceSending;
import app.clientdesk.billing.Invoices;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sending an issued invoice by email with its PDF: the message goes to the outbox in the same transaction. */
@OwnerOnly
@Controller
class InvoiceSendController {

    private final Invoices invoices;
    private final InvoiceSending sending;
    private final InvoicePages pages;
    private final MessageSource texts;

    InvoiceSendController(Invoices invoices, InvoiceSending sending, InvoicePages pages, MessageSource texts) {
        this.invoices = invoices;
        this.sending = sending;
        this.pages = pages;
        this.texts = texts;
    }

    @PostMapping("/billing/invoices/{invoiceId}/send")
    String send(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID invoiceId,
            @RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(required = false) @Nullable String requestKey, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Invoice invoice = invoices.get(viewer, new InvoiceId(invoiceId));
        InvoiceSending.Message message = new InvoiceSending.Message(to == null ? "" : to,
                subject == null ? "" : subject, text == null ? "" : text);
        try {
            try {
                sending.send(viewer, invoice.id(), message, requestKey);
            } catch (app.clientdesk.shared.api.Idempotency.Retry e) {
                // The same click arrived twice at once and the other one sent it.
            }
            Notices.flash(redirect, texts.getMessage(sending.mailConfigured() ? "billing.send.queued"
                    : "billing.send.waiting", new Object[] {invoice.number(), message.to()}, viewer.locale()));
            return "redirect:/billing/invoices/" + invoice.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return pages.show(viewer, model, invoices.get(viewer, invoice.id()), null, false,
                    InvoiceView.errors(e, texts, viewer.locale()), message);
        }
    }
}
