package app.clientdesk.time.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.time.RunningTimer;
import app.clientdesk.time.TimeEntry;
import app.clientdesk.time.Timer;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the timer's buttons do. Without JavaScript each is a form that comes back to the page it was on
 * with a notice (Post/Redirect/Get); with htmx, start, pause, resume and discard answer the header widget
 * to swap in place. Stop always reloads the page: the time it logs may show on it (a timesheet). A refused
 * action shows the timer's page with the reason (422), or, in the header, the widget saying it.
 */
@Controller
class TimerController {

    private static final Map<String, String> START_FIELDS = Map.of("end", "", "timer", "", "taskId", "");
    private static final Map<String, String> END_FIELDS = Map.of("end", "endTime", "timer", "");

    private final Timer timer;
    private final TimerPages pages;
    private final MessageSource texts;

    TimerController(Timer timer, TimerPages pages, MessageSource texts) {
        this.timer = timer;
        this.pages = pages;
        this.texts = texts;
    }

    @PostMapping("/timer/start")
    String start(@AuthenticationPrincipal CurrentUser viewer, @ModelAttribute StartForm form,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        viewer.requireStaff();
        String back = TimerBack.to(form.back());
        try {
            Timer.Started started = timer.start(viewer, form.toStart());
            String logged = started.stopped() == null ? null
                    : TimerTexts.logged(texts, viewer.locale(), started.stopped());
            if (htmx != null) {
                refreshTheTimersPage(back, response);
                return pages.widget(viewer, model, back, StartForm.blank(), FieldErrors.none(), logged);
            }
            String notice = text(viewer, "timer.started", started.timer().label());
            Notices.flash(redirect, logged == null ? notice : logged + " " + notice);
            return "redirect:" + back;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            FieldErrors errors = pages.errors(e, viewer, START_FIELDS);
            if (htmx != null) {
                boolean running = timer.current(viewer).isPresent();
                return pages.widget(viewer, model, back, form, errors, running ? pages.sentence(e, viewer) : null);
            }
            return pages.page(viewer, model, back, "", form, errors, null, FieldErrors.none(), FieldErrors.none());
        }
    }

    /**
     * Starts a break. {@code ifWorkingSince} (epoch milliseconds) makes it conditional, for the Pomodoro
     * pause a page makes by itself: a tab that missed a resume elsewhere must not end the new work period.
     */
    @PostMapping("/timer/pause")
    String pause(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String back,
            @RequestParam(required = false) @Nullable String ifWorkingSince,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        viewer.requireStaff();
        if (ifWorkingSince != null) {
            Optional<RunningTimer> now = timer.current(viewer);
            boolean same = now.isPresent() && !now.get().paused()
                    && Long.toString(now.get().workingSince().toEpochMilli()).equals(ifWorkingSince.strip());
            if (!same) {
                return pages.widget(viewer, model, TimerBack.to(back), StartForm.blank(), FieldErrors.none(), null);
            }
        }
        return act(viewer, back, htmx, "timer.paused.notice", () -> timer.pause(viewer), model, response, redirect);
    }

    @PostMapping("/timer/resume")
    String resume(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String back,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        viewer.requireStaff();
        return act(viewer, back, htmx, "timer.resumed.notice", () -> timer.resume(viewer), model, response, redirect);
    }

    @PostMapping("/timer/discard")
    String discard(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String back,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        viewer.requireStaff();
        return act(viewer, back, htmx, "timer.discarded", () -> timer.discard(viewer), model, response, redirect);
    }

    /** Stops the timer now, or at the end given for a timer left running, and logs its time. */
    @PostMapping("/timer/stop")
    String stop(@AuthenticationPrincipal CurrentUser viewer, @ModelAttribute EndForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        viewer.requireStaff();
        String back = TimerBack.to(form.back());
        try {
            Violations v = new Violations();
            Instant end = form.end(viewer.zone(), v);
            v.throwIfAny();
            Optional<TimeEntry> entry = timer.stop(viewer, end);
            Notices.flash(redirect, entry.map(e -> TimerTexts.logged(texts, viewer.locale(), e))
                    .orElseGet(() -> text(viewer, "timer.logged.none")));
            return "redirect:" + back;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            FieldErrors errors = pages.errors(e, viewer, END_FIELDS);
            boolean aboutEnd = e.violations().stream().anyMatch(x -> !x.field().equals("timer"));
            EndForm typed = form.date().isBlank() && form.time().isBlank() ? null : form;
            return pages.page(viewer, model, back, "", StartForm.blank(), FieldErrors.none(), typed,
                    aboutEnd ? errors : FieldErrors.none(), aboutEnd ? FieldErrors.none() : errors);
        }
    }

    private String act(CurrentUser viewer, @Nullable String backParam, @Nullable String htmx, String noticeKey,
            Runnable action, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        String back = TimerBack.to(backParam);
        try {
            action.run();
            if (htmx != null) {
                refreshTheTimersPage(back, response);
                return pages.widget(viewer, model, back, StartForm.blank(), FieldErrors.none(), null);
            }
            Notices.flash(redirect, text(viewer, noticeKey));
            return "redirect:" + back;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            if (htmx != null) {
                return pages.widget(viewer, model, back, StartForm.blank(), FieldErrors.none(),
                        pages.sentence(e, viewer));
            }
            return pages.page(viewer, model, back, "", StartForm.blank(), FieldErrors.none(), null,
                    FieldErrors.none(), pages.errors(e, viewer, Map.of("timer", "")));
        }
    }

    /** On the timer's own page the page shows the timer too: htmx reloads it rather than swap the header alone. */
    private static void refreshTheTimersPage(String back, HttpServletResponse response) {
        if (back.equals("/timer") || back.startsWith("/timer?")) {
            response.setHeader("HX-Refresh", "true");
        }
    }

    private String text(CurrentUser viewer, String key, Object... args) {
        return texts.getMessage(key, args, key, viewer.locale());
    }
}
