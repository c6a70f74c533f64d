package app.clientdesk.clients;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.web.Ui;
import gg.jte.Content;

/**
 * A part of a client's page that another module shows (say, the client's projects and open work), so that
 * the clients module need not know those modules. Sections appear after the client's own details, in their {@code @Order}: work (10), then time and billing (20).
 */
public interface ClientPageSection {

    /** The section's HTML for {@code viewer}, who may see {@code client}. */
    Content render(CurrentUser viewer, Client client, Ui ui);
}
