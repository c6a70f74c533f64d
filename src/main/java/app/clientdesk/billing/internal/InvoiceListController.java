package app.clientdesk.billing.internal;

import app.clientdesk.billing.InvoiceList;
import app.clientdesk.billing.InvoiceQuery;
import app.clientdesk.billing.Invoices;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.web.OwnerOnly;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The invoice list: a tab per state, one client, a search by number or client, 50 a page (previous and next, no
 * count of the whole history), what is outstanding.
 */
@OwnerOnly
@Controller
class InvoiceListController {

    static final int PAGE_SIZE = 50;

    private final Invoices invoices;
    private final Clients clients;

    InvoiceListController(Invoices invoices, Clients clients) {
        this.invoices = invoices;
        this.clients = clients;
    }

    @GetMapping("/billing/invoices")
    String list(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String tab,
            @RequestParam(required = false) @Nullable String client, @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String page, Model model) {
        viewer.requireOwner();
        clients.named(viewer, client);
        InvoiceQuery.Filter filter = Arrays.stream(InvoiceQuery.Filter.values())
                .filter(f -> f.name().equalsIgnoreCase(tab == null ? "" : tab.strip())).findFirst()
                .orElse(InvoiceQuery.Filter.ALL);
        UUID clientId = null;
        if (client != null && !client.isBlank()) {
            try {
                clientId = UUID.fromString(client.strip());
            } catch (IllegalArgumentException e) {
                // no such client: the whole list
            }
        }
        int pageNo = 0;
        try {
            pageNo = page == null ? 0 : Math.max(0, Math.min(100_000, Integer.parseInt(page.strip())));
        } catch (NumberFormatException e) {
            // the first page
        }
        String search = q == null ? "" : q.strip();
        if (search.length() > 100) {
            search = search.substring(0, 100);
        }
        InvoiceList result = invoices.page(viewer, new InvoiceQuery(filter, clientId, search, PAGE_SIZE,
                pageNo * PAGE_SIZE));
        model.addAttribute("result", result);
        model.addAttribute("filters", new InvoiceFilters(filter, clientId, search, pageNo));
        model.addAttribute("clients", clients.choices(viewer));
        model.addAttribute("today", invoices.today(viewer.workspaceId()));
        return "billing/invoices/list";
    }
}
