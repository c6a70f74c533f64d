package app.clientdesk.planning.internal;

import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientChoice;
import app.clientdesk.clients.Clients;
import app.clientdesk.clients.Contact;
import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.planning.Meeting;
import app.clientdesk.planning.Meetings;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Upcoming meetings ({@code /plan/meetings}) and the meeting form, new (filled in from a slot the meeting planner
 * offered) or to change one; every change is Post/Redirect/Get, a refusal answers 422 with the form and its errors.
 */
@Controller
class MeetingsController {

    static final String BASE = "/plan/meetings";

    private final Meetings meetings;
    private final Clients clients;
    private final Accounts accounts;
    private final MessageSource texts;

    MeetingsController(Meetings meetings, Clients clients, Accounts accounts, MessageSource texts) {
        this.meetings = meetings;
        this.clients = clients;
        this.accounts = accounts;
        this.texts = texts;
    }

    @GetMapping(BASE)
    String list(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        List<Meeting> upcoming = meetings.upcoming(viewer);
        model.addAttribute("meetings", upcoming);
        model.addAttribute("changeable", upcoming.stream().filter(m -> meetings.mayChange(viewer, m))
                .map(Meeting::id).toList());
        return "planning/meetings";
    }

    /** The form for a new meeting, filled in from the query (a slot the planner offered). */
    @GetMapping(BASE + "/create")
    String createForm(@AuthenticationPrincipal CurrentUser viewer,
            @RequestParam(required = false) @Nullable String start,
            @RequestParam(required = false) @Nullable String end,
            @RequestParam(required = false) @Nullable String zone,
            @RequestParam(required = false) @Nullable String weeks,
            @RequestParam(required = false) @Nullable String clientId,
            @RequestParam(required = false) @Nullable List<String> userIds, Model model) {
        viewer.requireStaff();
        MeetingForm form = new MeetingForm();
        form.setStart(start);
        form.setEnd(end);
        form.setZone(zone == null || zone.isBlank() ? viewer.zone().getId() : zone);
        form.setWeeks(weeks == null || weeks.isBlank() ? "1" : weeks);
        form.setClientId(clientId);
        if (userIds != null) {
            form.getUserIds().addAll(userIds);
        }
        form.getUserIds().add(viewer.id().value().toString());
        if (clientId != null && !clientId.isBlank()) {
            clients.named(viewer, clientId).flatMap(id -> clients.find(viewer, id)).flatMap(Client::primaryContact)
                    .filter(c -> c.email() != null).ifPresent(c -> form.getContactIds().add(c.id().toString()));
        }
        return form(viewer, null, form, FieldErrors.none(), model);
    }

    @PostMapping(BASE)
    String create(@AuthenticationPrincipal CurrentUser viewer, @ModelAttribute("form") MeetingForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Meeting meeting = meetings.create(viewer, form.toInput());
            Notices.flash(redirect, texts.getMessage("meetings.created", new Object[] {meeting.title(),
                    meeting.attendees().size()}, viewer.locale()));
            return "redirect:" + BASE;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(viewer, null, form, FieldErrors.of(e.violations(), texts, viewer.locale()), model);
        }
    }

    @GetMapping(BASE + "/{meetingId}/edit")
    String editForm(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID meetingId, Model model) {
        Meeting meeting = changeable(viewer, meetingId);
        MeetingForm form = MeetingForm.of(meeting);
        form.getUserIds().add(meeting.organizer().value().toString());
        return form(viewer, meetingId, form, FieldErrors.none(), model);
    }

    @PostMapping(BASE + "/{meetingId}")
    String change(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID meetingId,
            @ModelAttribute("form") MeetingForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            Meeting meeting = meetings.change(viewer, meetingId, form.toInput());
            Notices.flash(redirect, texts.getMessage("meetings.changed", new Object[] {meeting.title()},
                    viewer.locale()));
            return "redirect:" + BASE;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(viewer, meetingId, form, FieldErrors.of(e.violations(), texts, viewer.locale()), model);
        }
    }

    @PostMapping(BASE + "/{meetingId}/cancel")
    String cancel(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID meetingId,
            RedirectAttributes redirect) {
        Meeting meeting = meetings.cancel(viewer, meetingId);
        Notices.flash(redirect, texts.getMessage("meetings.cancelled", new Object[] {meeting.title()},
                viewer.locale()));
        return "redirect:" + BASE;
    }

    private Meeting changeable(CurrentUser viewer, UUID id) {
        Meeting meeting = meetings.get(viewer, id);
        if (!meetings.mayChange(viewer, meeting)) {
            throw new org.springframework.security.access.AccessDeniedException("not the organizer");
        }
        return meeting;
    }

    private String form(CurrentUser viewer, @Nullable UUID meetingId, MeetingForm form, FieldErrors errors,
            Model model) {
        List<MeetingFormPage.ClientContacts> choices = clients.choices(viewer).stream()
                .map(ClientChoice::id).map(id -> clients.get(viewer, id))
                .map(c -> new MeetingFormPage.ClientContacts(c.id().value(), c.name(), c.zone().getId(),
                        c.contacts().stream().filter(k -> k.email() != null && !k.email().isBlank())
                                .sorted(java.util.Comparator.comparing(Contact::name)).toList()))
                .toList();
        model.addAttribute("page", new MeetingFormPage(meetingId, meetingId == null ? BASE : BASE + "/" + meetingId,
                choices, accounts.inWorkspace(viewer.workspaceId()).stream()
                        .filter(a -> a.role() != Role.CLIENT && !a.disabled()).toList()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "planning/meetingForm";
    }
}
