package app.clientdesk.billing.internal;

import app.clientdesk.billing.ClientBillingTerms;
import app.clientdesk.billing.ClientTerms;
import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.shared.web.OwnerOnly;
import app.clientdesk.shared.web.Ui;
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

/** A client's payment terms, from "Billing" on the client's page (owner only). */
@OwnerOnly
@Controller
class ClientTermsController {

    private final Clients clients;
    private final ClientBillingTerms terms;
    private final InvoiceClientSection section;
    private final MessageSource texts;

    ClientTermsController(Clients clients, ClientBillingTerms terms, InvoiceClientSection section,
            MessageSource texts) {
        this.clients = clients;
        this.terms = terms;
        this.section = section;
        this.texts = texts;
    }

    @PostMapping("/billing/clients/{clientId}/terms")
    String save(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID clientId,
            @RequestParam(required = false) @Nullable String netDays,
            @RequestParam(required = false) @Nullable String depositPercent, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        viewer.requireOwner();
        Client client = clients.get(viewer, new ClientId(clientId));
        try {
            ClientTerms saved = terms.set(viewer, client.id(), netDays, depositPercent);
            Notices.flash(redirect, texts.getMessage(saved.netDays() == null && saved.depositPercent() == null
                    ? "invoices.terms.cleared" : "invoices.terms.saved", new Object[] {client.name()}, viewer.locale()));
            return "redirect:/clients/" + client.id() + "#billing";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            Ui ui = (Ui) model.getAttribute("ui");
            model.addAllAttributes(section.model(viewer, client, ui,
                    new InvoiceClientSection.TermsForm(netDays == null ? "" : netDays,
                            depositPercent == null ? "" : depositPercent),
                    FieldErrors.of(e.violations(), texts, viewer.locale())));
            return "billing/invoices/termsPage";
        }
    }
}
