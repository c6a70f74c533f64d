package app.clientdesk.billing.internal;

import app.clientdesk.billing.RetainerBurndown;
import app.clientdesk.billing.Retainers;
import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientPageSection;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.web.Ui;
import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The burn-down of the client's retainers on the client's page, for the owner only. */
@Component
@Order(35)
class RetainerClientSection implements ClientPageSection {

    private final Retainers retainers;
    private final TemplateEngine engine;

    RetainerClientSection(Retainers retainers, TemplateEngine engine) {
        this.retainers = retainers;
        this.engine = engine;
    }

    @Override
    public Content render(CurrentUser viewer, Client client, Ui ui) {
        if (!viewer.isOwner()) {
            return output -> { };
        }
        List<RetainerBurndown> current = retainers.current(viewer, client.id());
        if (current.isEmpty()) {
            return output -> { };
        }
        return output -> engine.render("billing/retainers/clientSection.jte", Map.of("ui", ui, "burndowns", current),
                output);
    }
}
