package app.clientdesk.time.internal;

import app.clientdesk.identity.Account;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violation;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.time.TimeEntries;
import app.clientdesk.time.TimeEntry;
import app.clientdesk.time.TimeEntryId;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Entries typed by hand: the new-entry and edit-entry form, and deleting an entry. */
@Controller
class TimeEntryFormController {

    private final TimeEntries entries;
    private final Timesheets sheets;
    private final TimeEntryOptions options;
    private final MessageSource texts;

    TimeEntryFormController(TimeEntries entries, Timesheets sheets, TimeEntryOptions options, MessageSource texts) {
        this.entries = entries;
        this.sheets = sheets;
        this.options = options;
        this.texts = texts;
    }

    @GetMapping("/time/entries/new")
    String newEntry(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String date,
            @RequestParam(required = false) @Nullable String user, @RequestParam(required = false) @Nullable String back,
            Model model) {
        Account person = sheets.person(viewer, user);
        LocalDate day = sheets.today(viewer);
        if (date != null && !date.isBlank()) {
            try {
                day = LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                // today, then
            }
        }
        TimeEntryForm form = TimeEntryForm.blank(day.toString(), viewer.zone(), person.id().value().toString());
        return form(viewer, model, form, null, back, FieldErrors.none());
    }

    @PostMapping("/time/entries")
    String create(@AuthenticationPrincipal CurrentUser viewer, @ModelAttribute("form") TimeEntryForm form,
            @RequestParam(required = false) @Nullable String back, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        viewer.requireStaff();
        try {
            TimeEntry saved = entries.create(viewer, form.toInput(viewer));
            return saved(viewer, saved, "timesheet.form.created", back, redirect);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(viewer, model, form, null, back, errors(viewer, e));
        }
    }

    @GetMapping("/time/entries/{entryId}/edit")
    String edit(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID entryId,
            @RequestParam(required = false) @Nullable String back, Model model) {
        viewer.requireStaff();
        TimeEntry entry = entries.get(viewer, new TimeEntryId(entryId));
        FieldErrors errors = FieldErrors.none();
        if (entry.locked()) {
            errors = FieldErrors.of(java.util.List.of(Violation.of("", TimeEntries.lockedMessage(viewer),
                    Objects.requireNonNullElse(entry.invoiceNumber(), "?"))), texts, viewer.locale());
        }
        return form(viewer, model, TimeEntryForm.of(entry), entry, back, errors);
    }

    @PostMapping("/time/entries/{entryId}")
    String update(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID entryId,
            @ModelAttribute("form") TimeEntryForm form, @RequestParam(required = false) @Nullable String back,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        viewer.requireStaff();
        TimeEntry existing = entries.get(viewer, new TimeEntryId(entryId));
        try {
            TimeEntry saved = entries.update(viewer, existing.id(), form.toInput(viewer));
            return saved(viewer, saved, "timesheet.form.saved", back, redirect);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(viewer, model, form, existing, back, errors(viewer, e));
        }
    }

    @PostMapping("/time/entries/{entryId}/delete")
    String delete(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID entryId,
            @RequestParam(required = false) @Nullable String back, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        viewer.requireStaff();
        TimeEntry existing = entries.get(viewer, new TimeEntryId(entryId));
        try {
            entries.delete(viewer, existing.id());
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(viewer, model, TimeEntryForm.of(existing), existing, back, errors(viewer, e));
        }
        Notices.flash(redirect, texts.getMessage("timesheet.form.deleted", new Object[] {
                TimesheetDurations.format(existing.durationSeconds()), existing.clientName()}, viewer.locale()));
        return "redirect:" + TimesheetBack.to(back, weekOf(viewer, existing));
    }

    private String saved(CurrentUser viewer, TimeEntry saved, String key, @Nullable String back,
            RedirectAttributes redirect) {
        Notices.flash(redirect, texts.getMessage(key, new Object[] {TimesheetDurations.format(saved.durationSeconds()),
                saved.clientName(), TimesheetTexts.dayText(viewer.locale(), saved.localDate())}, viewer.locale()));
        return "redirect:" + TimesheetBack.to(back, weekOf(viewer, saved));
    }

    private static String weekOf(CurrentUser viewer, TimeEntry e) {
        return "/time?week=" + TimeEntries.weekOf(e.localDate())
                + (e.userId().equals(viewer.id()) ? "" : "&user=" + e.userId().value());
    }

    private String form(CurrentUser viewer, Model model, TimeEntryForm form, @Nullable TimeEntry existing,
            @Nullable String back, FieldErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("entry", existing);
        model.addAttribute("errors", errors);
        String fallback = existing == null ? "/time" : weekOf(viewer, existing);
        String safe = TimesheetBack.to(back, fallback);
        model.addAttribute("back", safe.equals(fallback) ? null : safe);
        model.addAttribute("cancel", safe);
        model.addAttribute("options", options.of(viewer, form.taskId()));
        return "time/timesheet/form";
    }

    private FieldErrors errors(CurrentUser viewer, InvalidInputException e) {
        return FieldErrors.of(e.violations().stream()
                .map(v -> new Violation(TimeEntryForm.formField(v.field()), v.messageKey(), v.args())).toList(),
                texts, viewer.locale());
    }
}
