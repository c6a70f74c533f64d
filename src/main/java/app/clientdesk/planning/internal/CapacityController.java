package app.clientdesk.planning.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.planning.Capacity;
import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Capacity week by week: available, planned and promised hours per person and per client. */
@Controller
class CapacityController {

    static final int WEEKS = 6;

    private final Capacity capacity;
    private final Clock clock;

    CapacityController(Capacity capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    @GetMapping("/plan/capacity")
    String capacity(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String week,
            Model model) {
        LocalDate monday = PlanController.monday(week, LocalDate.now(clock.withZone(viewer.zone())));
        model.addAttribute("table", capacity.weeks(viewer, monday, WEEKS));
        model.addAttribute("monday", monday);
        return "planning/capacity";
    }
}
