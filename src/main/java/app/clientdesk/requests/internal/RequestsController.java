package app.clientdesk.requests.internal;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientChoice;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.Account;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.requests.ManualSubmission;
import app.clientdesk.requests.NewAttachment;
import app.clientdesk.requests.Reply;
import app.clientdesk.requests.RequestAttachment;
import app.clientdesk.requests.RequestDetail;
import app.clientdesk.requests.RequestFilter;
import app.clientdesk.requests.RequestId;
import app.clientdesk.requests.RequestPage;
import app.clientdesk.requests.RequestState;
import app.clientdesk.requests.RequestSummary;
import app.clientdesk.requests.Requests;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.Downloads;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.sla.SlaState;
import app.clientdesk.work.ProjectChoice;
import app.clientdesk.work.Projects;
import app.clientdesk.work.TaskInput;
import app.clientdesk.work.Tasks;
import app.clientdesk.requests.internal.RequestViews.ConvertForm;
import app.clientdesk.requests.internal.RequestViews.NewForm;
import app.clientdesk.requests.internal.RequestViews.ReplyForm;
import app.clientdesk.requests.internal.RequestViews.View;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The VA's request screens: the inbox across clients (filters as query parameters, htmx swaps the list), a
 * request's page with its conversation and actions (reply or note, convert to a task, merge, close, reopen), and
 * entering a request by hand. Every id is looked up in the viewer's scope (a member: assigned clients only), so
 * anything else is 404. A refused action comes back as the page with the reason (422), nothing saved.
 */
@Controller
class RequestsController {

    /** Rows of the inbox's page: the inbox is read many times a day, and rows are most of what it costs to show. */
    static final int PAGE_SIZE = 25;
    /** How many clients the client filter suggests for what is typed so far. */
    static final int CLIENT_SUGGESTIONS = 12;
    /** The open requests of the same client offered as merge targets. */
    static final int MERGE_CHOICES = 50;

    private final Requests requests;
    private final Clients clients;
    private final Projects projects;
    private final Tasks tasks;
    private final MessageSource texts;

    RequestsController(Requests requests, Clients clients, Projects projects, Tasks tasks, MessageSource texts) {
        this.requests = requests;
        this.clients = clients;
        this.projects = projects;
        this.tasks = tasks;
        this.texts = texts;
    }

    // ------------------------------------------------------------------------------------------------- inbox

    /**
     * The inbox. The client filter is the client's id ({@code client}, as links and bookmarks carry it); the
     * filter's text field also sends the name typed ({@code clientName}), which wins when it names another client,
     * so that the filter works without JavaScript too. A name that names no single client shows no rows and says so.
     */
    @GetMapping("/requests")
    String inbox(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(defaultValue = "") String client,
            @RequestParam(required = false) @Nullable String clientName,
            @RequestParam(defaultValue = "") String state, @RequestParam(defaultValue = "") String sla,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
        viewer.requireStaff();
        // A client the viewer may not see is 404, never an empty list (Clients#named), whatever name comes with it.
        ClientChoice chosen = clients.chosen(viewer, client).orElse(null);
        String typed = clientName == null ? null : clientName.strip();
        String unknownName = "";
        if (typed != null && (chosen == null || !chosen.name().strip().equalsIgnoreCase(typed))) {
            chosen = typed.isEmpty() ? null : onlyNamed(viewer, typed);
            unknownName = chosen == null ? typed : "";
        }
        RequestState stateFilter = Arrays.stream(RequestState.values()).filter(s -> s.name().equals(state))
                .findFirst().orElse(null);
        SlaState slaFilter = Arrays.stream(SlaState.values()).filter(s -> s.name().equals(sla)).findFirst()
                .orElse(null);
        int pageNumber = Math.max(0, Math.min(page, 10_000));
        RequestPage result = !unknownName.isEmpty() ? new RequestPage(List.of(), null, false, PAGE_SIZE, 0)
                : requests.inbox(viewer, new RequestFilter(chosen == null ? null : chosen.id(), stateFilter, slaFilter,
                        PAGE_SIZE, pageNumber * PAGE_SIZE));
        model.addAttribute("result", result);
        model.addAttribute("client", chosen == null ? "" : chosen.id().value().toString());
        model.addAttribute("clientName", chosen == null ? unknownName : chosen.name());
        model.addAttribute("unknownClient", unknownName);
        model.addAttribute("state", stateFilter == null ? "" : stateFilter.name());
        model.addAttribute("sla", slaFilter == null ? "" : slaFilter.name());
        return htmx != null ? "requests/rows" : "requests/list";
    }

    /**
     * The client filter's suggestions for what is typed so far, as the options of its list: a few of the viewer's
     * current clients (a member: those assigned to them), names starting with the text first.
     */
    @GetMapping("/requests/clients")
    String clientSuggestions(@AuthenticationPrincipal CurrentUser viewer,
            @RequestParam(required = false) @Nullable String q, Model model) {
        viewer.requireStaff();
        model.addAttribute("clients", ClientChoice.suggestions(clients.choices(viewer), ClientChoice::name, q,
                CLIENT_SUGGESTIONS));
        return "requests/clientOptions";
    }

    /** The one current client of the viewer with this name (any case), if exactly one has it. */
    private @Nullable ClientChoice onlyNamed(CurrentUser viewer, String name) {
        List<ClientChoice> named = clients.choices(viewer).stream()
                .filter(c -> c.name().strip().equalsIgnoreCase(name)).limit(2).toList();
        return named.size() == 1 ? named.get(0) : null;
    }

    // ------------------------------------------------------------------------------------------- by hand

    @GetMapping("/requests/new")
    String newRequest(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String clientId,
            Model model) {
        viewer.requireStaff();
        String chosen = clients.named(viewer, clientId).map(c -> c.value().toString()).orElse("");
        return newForm(viewer, model, new NewForm(chosen, "", "", ""), FieldErrors.none());
    }

    @PostMapping("/requests")
    String create(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String clientId,
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @Nullable String details,
            @RequestParam(required = false) @Nullable String desiredDate,
            @RequestParam(required = false) @Nullable List<MultipartFile> attachments, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        viewer.requireStaff();
        try {
            RequestId id = requests.submitManually(viewer, new ManualSubmission(clientId, subject, details,
                    desiredDate, files(attachments)));
            Notices.flash(redirect, message(viewer, "requests.web.created",
                    requests.get(viewer, id).request().label()));
            return "redirect:/requests/" + id.value();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return newForm(viewer, model, new NewForm(Objects.toString(clientId, ""), Objects.toString(subject, ""),
                    Objects.toString(details, ""), Objects.toString(desiredDate, "")),
                    FieldErrors.of(e.violations(), texts, viewer.locale()));
        }
    }

    private String newForm(CurrentUser viewer, Model model, NewForm form, FieldErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("choices", clients.choices(viewer));
        model.addAttribute("errors", errors);
        model.addAttribute("maxMegabytes", requests.maxAttachmentBytes() / (1024 * 1024));
        return "requests/new";
    }

    // ----------------------------------------------------------------------------------------- one request

    @GetMapping("/requests/{requestId}")
    String show(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID requestId, Model model) {
        viewer.requireStaff();
        RequestDetail detail = requests.get(viewer, new RequestId(requestId));
        return page(viewer, detail, model, "", FieldErrors.none(), ReplyForm.BLANK, null);
    }

    @PostMapping("/requests/{requestId}/reply")
    String reply(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID requestId,
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(defaultValue = "false") boolean internal,
            @RequestParam(defaultValue = "false") boolean waitOnClient,
            @RequestParam(required = false) @Nullable List<MultipartFile> attachments, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        RequestDetail detail = visible(viewer, requestId);
        try {
            requests.reply(viewer, detail.request().id(), new Reply(text, !internal, waitOnClient, files(attachments)));
            Notices.flash(redirect, message(viewer, internal ? "requests.web.noted" : "requests.web.replied"));
            return "redirect:/requests/" + requestId + "#conversation";
        } catch (InvalidInputException e) {
            return refused(viewer, detail, "reply", e, model, response,
                    new ReplyForm(Objects.toString(text, ""), internal, waitOnClient), null);
        }
    }

    @PostMapping("/requests/{requestId}/convert")
    String convert(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID requestId,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String projectId,
            @RequestParam(required = false) @Nullable String assigneeId,
            @RequestParam(required = false) @Nullable String dueDate, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        RequestDetail detail = visible(viewer, requestId);
        ConvertForm form = new ConvertForm(Objects.toString(title, ""), Objects.toString(projectId, ""),
                Objects.toString(assigneeId, ""), Objects.toString(dueDate, ""));
        try {
            requests.convertToTask(viewer, detail.request().id(), new TaskInput(title, null, null,
                    blankToNull(projectId), null, false, false, blankToNull(dueDate), null, null, null,
                    blankToNull(assigneeId), null, null, null, List.of(), null, null, List.of()));
            Notices.flash(redirect, message(viewer, "requests.web.converted"));
            return "redirect:/requests/" + requestId + "#task";
        } catch (InvalidInputException e) {
            return refused(viewer, detail, "convert", e, model, response, ReplyForm.BLANK, form);
        }
    }

    @PostMapping("/requests/{requestId}/merge")
    String merge(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID requestId,
            @RequestParam(required = false) @Nullable String targetRequestId, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        RequestDetail detail = visible(viewer, requestId);
        try {
            RequestId into = uuid(targetRequestId).map(RequestId::new)
                    .orElseThrow(() -> InvalidInputException.of("into", "requests.web.merge.choose"));
            requests.merge(viewer, detail.request().id(), into);
            Notices.flash(redirect, message(viewer, "requests.web.merged", detail.request().label()));
            return "redirect:/requests/" + into.value();
        } catch (InvalidInputException e) {
            return refused(viewer, detail, "merge", e, model, response, ReplyForm.BLANK, null);
        }
    }

    @PostMapping("/requests/{requestId}/close")
    String close(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID requestId, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        RequestDetail detail = visible(viewer, requestId);
        try {
            requests.close(viewer, detail.request().id());
            Notices.flash(redirect, message(viewer, "requests.web.closed", detail.request().label()));
            return "redirect:/requests/" + requestId;
        } catch (InvalidInputException e) {
            return refused(viewer, detail, "state", e, model, response, ReplyForm.BLANK, null);
        }
    }

    @PostMapping("/requests/{requestId}/reopen")
    String reopen(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID requestId,
            RedirectAttributes redirect) {
        RequestDetail detail = visible(viewer, requestId);
        requests.reopen(viewer, detail.request().id());
        Notices.flash(redirect, message(viewer, "requests.web.reopened", detail.request().label()));
        return "redirect:/requests/" + requestId;
    }

    @GetMapping("/requests/{requestId}/attachments/{requestAttachmentId}")
    ResponseEntity<Resource> download(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID requestId,
            @PathVariable UUID requestAttachmentId) {
        viewer.requireStaff();
        Requests.StoredFile stored = requests.openAttachment(viewer, new RequestId(requestId), requestAttachmentId);
        RequestAttachment a = stored.attachment();
        return Downloads.attachment(a.fileName(), a.contentType(), a.sizeBytes(),
                new FileSystemResource(stored.file()));
    }

    // ------------------------------------------------------------------------------------------------ inside

    private RequestDetail visible(CurrentUser viewer, UUID requestId) {
        viewer.requireStaff();
        return requests.get(viewer, new RequestId(requestId));
    }

    private String refused(CurrentUser viewer, RequestDetail detail, String form, InvalidInputException e, Model model,
            HttpServletResponse response, ReplyForm reply, @Nullable ConvertForm convert) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        // Read again: the refused action changed nothing, but the page shows the request as it stands now.
        RequestDetail fresh = requests.get(viewer, detail.request().id());
        return page(viewer, fresh, model, form, FieldErrors.of(e.violations(), texts, viewer.locale()), reply, convert);
    }

    private String page(CurrentUser viewer, RequestDetail detail, Model model, String failed, FieldErrors errors,
            ReplyForm reply, @Nullable ConvertForm convert) {
        Client client = clients.get(viewer, detail.request().clientId());
        List<RequestSummary> targets = List.of();
        RequestState state = detail.request().state();
        if (state != RequestState.MERGED) {
            targets = Stream.of(RequestState.OPEN, RequestState.WAITING_ON_CLIENT)
                    .flatMap(s -> requests.inbox(viewer, new RequestFilter(client.id(), s, null, MERGE_CHOICES, 0))
                            .items().stream())
                    .filter(r -> !r.id().equals(detail.request().id()))
                    .sorted(Comparator.comparingLong(RequestSummary::number).reversed())
                    .limit(MERGE_CHOICES).toList();
        }
        List<ProjectChoice> clientProjects = detail.request().taskId() == null ? projects.choices(viewer).stream()
                .filter(p -> p.clientId().equals(client.id())).toList() : List.of();
        List<Account> assignees = detail.request().taskId() == null ? tasks.assignable(viewer) : List.of();
        ConvertForm convertForm = convert != null ? convert
                : new ConvertForm(detail.request().subject(), "", "", "");
        model.addAttribute("view", new View(detail, client, targets, clientProjects, assignees, failed, errors, reply,
                convertForm));
        model.addAttribute("maxMegabytes", requests.maxAttachmentBytes() / (1024 * 1024));
        return "requests/show";
    }

    private static List<NewAttachment> files(@Nullable List<MultipartFile> uploads) {
        List<NewAttachment> files = new ArrayList<>();
        if (uploads == null) {
            return files;
        }
        for (MultipartFile upload : uploads) {
            // A file input left empty still sends one part, without a name and without bytes.
            if (upload.isEmpty() && (upload.getOriginalFilename() == null || upload.getOriginalFilename().isBlank())) {
                continue;
            }
            try {
                files.add(new NewAttachment(upload.getOriginalFilename(), upload.getInputStream()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private String message(CurrentUser viewer, String key, Object... args) {
        return texts.getMessage(key, args, viewer.locale());
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static Optional<UUID> uuid(@Nullable String id) {
        try {
            return id == null || id.isBlank() ? Optional.empty() : Optional.of(UUID.fromString(id.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
