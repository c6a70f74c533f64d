package app.clientdesk.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violation;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.support.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The rules of work on a real database: gates, approvals, recurrence, scoping, nothing half-saved. */
class TasksIT extends IntegrationTest {

    @Autowired Tasks tasks;
    @Autowired Projects projects;
    @Autowired Workflows workflows;
    @Autowired JdbcClient jdbc;

    private TestWorkspace ws;
    private CurrentUser member;
    private ClientId client;
    private ClientId otherClient;
    private Workflow standard;

    @BeforeEach
    void setUp() {
        ws = newWorkspace();
        member = addMember(ws);
        client = createClient(ws, "Acme", member.id());
        otherClient = createClient(ws, "Other");
        standard = workflows.standard(ws.created().workspaceId());
    }

    private TaskInput input(String title, ClientId forClient) {
        return TaskInput.quick(title, forClient.value().toString(), null);
    }

    private Stage stage(String name) {
        return standard.stageNamed(name).orElseThrow();
    }

    private static List<String> keys(Throwable e) {
        return ((InvalidInputException) e).violations().stream().map(Violation::messageKey).toList();
    }

    @Test
    void everyWorkspaceStartsWithTheStandardAndSocialMediaWorkflows() {
        List<Workflow> all = workflows.all(ws.created().workspaceId());
        assertThat(all).extracting(Workflow::templateKey).containsExactlyInAnyOrder("default", "social-media");
        assertThat(standard.stages()).extracting(Stage::name)
                .containsExactly("To do", "Doing", "Review", "Waiting on client", "Done");
        assertThat(standard.stages()).extracting(Stage::kind).containsExactly(StageKind.OPEN, StageKind.OPEN,
                StageKind.REVIEW, StageKind.CLIENT_APPROVAL, StageKind.DONE);
        Workflow social = all.stream().filter(w -> "social-media".equals(w.templateKey())).findFirst().orElseThrow();
        assertThat(social.stages()).extracting(Stage::name).startsWith("Brief", "Ideas", "Creation", "Client approval",
                "Scheduling", "Performance tracking", "Monthly report");
    }

    @Test
    void aPortugueseWorkspaceGetsItsWorkflowsInPortuguese() {
        TestWorkspace pt = newWorkspace("VA Brasil", "pt-BR");
        assertThat(workflows.standard(pt.created().workspaceId()).stages()).extracting(Stage::name)
                .containsExactly("A fazer", "Fazendo", "Revisão", "Aguardando cliente", "Concluído");
    }

    @Test
    void badInputIsRefusedWholeAndNothingIsSaved() {
        long before = count();
        TaskInput bad = new TaskInput(" ", null, otherClient.value().toString(), null, null, false, false, "2026-13-01",
                null, null, "-5", UUIDs.random(), null, "WEEKLY", "1", List.of(), null, null, List.of());
        assertThatThrownBy(() -> tasks.create(member, bad)).satisfies(e -> assertThat(keys(e)).contains(
                "validation.required", "task.client.unknown", "validation.date", "validation.range",
                "task.assignee.notOnTeam", "task.repeat.noWeekday"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void anAssigneeFromAnotherWorkspaceIsRefused() {
        TestWorkspace elsewhere = newWorkspace();
        TaskInput in = new TaskInput("Call", null, client.value().toString(), null, null, false, false, null, null,
                null, null, elsewhere.owner().id().value().toString(), null, null, null, List.of(), null, null, List.of());
        assertThatThrownBy(() -> tasks.create(ws.owner(), in)).satisfies(e -> assertThat(keys(e))
                .containsExactly("task.assignee.notOnTeam"));
    }

    @Test
    void aRepeatThatNeverFiresIsRefused() {
        TaskInput in = new TaskInput("Report", null, client.value().toString(), null, null, false, false, "2026-12-10",
                null, null, null, null, null, "MONTHLY", "1", List.of(), "2026-12-31", null, List.of());
        assertThatThrownBy(() -> tasks.create(ws.owner(), in)).satisfies(e -> assertThat(keys(e))
                .containsExactly("task.repeat.neverFires"));
    }

    @Test
    void aTaskCannotBeDueBeforeItsProjectStarts() {
        ProjectId project = projects.create(ws.owner(), new ProjectInput(client.value().toString(), "Launch", "ACTIVE",
                "2026-12-10", "2026-12-20", null, null, null));
        TaskInput in = new TaskInput("Early", null, client.value().toString(), project.value().toString(), null, false,
                false, "2026-12-01", null, null, null, null, null, null, null, List.of(), null, null, List.of());
        assertThatThrownBy(() -> tasks.create(ws.owner(), in)).satisfies(e -> assertThat(keys(e))
                .containsExactly("task.due.beforeProjectStart"));
        assertThatThrownBy(() -> projects.create(ws.owner(), new ProjectInput(client.value().toString(), "Backwards",
                null, "2026-12-10", "2026-12-01", null, null, null)))
                .satisfies(e -> assertThat(keys(e)).containsExactly("project.due.beforeStart"));
    }

    @Test
    void aMemberBringsWorkToReviewAndOnlyTheOwnerMovesItOn() {
        TaskId id = tasks.create(member, input("Draft newsletter", client));
        tasks.move(member, id, stage("Review").id(), null);
        assertThatThrownBy(() -> tasks.move(member, id, stage("Waiting on client").id(), null))
                .satisfies(e -> assertThat(keys(e)).containsExactly("task.move.reviewByOwner"));
        assertThatThrownBy(() -> tasks.complete(member, id))
                .satisfies(e -> assertThat(keys(e)).containsExactly("task.move.reviewByOwner"));
        assertThat(tasks.get(ws.owner(), id).stage().name()).isEqualTo("Review");

        Task approved = tasks.approve(ws.owner(), id, null);
        assertThat(approved.stage().name()).isEqualTo("Waiting on client");

        // Nor can a member make a task straight into a stage past the review.
        TaskInput intoDone = new TaskInput("Already done", null, client.value().toString(), null,
                stage("Done").id().value().toString(), false, false, null, null, null, null, null, null, null, null,
                List.of(), null, null, List.of());
        assertThatThrownBy(() -> tasks.create(member, intoDone))
                .satisfies(e -> assertThat(keys(e)).containsExactly("task.move.reviewByOwner"));
    }

    @Test
    void onlyAnApprovalPassesTheClientAndTheOwnersIsRecordedAsOnTheClientsBehalf() {
        TaskId id = tasks.create(ws.owner(), input("Logo options", client));
        tasks.move(ws.owner(), id, stage("Waiting on client").id(), null);
        assertThatThrownBy(() -> tasks.move(ws.owner(), id, stage("Done").id(), null))
                .satisfies(e -> assertThat(keys(e)).containsExactly("task.move.clientApproval"));
        assertThatThrownBy(() -> tasks.approve(member, id, null))
                .satisfies(e -> assertThat(keys(e)).containsExactly("task.move.clientApproval"));

        Task done = tasks.approve(ws.owner(), id, "Approved on the phone");
        assertThat(done.stage().name()).isEqualTo("Done");
        assertThat(done.completed()).isTrue();
        TaskEvent approval = tasks.history(ws.owner(), id).stream()
                .filter(e -> e.kind() == TaskEvent.Kind.APPROVED).findFirst().orElseThrow();
        assertThat(approval.onBehalfOfClient()).isTrue();
        assertThat(approval.note()).isEqualTo("Approved on the phone");
    }

    @Test
    void theClientApprovesOrAsksForChangesOnItsOwnTasks() {
        CurrentUser contact = addClientContact(ws, client);
        TaskId id = tasks.create(ws.owner(), input("Post copy", client));
        tasks.move(ws.owner(), id, stage("Waiting on client").id(), null);

        assertThatThrownBy(() -> tasks.requestChanges(contact, id, " "))
                .satisfies(e -> assertThat(keys(e)).containsExactly("task.changes.noteRequired"));
        Task back = tasks.requestChanges(contact, id, "Shorter, please");
        assertThat(back.stage().name()).isEqualTo("Doing");
        TaskEvent asked = tasks.history(ws.owner(), id).stream()
                .filter(e -> e.kind() == TaskEvent.Kind.CHANGES_REQUESTED).findFirst().orElseThrow();
        assertThat(asked.onBehalfOfClient()).isFalse();
        assertThat(tasks.comments(ws.owner(), id)).extracting(Comment::body).containsExactly("Shorter, please");

        TaskId elsewhere = tasks.create(ws.owner(), input("Not theirs", otherClient));
        assertThatThrownBy(() -> tasks.approve(contact, elsewhere, null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aTaskNeverMovesIntoAnotherWorkflowsStage() {
        TaskId id = tasks.create(ws.owner(), input("Caption", client));
        Workflow social = workflows.all(ws.created().workspaceId()).stream()
                .filter(w -> "social-media".equals(w.templateKey())).findFirst().orElseThrow();
        assertThatThrownBy(() -> tasks.move(ws.owner(), id, social.first().id(), null))
                .satisfies(e -> assertThat(keys(e)).containsExactly("task.move.otherWorkflow"));
    }

    @Test
    void theOrderWithinAStagePersists() {
        TaskId a = tasks.create(ws.owner(), input("A", client));
        TaskId b = tasks.create(ws.owner(), input("B", client));
        TaskId c = tasks.create(ws.owner(), input("C", client));
        tasks.move(ws.owner(), c, stage("To do").id(), 0);
        tasks.move(ws.owner(), a, stage("To do").id(), 1);
        List<String> order = tasks.inBoardOrder(ws.owner(), TaskQuery.all().withClient(client)).stream()
                .map(Task::title).toList();
        assertThat(order).containsExactly("C", "A", "B");
    }

    @Test
    void completingARepeatingTaskMakesTheNextOne() {
        TaskInput weekly = new TaskInput("Weekly report", null, client.value().toString(), null, null, false, true,
                "2026-12-07", "17:00", "Europe/London", "45", null, "report", "WEEKLY", "1", List.of("MONDAY"), null,
                null, List.of("Collect numbers", "Write summary"));
        TaskId id = tasks.create(ws.owner(), weekly);
        tasks.move(ws.owner(), id, stage("Doing").id(), null);
        tasks.move(ws.owner(), id, stage("Review").id(), null);
        tasks.move(ws.owner(), id, stage("Waiting on client").id(), null);
        tasks.approve(ws.owner(), id, null);

        List<Task> series = tasks.search(ws.owner(), TaskQuery.all().withClient(client));
        Task next = series.stream().filter(t -> !t.completed()).findFirst().orElseThrow();
        assertThat(next.title()).isEqualTo("Weekly report");
        assertThat(next.due().date()).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(next.due().timeInStatedZone()).hasToString("17:00");
        assertThat(next.due().zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(next.stage().name()).isEqualTo("To do");
        assertThat(next.checklistTotal()).isEqualTo(2);
        assertThat(next.checklistDone()).isZero();

        // Reopening and completing again does not make a second copy of the same date.
        tasks.move(ws.owner(), id, stage("To do").id(), null);
        tasks.move(ws.owner(), id, stage("Waiting on client").id(), null);
        tasks.approve(ws.owner(), id, null);
        assertThat(tasks.search(ws.owner(), TaskQuery.all().withClient(client))).hasSize(2);
    }

    @Test
    void aRepeatWhoseDateHasComeIsMadeEvenIfTheLastIsOpen() {
        LocalDate lastWeek = LocalDate.now(ZoneId.of("Europe/London")).minusDays(10);
        TaskInput daily = new TaskInput("Inbox zero", null, client.value().toString(), null, null, true, false,
                lastWeek.toString(), null, null, null, null, "email", "DAILY", "1", List.of(), null, null, List.of());
        tasks.create(ws.owner(), daily);
        tasks.repeatDue();
        tasks.repeatDue();
        List<Task> series = tasks.search(ws.owner(), TaskQuery.all().withClient(client));
        assertThat(series).hasSize(2);
        LocalDate newest = series.stream().map(t -> t.due().date()).max(LocalDate::compareTo).orElseThrow();
        // Missed days are skipped: one new occurrence, for the latest day that has come (today in London,
        // or yesterday when London's today has not begun by the time of the check).
        assertThat(newest).isBetween(LocalDate.now(ZoneId.of("Europe/London")).minusDays(1),
                LocalDate.now(ZoneId.of("Europe/London")));
    }

    @Test
    void aMemberSeesOnlyTheWorkOfTheirClients() {
        TaskId mine = tasks.create(ws.owner(), input("Theirs", client));
        TaskId notMine = tasks.create(ws.owner(), input("Not theirs", otherClient));
        assertThat(tasks.search(member, TaskQuery.all())).extracting(Task::id).contains(mine).doesNotContain(notMine);
        assertThatThrownBy(() -> tasks.get(member, notMine)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tasks.create(member, input("Sneaky", otherClient)))
                .satisfies(e -> assertThat(keys(e)).containsExactly("task.client.unknown"));
    }

    @Test
    void anotherWorkspaceSeesNothing() {
        TaskId id = tasks.create(ws.owner(), input("Private", client));
        TestWorkspace other = newWorkspace();
        assertThatThrownBy(() -> tasks.get(other.owner(), id)).isInstanceOf(NotFoundException.class);
        assertThat(tasks.search(other.owner(), TaskQuery.all())).isEmpty();
    }

    private long count() {
        return jdbc.sql("select count(*) from tasks where workspace_id = :w").param("w", ws.id()).query(Long.class)
                .single();
    }

    private static final class UUIDs {
        static String random() {
            return java.util.UUID.randomUUID().toString();
        }
    }
}
