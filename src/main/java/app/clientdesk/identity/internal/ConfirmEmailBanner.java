package app.clientdesk.identity.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.EmailConfirmations;
import app.clientdesk.identity.Role;
import app.clientdesk.shared.web.HeaderWidget;
import app.clientdesk.shared.web.Ui;
import app.clientdesk.shared.web.Viewer;
import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.Map;
import org.springframework.stereotype.Component;

/** "Confirm your email address" with "resend the link", on every page of an owner who has not confirmed yet. */
@Component
class ConfirmEmailBanner implements HeaderWidget {

    private final EmailConfirmations confirmations;
    private final TemplateEngine engine;

    ConfirmEmailBanner(EmailConfirmations confirmations, TemplateEngine engine) {
        this.confirmations = confirmations;
        this.engine = engine;
    }

    @Override
    public boolean banner() {
        return true;
    }

    @Override
    public Content render(Viewer viewer, Ui ui) {
        if (!(viewer instanceof CurrentUser user) || user.role() != Role.OWNER || confirmations.confirmed(user.id())) {
            return output -> { };
        }
        Map<String, Object> params = Map.of("ui", ui, "email", user.email());
        return output -> engine.render("identity/confirmBanner.jte", params, output);
    }
}
