package app.clientdesk.work;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.UserId;
import app.clientdesk.shared.time.TimeZones;
import app.clientdesk.shared.validation.Violations;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a task's fields, checked all at once so a person sees every problem together. What needs
 * the database (is the client visible, is the project the client's, is the assignee on the team) comes
 * in as {@link Lookups}.
 */
public final class TaskRules {

    public static final int MAX_TITLE = 200;
    public static final int MAX_TEXT = 20000;
    public static final int MAX_TYPE = 60;
    public static final int MAX_CHECKLIST_ITEM = 500;

    /** What the rules ask of the rest of the system. */
    public record Lookups(Function<ClientId, Optional<ZoneId>> clientZone,
            Function<ProjectId, Optional<Project>> project, Predicate<UserId> assignable) {
    }

    /** A task that keeps every rule. */
    public record Valid(ClientId clientId, @Nullable ProjectId projectId, String title, @Nullable String description,
            boolean urgent, boolean important, @Nullable Due due, @Nullable Integer estimateMinutes,
            @Nullable UserId assigneeId, @Nullable String type, @Nullable Recurrence recurrence, @Nullable String sop,
            List<String> checklist) {
    }

    private TaskRules() {}

    /** @throws app.clientdesk.shared.validation.InvalidInputException listing every broken rule */
    public static Valid check(TaskInput in, Lookups lookups) {
        Violations v = new Violations();
        String title = text(in.title());
        if (title == null) {
            v.add("title", "validation.required");
        } else if (title.length() > MAX_TITLE) {
            v.add("title", "validation.tooLong", MAX_TITLE);
        }
        String description = text(in.description());
        if (description != null && description.length() > MAX_TEXT) {
            v.add("description", "validation.tooLong", MAX_TEXT);
        }
        String sop = text(in.sop());
        if (sop != null && sop.length() > MAX_TEXT) {
            v.add("sop", "validation.tooLong", MAX_TEXT);
        }

        ClientId client = null;
        ZoneId clientZone = null;
        Optional<UUID> clientUuid = uuid(in.clientId());
        if (text(in.clientId()) == null) {
            v.add("clientId", "task.client.required");
        } else if (clientUuid.isEmpty()) {
            v.add("clientId", "task.client.unknown");
        } else {
            client = new ClientId(clientUuid.get());
            clientZone = lookups.clientZone().apply(client).orElse(null);
            if (clientZone == null) {
                v.add("clientId", "task.client.unknown");
                client = null;
            }
        }

        ProjectId project = null;
        Optional<Project> found = Optional.empty();
        if (text(in.projectId()) != null) {
            Optional<UUID> projectUuid = uuid(in.projectId());
            found = projectUuid.map(ProjectId::new).flatMap(lookups.project());
            if (found.isEmpty()) {
                v.add("projectId", "task.project.unknown");
            } else if (client != null && !found.get().clientId().equals(client)) {
                v.add("projectId", "task.project.otherClient");
            } else {
                project = new ProjectId(projectUuid.get());
            }
        }

        Due due = null;
        String dueDate = text(in.dueDate());
        String dueTime = text(in.dueTime());
        if (dueDate == null && dueTime != null) {
            v.add("dueDate", "task.due.timeWithoutDate");
        }
        if (dueDate != null) {
            LocalDate date = date(dueDate);
            if (date == null) {
                v.add("dueDate", "validation.date");
            } else if (dueTime == null) {
                due = Due.on(date);
            } else {
                LocalTime time = time(dueTime);
                ZoneId zone = text(in.dueZone()) == null ? clientZone : TimeZones.parse(in.dueZone()).orElse(null);
                if (time == null) {
                    v.add("dueTime", "validation.time");
                }
                if (zone == null && text(in.dueZone()) != null) {
                    v.add("dueZone", "validation.timeZone");
                }
                if (time != null && zone != null) {
                    due = Due.at(date, time, zone);
                }
            }
        }

        if (due != null && project != null && found.get().startDate() != null
                && due.date().isBefore(found.get().startDate())) {
            v.add("dueDate", "task.due.beforeProjectStart", found.get().startDate());
        }

        Integer estimate = null;
        if (text(in.estimateMinutes()) != null) {
            try {
                estimate = Integer.valueOf(in.estimateMinutes().strip());
                if (estimate < 1 || estimate > 100000) {
                    v.add("estimateMinutes", "validation.range", 1, 100000);
                    estimate = null;
                }
            } catch (NumberFormatException e) {
                v.add("estimateMinutes", "validation.range", 1, 100000);
            }
        }

        UserId assignee = null;
        if (text(in.assigneeId()) != null) {
            Optional<UUID> id = uuid(in.assigneeId());
            if (id.isEmpty() || !lookups.assignable().test(new UserId(id.get()))) {
                v.add("assigneeId", "task.assignee.notOnTeam");
            } else {
                assignee = new UserId(id.get());
            }
        }

        String type = text(in.type());
        if (type != null && type.length() > MAX_TYPE) {
            v.add("type", "validation.tooLong", MAX_TYPE);
        }

        Recurrence recurrence = recurrence(in, due, v);

        List<String> checklist = in.checklist().stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (int i = 0; i < checklist.size(); i++) {
            if (checklist.get(i).length() > MAX_CHECKLIST_ITEM) {
                v.add("checklist[" + i + "]", "validation.tooLong", MAX_CHECKLIST_ITEM);
            }
        }

        v.throwIfAny();
        return new Valid(client, project, title, description, in.urgent(), in.important(), due, estimate, assignee,
                type == null ? null : type.toLowerCase(Locale.ROOT), recurrence, sop, checklist);
    }

    private static @Nullable Recurrence recurrence(TaskInput in, @Nullable Due due, Violations v) {
        String repeat = text(in.repeat());
        if (repeat == null || repeat.equalsIgnoreCase("NONE")) {
            return null;
        }
        Recurrence.Frequency frequency;
        try {
            frequency = Recurrence.Frequency.valueOf(repeat.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            v.add("repeat", "validation.choice");
            return null;
        }
        int interval = 1;
        if (text(in.repeatInterval()) != null) {
            try {
                interval = Integer.parseInt(in.repeatInterval().strip());
            } catch (NumberFormatException e) {
                interval = 0;
            }
            if (interval < 1 || interval > 366) {
                v.add("repeatInterval", "validation.range", 1, 366);
                return null;
            }
        }
        Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
        for (String day : in.repeatWeekdays()) {
            if (day == null || day.isBlank()) {
                continue;
            }
            try {
                weekdays.add(DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                v.add("repeatWeekdays", "validation.choice");
                return null;
            }
        }
        if (frequency == Recurrence.Frequency.WEEKLY && weekdays.isEmpty()) {
            v.add("repeatWeekdays", "task.repeat.noWeekday");
            return null;
        }
        if (frequency != Recurrence.Frequency.WEEKLY) {
            weekdays.clear();
        }
        if (due == null) {
            v.add("dueDate", "task.repeat.needsDue");
            return null;
        }
        LocalDate until = null;
        if (text(in.repeatUntil()) != null) {
            until = date(in.repeatUntil());
            if (until == null) {
                v.add("repeatUntil", "validation.date");
                return null;
            }
        }
        Recurrence recurrence = new Recurrence(frequency, interval, weekdays, due.date(), until);
        if (!recurrence.firesAfter(due.date())) {
            v.add("repeatUntil", "task.repeat.neverFires");
            return null;
        }
        return recurrence;
    }

    static @Nullable String text(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static Optional<UUID> uuid(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * A date as typed ("2026-12-31"), or null when it is not one. Years outside 1900–2999 are refused too:
     * ISO dates reach far beyond what a database column holds, and no VA plans work that far out.
     */
    public static @Nullable LocalDate date(@Nullable String value) {
        try {
            LocalDate date = value == null ? null : LocalDate.parse(value.strip());
            return date == null || date.getYear() < 1900 || date.getYear() > 2999 ? null : date;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static @Nullable LocalTime time(@Nullable String value) {
        try {
            return value == null ? null : LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
