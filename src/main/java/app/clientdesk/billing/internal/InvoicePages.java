package app.clientdesk.billing.internal;

import app.clientdesk.billing.ClientBillingTerms;
import app.clientdesk.billing.Invoice;
import app.clientdesk.billing.InvoiceKind;
import app.clientdesk.billing.Invoices;
import app.clientdesk.billing.Payment;
import app.clientdesk.billing.Payments;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.i18n.Currencies;
import app.clientdesk.shared.web.FieldErrors;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Fills the model of the invoice page, for the page itself and for an action refused on it. */
@Component
class InvoicePages {

    static final String VIEW = "billing/invoices/show";

    private final Invoices invoices;
    private final Payments payments;
    private final ClientBillingTerms terms;
    private final InvoiceHistory history;
    private final app.clientdesk.billing.InvoiceSending sending;
    private final app.clientdesk.billing.ReminderConsent reminders;

    InvoicePages(Invoices invoices, Payments payments, ClientBillingTerms terms, InvoiceHistory history,
            app.clientdesk.billing.InvoiceSending sending, app.clientdesk.billing.ReminderConsent reminders) {
        this.sending = sending;
        this.reminders = reminders;
        this.invoices = invoices;
        this.payments = payments;
        this.terms = terms;
        this.history = history;
    }

    /**
     * The page of {@code invoice}; {@code payment} is the payment form as typed (or null for a fresh one),
     * {@code overpaid} shows its "record the extra as credit" box.
     */
    String show(CurrentUser viewer, Model model, Invoice invoice, @Nullable PaymentForm payment, boolean overpaid,
            FieldErrors errors) {
        return show(viewer, model, invoice, payment, overpaid, errors, null);
    }

    /** The page, with the send form as typed ({@code message}, or the drafted message when null). */
    String show(CurrentUser viewer, Model model, Invoice invoice, @Nullable PaymentForm payment, boolean overpaid,
            FieldErrors errors, app.clientdesk.billing.InvoiceSending.@Nullable Message message) {
        model.addAttribute("mails", invoice.draft() ? List.of() : sending.messages(viewer, invoice.id()));
        model.addAttribute("mailConfigured", sending.mailConfigured());
        model.addAttribute("remindersHeld", invoice.status().open() && invoice.kind() != InvoiceKind.CREDIT_NOTE
                && reminders.held(viewer, invoice.id()));
        model.addAttribute("send", message != null ? message : invoice.draft()
                ? new app.clientdesk.billing.InvoiceSending.Message("", "", "") : sending.draft(viewer, invoice));
        model.addAttribute("sendOpen", message != null);
        LocalDate today = invoices.today(viewer.workspaceId());
        List<Payment> paid = invoice.draft() ? List.of() : payments.ofInvoice(viewer, invoice.id());
        model.addAttribute("invoice", invoice);
        model.addAttribute("payments", paid);
        model.addAttribute("events", history.events(viewer.workspaceId(), invoice.id()));
        model.addAttribute("deposits", invoice.kind() == InvoiceKind.INVOICE
                ? history.deposits(viewer.workspaceId(), invoice.id()) : List.of());
        model.addAttribute("credit", payments.credit(viewer, invoice.clientId()));
        model.addAttribute("payment", payment != null ? payment : PaymentForm.blank(invoice, today));
        model.addAttribute("overpaid", overpaid);
        model.addAttribute("errors", errors);
        model.addAttribute("today", today);
        model.addAttribute("depositPercent", invoice.draft() && invoice.kind() == InvoiceKind.INVOICE
                ? terms.get(viewer, invoice.clientId()).depositPercent() : null);
        model.addAttribute("methods", Payment.METHODS);
        model.addAttribute("currencies", Currencies.selectable());
        return VIEW;
    }
}
