package app.clientdesk.billing.internal;

import app.clientdesk.billing.ClientBillingTerms;
import app.clientdesk.billing.ClientTerms;
import app.clientdesk.billing.InvoiceList;
import app.clientdesk.billing.InvoiceQuery;
import app.clientdesk.billing.Invoices;
import app.clientdesk.billing.Payments;
import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientPageSection;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Ui;
import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * "Billing" on a client's page, for the owner only: the client's payment terms (net days, deposit), what they owe,
 * their credit, their last invoices and a link to bill them.
 */
@Component
@Order(30)
public class InvoiceClientSection implements ClientPageSection {

    static final int LAST_INVOICES = 5;

    private final Invoices invoices;
    private final Payments payments;
    private final ClientBillingTerms terms;
    private final TemplateEngine engine;

    InvoiceClientSection(Invoices invoices, Payments payments, ClientBillingTerms terms, TemplateEngine engine) {
        this.invoices = invoices;
        this.payments = payments;
        this.terms = terms;
        this.engine = engine;
    }

    /** The terms form as typed. */
    public record TermsForm(String netDays, String depositPercent) {

        static TermsForm of(ClientTerms terms) {
            return new TermsForm(terms.netDays() == null ? "" : String.valueOf(terms.netDays()),
                    InvoiceForm.plain(terms.depositPercent()));
        }
    }

    @Override
    public Content render(CurrentUser viewer, Client client, Ui ui) {
        if (!viewer.isOwner()) {
            return output -> { };
        }
        return render(viewer, client, ui, TermsForm.of(terms.get(viewer, client.id())), FieldErrors.none());
    }

    Content render(CurrentUser viewer, Client client, Ui ui, TermsForm form, FieldErrors errors) {
        Map<String, Object> params = model(viewer, client, ui, form, errors);
        return output -> engine.render("billing/invoices/clientSection.jte", params, output);
    }

    Map<String, Object> model(CurrentUser viewer, Client client, Ui ui, TermsForm form, FieldErrors errors) {
        InvoiceList last = invoices.page(viewer, new InvoiceQuery(InvoiceQuery.Filter.ALL, client.id().value(), null,
                LAST_INVOICES, 0));
        Map<String, Object> params = new HashMap<>();
        params.put("ui", ui);
        params.put("client", client);
        params.put("last", last);
        params.put("credit", payments.credit(viewer, client.id()));
        params.put("form", form);
        params.put("errors", errors);
        params.put("workspaceNetDays", invoices.settings(viewer.workspaceId()).netDays());
        params.put("today", invoices.today(viewer.workspaceId()));
        return params;
    }
}
