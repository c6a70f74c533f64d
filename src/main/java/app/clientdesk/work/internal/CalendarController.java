package app.clientdesk.work.internal;

import app.clientdesk.work.internal.Views.Grid;
import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.work.Task;
import app.clientdesk.work.TaskRules;
import app.clientdesk.work.Tasks;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Deadlines on a month grid or a week, on the day they fall in the viewer's time zone. */
@Controller
class CalendarController {

    /** Tasks a day shows on the month grid, and on a week; the rest are counted, "+3 more", linking to the day. */
    static final int PER_DAY_MONTH = 4;
    static final int PER_DAY_WEEK = 12;
    /** A day's own page shows this many at first, and as many again with each "Show more". */
    static final int PER_DAY_PAGE = 100;
    static final int MAX_DAY_SHOWN = 1000;

    private final Tasks tasks;
    private final ViewFilter filter;
    private final Clock clock;

    CalendarController(Tasks tasks, ViewFilter filter, Clock clock) {
        this.tasks = tasks;
        this.filter = filter;
        this.clock = clock;
    }


    @GetMapping("/calendar")
    String calendar(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(defaultValue = "month") String view,
            @RequestParam(required = false) @Nullable String date,
            @RequestParam(required = false) @Nullable String clientId,
            @RequestParam(required = false) @Nullable Integer shown, Model model) {
        ClientId client = filter.client(viewer, clientId);
        LocalDate today = LocalDate.now(clock.withZone(viewer.zone()));
        LocalDate at = parse(date, today);
        String kind = "week".equals(view) || "day".equals(view) ? view : "month";
        boolean month = kind.equals("month");
        WeekFields week = WeekFields.of(viewer.locale());
        LocalDate from;
        LocalDate to;
        int perDay;
        if (kind.equals("day")) {
            from = at;
            to = at;
            perDay = shown == null ? PER_DAY_PAGE : Math.max(PER_DAY_PAGE, Math.min(MAX_DAY_SHOWN, shown));
        } else {
            from = (month ? at.withDayOfMonth(1) : at).with(TemporalAdjusters.previousOrSame(week.getFirstDayOfWeek()));
            to = month ? at.with(TemporalAdjusters.lastDayOfMonth())
                    .with(TemporalAdjusters.nextOrSame(week.getFirstDayOfWeek().minus(1))) : from.plusDays(6);
            perDay = month ? PER_DAY_MONTH : PER_DAY_WEEK;
        }
        List<List<LocalDate>> weeks = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(7)) {
            List<LocalDate> days = new ArrayList<>();
            for (int i = 0; i < 7 && !d.plusDays(i).isAfter(to); i++) {
                days.add(d.plusDays(i));
            }
            weeks.add(days);
        }
        // A moment due late on one day in its own zone may fall on the next (or previous) day here: the first
        // of each due date around the range, then each on the day it falls on for the viewer.
        List<Task> found = tasks.duePerDay(viewer, client, from.minusDays(1), to.plusDays(1), perDay, 0);
        Map<LocalDate, Long> counts = tasks.countByDueDate(viewer, client, from, to);
        Map<LocalDate, List<Task>> byDay = new LinkedHashMap<>();
        Map<LocalDate, Long> read = new HashMap<>();
        Map<ClientId, String> legend = new LinkedHashMap<>();
        for (Task task : found) {
            read.merge(task.due().date(), 1L, Long::sum);
            LocalDate day = task.due().dateIn(viewer.zone());
            if (!day.isBefore(from) && !day.isAfter(to)) {
                byDay.computeIfAbsent(day, k -> new ArrayList<>()).add(task);
                legend.putIfAbsent(task.clientId(), task.clientName());
            }
        }
        // What a day has not shown: the tasks of its due date that were not read.
        Map<LocalDate, Long> more = new HashMap<>();
        counts.forEach((day, n) -> {
            long left = n - read.getOrDefault(day, 0L);
            if (left > 0) {
                more.put(day, left);
            }
        });
        LocalDate previous = switch (kind) {
            case "day" -> at.minusDays(1);
            case "week" -> at.minusWeeks(1);
            default -> at.minusMonths(1);
        };
        LocalDate next = switch (kind) {
            case "day" -> at.plusDays(1);
            case "week" -> at.plusWeeks(1);
            default -> at.plusMonths(1);
        };
        Grid grid = new Grid(kind, at, today, weeks, byDay, more, previous, next);
        model.addAttribute("grid", grid);
        model.addAttribute("legend", legend);
        model.addAttribute("shown", perDay);
        model.addAttribute("client", client);
        model.addAttribute("clients", filter.clients(viewer));
        return "views/calendar";
    }

    private static LocalDate parse(@Nullable String date, LocalDate today) {
        LocalDate asked = TaskRules.date(date);
        return asked == null ? today : asked;
    }
}
