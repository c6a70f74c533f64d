package app.clientdesk.planning.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.planning.AutoPlans;
import app.clientdesk.planning.TimeBlock;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The auto-planner on screen: a proposal for a person's week (or the whole team's, for the owner) with every block
 * ticked, the tasks that will be late and the days over capacity; the ticked blocks are accepted together.
 */
@Controller
class AutoPlanController {

    private final AutoPlans plans;
    private final MessageSource texts;
    private final Clock clock;

    AutoPlanController(AutoPlans plans, MessageSource texts, Clock clock) {
        this.plans = plans;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping("/plan/auto")
    String propose(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String person,
            @RequestParam(required = false) @Nullable String week,
            @RequestParam(required = false, defaultValue = "1") String weeks, Model model,
            HttpServletResponse response) {
        LocalDate monday = PlanController.monday(week, LocalDate.now(clock.withZone(viewer.zone())));
        int count = switch (weeks) {
            case "2" -> 2;
            case "4" -> 4;
            default -> 1;
        };
        try {
            AutoPlans.Proposal proposal = plans.propose(viewer, person, monday.toString(),
                    monday.plusWeeks(count).toString());
            model.addAttribute("proposal", proposal);
            model.addAttribute("error", null);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("proposal", null);
            FieldErrors errors = FieldErrors.of(e.violations(), texts, viewer.locale());
            model.addAttribute("error", errors.get(e.violations().get(0).field()));
        }
        model.addAttribute("person", person == null ? "" : person);
        model.addAttribute("monday", monday);
        model.addAttribute("weeks", count);
        return "planning/auto";
    }

    @PostMapping("/plan/auto/accept")
    String accept(@AuthenticationPrincipal CurrentUser viewer,
            @RequestParam(name = "pick", required = false) @Nullable List<String> picks,
            @RequestParam(required = false) @Nullable String week, @RequestParam(required = false) @Nullable String person,
            RedirectAttributes redirect) {
        if (person != null && !person.isBlank()) {
            plans.requirePerson(viewer, person);
        }
        String back = "/plan" + (week == null ? "" : "?week=" + week)
                + (person == null || person.isBlank() ? "" : (week == null ? "?" : "&") + "person=" + person);
        List<AutoPlans.Accepted> accepted = new ArrayList<>();
        for (String pick : picks == null ? List.<String>of() : picks) {
            String[] parts = pick.split("\\|", -1);
            if (parts.length == 5) {
                accepted.add(new AutoPlans.Accepted(parts[0], parts[1], parts[2], parts[3],
                        parts[4].isEmpty() ? null : parts[4]));
            }
        }
        if (accepted.isEmpty()) {
            Notices.flash(redirect, texts.getMessage("planning.auto.none", null, viewer.locale()));
            return "redirect:" + back;
        }
        try {
            List<TimeBlock> made = plans.accept(viewer, accepted);
            Notices.flash(redirect, texts.getMessage("planning.auto.accepted", new Object[] {made.size()},
                    viewer.locale()));
        } catch (InvalidInputException e) {
            FieldErrors errors = FieldErrors.of(e.violations(), texts, viewer.locale());
            String reason = e.violations().stream().map(v -> errors.get(v.field())).findFirst().orElse("");
            Notices.flash(redirect, texts.getMessage("planning.auto.refused", new Object[] {reason}, viewer.locale()));
        }
        return "redirect:" + back;
    }
}
