package app.clientdesk.planning.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.UserId;
import app.clientdesk.shared.web.OwnerOnly;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The owner's view of anyone's working calendar in the workspace, reached from the members page. A member gets 403
 * here even for their own id (their page is {@code /plan/calendar}); an id outside the workspace is 404.
 */
@OwnerOnly
@Controller
class MemberCalendarController {

    private static final String BASE = MyCalendarController.BASE + "/{userId}";

    private final CalendarScreen screen;

    MemberCalendarController(CalendarScreen screen) {
        this.screen = screen;
    }

    @GetMapping(BASE)
    String show(@AuthenticationPrincipal CurrentUser owner, @PathVariable UUID userId, Model model) {
        return screen.show(owner, new UserId(userId), base(userId), model);
    }

    @PostMapping(BASE)
    String save(@AuthenticationPrincipal CurrentUser owner, @PathVariable UUID userId,
            @ModelAttribute("form") CalendarForm form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return screen.save(owner, new UserId(userId), base(userId), form, model, response, redirect);
    }

    @PostMapping(BASE + "/holidays")
    String addHoliday(@AuthenticationPrincipal CurrentUser owner, @PathVariable UUID userId,
            @ModelAttribute HolidayForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return screen.addHoliday(owner, new UserId(userId), base(userId), form, model, response, redirect);
    }

    @PostMapping(BASE + "/holidays/remove")
    String removeHoliday(@AuthenticationPrincipal CurrentUser owner, @PathVariable UUID userId,
            @RequestParam(required = false) @Nullable String date, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return screen.removeHoliday(owner, new UserId(userId), base(userId), date, model, response, redirect);
    }

    @PostMapping(BASE + "/import")
    String importFile(@AuthenticationPrincipal CurrentUser owner, @PathVariable UUID userId,
            @RequestParam(required = false) @Nullable MultipartFile file, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return screen.importFile(owner, new UserId(userId), base(userId), file, model, response, redirect);
    }

    @PostMapping(BASE + "/follow-workspace")
    String followWorkspace(@AuthenticationPrincipal CurrentUser owner, @PathVariable UUID userId,
            RedirectAttributes redirect) {
        return screen.followWorkspace(owner, new UserId(userId), base(userId), redirect);
    }

    private static String base(UUID userId) {
        return MyCalendarController.BASE + "/" + userId;
    }
}
