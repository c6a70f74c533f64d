package app.clientdesk.billing.internal;

import app.clientdesk.billing.AddedTime;
import app.clientdesk.billing.Invoice;
import app.clientdesk.billing.InvoiceId;
import app.clientdesk.billing.InvoiceKind;
import app.clientdesk.billing.Invoices;
import app.clientdesk.billing.TimeSelection;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.shared.web.OwnerOnly;
import app.clientdesk.time.RoundingText;
import app.clientdesk.time.TimeEntries;
import app.clientdesk.time.TimeEntry;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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

/**
 * "Add unbilled time" to a draft: the client's unbilled billable time narrowed by dates, project and task, each
 * entry ticked or not, grouped into lines as chosen, with the client's rounding in words.
 */
@OwnerOnly
@Controller
class InvoiceTimeController {

    private final Invoices invoices;
    private final TimeEntries time;
    private final InvoiceHistory history;
    private final InvoicePages pages;
    private final MessageSource texts;

    InvoiceTimeController(Invoices invoices, TimeEntries time, InvoiceHistory history, InvoicePages pages,
            MessageSource texts) {
        this.pages = pages;
        this.invoices = invoices;
        this.time = time;
        this.history = history;
        this.texts = texts;
    }

    @GetMapping("/billing/invoices/{invoiceId}/time")
    String picker(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID invoiceId,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String projectId,
            @RequestParam(required = false) @Nullable String taskId,
            @RequestParam(required = false) @Nullable String grouping, Model model) {
        Invoice invoice = invoices.get(viewer, new InvoiceId(invoiceId));
        if (!invoice.draft() || invoice.kind() != InvoiceKind.INVOICE) {
            // Bookmarked after the issue, or a deposit: the invoice itself, saying why there is no picker.
            model.addAttribute("refusal", texts.getMessage(invoice.draft() ? "billing.time.notOnDeposit"
                    : "billing.edit.issued", null, viewer.locale()));
            return pages.show(viewer, model, invoice, null, false, FieldErrors.none());
        }
        InvoiceTimePicker.Filter filter = new InvoiceTimePicker.Filter(s(from), s(to), s(projectId), s(taskId), s(grouping));
        return page(viewer, model, invoice, filter, null, FieldErrors.none());
    }

    @PostMapping("/billing/invoices/{invoiceId}/time")
    String add(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID invoiceId,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String projectId,
            @RequestParam(required = false) @Nullable String taskId,
            @RequestParam(required = false) @Nullable String grouping,
            @RequestParam(name = "entryIds", required = false) @Nullable List<String> entryIds, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Invoice invoice = invoices.get(viewer, new InvoiceId(invoiceId));
        InvoiceTimePicker.Filter filter = new InvoiceTimePicker.Filter(s(from), s(to), s(projectId), s(taskId), s(grouping));
        List<UUID> picked = new ArrayList<>();
        for (String id : entryIds == null ? List.<String>of() : entryIds) {
            UUID parsed = InvoiceTimePicker.Filter.id(Objects.toString(id, ""));
            if (parsed != null) {
                picked.add(parsed);
            }
        }
        try {
            if (picked.isEmpty()) {
                throw InvalidInputException.of("entryIds", "invoices.time.noneTicked");
            }
            AddedTime added = invoices.addTime(viewer, invoice.id(), new TimeSelection(filter.fromDate(),
                    filter.toDate(), filter.project(), filter.task(), picked, filter.group()));
            Notices.flash(redirect, notice(viewer.locale(), added));
            return "redirect:/billing/invoices/" + invoice.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(viewer, model, invoice, filter, picked, InvoiceView.errors(e, texts, viewer.locale()));
        }
    }

    private String notice(Locale locale, AddedTime added) {
        StringBuilder text = new StringBuilder(texts.getMessage("invoices.time.added",
                new Object[] {added.entries(), added.lines()}, locale));
        List<String> left = new ArrayList<>();
        if (added.withoutRate() > 0) {
            left.add(texts.getMessage("invoices.time.left.noRate", new Object[] {added.withoutRate()}, locale));
        }
        if (added.otherCurrency() > 0) {
            left.add(texts.getMessage("invoices.time.left.otherCurrency", new Object[] {added.otherCurrency()}, locale));
        }
        if (added.onOtherDraft() > 0) {
            left.add(texts.getMessage("invoices.time.left.onDraft", new Object[] {added.onOtherDraft()}, locale));
        }
        if (!left.isEmpty()) {
            text.append(' ').append(texts.getMessage("invoices.time.leftOut", new Object[] {String.join("; ", left)},
                    locale));
        }
        return text.toString();
    }

    private String page(CurrentUser viewer, Model model, Invoice invoice, InvoiceTimePicker.Filter filter, @Nullable List<UUID> picked,
            FieldErrors errors) {
        List<TimeEntry> inRange = invoices.unbilledTime(viewer, invoice.clientId(), filter.fromDate(),
                filter.toDate(), null, null);
        Map<UUID, String> projects = new LinkedHashMap<>();
        Map<UUID, String> tasks = new LinkedHashMap<>();
        for (TimeEntry e : inRange) {
            if (e.projectId() != null) {
                projects.putIfAbsent(e.projectId().value(), Objects.toString(e.projectName(), ""));
            }
            if (e.taskId() != null) {
                tasks.putIfAbsent(e.taskId().value(), Objects.toString(e.taskTitle(), ""));
            }
        }
        List<TimeEntry> shown = inRange.stream()
                .filter(e -> filter.project() == null || e.projectId() != null && e.projectId().value().equals(filter.project()))
                .filter(e -> filter.task() == null || e.taskId() != null && e.taskId().value().equals(filter.task()))
                .toList();
        Map<UUID, UUID> drafts = history.draftsOf(viewer.workspaceId(),
                shown.stream().map(e -> e.id().value()).toList());
        List<InvoiceTimePicker.Row> rows = new ArrayList<>();
        long pickableSeconds = 0;
        for (TimeEntry e : shown) {
            UUID draft = drafts.get(e.id().value());
            String reason = draft != null ? (draft.equals(invoice.id().value()) ? "onThis" : "onDraft")
                    : e.rate() == null ? "noRate"
                    : !e.rate().currency().equals(invoice.currency()) ? "otherCurrency" : null;
            rows.add(new InvoiceTimePicker.Row(e, reason, draft));
            if (reason == null) {
                pickableSeconds += e.durationSeconds();
            }
        }
        RoundingText.Text rule = RoundingText.rule(time.rounding(viewer, invoice.clientId()));
        model.addAttribute("invoice", invoice);
        model.addAttribute("filter", filter);
        model.addAttribute("rows", rows);
        model.addAttribute("picked", picked);
        model.addAttribute("pickableSeconds", pickableSeconds);
        model.addAttribute("projects", projects);
        model.addAttribute("tasks", tasks);
        model.addAttribute("rule", texts.getMessage(rule.key(), rule.args().toArray(), rule.key(), viewer.locale()));
        model.addAttribute("errors", errors);
        return "billing/invoices/time";
    }

    private static String s(@Nullable String v) {
        return v == null ? "" : v.strip();
    }

}
