package app.clientdesk.work.internal;

import app.clientdesk.work.internal.Views.Grid;
import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.work.Task;
import app.clientdesk.work.TaskQuery;
import app.clientdesk.work.TaskRules;
import app.clientdesk.work.Tasks;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
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

    /** Tasks in one month; a calendar with more is unreadable anyway, and says so. */
    static final int SHOWN = 2000;

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
            @RequestParam(required = false) @Nullable String clientId, Model model) {
        ClientId client = filter.client(viewer, clientId);
        LocalDate today = LocalDate.now(clock.withZone(viewer.zone()));
        LocalDate at = parse(date, today);
        boolean month = !"week".equals(view);
        WeekFields week = WeekFields.of(viewer.locale());
        LocalDate from = month ? at.withDayOfMonth(1) : at;
        from = from.with(TemporalAdjusters.previousOrSame(week.getFirstDayOfWeek()));
        LocalDate to = month ? at.with(TemporalAdjusters.lastDayOfMonth())
                .with(TemporalAdjusters.nextOrSame(week.getFirstDayOfWeek().minus(1))) : from.plusDays(6);
        List<List<LocalDate>> weeks = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(7)) {
            List<LocalDate> days = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                days.add(d.plusDays(i));
            }
            weeks.add(days);
        }
        // A moment due late on one day in its own zone may fall on the next (or previous) day here.
        List<Task> found = tasks.search(viewer, new TaskQuery(client, null, null, null, null, from.minusDays(1),
                to.plusDays(1), null, null, null, SHOWN, 0));
        Map<LocalDate, List<Task>> byDay = new LinkedHashMap<>();
        Map<ClientId, String> legend = new LinkedHashMap<>();
        for (Task task : found) {
            LocalDate day = task.due().dateIn(viewer.zone());
            if (!day.isBefore(from) && !day.isAfter(to)) {
                byDay.computeIfAbsent(day, k -> new ArrayList<>()).add(task);
                legend.putIfAbsent(task.clientId(), task.clientName());
            }
        }
        Grid grid = new Grid(month, at, today, weeks, byDay, month ? at.minusMonths(1) : at.minusWeeks(1),
                month ? at.plusMonths(1) : at.plusWeeks(1));
        model.addAttribute("grid", grid);
        model.addAttribute("legend", legend);
        model.addAttribute("capped", found.size() >= SHOWN);
        model.addAttribute("client", client);
        model.addAttribute("clients", filter.clients(viewer));
        return "views/calendar";
    }

    private static LocalDate parse(@Nullable String date, LocalDate today) {
        LocalDate asked = TaskRules.date(date);
        return asked == null ? today : asked;
    }
}
