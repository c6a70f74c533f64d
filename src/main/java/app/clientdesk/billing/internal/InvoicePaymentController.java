package app.clientdesk.billing.internal;

import app.clientdesk.billing.Invoice;
import app.clientdesk.billing.InvoiceId;
import app.clientdesk.billing.Invoices;
import app.clientdesk.billing.Payment;
import app.clientdesk.billing.Payments;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.shared.web.OwnerOnly;
import app.clientdesk.shared.web.Ui;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Record payment" on an issued invoice. The form's one-time key makes a double click record one payment; an
 * amount above what is due comes back with a box to record the extra as the client's credit.
 */
@OwnerOnly
@Controller
class InvoicePaymentController {

    private final Invoices invoices;
    private final Payments payments;
    private final InvoicePages pages;
    private final MessageSource texts;

    InvoicePaymentController(Invoices invoices, Payments payments, InvoicePages pages, MessageSource texts) {
        this.invoices = invoices;
        this.payments = payments;
        this.pages = pages;
        this.texts = texts;
    }

    @PostMapping("/billing/invoices/{invoiceId}/payments")
    String record(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID invoiceId,
            @ModelAttribute("payment") PaymentForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Invoice invoice = invoices.get(viewer, new InvoiceId(invoiceId));
        Payment payment;
        try {
            payment = record(viewer, invoice, form);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            boolean over = e.violations().stream().anyMatch(v -> v.messageKey().equals("billing.payment.over"));
            return pages.show(viewer, model, invoice, form, over, InvoiceView.errors(e, texts, viewer.locale()));
        }
        Ui ui = (Ui) model.getAttribute("ui");
        String amount = ui.money(payment.amount().amount(), payment.amount().currency());
        Notices.flash(redirect, payment.credit().isZero()
                ? ui.t("invoices.payment.recorded", amount)
                : ui.t("invoices.payment.recordedWithCredit", amount,
                        ui.money(payment.credit().amount(), payment.credit().currency())));
        return "redirect:/billing/invoices/" + invoice.id();
    }

    private Payment record(CurrentUser viewer, Invoice invoice, PaymentForm form) {
        try {
            return payments.record(viewer, invoice.id(), form.toInput(), form.requestKey());
        } catch (Payments.DuplicatePaymentException e) {
            // The same click's twin won the race: reading the key again returns its payment.
            return payments.record(viewer, invoice.id(), form.toInput(), form.requestKey());
        }
    }
}
