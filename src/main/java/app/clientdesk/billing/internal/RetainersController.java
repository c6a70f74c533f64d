package app.clientdesk.billing.internal;

import app.clientdesk.billing.Invoice;
import app.clientdesk.billing.Retainer;
import app.clientdesk.billing.RetainerInput;
import app.clientdesk.billing.RetainerPeriod;
import app.clientdesk.billing.RetainerSchedule;
import app.clientdesk.billing.Retainers;
import app.clientdesk.clients.ClientChoice;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violation;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.shared.web.OwnerOnly;
import app.clientdesk.shared.web.Ui;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
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

/** The retainers pages (owner only): the list with what is due, new and edit, pause, resume and "issue now". */
@OwnerOnly
@Controller
class RetainersController {

    private final Retainers retainers;
    private final Clients clients;
    private final MessageSource texts;
    private final Clock clock;

    RetainersController(Retainers retainers, Clients clients, MessageSource texts, Clock clock) {
        this.retainers = retainers;
        this.clients = clients;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping("/billing/retainers")
    String list(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        List<RetainerRow> rows = retainers.list(viewer).stream()
                .map(r -> new RetainerRow(r, retainers.due(viewer, r.id()), retainers.next(viewer, r.id()).orElse(null)))
                .toList();
        model.addAttribute("rows", rows);
        return "billing/retainers/list";
    }

    @GetMapping("/billing/retainers/new")
    String blank(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        viewer.requireOwner();
        LocalDate first = LocalDate.now(clock.withZone(viewer.zone()));
        return form(viewer, model, new RetainerInput(null, null, null, null, null, null, "1", "1", null, null,
                RetainerSchedule.firstFrom(first, 1).start().toString(), null), null, FieldErrors.none());
    }

    @PostMapping("/billing/retainers")
    String create(@AuthenticationPrincipal CurrentUser viewer, @ModelAttribute("form") RetainerInput form,
            @RequestParam(required = false) @Nullable String pastPeriods, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        model.addAttribute("pastPeriods", pastPeriods == null ? "" : pastPeriods);
        try {
            Retainer saved = retainers.create(viewer, form, past(pastPeriods));
            Notices.flash(redirect, ui(model).t("retainers.saved", saved.name()));
            return "redirect:/billing/retainers";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(viewer, model, form, null, FieldErrors.of(e.violations(), texts, viewer.locale()));
        }
    }

    @GetMapping("/billing/retainers/{retainerId}/edit")
    String edit(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID retainerId, Model model) {
        Retainer r = retainers.get(viewer, retainerId);
        return form(viewer, model, new RetainerInput(r.clientId().value().toString(), r.name(), r.monthlyFee().plain(),
                app.clientdesk.time.RoundingText.duration(r.includedMinutes() * 60L),
                r.overageRate() == null ? null : r.overageRate().plain(), r.rollover() ? "true" : null,
                String.valueOf(Math.max(1, r.rolloverMonths())), String.valueOf(r.issueDay()),
                r.tax().isNone() ? null : r.tax().name(), r.tax().isNone() ? null : r.tax().percent().toPlainString(),
                r.startsOn().toString(), r.endsOn() == null ? null : r.endsOn().toString()), r, FieldErrors.none());
    }

    @PostMapping("/billing/retainers/{retainerId}")
    String update(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID retainerId,
            @ModelAttribute("form") RetainerInput form, @RequestParam(required = false) @Nullable String pastPeriods,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Retainer current = retainers.get(viewer, retainerId);
        model.addAttribute("pastPeriods", pastPeriods == null ? "" : pastPeriods);
        try {
            Retainer saved = retainers.update(viewer, retainerId, form, past(pastPeriods));
            Notices.flash(redirect, ui(model).t("retainers.saved", saved.name()));
            return "redirect:/billing/retainers";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(viewer, model, form, current, FieldErrors.of(e.violations(), texts, viewer.locale()));
        }
    }

    @PostMapping("/billing/retainers/{retainerId}/pause")
    String pause(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID retainerId, Model model,
            RedirectAttributes redirect) {
        retainers.pause(viewer, retainerId);
        Notices.flash(redirect, ui(model).t("retainers.paused", retainers.get(viewer, retainerId).name()));
        return "redirect:/billing/retainers";
    }

    @PostMapping("/billing/retainers/{retainerId}/resume")
    String resume(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID retainerId, Model model,
            RedirectAttributes redirect) {
        retainers.resume(viewer, retainerId);
        Notices.flash(redirect, ui(model).t("retainers.resumed", retainers.get(viewer, retainerId).name()));
        return "redirect:/billing/retainers";
    }

    @PostMapping("/billing/retainers/{retainerId}/issue")
    String issue(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID retainerId, Model model,
            RedirectAttributes redirect) {
        Ui ui = ui(model);
        try {
            Invoice invoice = retainers.issueNow(viewer, retainerId);
            Notices.flash(redirect, ui.t("retainers.issued", invoice.number()));
        } catch (InvalidInputException e) {
            Violation v = e.violations().get(0);
            Notices.flash(redirect, texts.getMessage(v.messageKey(), v.args().toArray(), viewer.locale()));
        }
        return "redirect:/billing/retainers";
    }

    private String form(CurrentUser viewer, Model model, RetainerInput form, @Nullable Retainer retainer,
            FieldErrors errors) {
        List<ClientChoice> choices = clients.choices(viewer);
        List<RetainerPeriod> periods = retainer == null ? List.of() : retainers.periods(viewer, retainer.id());
        model.addAttribute("form", form);
        model.addAttribute("retainer", retainer);
        model.addAttribute("clients", choices);
        model.addAttribute("periods", periods);
        model.addAttribute("errors", errors);
        return "billing/retainers/form";
    }

    /** The answer for periods that began before today; anything else is no answer (asked again). */
    private static Retainers.@Nullable PastPeriods past(@Nullable String value) {
        for (Retainers.PastPeriods p : Retainers.PastPeriods.values()) {
            if (p.name().equals(value)) {
                return p;
            }
        }
        return null;
    }

    private static Ui ui(Model model) {
        return (Ui) java.util.Objects.requireNonNull(model.getAttribute("ui"));
    }
}
