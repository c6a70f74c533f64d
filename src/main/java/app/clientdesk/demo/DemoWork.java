package app.clientdesk.demo;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.work.ProjectId;
import app.clientdesk.work.ProjectInput;
import app.clientdesk.work.Projects;
import app.clientdesk.work.Stage;
import app.clientdesk.work.StageKind;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.TaskInput;
import app.clientdesk.work.Tasks;
import app.clientdesk.work.Workflow;
import app.clientdesk.work.Workflows;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The demo's work, made through the same services a person uses, so every task has its history: a
 * social-media project with a post waiting for the client, and tasks across the clients that fill the
 * board, my work and the matrix (overdue, today, this week, later; every quadrant; a weekly repeat; work
 * a member finished waiting in review; checklists and a comment).
 */
@Component
class DemoWork {

    private final Projects projects;
    private final Tasks tasks;
    private final Workflows workflows;
    private final Clock clock;

    DemoWork(Projects projects, Tasks tasks, Workflows workflows, Clock clock) {
        this.projects = projects;
        this.tasks = tasks;
        this.workflows = workflows;
        this.clock = clock;
    }

    /**
     * @param clients Harbour Wellness (Sydney), Thames Legal (London), Hudson Street Bakery (New York) and
     *     Café Paulista (São Paulo), in that order
     * @param member the member assigned to Harbour Wellness, if there is one
     */
    void load(CurrentUser owner, List<ClientId> clients, @Nullable CurrentUser member) {
        LocalDate today = clock.instant().atZone(owner.zone()).toLocalDate();
        Workflow standard = workflows.standard(owner.workspaceId());
        Workflow social = workflows.all(owner.workspaceId()).stream()
                .filter(w -> Workflow.SOCIAL_MEDIA.equals(w.templateKey())).findFirst().orElse(standard);
        String harbour = clients.get(0).value().toString();
        String thames = clients.get(1).value().toString();
        String hudson = clients.get(2).value().toString();
        String cafe = clients.get(3).value().toString();
        CurrentUser worker = member != null ? member : owner;
        String ana = owner.id().value().toString();
        String rafael = worker.id().value().toString();

        // Hudson Street Bakery's social media, in the guide's pipeline.
        ProjectId project = projects.create(owner, new ProjectInput(hudson, "Social media — monthly posts", "ACTIVE",
                today.minusDays(10).toString(), today.plusDays(50).toString(), "20", "1200", social.id().value().toString()));
        String p = project.value().toString();
        create(owner, task("Collect photos of the holiday menu", hudson, p, open(social, 0), today.plusDays(2))
                .type("social-post").build());
        create(owner, task("Post ideas for next month", hudson, p, open(social, 1), today.plusDays(6))
                .flags(false, true).type("social-post").build());
        TaskId carousel = create(owner, task("Design 4 carousel posts", hudson, p, open(social, 2), today.plusDays(1))
                .flags(true, true).assignee(ana).estimate("120").type("social-post")
                .checklist("Pick the photos", "Write the copy", "Export for Instagram").build());
        tasks.checkItem(owner, carousel, tasks.checklist(owner, carousel).get(0).id(), true);
        Stage approval = kind(social, StageKind.CLIENT_APPROVAL);
        create(owner, task("Caption: holiday opening hours", hudson, p, approval, today).flags(true, false)
                .assignee(ana).type("social-post").build());
        TaskId scheduled = create(owner, task("Schedule this week's posts", hudson, p, approval, today.plusDays(3))
                .type("social-post").build());
        tasks.approve(owner, scheduled, "Marcus approved on the phone.");

        // The standard workflow, across the clients.
        create(owner, task("Weekly inbox triage", harbour, null, open(standard, 0),
                today.with(TemporalAdjusters.next(DayOfWeek.MONDAY))).flags(false, true).assignee(rafael)
                .time("09:00", "Australia/Sydney").estimate("45").type("email").weekly("MONDAY").build());
        TaskId timetable = create(worker, task("Update the class timetable on the website", harbour, null,
                open(standard, 1), today.minusDays(1)).flags(false, true).assignee(rafael).type("website").build());
        tasks.move(worker, timetable, kind(standard, StageKind.REVIEW).id(), null);
        create(owner, task("Reschedule Olivia's dentist appointment", harbour, null, open(standard, 1),
                today.minusDays(2)).flags(true, true).assignee(rafael).type("scheduling").build());
        create(owner, task("Renew the studio's insurance", harbour, null, open(standard, 0), today.plusDays(5))
                .flags(false, true).type("research").build());

        TaskId contract = create(owner, task("Format the Whitmore contract", thames, null, open(standard, 1), today)
                .flags(true, true).assignee(ana).time("17:00", "Europe/London").estimate("90").type("documents")
                .checklist("Apply the firm's template", "Check clause numbering", "Send to Eleanor as PDF").build());
        tasks.checkItem(owner, contract, tasks.checklist(owner, contract).get(0).id(), true);
        tasks.comment(owner, contract, "Eleanor asked for the new letterhead; the old one has the wrong address.");
        create(owner, task("Book the partners' train to Edinburgh", thames, null, open(standard, 0),
                today.plusDays(3)).flags(true, false).assignee(ana).type("travel").build());
        create(owner, task("File October expenses", thames, null, open(standard, 0), today.minusDays(5))
                .type("bookkeeping").estimate("30").build());
        create(owner, task("Quarterly diary review with both partners", thames, null, open(standard, 0),
                today.plusDays(20)).flags(false, true).type("scheduling").build());
        TaskId letter = create(owner, task("Send the engagement letter", thames, null,
                kind(standard, StageKind.CLIENT_APPROVAL), today.minusDays(1)).assignee(ana).type("email").build());
        tasks.approve(owner, letter, "Eleanor confirmed by email.");

        create(owner, task("Set up the client portal for Marcus", hudson, null, open(standard, 0), today.plusDays(1))
                .flags(true, false).type("onboarding").build());
        create(owner, task("Prepare the discovery call agenda", cafe, null, open(standard, 0), today.plusDays(4))
                .flags(false, true).assignee(ana).type("meeting").estimate("30").build());
        create(owner, task("Tidy the shared drive", cafe, null, open(standard, 0), null).type("admin").build());
    }

    private TaskId create(CurrentUser viewer, TaskInput input) {
        return tasks.create(viewer, input);
    }

    /** The {@code n}th ordinary stage of a workflow (or its first stage). */
    private static Stage open(Workflow workflow, int n) {
        List<Stage> open = workflow.stages().stream().filter(s -> s.kind() == StageKind.OPEN).toList();
        return open.size() > n ? open.get(n) : workflow.first();
    }

    private static Stage kind(Workflow workflow, StageKind kind) {
        Predicate<Stage> of = s -> s.kind() == kind;
        return workflow.stages().stream().filter(of).findFirst().orElse(workflow.first());
    }

    private static Draft task(String title, String client, @Nullable String project, Stage stage,
            @Nullable LocalDate due) {
        return new Draft(title, client, project, stage.id().value().toString(), due == null ? null : due.toString());
    }

    /** A task being described, field by field. */
    private static final class Draft {
        private final String title;
        private final String client;
        private final @Nullable String project;
        private final String stage;
        private final @Nullable String due;
        private boolean urgent;
        private boolean important;
        private @Nullable String time;
        private @Nullable String zone;
        private @Nullable String estimate;
        private @Nullable String assignee;
        private @Nullable String type;
        private @Nullable String repeat;
        private List<String> weekdays = List.of();
        private List<String> checklist = List.of();

        Draft(String title, String client, @Nullable String project, String stage, @Nullable String due) {
            this.title = title;
            this.client = client;
            this.project = project;
            this.stage = stage;
            this.due = due;
        }

        Draft flags(boolean urgent, boolean important) {
            this.urgent = urgent;
            this.important = important;
            return this;
        }

        Draft time(String time, String zone) {
            this.time = time;
            this.zone = zone;
            return this;
        }

        Draft estimate(String minutes) {
            this.estimate = minutes;
            return this;
        }

        Draft assignee(String id) {
            this.assignee = id;
            return this;
        }

        Draft type(String type) {
            this.type = type;
            return this;
        }

        Draft weekly(String... days) {
            this.repeat = "WEEKLY";
            this.weekdays = List.of(days);
            return this;
        }

        Draft checklist(String... items) {
            this.checklist = List.of(items);
            return this;
        }

        TaskInput build() {
            return new TaskInput(title, null, client, project, stage, urgent, important, due, time, zone, estimate,
                    assignee, type, repeat, null, weekdays, null, null, checklist);
        }
    }
}
