package app.clientdesk.time.internal;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.web.Notices;
import app.clientdesk.shared.web.OwnerOnly;
import app.clientdesk.time.TimeCursor;
import app.clientdesk.time.TimeEntries;
import app.clientdesk.time.TimeEntryId;
import app.clientdesk.time.TimeQuery;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The list of entries with filters and totals, and the owner's bulk re-rate. */
@Controller
class TimeEntryListController {

    static final int PAGE = 50;

    private final TimeEntries entries;
    private final TimeEntryOptions options;
    private final MessageSource texts;

    TimeEntryListController(TimeEntries entries, TimeEntryOptions options, MessageSource texts) {
        this.entries = entries;
        this.options = options;
        this.texts = texts;
    }

    @GetMapping("/time/entries")
    String list(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String clientId,
            @RequestParam(required = false) @Nullable String projectId,
            @RequestParam(required = false) @Nullable String userId,
            @RequestParam(required = false) @Nullable String billable,
            @RequestParam(required = false) @Nullable String tag,
            @RequestParam(required = false) @Nullable String olderThan,
            @RequestParam(required = false) @Nullable String newerThan,
            @RequestParam(required = false) @Nullable String page, Model model) {
        viewer.requireStaff();
        options.requireVisible(viewer, clientId, projectId, userId);
        LocalDate fromDate = date(from);
        LocalDate toDate = date(to);
        UUID client = uuid(clientId);
        UUID project = uuid(projectId);
        UUID user = viewer.isOwner() ? uuid(userId) : null;
        Boolean paid = "true".equals(billable) ? Boolean.TRUE : "false".equals(billable) ? Boolean.FALSE : null;
        String tagText = tag == null || tag.isBlank() ? null : tag.strip();
        TimeEntryFilters filters = new TimeEntryFilters(fromDate == null ? "" : fromDate.toString(), toDate == null ? "" : toDate.toString(),
                client == null ? "" : client.toString(), project == null ? "" : project.toString(),
                user == null ? "" : user.toString(), paid == null ? "" : paid.toString(), tagText == null ? "" : tagText);
        TimeQuery query = new TimeQuery(fromDate, toDate, client, project, user, paid, tagText, PAGE, 0);
        TimeCursor older = TimeCursor.parse(olderThan).orElse(null);
        TimeCursor newer = older == null ? TimeCursor.parse(newerThan).orElse(null) : null;
        TimeEntries.Slice slice = entries.slice(viewer, query, older, newer, PAGE);
        int number = older == null && newer == null ? 1 : Math.max(1, number(page));
        boolean hasNewer = newer != null ? slice.more() : older != null;
        boolean hasOlder = newer != null || slice.more();
        if (newer != null && !slice.more()) {
            number = 1;
        }
        // Totals only for a period: the sums of a bounded range, never a read of all history.
        TimeEntries.Totals totals = fromDate != null && toDate != null ? entries.totals(viewer, query) : null;
        model.addAttribute("filters", filters);
        String here = "/time/entries" + (filters.any() ? "?" + filters.query() : "");
        if (older != null || newer != null) {
            here += (filters.any() ? "&" : "?") + (older != null ? "olderThan=" + TimesheetTexts.encode(older.toString())
                    : "newerThan=" + TimesheetTexts.encode(newer.toString())) + "&page=" + number;
        }
        model.addAttribute("listing", new TimeEntryListing(slice.items(), number, PAGE, hasNewer, hasOlder, totals,
                here));
        model.addAttribute("options", options.of(viewer, null));
        return "time/timesheet/list";
    }

    @OwnerOnly
    @PostMapping("/time/entries/rerate")
    String rerate(@AuthenticationPrincipal CurrentUser viewer, @RequestParam(required = false) @Nullable List<String> ids,
            @RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) {
        viewer.requireOwner();
        List<TimeEntryId> chosen = ids == null ? List.of()
                : ids.stream().map(TimeEntryId::parse).flatMap(Optional::stream).distinct().toList();
        String target = "redirect:" + TimesheetBack.to(back, "/time/entries");
        if (chosen.isEmpty()) {
            Notices.flash(redirect, texts.getMessage("timesheet.rerate.none", null, viewer.locale()));
            return target;
        }
        TimeEntries.Rerated done = entries.rerate(viewer, chosen);
        Notices.flash(redirect, texts.getMessage("timesheet.rerate.done", new Object[] {done.changed(), done.locked()},
                viewer.locale()));
        return target;
    }

    private static @Nullable LocalDate date(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable UUID uuid(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int number(@Nullable String text) {
        try {
            int n = text == null ? 0 : Integer.parseInt(text.strip());
            return Math.max(0, Math.min(n, 1_000_000));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
