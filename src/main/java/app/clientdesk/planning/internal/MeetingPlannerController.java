package app.clientdesk.planning.internal;

import app.clientdesk.clients.Clients;
import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.planning.MeetingSlots;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.FieldErrors;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /plan/meetings/new}: a plain GET form (clients, members, weeks, length) answered with the ranked weekly
 * slots, each party's local time and every clock change in words. Reading only; choosing a slot opens the meeting
 * form filled in.
 */
@Controller
class MeetingPlannerController {

    private final MeetingSlots slots;
    private final Clients clients;
    private final Accounts accounts;
    private final MessageSource texts;

    MeetingPlannerController(MeetingSlots slots, Clients clients, Accounts accounts, MessageSource texts) {
        this.slots = slots;
        this.clients = clients;
        this.accounts = accounts;
        this.texts = texts;
    }

    @GetMapping(MeetingsController.BASE + "/new")
    String plan(@AuthenticationPrincipal CurrentUser viewer,
            @RequestParam(required = false) @Nullable List<String> clientIds,
            @RequestParam(required = false) @Nullable List<String> userIds,
            @RequestParam(required = false) @Nullable String weeks,
            @RequestParam(required = false) @Nullable String durationMinutes,
            @RequestParam(required = false) @Nullable String find, Model model, HttpServletResponse response) {
        viewer.requireStaff();
        List<String> chosenClients = clientIds == null ? List.of() : clientIds;
        Set<String> chosenUsers = new LinkedHashSet<>(userIds == null ? List.of() : userIds);
        boolean asked = find != null;
        if (!asked) {
            chosenUsers.add(viewer.id().value().toString());
        }
        FieldErrors errors = FieldErrors.none();
        List<MeetingPlannerPage.SlotView> found = List.of();
        String outcome = null;
        if (asked) {
            try {
                MeetingSlots.Options options = slots.plan(viewer, chosenClients, List.copyOf(chosenUsers), weeks,
                        durationMinutes, null);
                found = MeetingPlannerPage.slots(options, texts, viewer.locale());
                outcome = options.plan().outcome().name();
            } catch (InvalidInputException e) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                errors = FieldErrors.of(e.violations(), texts, viewer.locale());
            }
        }
        model.addAttribute("page", new MeetingPlannerPage(clients.choices(viewer),
                accounts.inWorkspace(viewer.workspaceId()).stream()
                        .filter(a -> a.role() != Role.CLIENT && !a.disabled()).toList(),
                Set.copyOf(chosenClients), chosenUsers, text(weeks, MeetingSlots.DEFAULT_WEEKS),
                text(durationMinutes, MeetingSlots.DEFAULT_MINUTES), asked, outcome, found));
        model.addAttribute("errors", errors);
        return "planning/meetingPlanner";
    }

    private static String text(@Nullable String value, int fallback) {
        return value == null || value.isBlank() ? Integer.toString(fallback) : value.strip();
    }
}
