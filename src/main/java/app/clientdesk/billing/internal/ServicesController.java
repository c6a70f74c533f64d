package app.clientdesk.billing.internal;

import app.clientdesk.billing.Service;
import app.clientdesk.billing.Services;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Workspaces;
import app.clientdesk.shared.i18n.Currencies;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.shared.web.OwnerOnly;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Currency;
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

/** The service catalogue's screens (owner only): the list, the form, archive and restore. */
@OwnerOnly
@Controller
class ServicesController {

    private final Services services;
    private final Workspaces workspaces;
    private final MessageSource texts;

    ServicesController(Services services, Workspaces workspaces, MessageSource texts) {
        this.services = services;
        this.workspaces = workspaces;
        this.texts = texts;
    }

    @GetMapping("/billing/services")
    String list(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(defaultValue = "false") boolean archived,
            Model model) {
        model.addAttribute("services", services.list(viewer, archived));
        model.addAttribute("archived", archived);
        return "billing/services/list";
    }

    @GetMapping("/billing/services/new")
    String newService(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        viewer.requireOwner();
        Currency base = Currencies.parse(workspaces.settings(viewer.workspaceId()).baseCurrency()).orElseThrow();
        return form(model, ServiceForm.blank(base), null, FieldErrors.none());
    }

    @PostMapping("/billing/services")
    String create(@AuthenticationPrincipal CurrentUser viewer, @ModelAttribute("form") ServiceForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        ServiceForm.Converted converted = form.toInput();
        try {
            Service saved = services.create(viewer, converted.input());
            Notices.flash(redirect, text(viewer, "services.created", saved.name()));
            return "redirect:/billing/services";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, form.withEmptyRows(), null, errors(viewer, converted, e));
        }
    }

    @GetMapping("/billing/services/{serviceId}/edit")
    String edit(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID serviceId, Model model) {
        Service service = services.get(viewer, serviceId);
        return form(model, ServiceForm.of(service), service, FieldErrors.none());
    }

    @PostMapping("/billing/services/{serviceId}")
    String update(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID serviceId,
            @ModelAttribute("form") ServiceForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        Service existing = services.get(viewer, serviceId);
        ServiceForm.Converted converted = form.toInput();
        try {
            Service saved = services.update(viewer, serviceId, converted.input());
            Notices.flash(redirect, text(viewer, "services.saved", saved.name()));
            return "redirect:/billing/services" + (saved.archived() ? "?archived=true" : "");
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, form.withEmptyRows(), existing, errors(viewer, converted, e));
        }
    }

    @PostMapping("/billing/services/{serviceId}/archive")
    String archive(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID serviceId,
            RedirectAttributes redirect) {
        Service service = services.archive(viewer, serviceId);
        Notices.flash(redirect, text(viewer, "services.archived", service.name()));
        return "redirect:/billing/services";
    }

    @PostMapping("/billing/services/{serviceId}/restore")
    String restore(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID serviceId,
            RedirectAttributes redirect) {
        try {
            Service service = services.restore(viewer, serviceId);
            Notices.flash(redirect, text(viewer, "services.restored", service.name()));
            return "redirect:/billing/services";
        } catch (InvalidInputException e) {
            var v = e.violations().get(0);
            Notices.flash(redirect, texts.getMessage(v.messageKey(), v.args().toArray(), viewer.locale())
                    + " " + text(viewer, "services.restore.rename"));
            return "redirect:/billing/services/" + serviceId + "/edit";
        }
    }

    private String form(Model model, ServiceForm form, @Nullable Service existing, FieldErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("service", existing);
        model.addAttribute("errors", errors);
        model.addAttribute("currencies", Currencies.selectable());
        return "billing/services/form";
    }

    private FieldErrors errors(CurrentUser viewer, ServiceForm.Converted converted, InvalidInputException e) {
        return FieldErrors.of(e.violations().stream().map(converted::onForm).toList(), texts, viewer.locale());
    }

    private String text(CurrentUser viewer, String key, Object... args) {
        return texts.getMessage(key, args, viewer.locale());
    }
}
