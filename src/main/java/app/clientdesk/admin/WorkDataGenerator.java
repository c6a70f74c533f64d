package app.clientdesk.admin;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.UserId;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.work.Due;
import app.clientdesk.work.ProjectId;
import app.clientdesk.work.ProjectRules;
import app.clientdesk.work.ProjectStatus;
import app.clientdesk.work.Recurrence;
import app.clientdesk.work.Stage;
import app.clientdesk.work.StageKind;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.TaskRules;
import app.clientdesk.work.WorkGenerator;
import app.clientdesk.work.Workflow;
import app.clientdesk.work.Workflows;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The work of a generated agency: projects and tasks spread over its clients, with one client far busier
 * than the rest (the board a benchmark opens), a realistic mix of stages, due dates around today
 * (overdue, today, this week, later, none), Eisenhower flags, task types and assignees among the people
 * assigned to each client. Ids are random; everything else follows the seed.
 */
@Component
class WorkDataGenerator {

    /** A generated client as the work needs it. */
    record GeneratedClient(ClientId id, String name, ZoneId zone, Currency currency, List<UUID> members) {
    }

    /** A generated task as time entries need it. */
    record MadeTask(TaskId id, ClientId client, @Nullable ProjectId project, String type, String title,
            @Nullable Integer estimateMinutes, boolean repeating) {
    }

    /** {@code made} and {@code projectsOf} are filled only when asked to keep them (for time entries). */
    record Result(int projects, int tasks, int open, int overdue, int dueToday, ClientId busiest, String busiestName,
            int busiestTasks, List<MadeTask> made, Map<ClientId, List<ProjectId>> projectsOf) {
    }

    /** The busiest client's share: enough tasks to make its board a real test. */
    static final int BUSIEST = 500;

    private static final String[][] TYPES = {
            {"email", "Answer client emails", "Inbox zero for", "Reply to supplier about"},
            {"scheduling", "Book meetings for", "Reschedule the call with", "Plan next week's calendar for"},
            {"social-post", "Draft Instagram post about", "Schedule LinkedIn post on", "Write captions for"},
            {"invoice", "Chase overdue invoice from", "Send monthly invoice to", "Reconcile payments of"},
            {"research", "Research venues for", "Compare quotes for", "Find three suppliers of"},
            {"bookkeeping", "Categorise expenses of", "Prepare VAT figures for", "File receipts of"},
            {"travel", "Book flights for", "Arrange hotel for", "Prepare itinerary for"},
            {"data-entry", "Update CRM with", "Clean the contact list of", "Import leads from"}};
    private static final String[] TOPICS = {"the spring campaign", "the board meeting", "the new website",
            "the quarterly review", "the Lisbon trip", "the product launch", "the newsletter", "the workshop",
            "the podcast", "the annual report"};
    private static final String[][] CHECKLIST = {{"Collect the details", "Draft", "Send for approval"},
            {"Check the calendar", "Confirm by email"}, {"Gather receipts", "Enter in the spreadsheet", "Double-check"}};

    private final WorkGenerator work;
    private final Workflows workflows;
    private final Clock clock;

    WorkDataGenerator(WorkGenerator work, Workflows workflows, Clock clock) {
        this.work = work;
        this.workflows = workflows;
        this.clock = clock;
    }

    Result generate(WorkspaceId workspace, UserId owner, ZoneId home, List<GeneratedClient> clients, int projectCount,
            int taskCount, Random random, boolean keep) {
        List<MadeTask> made = new ArrayList<>(keep ? taskCount : 0);
        Instant now = clock.instant();
        LocalDate today = now.atZone(home).toLocalDate();
        Workflow standard = workflows.standard(workspace);
        Workflow social = workflows.all(workspace).stream()
                .filter(w -> Workflow.SOCIAL_MEDIA.equals(w.templateKey())).findFirst().orElse(standard);

        List<WorkGenerator.NewProject> projects = new ArrayList<>();
        Map<ClientId, List<WorkGenerator.NewProject>> projectsOf = new HashMap<>();
        for (int p = 0; p < projectCount; p++) {
            GeneratedClient client = clients.get(p % clients.size());
            boolean isSocial = p % 4 == 1;
            LocalDate start = today.minusDays(random.nextInt(90));
            ProjectStatus status = List.of(ProjectStatus.ACTIVE, ProjectStatus.ACTIVE, ProjectStatus.ACTIVE,
                    ProjectStatus.PLANNED, ProjectStatus.ON_HOLD, ProjectStatus.DONE).get(random.nextInt(6));
            int digits = Math.max(0, client.currency().getDefaultFractionDigits());
            BigDecimal amount = random.nextBoolean() ? null
                    : BigDecimal.valueOf(500 + random.nextInt(9500)).setScale(digits, RoundingMode.UNNECESSARY);
            String name = (isSocial ? "Social media " : pick(random, TOPICS).substring(4) + " ") + (p + 1);
            var valid = new ProjectRules.Valid(client.id(), client.currency(), isSocial ? social.id() : standard.id(),
                    capitalised(name), status, start, start.plusDays(30 + random.nextInt(90)),
                    random.nextBoolean() ? (5 + random.nextInt(60)) * 60 : null, amount);
            WorkGenerator.NewProject project = new WorkGenerator.NewProject(ProjectId.random(), valid);
            projects.add(project);
            projectsOf.computeIfAbsent(client.id(), c -> new ArrayList<>()).add(project);
        }
        work.insertProjects(workspace, projects, now);

        int busiest = clients.size() == 1 ? taskCount : Math.min(BUSIEST, taskCount / 2);
        Map<Stage, Integer> positions = new HashMap<>();
        List<WorkGenerator.NewTask> tasks = new ArrayList<>(Math.min(taskCount, 10_000));
        int open = 0;
        int overdue = 0;
        int dueToday = 0;
        for (int i = 0; i < taskCount; i++) {
            GeneratedClient client = i < busiest ? clients.get(0) : clients.get(1 + random.nextInt(clients.size() - 1));
            List<WorkGenerator.NewProject> own = projectsOf.getOrDefault(client.id(), List.of());
            WorkGenerator.NewProject project = !own.isEmpty() && random.nextInt(10) < 4
                    ? own.get(random.nextInt(own.size())) : null;
            Workflow workflow = project != null && project.project().workflowId().equals(social.id()) ? social : standard;
            Stage stage = stage(workflow, random);
            boolean done = stage.kind() == StageKind.DONE;
            LocalDate date = dueDate(today, done, random);
            if (date != null && project != null && date.isBefore(project.project().startDate())) {
                date = project.project().startDate();
            }
            Due due = date == null ? null : random.nextInt(7) == 0
                    ? Due.at(date, LocalTime.of(9 + random.nextInt(9), random.nextBoolean() ? 0 : 30), client.zone())
                    : Due.on(date);
            String[] type = TYPES[random.nextInt(TYPES.length)];
            String title = type[1 + random.nextInt(3)] + " " + (type[0].equals("email") && random.nextBoolean()
                    ? client.name() : pick(random, TOPICS));
            UserId assignee = random.nextInt(100) < 15 ? null : client.members().isEmpty() || random.nextInt(10) == 0
                    ? owner : new UserId(client.members().get(random.nextInt(client.members().size())));
            Recurrence recurrence = due != null && !done && random.nextInt(50) == 0
                    ? new Recurrence(Recurrence.Frequency.WEEKLY, 1, Set.of(due.date().getDayOfWeek()), due.date(), null)
                    : null;
            List<String> checklist = random.nextInt(5) == 0 ? List.of(CHECKLIST[random.nextInt(CHECKLIST.length)])
                    : List.of();
            var valid = new TaskRules.Valid(client.id(), project == null ? null : project.id(), title,
                    random.nextInt(4) == 0 ? "Notes from the client: keep it short, confirm in writing." : null,
                    random.nextInt(10) < 3, random.nextInt(2) == 0, due,
                    random.nextInt(10) < 7 ? 15 * (1 + random.nextInt(16)) : null, assignee, type[0], recurrence, null,
                    checklist);
            int position = positions.merge(stage, 1, Integer::sum) - 1;
            Instant completedAt = done ? now.minus(Duration.ofHours(1 + random.nextInt(24 * 60))) : null;
            WorkGenerator.NewTask task = new WorkGenerator.NewTask(TaskId.random(), valid, stage, position, completedAt);
            tasks.add(task);
            if (keep) {
                made.add(new MadeTask(task.id(), client.id(), project == null ? null : project.id(), type[0], title,
                        valid.estimateMinutes(), recurrence != null));
            }
            if (!done) {
                open++;
                if (date != null && date.isBefore(today)) {
                    overdue++;
                } else if (today.equals(date)) {
                    dueToday++;
                }
            }
            if (tasks.size() == 10_000) {
                work.insertTasks(workspace, owner, tasks, now);
                tasks.clear();
            }
        }
        work.insertTasks(workspace, owner, tasks, now);
        Map<ClientId, List<ProjectId>> projectIds = new HashMap<>();
        if (keep) {
            projectsOf.forEach((client, own) -> projectIds.put(client,
                    own.stream().map(WorkGenerator.NewProject::id).toList()));
        }
        return new Result(projects.size(), taskCount, open, overdue, dueToday, clients.get(0).id(),
                clients.get(0).name(), busiest, made, projectIds);
    }

    /** Standard workflow: a third to do, a fifth doing, some at each gate, a third done; social: even, a third done. */
    private static Stage stage(Workflow workflow, Random random) {
        List<Stage> stages = workflow.stages();
        Stage done = workflow.done().orElse(stages.get(stages.size() - 1));
        int r = random.nextInt(100);
        if (r < 33) {
            return done;
        }
        if (Workflow.DEFAULT.equals(workflow.templateKey()) && stages.size() == 5) {
            return stages.get(r < 63 ? 0 : r < 83 ? 1 : r < 92 ? 2 : 3);
        }
        List<Stage> notDone = stages.stream().filter(s -> s.kind() != StageKind.DONE).toList();
        return notDone.get(random.nextInt(notDone.size()));
    }

    /** A fifth without a date; of the rest, overdue, today, this week and later in roughly 2:1:3:4. */
    private static @Nullable LocalDate dueDate(LocalDate today, boolean done, Random random) {
        int r = random.nextInt(100);
        if (r < 20) {
            return null;
        }
        if (done) {
            return today.minusDays(random.nextInt(60));
        }
        if (r < 36) {
            return today.minusDays(1 + random.nextInt(30));
        }
        if (r < 44) {
            return today;
        }
        if (r < 68) {
            return today.plusDays(1 + random.nextInt(6));
        }
        return today.plusDays(7 + random.nextInt(84));
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
