package app.clientdesk.requests.internal;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientPageSection;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.requests.RequestSummary;
import app.clientdesk.requests.Requests;
import app.clientdesk.shared.web.Ui;
import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** "Open requests" on a client's page: the newest open and waiting requests with their SLA state, bounded. */
@Component
@Order(12)
class ClientRequestsSection implements ClientPageSection {

    static final int SHOWN = 10;

    private final Requests requests;
    private final TemplateEngine engine;

    ClientRequestsSection(Requests requests, TemplateEngine engine) {
        this.requests = requests;
        this.engine = engine;
    }

    @Override
    public Content render(CurrentUser viewer, Client client, Ui ui) {
        List<RequestSummary> fetched = requests.openForClient(viewer, client.id(), SHOWN + 1);
        List<RequestSummary> open = fetched.stream().limit(SHOWN).toList();
        long total = fetched.size();
        Map<String, Object> params = Map.of("ui", ui, "client", client, "open", open, "more", total > SHOWN);
        return output -> engine.render("requests/clientSection.jte", params, output);
    }
}
