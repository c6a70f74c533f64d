package app.clientdesk.planning.internal;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.Account;
import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.planning.MeetingOccurrence;
import app.clientdesk.planning.Meetings;
import app.clientdesk.planning.PersonCalendar;
import app.clientdesk.planning.TimeBlock;
import app.clientdesk.planning.TimeBlocks;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.FieldErrors;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.work.Task;
import app.clientdesk.work.Tasks;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The weekly planner: a person's week in their zone with its blocks, due dates and their clients' clocks; blocks
 * drawn, moved and resized by mouse, by keyboard (the script) or through the form (without it).
 */
@Controller
class PlanController {

    /** Tasks due that a day of the planner shows. */
    static final int DUE_PER_DAY = 6;
    static final List<String> FIELDS = List.of("date", "startTime", "endTime", "zone", "clientId", "taskId", "type",
            "title");

    private final TimeBlocks blocks;
    private final Meetings meetings;
    private final Accounts accounts;
    private final Clients clients;
    private final Tasks tasks;
    private final MessageSource texts;
    private final Clock clock;

    PlanController(TimeBlocks blocks, Meetings meetings, Accounts accounts, Clients clients, Tasks tasks,
            MessageSource texts, Clock clock) {
        this.blocks = blocks;
        this.meetings = meetings;
        this.accounts = accounts;
        this.clients = clients;
        this.tasks = tasks;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping("/plan")
    String plan(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String week,
            @RequestParam(required = false) @Nullable String person, Model model) {
        Account who = blocks.person(viewer, person);
        return page(viewer, who, week, BlockForm.blank(), FieldErrors.none(), model);
    }

    @PostMapping("/plan/blocks")
    String create(@AuthenticationPrincipal CurrentUser viewer, @ModelAttribute BlockForm form,
            @RequestParam(required = false) @Nullable String week, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        Account who = blocks.person(viewer, form.person());
        try {
            TimeBlock block = blocks.create(viewer, form.toInput());
            Notices.flash(redirect, text(viewer, "planning.block.created", block.label()));
            return "redirect:" + back(who, block.start().atZone(block.zone()).toLocalDate(), viewer);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(viewer, who, week != null ? week : form.date(), form,
                    FieldErrors.of(e.violations(), texts, viewer.locale()), model);
        }
    }

    @GetMapping("/plan/blocks/{blockId}")
    String edit(@AuthenticationPrincipal CurrentUser viewer, @PathVariable("blockId") UUID id, Model model) {
        TimeBlock block = blocks.get(viewer, id);
        return editPage(viewer, block, BlockForm.of(block, block.zone()), FieldErrors.none(), model);
    }

    @PostMapping("/plan/blocks/{blockId}")
    String update(@AuthenticationPrincipal CurrentUser viewer, @PathVariable("blockId") UUID id, @ModelAttribute BlockForm form,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        TimeBlock block = blocks.get(viewer, id);
        Account who = person(viewer, block);
        try {
            TimeBlock saved = blocks.update(viewer, id, form.toInput());
            Notices.flash(redirect, text(viewer, "planning.block.saved", saved.label()));
            return "redirect:" + back(who, saved.start().atZone(saved.zone()).toLocalDate(), viewer);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return editPage(viewer, block, form, FieldErrors.of(e.violations(), texts, viewer.locale()), model);
        }
    }

    /**
     * A drag or a key press on the planner: the block's new date and times, in the zone the week is shown in.
     * Answers 204, or 422 with the reason as plain text for the page to read out.
     */
    @PostMapping(value = "/plan/blocks/{blockId}/move", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> move(@AuthenticationPrincipal CurrentUser viewer, @PathVariable("blockId") UUID id,
            @ModelAttribute BlockForm form) {
        TimeBlock block = blocks.get(viewer, id);
        try {
            blocks.update(viewer, id, new BlockForm(null, form.date(), form.startTime(), form.endTime(), form.zone(),
                    block.clientId() == null ? null : block.clientId().value().toString(),
                    block.taskId() == null ? null : block.taskId().value().toString(), block.type(), block.title(),
                    block.outsideHours() || form.isOutsideHours() ? "true" : null).toInput());
            return ResponseEntity.noContent().build();
        } catch (InvalidInputException e) {
            FieldErrors errors = FieldErrors.of(e.violations(), texts, viewer.locale());
            String reason = e.violations().stream().map(v -> errors.get(v.field())).distinct()
                    .collect(Collectors.joining(" "));
            return ResponseEntity.unprocessableContent().contentType(MediaType.TEXT_PLAIN).body(reason);
        }
    }

    @PostMapping("/plan/blocks/{blockId}/delete")
    String delete(@AuthenticationPrincipal CurrentUser viewer, @PathVariable("blockId") UUID id, RedirectAttributes redirect) {
        TimeBlock block = blocks.get(viewer, id);
        Account who = person(viewer, block);
        blocks.delete(viewer, id);
        Notices.flash(redirect, text(viewer, "planning.block.deleted", block.label()));
        return "redirect:" + back(who, block.start().atZone(block.zone()).toLocalDate(), viewer);
    }

    private Account person(CurrentUser viewer, TimeBlock block) {
        return blocks.person(viewer, block.person().value().toString());
    }

    private String page(CurrentUser viewer, Account who, @Nullable String week, BlockForm form, FieldErrors errors,
            Model model) {
        PersonCalendar calendar = blocks.calendar(viewer, who);
        ZoneId zone = calendar.zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate monday = monday(week, today);
        Instant from = monday.atStartOfDay(zone).toInstant();
        Instant to = monday.plusDays(7).atStartOfDay(zone).toInstant();
        List<TimeBlock> shown = blocks.between(viewer, who.id(), from, to);
        List<Task> due = tasks.duePerDay(viewer, null, monday.minusDays(1), monday.plusDays(7), DUE_PER_DAY, 0)
                .stream().filter(t -> !t.completed() && mine(t, who)).toList();
        Set<ClientId> ids = new LinkedHashSet<>();
        shown.stream().map(TimeBlock::clientId).filter(java.util.Objects::nonNull).forEach(ids::add);
        due.forEach(t -> ids.add(t.clientId()));
        List<Account> people = viewer.isOwner() ? accounts.inWorkspace(viewer.workspaceId()).stream()
                .filter(a -> a.role() != Role.CLIENT && !a.disabled()).toList() : List.of(who);
        List<MeetingOccurrence> meetingsShown = meetings.between(viewer, who.id(), from, to);
        PlanWeek plan = PlanWeek.of(who, who.id().equals(viewer.id()), people, calendar, monday, today, shown,
                meetingsShown, due,
                ids.isEmpty() ? java.util.Map.of() : clients.businessHours(viewer, ids), clock.instant());
        model.addAttribute("plan", plan);
        model.addAttribute("form", form.date() == null
                ? new BlockForm(null, today.isBefore(monday) || today.isAfter(monday.plusDays(6))
                        ? monday.toString() : today.toString(), "09:00", "10:00", null, null, null, null, null, null)
                : form);
        model.addAttribute("errors", errors);
        model.addAttribute("clients", clients.choices(viewer));
        model.addAttribute("taskChoices", tasks.openChoices(viewer, 200));
        model.addAttribute("types", tasks.types(viewer));
        return "planning/plan";
    }

    private String editPage(CurrentUser viewer, TimeBlock block, BlockForm form, FieldErrors errors, Model model) {
        model.addAttribute("block", block);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("clients", clients.choices(viewer));
        model.addAttribute("taskChoices", tasks.openChoices(viewer, 200));
        model.addAttribute("types", tasks.types(viewer));
        model.addAttribute("back", back(person(viewer, block), block.start().atZone(block.zone()).toLocalDate(),
                viewer));
        return "planning/block";
    }

    /** The owner's own tasks and nobody's show on their week; anyone else's, their own. */
    private static boolean mine(Task task, Account who) {
        return task.assigneeId() == null ? who.role() == Role.OWNER : task.assigneeId().equals(who.id());
    }

    static LocalDate monday(@Nullable String week, LocalDate today) {
        LocalDate at = today;
        if (week != null && !week.isBlank()) {
            try {
                at = LocalDate.parse(week.strip());
            } catch (DateTimeParseException e) {
                at = today;
            }
        }
        return at.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static String back(Account who, LocalDate date, CurrentUser viewer) {
        String week = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString();
        return "/plan?week=" + week + (who.id().equals(viewer.id()) ? "" : "&person=" + who.id().value());
    }

    private String text(CurrentUser viewer, String key, Object... args) {
        return texts.getMessage(key, args, viewer.locale());
    }
}
