package app.clientdesk.identity.internal;

import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.ApiTokens;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.shared.web.Notices;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Personal API tokens in a person's settings: made here, shown once, revoked here. */
@Controller
class ApiTokensController {

    private final ApiTokens tokens;
    private final Accounts accounts;
    private final MessageSource texts;
    private final java.time.Clock clock;

    ApiTokensController(ApiTokens tokens, Accounts accounts, MessageSource texts, java.time.Clock clock) {
        this.clock = clock;
        this.tokens = tokens;
        this.accounts = accounts;
        this.texts = texts;
    }

    @GetMapping("/settings/tokens")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        return page(user, model, "", FieldErrors.none());
    }

    @PostMapping("/settings/tokens")
    String create(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String expiresInDays, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        var account = accounts.find(user.workspaceId(), user.id()).orElseThrow(() -> new NotFoundException("user"));
        try {
            ApiTokens.Issued issued = tokens.create(account, name, days(expiresInDays));
            redirect.addFlashAttribute("newToken", issued.token());
            return "redirect:/settings/tokens";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(user, model, name, FieldErrors.of(e.violations(), texts, user.locale()));
        }
    }

    @PostMapping("/settings/tokens/{tokenId}/revoke")
    String revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID tokenId, RedirectAttributes redirect) {
        if (!tokens.revoke(user.id(), tokenId)) {
            throw new NotFoundException("token");
        }
        Notices.flash(redirect, texts.getMessage("tokens.revoked", null, user.locale()));
        return "redirect:/settings/tokens";
    }

    /** Blank means never; anything else must be a whole number of days. */
    private static @org.jspecify.annotations.Nullable Integer days(String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("expiresInDays", "tokens.expiry.range", String.valueOf(ApiTokens.MAX_DAYS));
        }
    }

    private String page(CurrentUser user, Model model, String name, FieldErrors errors) {
        model.addAttribute("tokens", tokens.of(user.id()));
        model.addAttribute("name", name);
        model.addAttribute("errors", errors);
        model.addAttribute("now", clock.instant());
        if (!model.containsAttribute("newToken")) {
            model.addAttribute("newToken", null);
        }
        return "identity/tokens";
    }
}
