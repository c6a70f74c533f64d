package app.clientdesk.time.internal;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.Account;
import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.identity.UserId;
import app.clientdesk.shared.validation.Violation;
import app.clientdesk.shared.validation.Violations;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.time.ReportQuery;
import app.clientdesk.time.ReportQuery.By;
import app.clientdesk.time.TimeEntries;
import app.clientdesk.time.TimeReports;
import app.clientdesk.work.ProjectChoice;
import app.clientdesk.work.ProjectId;
import app.clientdesk.work.Projects;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns the report's query string into a {@link ReportQuery}: a preset range resolved on the viewer's own
 * calendar, dates and choices checked. A client, project or person the viewer may not see is not found
 * (as anywhere else); a malformed date, a range backwards or too long, or an unknown choice is a field
 * error to show on the page.
 */
@Component
class ReportParams {

    static final Map<String, By> GROUPS = Map.of("client", By.CLIENT, "project", By.PROJECT, "task", By.TASK,
            "type", By.TASK_TYPE, "member", By.MEMBER, "tag", By.TAG, "day", By.DAY, "week", By.WEEK, "month",
            By.MONTH);
    static final int TAGS_LISTED = 200;

    /** The form as it should be shown again, and the query when every part was valid. */
    record Parsed(ReportForm form, @Nullable ReportQuery query, List<Violation> violations) {
    }

    private final Clients clients;
    private final Projects projects;
    private final Accounts accounts;
    private final TimeReports reports;
    private final Clock clock;

    ReportParams(Clients clients, Projects projects, Accounts accounts, TimeReports reports, Clock clock) {
        this.clients = clients;
        this.projects = projects;
        this.accounts = accounts;
        this.reports = reports;
        this.clock = clock;
    }

    Parsed parse(CurrentUser viewer, ReportForm in) {
        viewer.requireStaff();
        Violations v = new Violations();
        LocalDate today = LocalDate.now(clock.withZone(viewer.zone()));
        boolean datesGiven = !blank(in.from()) || !blank(in.to());
        String range = blank(in.range()) ? (datesGiven ? "custom" : "this-month") : in.range().strip();
        LocalDate from = null;
        LocalDate to = null;
        switch (range) {
            case "this-week" -> {
                from = TimeEntries.weekOf(today);
                to = from.plusDays(6);
            }
            case "last-week" -> {
                from = TimeEntries.weekOf(today).minusDays(7);
                to = from.plusDays(6);
            }
            case "this-month" -> {
                from = today.withDayOfMonth(1);
                to = today.withDayOfMonth(today.lengthOfMonth());
            }
            case "last-month" -> {
                from = today.withDayOfMonth(1).minusMonths(1);
                to = from.withDayOfMonth(from.lengthOfMonth());
            }
            case "this-year" -> {
                from = today.withDayOfYear(1);
                to = from.plusYears(1).minusDays(1);
            }
            case "last-12-months" -> {
                from = today.minusMonths(12).plusDays(1);
                to = today;
            }
            case "custom" -> {
                from = date(in.from(), "from", v);
                to = date(in.to(), "to", v);
            }
            default -> v.add("range", "timereports.range.invalid");
        }
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                v.add("to", "timereports.range.order");
            } else if (ChronoUnit.DAYS.between(from, to) >= ReportQuery.MAX_DAYS) {
                v.add("to", "timereports.range.tooLong", ReportQuery.MAX_DAYS / 366);
            }
        }
        UUID client = client(viewer, in.client());
        UUID project = project(viewer, in.project());
        UUID member = member(viewer, in.member());
        Boolean billable = switch (blank(in.billable()) ? "all" : in.billable().strip()) {
            case "all" -> null;
            case "billable" -> Boolean.TRUE;
            case "non-billable" -> Boolean.FALSE;
            default -> {
                v.add("billable", "timereports.billable.invalid");
                yield null;
            }
        };
        By by = blank(in.group()) ? By.CLIENT : GROUPS.get(in.group().strip());
        if (by == null) {
            v.add("group", "timereports.group.invalid");
        }
        By then = blank(in.then()) ? null : GROUPS.get(in.then().strip());
        if (!blank(in.then()) && then == null) {
            v.add("then", "timereports.group.invalid");
        }
        String thenShown = then == null ? in.then() : then == by ? null : name(then);
        ReportForm shown = new ReportForm(range, from == null ? in.from() : from.toString(),
                to == null ? in.to() : to.toString(), in.client(), in.project(), in.member(), in.type(), in.tag(),
                blank(in.billable()) ? "all" : in.billable(), by == null ? in.group() : name(by), thenShown);
        if (!v.isEmpty() || from == null || to == null || by == null) {
            return new Parsed(shown, null, v.list());
        }
        return new Parsed(shown, new ReportQuery(from, to, client, project, member, in.type(), in.tag(), billable, by,
                then), List.of());
    }

    /** The choices of the filters; with a client chosen, the projects and task types are that client's. */
    ReportPage.Options options(CurrentUser viewer, @Nullable UUID client) {
        List<Account> people = viewer.isOwner() ? accounts.inWorkspace(viewer.workspaceId()).stream()
                .filter(a -> a.role() != Role.CLIENT)
                .sorted(Comparator.comparing(Account::displayName, String.CASE_INSENSITIVE_ORDER)).toList() : List.of();
        return new ReportPage.Options(clients.choices(viewer),
                // The names a picker needs, not each project's task counts.
                projects.choices(viewer).stream().filter(p -> client == null || p.clientId().value().equals(client))
                        .sorted(Comparator.comparing(ProjectChoice::clientName, String.CASE_INSENSITIVE_ORDER)
                                .thenComparing(ProjectChoice::name, String.CASE_INSENSITIVE_ORDER)).toList(),
                people, reports.taskTypes(viewer, client), reports.tags(viewer, TAGS_LISTED));
    }

    static String name(By by) {
        return by == By.TASK_TYPE ? "type" : by.name().toLowerCase(Locale.ROOT);
    }

    private @Nullable UUID client(CurrentUser viewer, @Nullable String value) {
        if (blank(value)) {
            return null;
        }
        return clients.get(viewer, new ClientId(uuid(value, "client"))).id().value();
    }

    private @Nullable UUID project(CurrentUser viewer, @Nullable String value) {
        if (blank(value)) {
            return null;
        }
        return projects.get(viewer, new ProjectId(uuid(value, "project"))).id().value();
    }

    /** The owner may report on anyone on the team; a member on themselves only. */
    private @Nullable UUID member(CurrentUser viewer, @Nullable String value) {
        if (blank(value)) {
            return null;
        }
        UUID id = uuid(value, "person");
        if (id.equals(viewer.id().value())) {
            return id;
        }
        if (!viewer.isOwner()) {
            throw new NotFoundException("person");
        }
        return accounts.find(viewer.workspaceId(), new UserId(id)).filter(a -> a.role() != Role.CLIENT)
                .map(a -> a.id().value()).orElseThrow(() -> new NotFoundException("person"));
    }

    private static @Nullable LocalDate date(@Nullable String value, String field, Violations v) {
        if (blank(value)) {
            v.add(field, "timereports.date.required");
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            v.add(field, "timereports.date.invalid");
            return null;
        }
    }

    private static UUID uuid(String value, String what) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(what);
        }
    }

    static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
