package app.clientdesk.portal;

import app.clientdesk.billing.ClientInvoices;
import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.requests.NewAttachment;
import app.clientdesk.requests.PortalSubmission;
import app.clientdesk.requests.RequestAttachment;
import app.clientdesk.requests.RequestDetail;
import app.clientdesk.requests.RequestId;
import app.clientdesk.requests.RequestPage;
import app.clientdesk.requests.RequestState;
import app.clientdesk.requests.Requests;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.Downloads;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.shared.web.Notices;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The portal's requests: a contact asks for something in one form (subject, details, files, a desired date), sees
 * every request of their client with its status in plain words, and follows each conversation (only what the
 * client may see; the VA's notes never show), answering on it. The client comes from the contact's session: a
 * request or file of any other client or workspace answers 404, and a merged request leads to the one it was
 * merged into. A form with a mistake comes back with what was typed; chosen files cannot be put back into a
 * browser's file field, so the page says to choose them again.
 */
@Controller
class PortalRequestsController {

    /** Requests per page of the list. */
    static final int PAGE_SIZE = 20;

    record RequestForm(@Nullable String subject, @Nullable String details, @Nullable String desiredDate) {

        static RequestForm empty() {
            return new RequestForm("", "", "");
        }
    }

    record ReplyForm(@Nullable String text) {
    }

    private final Requests requests;
    private final Clients clients;
    private final ClientInvoices invoices;
    private final MessageSource texts;
    private final PortalUploadLimits limits;
    private final Clock clock;

    PortalRequestsController(Requests requests, Clients clients, ClientInvoices invoices, MessageSource texts,
            @Value("${clientdesk.requests.max-upload-size:30MB}") DataSize maxUpload, Clock clock) {
        this.clock = clock;
        this.requests = requests;
        this.clients = clients;
        this.invoices = invoices;
        this.texts = texts;
        this.limits = new PortalUploadLimits(Requests.MAX_FILES, requests.maxAttachmentBytes(), maxUpload.toBytes());
    }

    @GetMapping("/portal/requests")
    String list(@AuthenticationPrincipal CurrentUser contact, @RequestParam(defaultValue = "0") int page,
            Model model) {
        Client client = common(contact, model);
        int p = Math.max(0, Math.min(page, 10_000));
        RequestPage result = requests.forClient(contact, client.id(), PAGE_SIZE, p * PAGE_SIZE);
        model.addAttribute("result", result);
        model.addAttribute("page", p);
        // One client's requests are always counted (RequestPage#total); a page past the end still shows the pager.
        long total = result.total() == null ? p * (long) PAGE_SIZE + result.items().size() : result.total();
        model.addAttribute("pages", (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        return "portal/requests";
    }

    @GetMapping("/portal/requests/new")
    String newRequest(@AuthenticationPrincipal CurrentUser contact, Model model) {
        return form(contact, model, RequestForm.empty(), FieldErrors.none(), false);
    }

    @PostMapping("/portal/requests")
    String submit(@AuthenticationPrincipal CurrentUser contact, @ModelAttribute RequestForm form,
            @RequestParam(name = "attachments", required = false) @Nullable List<MultipartFile> attachments,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        List<MultipartFile> chosen = chosen(attachments);
        RequestId id;
        try {
            id = requests.submitFromPortal(contact, new PortalSubmission(form.subject(), form.details(),
                    form.desiredDate(), open(chosen)));
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(contact, model, form, FieldErrors.of(e.violations(), texts, locale()), !chosen.isEmpty());
        }
        RequestDetail detail = requests.get(contact, id);
        Notices.flash(redirect, texts.getMessage("portal.requests.submitted",
                new Object[] {detail.request().label()}, locale()));
        return "redirect:/portal/requests/" + id.value();
    }

    @GetMapping("/portal/requests/{requestId}")
    String show(@AuthenticationPrincipal CurrentUser contact, @PathVariable UUID requestId, Model model) {
        RequestDetail detail = find(contact, requestId);
        if (detail.request().state() == RequestState.MERGED && detail.request().mergedIntoId() != null) {
            return "redirect:/portal/requests/" + detail.request().mergedIntoId().value();
        }
        return page(contact, model, detail, "", FieldErrors.none(), false);
    }

    @PostMapping("/portal/requests/{requestId}/messages")
    String reply(@AuthenticationPrincipal CurrentUser contact, @PathVariable UUID requestId,
            @ModelAttribute ReplyForm form,
            @RequestParam(name = "attachments", required = false) @Nullable List<MultipartFile> attachments,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        RequestDetail detail = find(contact, requestId);
        List<MultipartFile> chosen = chosen(attachments);
        try {
            requests.clientMessage(contact, detail.request().id(), form.text(), open(chosen));
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(contact, model, detail, form.text() == null ? "" : form.text(),
                    FieldErrors.of(e.violations(), texts, locale()), !chosen.isEmpty());
        }
        // A message on a merged request goes to the one it was merged into: show that one.
        RequestId target = detail.request().mergedIntoId() != null ? detail.request().mergedIntoId()
                : detail.request().id();
        Notices.flash(redirect, texts.getMessage("portal.requests.replied", null, locale()));
        return "redirect:/portal/requests/" + target.value() + "#latest";
    }

    @GetMapping("/portal/requests/{requestId}/attachments/{requestAttachmentId}")
    ResponseEntity<Resource> attachment(@AuthenticationPrincipal CurrentUser contact, @PathVariable UUID requestId,
            @PathVariable UUID requestAttachmentId) {
        Requests.StoredFile stored = requests.openAttachment(contact, new RequestId(requestId), requestAttachmentId);
        RequestAttachment a = stored.attachment();
        return Downloads.attachment(a.fileName(), a.contentType(), a.sizeBytes(),
                new FileSystemResource(stored.file()));
    }

    private RequestDetail find(CurrentUser contact, UUID requestId) {
        return requests.find(contact, new RequestId(requestId)).orElseThrow(() -> new NotFoundException("request"));
    }

    private String form(CurrentUser contact, Model model, RequestForm form, FieldErrors errors, boolean filesLost) {
        Client client = common(contact, model);
        model.addAttribute("subject", form.subject() == null ? "" : form.subject());
        model.addAttribute("details", form.details() == null ? "" : form.details());
        model.addAttribute("desiredDate", form.desiredDate() == null ? "" : form.desiredDate());
        model.addAttribute("errors", errors);
        model.addAttribute("filesLost", filesLost);
        model.addAttribute("limits", limits);
        model.addAttribute("today", LocalDate.now(clock.withZone(client.zone())).toString());
        return "portal/requestForm";
    }

    private String page(CurrentUser contact, Model model, RequestDetail detail, String text, FieldErrors errors,
            boolean filesLost) {
        common(contact, model);
        model.addAttribute("detail", detail);
        model.addAttribute("me", contact.id().value());
        model.addAttribute("text", text);
        model.addAttribute("errors", errors);
        model.addAttribute("filesLost", filesLost);
        model.addAttribute("limits", limits);
        return "portal/request";
    }

    private Client common(CurrentUser contact, Model model) {
        UUID clientId = contact.clientId().orElseThrow(() -> new NotFoundException("client"));
        Client client = clients.get(contact, new ClientId(clientId));
        model.addAttribute("client", client);
        model.addAttribute("brand", new PortalBrand(contact.workspaceName(), invoices.hasLogo(contact.workspaceId())));
        return client;
    }

    /** The files actually chosen: a file field left empty still sends one nameless, empty part. */
    private static List<MultipartFile> chosen(@Nullable List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream().filter(f -> f != null
                && !(f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank()))).toList();
    }

    private static List<NewAttachment> open(List<MultipartFile> files) {
        List<NewAttachment> opened = new ArrayList<>();
        for (MultipartFile file : files) {
            opened.add(new NewAttachment(file.getOriginalFilename(), new LazyStream(file)));
        }
        return opened;
    }

    /** Opens the upload's bytes only when the module reads them (after it checked the form). */
    private static final class LazyStream extends InputStream {

        private final MultipartFile file;
        private @Nullable InputStream in;

        LazyStream(MultipartFile file) {
            this.file = file;
        }

        private InputStream in() {
            if (in == null) {
                try {
                    in = file.getInputStream();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return in;
        }

        @Override
        public int read() throws IOException {
            return in().read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in().read(b, off, len);
        }

        @Override
        public void close() throws IOException {
            if (in != null) {
                in.close();
            }
        }
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
