package app.clientdesk.portal;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientPageSection;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.web.Ui;
import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * "Client portal" on a client's page: each contact's portal status (not invited, invited, active with their last
 * sign-in, access closed); the owner invites a contact with an email, sends a new invitation, or closes access.
 */
@Component
@Order(15)
class PortalClientSection implements ClientPageSection {

    private final PortalAccess access;
    private final TemplateEngine engine;

    PortalClientSection(PortalAccess access, TemplateEngine engine) {
        this.access = access;
        this.engine = engine;
    }

    @Override
    public Content render(CurrentUser viewer, Client client, Ui ui) {
        if (client.contacts().isEmpty()) {
            return output -> { };
        }
        Map<String, Object> params = Map.of("ui", ui, "client", client, "statuses", access.statuses(viewer, client),
                "owner", viewer.isOwner());
        return output -> engine.render("portal/clientSection.jte", params, output);
    }
}
