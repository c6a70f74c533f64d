package app.clientdesk.time.internal;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.shared.web.OwnerOnly;
import app.clientdesk.shared.web.Ui;
import app.clientdesk.time.Rounding;
import app.clientdesk.time.RoundingText;
import app.clientdesk.time.TimeEntries;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
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

/** Changes a client's rounding (owner only), from the form in "Time and billing" on the client's page. */
@OwnerOnly
@Controller
class ClientRoundingController {

    private final Clients clients;
    private final TimeEntries entries;
    private final MessageSource texts;

    ClientRoundingController(Clients clients, TimeEntries entries, MessageSource texts) {
        this.clients = clients;
        this.entries = entries;
        this.texts = texts;
    }

    @PostMapping("/time/clients/{clientId}/rounding")
    String save(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID clientId,
            @ModelAttribute("form") RoundingForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Client client = clients.get(viewer, new ClientId(clientId));
        viewer.requireOwner();
        Violations v = new Violations();
        Optional<Rounding> rounding = form.toRounding(v);
        if (rounding.isEmpty()) {
            // Only a changed page can send something the lists do not offer: the form alone, with its errors.
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("client", client);
            model.addAttribute("errors", FieldErrors.of(v.list(), texts, viewer.locale()));
            return "time/rates/roundingPage";
        }
        entries.setRounding(viewer, client.id(), rounding.get());
        Ui ui = (Ui) model.getAttribute("ui");
        RoundingText.Text rule = RoundingText.rule(rounding.get());
        Notices.flash(redirect, ui.t("rates.rounding.saved", client.name(), ui.t(rule.key(), rule.args().toArray())));
        return "redirect:/clients/" + client.id() + "#time-and-billing";
    }
}
