package app.clientdesk.portal;

import app.clientdesk.billing.BillingSetup;
import app.clientdesk.billing.ClientInvoices;
import app.clientdesk.billing.InvoiceDocument;
import app.clientdesk.billing.InvoiceId;
import app.clientdesk.billing.InvoiceList;
import app.clientdesk.billing.InvoicePdfs;
import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violation;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.requests.Requests;
import app.clientdesk.work.Approvals;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The portal's pages for a signed-in client contact: their own client and nothing of any other. Every read takes
 * the workspace and the client from the contact's session, never from the request; an id of anything else
 * answers 404.
 */
@Controller
class PortalController {

    record PasswordForm(@Nullable String password, @Nullable String confirmPassword) {
    }

    private final Clients clients;
    private final ClientInvoices invoices;
    private final PortalAccess access;
    private final MessageSource texts;
    private final Approvals approvals;
    private final Requests requests;

    PortalController(Clients clients, ClientInvoices invoices, PortalAccess access, MessageSource texts,
            Approvals approvals, Requests requests) {
        this.approvals = approvals;
        this.requests = requests;
        this.clients = clients;
        this.invoices = invoices;
        this.access = access;
        this.texts = texts;
    }

    @GetMapping("/portal")
    String home(@AuthenticationPrincipal CurrentUser contact, Model model) {
        Client client = common(contact, model);
        // Sums and counts only: what is owed from one grouped statement, the requests in play from another.
        ClientInvoices.Balance balance = invoices.balance(contact.workspaceId(), client.id());
        model.addAttribute("view", new PortalInvoicesView(List.of(), balance.due(), balance.overdue(), null));
        model.addAttribute("waitingApprovals", approvals.countWaiting(contact));
        Requests.OpenCounts counts = requests.openCounts(contact, client.id());
        model.addAttribute("openRequests", counts.open());
        model.addAttribute("waitingRequests", counts.waitingOnClient());
        return "portal/home";
    }

    @GetMapping("/portal/invoices")
    String invoices(@AuthenticationPrincipal CurrentUser contact, Model model) {
        Client client = common(contact, model);
        model.addAttribute("view", invoicesView(contact, client));
        return "portal/invoices";
    }

    @GetMapping("/portal/invoices/{invoiceId}")
    String invoice(@AuthenticationPrincipal CurrentUser contact, @PathVariable UUID invoiceId, Model model) {
        Client client = common(contact, model);
        InvoiceDocument doc = invoices.document(contact.workspaceId(), client.id(), new InvoiceId(invoiceId))
                .orElseThrow(() -> new NotFoundException("invoice"));
        model.addAttribute("doc", doc);
        model.addAttribute("invoiceId", invoiceId.toString());
        return "portal/invoice";
    }

    @GetMapping("/portal/invoices/{invoiceId}/pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser contact, @PathVariable UUID invoiceId) {
        Client client = ownClient(contact);
        InvoicePdfs.Pdf pdf = invoices.pdf(contact.workspaceId(), client.id(), new InvoiceId(invoiceId))
                .orElseThrow(() -> new NotFoundException("invoice"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(pdf.fileName()).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(pdf.bytes());
    }

    @GetMapping("/portal/logo")
    ResponseEntity<byte[]> logo(@AuthenticationPrincipal CurrentUser contact) {
        BillingSetup.Logo logo = invoices.logo(contact.workspaceId()).orElseThrow(() -> new NotFoundException("logo"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(logo.mediaType()))
                .cacheControl(CacheControl.noCache().cachePrivate()).body(logo.bytes());
    }

    @GetMapping("/portal/password")
    String passwordPage(@AuthenticationPrincipal CurrentUser contact, Model model) {
        common(contact, model);
        model.addAttribute("errors", FieldErrors.none());
        model.addAttribute("hasPassword", access.hasPassword(contact));
        return "portal/password";
    }

    @PostMapping("/portal/password")
    String setPassword(@AuthenticationPrincipal CurrentUser contact, @ModelAttribute PasswordForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        String password = form.password() == null ? "" : form.password();
        try {
            if (!password.equals(form.confirmPassword())) {
                throw new InvalidInputException(List.of(Violation.of("confirmPassword", "account.password.mismatch")));
            }
            access.setPassword(contact, password);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            common(contact, model);
            model.addAttribute("errors", FieldErrors.of(e.violations(), texts, LocaleContextHolder.getLocale()));
            model.addAttribute("hasPassword", access.hasPassword(contact));
            return "portal/password";
        }
        Notices.flash(redirect, texts.getMessage("portal.password.saved", null, LocaleContextHolder.getLocale()));
        return "redirect:/portal";
    }

    private Client common(CurrentUser contact, Model model) {
        Client client = ownClient(contact);
        model.addAttribute("client", client);
        model.addAttribute("brand", new PortalBrand(contact.workspaceName(), invoices.hasLogo(contact.workspaceId())));
        return client;
    }

    private Client ownClient(CurrentUser contact) {
        UUID clientId = contact.clientId().orElseThrow(() -> new NotFoundException("client"));
        return clients.get(contact, new ClientId(clientId));
    }

    private PortalInvoicesView invoicesView(CurrentUser contact, Client client) {
        InvoiceList list = invoices.issued(contact.workspaceId(), client.id());
        // Overdue over every open invoice of the client, not only the listed ones.
        ClientInvoices.Balance balance = invoices.balance(contact.workspaceId(), client.id());
        return new PortalInvoicesView(list.invoices(), balance.due(), balance.overdue(),
                invoices.paymentInstructions(contact.workspaceId()));
    }
}
