package app.clientdesk.billing.internal;

import app.clientdesk.billing.InvoiceId;
import app.clientdesk.billing.Invoices;
import app.clientdesk.billing.ReminderConsent;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.web.Notices;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's word that an invoice overdue on the day it was issued may be reminded after all. */
@Controller
class InvoiceReminderController {

    private final Invoices invoices;
    private final ReminderConsent consent;
    private final MessageSource texts;

    InvoiceReminderController(Invoices invoices, ReminderConsent consent, MessageSource texts) {
        this.invoices = invoices;
        this.consent = consent;
        this.texts = texts;
    }

    @PostMapping("/billing/invoices/{invoiceId}/reminders/allow")
    String allow(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID invoiceId,
            RedirectAttributes redirect) {
        InvoiceId id = invoices.get(viewer, new InvoiceId(invoiceId)).id();
        consent.allow(viewer, id);
        Notices.flash(redirect, texts.getMessage("invoices.reminders.allowed", null, viewer.locale()));
        return "redirect:/billing/invoices/" + id;
    }
}
