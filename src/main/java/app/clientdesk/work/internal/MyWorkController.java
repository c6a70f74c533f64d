package app.clientdesk.work.internal;

import app.clientdesk.work.internal.Views.Group;
import app.clientdesk.work.internal.Views.Section;
import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.work.Task;
import app.clientdesk.work.Tasks;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My work": the viewer's open tasks by when they are due, in the viewer's own time zone. */
@Controller
class MyWorkController {

    /** Open tasks shown; a person with more has a planning problem no list solves. */
    static final int SHOWN = 500;
    /** Tasks listed per section; the rest are counted. */
    static final int PER_SECTION = 50;



    private final Tasks tasks;
    private final ViewFilter filter;
    private final MessageSource texts;
    private final Clock clock;

    MyWorkController(Tasks tasks, ViewFilter filter, MessageSource texts, Clock clock) {
        this.tasks = tasks;
        this.filter = filter;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping("/my-work")
    String myWork(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String clientId,
            Model model) {
        ClientId client = filter.client(viewer, clientId);
        List<Task> open = tasks.myOpenWork(viewer, client, SHOWN);
        LocalDate today = LocalDate.now(clock.withZone(viewer.zone()));
        List<Group> groups = sections(open, today, WeekFields.of(viewer.locale()), viewer.zone());
        model.addAttribute("groups", groups);
        model.addAttribute("capped", open.size() >= SHOWN);
        model.addAttribute("client", client);
        model.addAttribute("clients", filter.clients(viewer));
        model.addAttribute("hours", filter.hours(viewer, groups.stream()
                .flatMap(g -> g.tasks().stream()).map(Task::clientId).collect(java.util.stream.Collectors.toSet())));
        model.addAttribute("clock", clock);
        return "views/myWork";
    }

    /** Tasks by section; the week ends on the last day of the viewer's locale's week. */
    static List<Group> sections(List<Task> open, LocalDate today, WeekFields week, ZoneId zone) {
        LocalDate endOfWeek = today.with(TemporalAdjusters.nextOrSame(week.getFirstDayOfWeek().minus(1)));
        Map<Section, List<Task>> bySection = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            bySection.put(s, new ArrayList<>());
        }
        for (Task task : open) {
            bySection.get(task.due() == null ? Section.NO_DATE
                    : section(task.due().dateIn(zone), today, endOfWeek)).add(task);
        }
        // A section shows its first tasks (due first) and counts the rest: a page of thousands helps nobody.
        return bySection.entrySet().stream().map(e -> new Group(e.getKey(),
                List.copyOf(e.getValue().subList(0, Math.min(PER_SECTION, e.getValue().size()))),
                e.getValue().size())).toList();
    }

    static Section section(LocalDate due, LocalDate today, LocalDate endOfWeek) {
        if (due.isBefore(today)) {
            return Section.OVERDUE;
        }
        if (due.equals(today)) {
            return Section.TODAY;
        }
        return due.isAfter(endOfWeek) ? Section.LATER : Section.THIS_WEEK;
    }

    @PostMapping("/my-work/complete")
    String complete(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String taskId,
            @RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) {
        Task task = tasks.get(viewer, ViewFilter.taskId(taskId));
        try {
            tasks.complete(viewer, task.id());
            Notices.flash(redirect, texts.getMessage("myWork.completed", new Object[] {task.title()}, viewer.locale()));
        } catch (InvalidInputException e) {
            Notices.flash(redirect, filter.message(viewer, e));
        }
        return "redirect:" + Back.to(back, "/my-work");
    }
}
