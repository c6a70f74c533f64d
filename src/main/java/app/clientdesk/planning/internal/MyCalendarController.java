package app.clientdesk.planning.internal;

import app.clientdesk.identity.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's own working calendar: zone, hours, buffer, focus limit and holidays. */
@Controller
class MyCalendarController {

    static final String BASE = "/plan/calendar";

    private final CalendarScreen screen;

    MyCalendarController(CalendarScreen screen) {
        this.screen = screen;
    }

    @GetMapping(BASE)
    String show(@AuthenticationPrincipal CurrentUser viewer, Model model) {
        return screen.show(viewer, viewer.id(), BASE, model);
    }

    @PostMapping(BASE)
    String save(@AuthenticationPrincipal CurrentUser viewer, @ModelAttribute("form") CalendarForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return screen.save(viewer, viewer.id(), BASE, form, model, response, redirect);
    }

    @PostMapping(BASE + "/holidays")
    String addHoliday(@AuthenticationPrincipal CurrentUser viewer, @ModelAttribute HolidayForm form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return screen.addHoliday(viewer, viewer.id(), BASE, form, model, response, redirect);
    }

    @PostMapping(BASE + "/holidays/remove")
    String removeHoliday(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String date,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return screen.removeHoliday(viewer, viewer.id(), BASE, date, model, response, redirect);
    }

    @PostMapping(BASE + "/import")
    String importFile(@AuthenticationPrincipal CurrentUser viewer,
            @RequestParam(required = false) @Nullable MultipartFile file, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return screen.importFile(viewer, viewer.id(), BASE, file, model, response, redirect);
    }

    @PostMapping(BASE + "/follow-workspace")
    String followWorkspace(@AuthenticationPrincipal CurrentUser viewer, RedirectAttributes redirect) {
        return screen.followWorkspace(viewer, viewer.id(), BASE, redirect);
    }
}
