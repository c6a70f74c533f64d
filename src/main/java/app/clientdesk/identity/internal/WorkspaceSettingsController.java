package app.clientdesk.identity.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceSettings;
import app.clientdesk.identity.Workspaces;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.shared.web.OwnerOnly;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's settings (owners only, by the URL rules in SecurityConfiguration) of the business: its name, base currency, home time zone and language. */
@OwnerOnly
@Controller
public class WorkspaceSettingsController {

    public record WorkspaceForm(@Nullable String name, @Nullable String baseCurrency, @Nullable String timeZone,
            @Nullable String locale) {
    }

    private final Workspaces workspaces;
    private final SessionSignIn sessions;
    private final MessageSource texts;

    WorkspaceSettingsController(Workspaces workspaces, SessionSignIn sessions, MessageSource texts) {
        this.workspaces = workspaces;
        this.sessions = sessions;
        this.texts = texts;
    }

    @GetMapping("/settings/workspace")
    String show(@AuthenticationPrincipal CurrentUser owner, Model model) {
        WorkspaceSettings settings = workspaces.settings(owner.workspaceId());
        model.addAttribute("form", new WorkspaceForm(settings.name(), settings.baseCurrency(), settings.timeZone(),
                settings.locale()));
        model.addAttribute("errors", FieldErrors.none());
        return "identity/workspace";
    }

    @PostMapping("/settings/workspace")
    String save(@AuthenticationPrincipal CurrentUser owner, @ModelAttribute("form") WorkspaceForm form, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            WorkspaceSettings saved = workspaces.update(owner.workspaceId(), form.name(), form.baseCurrency(),
                    form.timeZone(), form.locale());
            sessions.replace(owner.withWorkspaceName(saved.name()), request, response);
            Notices.flash(redirect, texts.getMessage("workspace.saved", null, owner.locale()));
            return "redirect:/settings/workspace";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("errors", FieldErrors.of(e.violations(), texts, owner.locale()));
            return "identity/workspace";
        }
    }

}
