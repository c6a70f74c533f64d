package app.clientdesk.identity.internal;

import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.UserId;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.shared.web.OwnerOnly;
import app.clientdesk.shared.web.PublicUrls;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's team page: who is in the workspace, pending invitations, invite, disable and enable. */
@OwnerOnly
@Controller
public class MembersController {

    public record InviteForm(@Nullable String displayName, @Nullable String email) {
    }

    private final Accounts accounts;
    private final Invitations invitations;
    private final InvitationStore invitationStore;
    private final IdentityStore people;
    private final MessageSource texts;
    private final Clock clock;
    private final PublicUrls urls;
    private final PersonSessions sessions;

    MembersController(Accounts accounts, Invitations invitations, InvitationStore invitationStore, IdentityStore people,
            MessageSource texts, Clock clock, PublicUrls urls, PersonSessions sessions) {
        this.urls = urls;
        this.sessions = sessions;
        this.accounts = accounts;
        this.invitations = invitations;
        this.invitationStore = invitationStore;
        this.people = people;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping("/members")
    String list(@AuthenticationPrincipal CurrentUser owner, Model model) {
        return page(owner, model, new InviteForm("", ""), FieldErrors.none());
    }

    @PostMapping("/members/invitations")
    String invite(@AuthenticationPrincipal CurrentUser owner, @ModelAttribute InviteForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            String token = invitations.invite(owner, form.displayName(), form.email());
            String link = urls.to("/invitations/{token}", token);
            redirect.addFlashAttribute("invitationLink", link);
            redirect.addFlashAttribute("invitedEmail", form.email());
            return "redirect:/members";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(owner, model, form, FieldErrors.of(e.violations(), texts, owner.locale()));
        }
    }

    @PostMapping("/members/invitations/{invitationId}/revoke")
    @Transactional
    String revoke(@AuthenticationPrincipal CurrentUser owner, @PathVariable UUID invitationId,
            RedirectAttributes redirect) {
        if (!invitationStore.revoke(owner.workspaceId(), invitationId, clock.instant())) {
            throw new NotFoundException("invitation");
        }
        Notices.flash(redirect, texts.getMessage("members.invitation.revoked", null, owner.locale()));
        return "redirect:/members";
    }

    @PostMapping("/members/{userId}/disable")
    @Transactional
    String disable(@AuthenticationPrincipal CurrentUser owner, @PathVariable UUID userId, RedirectAttributes redirect) {
        return setDisabled(owner, userId, true, redirect);
    }

    @PostMapping("/members/{userId}/enable")
    @Transactional
    String enable(@AuthenticationPrincipal CurrentUser owner, @PathVariable UUID userId, RedirectAttributes redirect) {
        return setDisabled(owner, userId, false, redirect);
    }

    private String setDisabled(CurrentUser owner, UUID userId, boolean disabled, RedirectAttributes redirect) {
        var member = accounts.find(owner.workspaceId(), new UserId(userId))
                .filter(a -> !a.id().equals(owner.id()))
                .orElseThrow(() -> new NotFoundException("member"));
        people.setDisabled(owner.workspaceId(), member.id(), disabled ? clock.instant() : null);
        if (disabled) {
            // Their open browsers stop working now, not when their sessions would have timed out.
            sessions.endAll(member.email());
        }
        Notices.flash(redirect, texts.getMessage(disabled ? "members.disabled" : "members.enabled",
                new Object[] {member.displayName()}, owner.locale()));
        return "redirect:/members";
    }

    private String page(CurrentUser owner, Model model, InviteForm form, FieldErrors errors) {
        model.addAttribute("people", accounts.inWorkspace(owner.workspaceId()));
        model.addAttribute("pending", invitationStore.pending(owner.workspaceId(), clock.instant()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        if (!model.containsAttribute("invitationLink")) {
            model.addAttribute("invitationLink", null);
        }
        return "identity/members";
    }
}
