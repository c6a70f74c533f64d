package app.clientdesk.time.internal;

import app.clientdesk.identity.Account;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.time.TimeEntries;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The weekly timesheet: a person's week as rows of client/project/task by day, each cell editable. htmx
 * saves a cell and gets the cell back with the totals it changed; without JavaScript the page comes back.
 */
@Controller
class TimesheetController {

    private final Timesheets sheets;
    private final TimesheetCells cells;
    private final TimeEntryOptions options;
    private final MessageSource texts;

    TimesheetController(Timesheets sheets, TimesheetCells cells, TimeEntryOptions options, MessageSource texts) {
        this.sheets = sheets;
        this.cells = cells;
        this.options = options;
        this.texts = texts;
    }

    @GetMapping("/time")
    String week(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String week,
            @RequestParam(required = false) @Nullable String user,
            @RequestParam(required = false) @Nullable String rows,
            @RequestParam(required = false) @Nullable String addClient,
            @RequestParam(required = false) @Nullable String addProject,
            @RequestParam(required = false) @Nullable String addTask, Model model) {
        Account person = sheets.person(viewer, user);
        LocalDate firstDay = sheets.firstDay(viewer, week);
        List<RowKey> extra = new ArrayList<>(sheets.rows(rows));
        if (addClient != null || addTask != null) {
            Optional<RowKey> added = sheets.picked(viewer, addClient, addProject, addTask);
            added.filter(k -> !extra.contains(k)).ifPresent(extra::add);
            String params = extra.stream().map(RowKey::param).collect(Collectors.joining(","));
            String target = "/time?week=" + firstDay + (person.id().equals(viewer.id()) ? "" : "&user=" + person.id())
                    + (params.isEmpty() ? "" : "&rows=" + URLEncoder.encode(params, StandardCharsets.UTF_8));
            return "redirect:" + target + added.map(k -> "#" + k.domId()).orElse("");
        }
        return page(viewer, model, sheets.week(viewer, person, firstDay, extra), null);
    }

    @PostMapping("/time/cells")
    String cell(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String user,
            @RequestParam(required = false) @Nullable String clientId,
            @RequestParam(required = false) @Nullable String projectId,
            @RequestParam(required = false) @Nullable String taskId,
            @RequestParam(required = false) @Nullable String date,
            @RequestParam(required = false) @Nullable String duration,
            @RequestParam(required = false) @Nullable String rows,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model,
            HttpServletResponse response) {
        Account person = sheets.person(viewer, user);
        RowKey row = RowKey.of(clientId, projectId, taskId).orElseThrow(() -> new NotFoundException("row"));
        LocalDate day = date(date);
        List<RowKey> extra = new ArrayList<>(sheets.rows(rows));
        if (!extra.contains(row)) {
            extra.add(row);
        }
        CellRefusal refusal = null;
        try {
            cells.set(viewer, person.id(), row, day, duration == null ? "" : duration);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            String message = e.violations().stream()
                    .map(v -> texts.getMessage(v.messageKey(), v.args().toArray(), v.messageKey(), viewer.locale()))
                    .collect(Collectors.joining(" "));
            int index = (int) (day.toEpochDay() - TimeEntries.weekOf(day).toEpochDay());
            refusal = new CellRefusal(row.domId() + "-" + index, day, duration == null ? "" : duration, message);
        }
        Timesheet sheet = sheets.week(viewer, person, TimeEntries.weekOf(day), extra);
        if (htmx == null) {
            if (refusal == null) {
                return "redirect:" + sheet.link() + "#" + row.domId();
            }
            return page(viewer, model, sheet, refusal);
        }
        model.addAttribute("sheet", sheet);
        model.addAttribute("row", sheet.rows().stream().filter(r -> r.key().equals(row)).findFirst()
                .orElseThrow(() -> new NotFoundException("row")));
        model.addAttribute("day", day);
        model.addAttribute("refusal", refusal);
        return "time/timesheet/cellSaved";
    }

    private String page(CurrentUser viewer, Model model, Timesheet sheet, @Nullable CellRefusal refusal) {
        model.addAttribute("sheet", sheet);
        model.addAttribute("refusal", refusal);
        model.addAttribute("options", options.of(viewer, null));
        return "time/timesheet/week";
    }

    private static LocalDate date(@Nullable String text) {
        try {
            if (text == null) {
                throw new NotFoundException("day");
            }
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new NotFoundException("day");
        }
    }
}
