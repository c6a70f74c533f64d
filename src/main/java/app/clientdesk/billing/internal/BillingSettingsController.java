package app.clientdesk.billing.internal;

import app.clientdesk.billing.BillingSettings;
import app.clientdesk.billing.BillingSettingsInput;
import app.clientdesk.billing.BillingSetup;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.shared.web.OwnerOnly;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's billing settings page: numbering, defaults, what invoices print, the closed period, reminders, logo. */
@OwnerOnly
@Controller
class BillingSettingsController {

    private final BillingSetup setup;
    private final MessageSource texts;

    BillingSettingsController(BillingSetup setup, MessageSource texts) {
        this.setup = setup;
        this.texts = texts;
    }

    @GetMapping("/billing/settings")
    String show(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        BillingSettings saved = setup.get(viewer);
        return page(model, saved, BillingSettingsInput.of(saved), FieldErrors.none(), FieldErrors.none());
    }

    @PostMapping("/billing/settings")
    String save(@AuthenticationPrincipal CurrentUser viewer, @ModelAttribute("form") BillingSettingsInput form,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            setup.save(viewer, form);
            Notices.flash(redirect, texts.getMessage("documents.settings.saved", null, viewer.locale()));
            return "redirect:/billing/settings";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model, setup.get(viewer), form, FieldErrors.of(e.violations(), texts, viewer.locale()),
                    FieldErrors.none());
        }
    }

    @PostMapping("/billing/settings/logo")
    String upload(@AuthenticationPrincipal CurrentUser viewer,
            @RequestParam(name = "logo", required = false) @Nullable MultipartFile logo, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            byte[] bytes;
            try {
                bytes = logo == null ? null : logo.getBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            setup.uploadLogo(viewer, bytes);
            Notices.flash(redirect, texts.getMessage("documents.logo.saved", null, viewer.locale()));
            return "redirect:/billing/settings";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            BillingSettings saved = setup.get(viewer);
            return page(model, saved, BillingSettingsInput.of(saved), FieldErrors.none(),
                    FieldErrors.of(e.violations(), texts, viewer.locale()));
        }
    }

    @GetMapping("/billing/settings/logo")
    ResponseEntity<byte[]> logo(@AuthenticationPrincipal CurrentUser viewer) {
        return setup.logo(viewer)
                .map(l -> ResponseEntity.ok().contentType(MediaType.parseMediaType(l.mediaType()))
                        .cacheControl(CacheControl.noCache().cachePrivate()).body(l.bytes()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @PostMapping("/billing/settings/logo/delete")
    String deleteLogo(@AuthenticationPrincipal CurrentUser viewer, RedirectAttributes redirect) {
        setup.deleteLogo(viewer);
        Notices.flash(redirect, texts.getMessage("documents.logo.deleted", null, viewer.locale()));
        return "redirect:/billing/settings";
    }

    private static String page(Model model, BillingSettings saved, BillingSettingsInput form, FieldErrors errors,
            FieldErrors logoErrors) {
        model.addAttribute("saved", saved);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("logoErrors", logoErrors);
        model.addAttribute("maxLogoKb", BillingSetup.MAX_LOGO_BYTES / 1024);
        return "billing/settings/page";
    }
}
