package app.clientdesk.planning.internal;

import app.clientdesk.identity.Account;
import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.UserId;
import app.clientdesk.planning.PersonCalendar;
import app.clientdesk.planning.PersonCalendars;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.shared.web.Notices;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The working-calendar screen, whoever's it is: the person's own at {@code /plan/calendar}, a member's for the owner
 * at {@code /plan/calendar/{userId}}. The two controllers differ only in who they let in and the address; every
 * action here is Post/Redirect/Get, and a refusal answers 422 with the page and its errors, nothing changed.
 */
@Component
class CalendarScreen {

    private final PersonCalendars calendars;
    private final Accounts accounts;
    private final MessageSource texts;

    CalendarScreen(PersonCalendars calendars, Accounts accounts, MessageSource texts) {
        this.calendars = calendars;
        this.accounts = accounts;
        this.texts = texts;
    }

    String show(CurrentUser viewer, UserId person, String base, Model model) {
        PersonCalendar calendar = calendars.forEditing(viewer, person);
        return page(viewer, person, base, model, calendar, CalendarForm.of(calendar, viewer.locale()),
                FieldErrors.none(), HolidayForm.empty(), FieldErrors.none(), FieldErrors.none());
    }

    String save(CurrentUser viewer, UserId person, String base, CalendarForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            calendars.save(viewer, person, form.toInput());
            return done(viewer, base, redirect, "calendars.saved");
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(viewer, person, base, model, calendars.forEditing(viewer, person), form,
                    errors(e, viewer), HolidayForm.empty(), FieldErrors.none(), FieldErrors.none());
        }
    }

    String addHoliday(CurrentUser viewer, UserId person, String base, HolidayForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            calendars.addHoliday(viewer, person, form.date(), form.name());
            return done(viewer, base, redirect, "calendars.holiday.added");
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            PersonCalendar calendar = calendars.forEditing(viewer, person);
            return page(viewer, person, base, model, calendar, CalendarForm.of(calendar, viewer.locale()),
                    FieldErrors.none(), form, errors(e, viewer), FieldErrors.none());
        }
    }

    String removeHoliday(CurrentUser viewer, UserId person, String base, @Nullable String date, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            calendars.removeHoliday(viewer, person, date);
            return done(viewer, base, redirect, "calendars.holiday.removed");
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            PersonCalendar calendar = calendars.forEditing(viewer, person);
            return page(viewer, person, base, model, calendar, CalendarForm.of(calendar, viewer.locale()),
                    FieldErrors.none(), HolidayForm.empty(), errors(e, viewer), FieldErrors.none());
        }
    }

    String importFile(CurrentUser viewer, UserId person, String base, @Nullable MultipartFile file, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            // Who may change this calendar is settled before the file is read.
            calendars.forEditing(viewer, person);
            if (file == null || file.isEmpty()) {
                throw InvalidInputException.of("file", "calendars.ics.required");
            }
            byte[] bytes;
            try {
                bytes = file.getBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            PersonCalendars.HolidayImport done = calendars.importHolidays(viewer, person, bytes,
                    texts.getMessage("calendars.holiday.unnamed", null, viewer.locale()));
            String notice = texts.getMessage("calendars.ics.imported",
                    new Object[] {done.added(), done.alreadyListed(), done.timedEvents()}, viewer.locale());
            Notices.flash(redirect, notice.strip());
            return "redirect:" + base;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            PersonCalendar calendar = calendars.forEditing(viewer, person);
            return page(viewer, person, base, model, calendar, CalendarForm.of(calendar, viewer.locale()),
                    FieldErrors.none(), HolidayForm.empty(), FieldErrors.none(), errors(e, viewer));
        }
    }

    String followWorkspace(CurrentUser viewer, UserId person, String base, RedirectAttributes redirect) {
        calendars.followWorkspace(viewer, person);
        return done(viewer, base, redirect, "calendars.followed");
    }

    private String done(CurrentUser viewer, String base, RedirectAttributes redirect, String key) {
        Notices.flash(redirect, texts.getMessage(key, null, viewer.locale()));
        return "redirect:" + base;
    }

    private FieldErrors errors(InvalidInputException e, CurrentUser viewer) {
        return FieldErrors.of(e.violations(), texts, viewer.locale());
    }

    private String page(CurrentUser viewer, UserId person, String base, Model model, PersonCalendar calendar,
            CalendarForm form, FieldErrors errors, HolidayForm holidayForm, FieldErrors holidayErrors,
            FieldErrors fileErrors) {
        Account account = accounts.find(viewer.workspaceId(), person).orElseThrow(() -> new NotFoundException("person"));
        model.addAttribute("page", new CalendarPageModel(base, account.displayName(), viewer.id().equals(person),
                calendar, calendars.workspaceDefault(viewer.workspaceId()).zone().getId()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("holidayForm", holidayForm);
        model.addAttribute("holidayErrors", holidayErrors);
        model.addAttribute("fileErrors", fileErrors);
        return "planning/calendar";
    }
}
