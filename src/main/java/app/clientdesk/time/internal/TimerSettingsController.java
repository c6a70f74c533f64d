package app.clientdesk.time.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.time.Timer;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's timer settings: the lengths of a Pomodoro work period and break. */
@Controller
class TimerSettingsController {

    private final Timer timer;
    private final MessageSource texts;

    TimerSettingsController(Timer timer, MessageSource texts) {
        this.timer = timer;
        this.texts = texts;
    }

    @GetMapping("/settings/timer")
    String show(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        int[] lengths = timer.pomodoroLengths(viewer);
        return page(model, new PomodoroForm(Integer.toString(lengths[0]), Integer.toString(lengths[1])),
                FieldErrors.none());
    }

    @PostMapping("/settings/timer")
    String save(@AuthenticationPrincipal CurrentUser viewer, @ModelAttribute PomodoroForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        viewer.requireStaff();
        try {
            Violations v = new Violations();
            Integer work = minutes(form.workMinutes(), "workMinutes", v);
            Integer rest = minutes(form.breakMinutes(), "breakMinutes", v);
            v.throwIfAny();
            timer.setPomodoroLengths(viewer, Objects.requireNonNull(work), Objects.requireNonNull(rest));
            Notices.flash(redirect, texts.getMessage("timer.settings.saved", null, viewer.locale()));
            return "redirect:/settings/timer";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model, form, FieldErrors.of(e.violations(), texts, viewer.locale()));
        }
    }

    private static @Nullable Integer minutes(@Nullable String text, String field, Violations v) {
        String t = text == null ? "" : text.strip();
        if (!t.matches("\\d{1,4}")) {
            v.add(field, "timer.settings.whole");
            return null;
        }
        return Integer.parseInt(t);
    }

    private static String page(Model model, PomodoroForm form, FieldErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "time/timer/settings";
    }
}
