package app.clientdesk.time.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.web.FieldErrors;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The timer's page (the timer at full size, a task search, the end time of a timer left running), and the
 * parts of the header widget that htmx fetches: the widget itself (again, when the tab gets focus), its start
 * panel (when first opened) and the task picker's search.
 */
@Controller
class TimerPageController {

    private final TimerPages pages;

    TimerPageController(TimerPages pages) {
        this.pages = pages;
    }

    @GetMapping("/timer")
    String page(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String back,
            @RequestParam(required = false) @Nullable String q, Model model) {
        viewer.requireStaff();
        return pages.page(viewer, model, TimerBack.to(back), Objects.toString(q, ""), StartForm.blank(),
                FieldErrors.none(), null, FieldErrors.none(),
                FieldErrors.none());
    }

    @GetMapping("/timer/widget")
    String widget(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String back,
            Model model) {
        viewer.requireStaff();
        return pages.widget(viewer, model, TimerBack.to(back), StartForm.blank(),
                FieldErrors.none(), null);
    }

    @GetMapping("/timer/panel")
    String panel(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String back,
            Model model) {
        viewer.requireStaff();
        return pages.panel(viewer, model, TimerBack.to(back));
    }

    @GetMapping("/timer/tasks")
    String tasks(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String back,
            @RequestParam(required = false) @Nullable String q, Model model) {
        viewer.requireStaff();
        return pages.tasks(viewer, model, TimerBack.to(back), Objects.toString(q, ""));
    }
}
