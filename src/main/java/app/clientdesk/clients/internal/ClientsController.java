package app.clientdesk.clients.internal;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientPageSection;
import app.clientdesk.clients.ClientPage;
import app.clientdesk.clients.ClientQuery;
import app.clientdesk.clients.ClientStatus;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Workspaces;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.shared.web.OwnerOnly;
import app.clientdesk.shared.web.Ui;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The clients screens: list with search and filters, a client's page, the form, archive and restore. */
@Controller
class ClientsController {

    static final int PAGE_SIZE = 50;

    private final Clients clients;
    private final Workspaces workspaces;
    private final MessageSource texts;
    private final Clock clock;
    private final List<ClientPageSection> sections;

    ClientsController(Clients clients, Workspaces workspaces, MessageSource texts, Clock clock,
            List<ClientPageSection> sections) {
        this.clients = clients;
        this.workspaces = workspaces;
        this.texts = texts;
        this.clock = clock;
        this.sections = sections;
    }

    @GetMapping("/clients")
    String list(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "false") boolean archived,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
        ClientStatus statusFilter = Arrays.stream(ClientStatus.values()).filter(s -> s.name().equals(status))
                .findFirst().orElse(null);
        ClientPage result = clients.search(viewer, new ClientQuery(q, statusFilter, archived, page, PAGE_SIZE));
        model.addAttribute("result", result);
        model.addAttribute("q", q);
        model.addAttribute("status", statusFilter == null ? "" : statusFilter.name());
        model.addAttribute("archived", archived);
        model.addAttribute("clock", clock);
        model.addAttribute("emptyWorkspace", result.total() == 0 && q.isBlank() && statusFilter == null && !archived
                && !clients.hasAny(viewer.workspaceId()));
        return htmx != null ? "clients/rows" : "clients/list";
    }

    @OwnerOnly
    @GetMapping("/clients/new")
    String newClient(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        viewer.requireOwner();
        var workspace = workspaces.settings(viewer.workspaceId());
        return form(viewer, model, ClientForm.blank(workspace.baseCurrency(), workspace.timeZone()), null,
                FieldErrors.none());
    }

    @OwnerOnly
    @PostMapping("/clients")
    String create(@AuthenticationPrincipal CurrentUser viewer, @ModelAttribute("form") ClientForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        ClientForm.Converted converted = form.toInput(true);
        try {
            ClientId id = clients.create(viewer, converted.input());
            Notices.flash(redirect, texts.getMessage("client.created", new Object[] {form.getName().trim()},
                    viewer.locale()));
            return "redirect:/clients/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(viewer, model, form.withBlankContactRow(), null, errors(converted, e, viewer));
        }
    }

    @GetMapping("/clients/{clientId}")
    String show(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID clientId, Model model) {
        Client client = clients.get(viewer, new ClientId(clientId));
        model.addAttribute("client", client);
        model.addAttribute("clock", clock);
        model.addAttribute("members", clients.assignableMembers(viewer).stream()
                .filter(m -> client.memberIds().contains(m.id().value())).toList());
        Ui ui = (Ui) model.getAttribute("ui");
        model.addAttribute("sections", sections.stream().map(s -> s.render(viewer, client, ui)).toList());
        return "clients/show";
    }

    @OwnerOnly
    @GetMapping("/clients/{clientId}/edit")
    String edit(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID clientId, Model model) {
        Client client = clients.get(viewer, new ClientId(clientId));
        viewer.requireOwner();
        return form(viewer, model, ClientForm.of(client), client, FieldErrors.none());
    }

    @OwnerOnly
    @PostMapping("/clients/{clientId}")
    String update(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID clientId,
            @ModelAttribute("form") ClientForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Client existing = clients.get(viewer, new ClientId(clientId));
        ClientForm.Converted converted = form.toInput(true);
        try {
            Client saved = clients.update(viewer, existing.id(), converted.input());
            Notices.flash(redirect, texts.getMessage("client.saved", new Object[] {saved.name()}, viewer.locale()));
            return "redirect:/clients/" + saved.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(viewer, model, form.withBlankContactRow(), existing, errors(converted, e, viewer));
        }
    }

    @OwnerOnly
    @PostMapping("/clients/{clientId}/archive")
    String archive(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID clientId,
            RedirectAttributes redirect) {
        Client client = clients.get(viewer, new ClientId(clientId));
        clients.archive(viewer, client.id());
        Notices.flash(redirect, texts.getMessage("client.archived", new Object[] {client.name()}, viewer.locale()));
        return "redirect:/clients";
    }

    @OwnerOnly
    @PostMapping("/clients/{clientId}/restore")
    String restore(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID clientId,
            RedirectAttributes redirect) {
        Client client = clients.get(viewer, new ClientId(clientId));
        clients.restore(viewer, client.id());
        Notices.flash(redirect, texts.getMessage("client.restored", new Object[] {client.name()}, viewer.locale()));
        return "redirect:/clients/" + client.id();
    }

    private String form(CurrentUser viewer, Model model, ClientForm form, @Nullable Client existing,
            FieldErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("client", existing);
        model.addAttribute("errors", errors);
        model.addAttribute("options", ClientFormOptions.with(clients.assignableMembers(viewer)));
        return "clients/form";
    }

    private FieldErrors errors(ClientForm.Converted converted, InvalidInputException e, CurrentUser viewer) {
        var violations = e.violations().stream()
                .map(v -> new app.clientdesk.shared.validation.Violation(converted.formField(v), v.messageKey(), v.args()))
                .toList();
        return FieldErrors.of(violations, texts, viewer.locale());
    }

}
