package app.clientdesk.sla.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.shared.web.OwnerOnly;
import app.clientdesk.sla.CalendarSettings;
import app.clientdesk.sla.DueTimes;
import app.clientdesk.sla.WorkingCalendar;
import app.clientdesk.sla.WorkingCalendars;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The owner's working calendar page: weekdays and hours, holidays, the at-risk share, and a preview of a due time. */
@OwnerOnly
@Controller
class WorkingCalendarController {

    /** The response the preview shows: a request received now with a 4-hour commitment. */
    static final Duration PREVIEW = Duration.ofHours(4);

    private final WorkingCalendars calendars;
    private final MessageSource texts;
    private final Clock clock;

    WorkingCalendarController(WorkingCalendars calendars, MessageSource texts, Clock clock) {
        this.calendars = calendars;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping("/settings/calendar")
    String show(@AuthenticationPrincipal CurrentUser owner, Model model) {
        CalendarSettings saved = calendars.settings(owner.workspaceId());
        return page(model, owner, saved, CalendarForm.of(saved), FieldErrors.none());
    }

    @PostMapping("/settings/calendar")
    String save(@AuthenticationPrincipal CurrentUser owner, @ModelAttribute("form") CalendarForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            calendars.save(owner, form.toInput());
            Notices.flash(redirect, texts.getMessage("workingCalendar.saved", null, owner.locale()));
            return "redirect:/settings/calendar";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model, owner, calendars.settings(owner.workspaceId()), form.withSevenDays(),
                    FieldErrors.of(e.violations(), texts, owner.locale()));
        }
    }

    private String page(Model model, CurrentUser owner, CalendarSettings saved, CalendarForm form,
            FieldErrors errors) {
        WorkingCalendar calendar = saved.in(calendars.zone(owner.workspaceId()));
        Instant now = clock.instant();
        Instant due = calendar.dueAt(now, PREVIEW);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("zone", calendar.zone().getId());
        model.addAttribute("preview", DueTimes.format(due.atZone(calendar.zone()), owner.locale()));
        model.addAttribute("previewIso", due.atZone(calendar.zone()).toOffsetDateTime().toString());
        return "sla/calendar";
    }
}
