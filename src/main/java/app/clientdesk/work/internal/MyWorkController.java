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

    /** Tasks listed per section at first, and as many again with each "Show more"; the rest are counted. */
    static final int PER_SECTION = 20;
    /** "Show more" lengthens one section to this many at most. */
    static final int MAX_SHOWN = 500;
    /**
     * Sections are counted up to this many (a lengthened one up to as many more as it shows beyond
     * {@link #PER_SECTION}); past it a section says "100+". An exact count reads every open task of the viewer's.
     */
    static final int COUNTED = 100;

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

    /**
     * Each section shows its first tasks, due first, and counts them all; {@code section} with {@code shown}
     * lengthens one section ("Show more").
     */
    @GetMapping("/my-work")
    String myWork(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String clientId,
            @RequestParam(required = false) @Nullable String section,
            @RequestParam(required = false) @Nullable Integer shown, Model model) {
        ClientId client = filter.client(viewer, clientId);
        LocalDate today = LocalDate.now(clock.withZone(viewer.zone()));
        WeekFields week = WeekFields.of(viewer.locale());
        LocalDate endOfWeek = today.with(TemporalAdjusters.nextOrSame(week.getFirstDayOfWeek().minus(1)));
        Section longer = java.util.Arrays.stream(Section.values()).filter(s -> s.name().equals(section)).findFirst()
                .orElse(null);
        int longerShown = longer == null || shown == null ? PER_SECTION
                : Math.max(PER_SECTION, Math.min(MAX_SHOWN, shown));
        List<Integer> atMost = java.util.Arrays.stream(Section.values())
                .map(s -> s == longer ? COUNTED + longerShown - PER_SECTION : COUNTED).toList();
        Map<Integer, Long> counts = tasks.myWorkCounts(viewer, client, today, endOfWeek, viewer.zone(), atMost);
        List<Integer> first = java.util.Arrays.stream(Section.values())
                .filter(s -> counts.getOrDefault(s.ordinal(), 0L) > 0 && (longerShown == PER_SECTION || s != longer))
                .map(Section::ordinal).toList();
        List<Task> open = new ArrayList<>(tasks.myWork(viewer, client, today, endOfWeek, viewer.zone(), first,
                PER_SECTION, 0));
        if (longer != null && longerShown > PER_SECTION && counts.getOrDefault(longer.ordinal(), 0L) > 0) {
            open.addAll(tasks.myWork(viewer, client, today, endOfWeek, viewer.zone(), List.of(longer.ordinal()),
                    longerShown, 0));
        }
        List<Group> groups = sections(open, counts, atMost, today, week, viewer.zone());
        model.addAttribute("groups", groups);
        model.addAttribute("client", client);
        model.addAttribute("clients", filter.clients(viewer));
        model.addAttribute("hours", filter.hours(viewer, groups.stream()
                .flatMap(g -> g.tasks().stream()).map(Task::clientId).collect(java.util.stream.Collectors.toSet())));
        model.addAttribute("clock", clock);
        return "views/myWork";
    }

    /**
     * Tasks by section, with each section's count (more than {@code atMost} when it says one more); the week ends
     * on the last day of the viewer's locale's week.
     */
    static List<Group> sections(List<Task> open, Map<Integer, Long> counts, List<Integer> atMost, LocalDate today,
            WeekFields week, ZoneId zone) {
        LocalDate endOfWeek = today.with(TemporalAdjusters.nextOrSame(week.getFirstDayOfWeek().minus(1)));
        Map<Section, List<Task>> bySection = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            bySection.put(s, new ArrayList<>());
        }
        for (Task task : open) {
            bySection.get(task.due() == null ? Section.NO_DATE
                    : section(task.due().dateIn(zone), today, endOfWeek)).add(task);
        }
        return bySection.entrySet().stream().map(e -> {
            long counted = counts.getOrDefault(e.getKey().ordinal(), 0L);
            long cap = atMost.get(e.getKey().ordinal());
            boolean over = counted > cap;
            return new Group(e.getKey(), List.copyOf(e.getValue()),
                    Math.max(e.getValue().size(), over ? cap : counted), over);
        }).toList();
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
