package app.clientdesk.billing.internal;

import app.clientdesk.billing.RecurringInvoice;
import app.clientdesk.billing.RecurringInvoices;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.shared.web.OwnerOnly;
import app.clientdesk.shared.web.Ui;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The recurring invoices pages (owner only): the list with the next dates, new and edit, stop. */
@OwnerOnly
@Controller
class RecurringController {

    private final RecurringInvoices recurring;
    private final Clients clients;
    private final MessageSource texts;
    private final Clock clock;

    RecurringController(RecurringInvoices recurring, Clients clients, MessageSource texts, Clock clock) {
        this.recurring = recurring;
        this.clients = clients;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping("/billing/recurring")
    String list(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        model.addAttribute("items", recurring.list(viewer));
        return "billing/recurring/list";
    }

    @GetMapping("/billing/recurring/new")
    String blank(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        viewer.requireOwner();
        RecurringForm form = new RecurringForm();
        form.setStartsOn(LocalDate.now(clock.withZone(viewer.zone())).plusDays(1).toString());
        form.getLines().add(new RecurringForm.Line());
        return form(viewer, model, form, null, FieldErrors.none());
    }

    @PostMapping("/billing/recurring")
    String create(@AuthenticationPrincipal CurrentUser viewer, @ModelAttribute("form") RecurringForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            RecurringInvoice saved = recurring.create(viewer, form.input());
            Notices.flash(redirect, ui(model).t("recurring.saved", saved.name()));
            return "redirect:/billing/recurring";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(viewer, model, form, null, FieldErrors.of(e.violations(), texts, viewer.locale()));
        }
    }

    @GetMapping("/billing/recurring/{recurringId}/edit")
    String edit(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID recurringId, Model model) {
        RecurringInvoice r = recurring.get(viewer, recurringId);
        return form(viewer, model, RecurringForm.of(r), r, FieldErrors.none());
    }

    @PostMapping("/billing/recurring/{recurringId}")
    String update(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID recurringId,
            @ModelAttribute("form") RecurringForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        RecurringInvoice current = recurring.get(viewer, recurringId);
        try {
            RecurringInvoice saved = recurring.update(viewer, recurringId, form.input());
            Notices.flash(redirect, ui(model).t("recurring.saved", saved.name()));
            return "redirect:/billing/recurring";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(viewer, model, form, current, FieldErrors.of(e.violations(), texts, viewer.locale()));
        }
    }

    @PostMapping("/billing/recurring/{recurringId}/stop")
    String stop(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID recurringId, Model model,
            RedirectAttributes redirect) {
        RecurringInvoice r = recurring.get(viewer, recurringId);
        recurring.stop(viewer, recurringId);
        Notices.flash(redirect, ui(model).t("recurring.stopped", r.name()));
        return "redirect:/billing/recurring";
    }

    private String form(CurrentUser viewer, Model model, RecurringForm form, @Nullable RecurringInvoice current,
            FieldErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("recurring", current);
        model.addAttribute("clients", clients.choices(viewer));
        model.addAttribute("made", current == null ? List.of() : recurring.made(viewer, current.id(), 12));
        model.addAttribute("errors", errors);
        return "billing/recurring/form";
    }

    private static Ui ui(Model model) {
        return (Ui) Objects.requireNonNull(model.getAttribute("ui"));
    }
}
