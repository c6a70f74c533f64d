package app.clientdesk.planning.internal;

import app.clientdesk.clients.Clients;
import app.clientdesk.identity.Account;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.planning.BlockInput;
import app.clientdesk.planning.BlockTemplates;
import app.clientdesk.planning.TimeBlocks;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.work.Tasks;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's usual week ("Mon 09:00–11:00 Harbour"): its rows, and applying it to a week of the planner. */
@Controller
class BlockTemplatesController {

    private final BlockTemplates templates;
    private final TimeBlocks blocks;
    private final Clients clients;
    private final Tasks tasks;
    private final MessageSource texts;
    private final Clock clock;

    BlockTemplatesController(BlockTemplates templates, TimeBlocks blocks, Clients clients, Tasks tasks,
            MessageSource texts, Clock clock) {
        this.templates = templates;
        this.blocks = blocks;
        this.clients = clients;
        this.tasks = tasks;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping("/plan/templates")
    String show(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String person,
            Model model) {
        Account who = blocks.person(viewer, person);
        return page(viewer, who, null, null, null, null, null, null, FieldErrors.none(), model);
    }

    @PostMapping("/plan/templates")
    String add(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String person,
            @RequestParam(required = false) @Nullable String day,
            @RequestParam(required = false) @Nullable String startTime,
            @RequestParam(required = false) @Nullable String endTime,
            @RequestParam(required = false) @Nullable String clientId,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String title, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        Account who = blocks.person(viewer, person);
        try {
            templates.add(viewer, who, day, new BlockInput(null, null, startTime, endTime, null, null, null, clientId,
                    null, type, title, true));
            Notices.flash(redirect, texts.getMessage("planning.template.added", null, viewer.locale()));
            return "redirect:" + back("/plan/templates", who, viewer, null);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(viewer, who, day, startTime, endTime, clientId, type, title,
                    FieldErrors.of(e.violations(), texts, viewer.locale()), model);
        }
    }

    @PostMapping("/plan/templates/{blockTemplateId}/delete")
    String remove(@AuthenticationPrincipal CurrentUser viewer, @PathVariable UUID blockTemplateId,
            @RequestParam(required = false) @Nullable String person, RedirectAttributes redirect) {
        Account who = blocks.person(viewer, person);
        templates.remove(viewer, who, blockTemplateId);
        Notices.flash(redirect, texts.getMessage("planning.template.removed", null, viewer.locale()));
        return "redirect:" + back("/plan/templates", who, viewer, null);
    }

    @PostMapping("/plan/templates/apply")
    String apply(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String person,
            @RequestParam(required = false) @Nullable String week, RedirectAttributes redirect) {
        Account who = blocks.person(viewer, person);
        LocalDate monday = PlanController.monday(week, LocalDate.now(clock.withZone(viewer.zone())));
        BlockTemplates.Applied applied = templates.apply(viewer, who, monday);
        Notices.flash(redirect, texts.getMessage(applied.skipped() == 0 ? "planning.template.applied"
                : "planning.template.appliedSkipped", new Object[] {applied.added(), applied.skipped()},
                viewer.locale()));
        return "redirect:" + back("/plan", who, viewer, monday);
    }

    private String page(CurrentUser viewer, Account who, @Nullable String day, @Nullable String startTime,
            @Nullable String endTime, @Nullable String clientId, @Nullable String type, @Nullable String title,
            FieldErrors errors, Model model) {
        model.addAttribute("person", who);
        model.addAttribute("own", who.id().equals(viewer.id()));
        model.addAttribute("rows", templates.of(viewer, who));
        model.addAttribute("form", new String[] {day == null ? "MONDAY" : day, startTime == null ? "09:00" : startTime,
                endTime == null ? "11:00" : endTime, clientId == null ? "" : clientId, type == null ? "" : type,
                title == null ? "" : title});
        model.addAttribute("errors", errors);
        model.addAttribute("clients", clients.choices(viewer));
        model.addAttribute("types", tasks.types(viewer));
        model.addAttribute("monday", PlanController.monday(null, LocalDate.now(clock.withZone(viewer.zone()))));
        return "planning/templates";
    }

    private static String back(String path, Account who, CurrentUser viewer, @Nullable LocalDate week) {
        String query = (week == null ? "" : "week=" + week)
                + (who.id().equals(viewer.id()) ? "" : (week == null ? "" : "&") + "person=" + who.id().value());
        return query.isEmpty() ? path : path + "?" + query;
    }
}
