package app.clientdesk.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.support.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The views of the day as people use them: my work, board, matrix, batches and the deadline calendar. */
class WorkViewsIT extends IntegrationTest {

    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Autowired Tasks tasks;
    @Autowired Workflows workflows;
    @Autowired Projects projects;

    @Test
    void myWorkPutsTasksInTheViewersDaysAndTheViewersZone() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser tokyo = addPerson(ws, "Asia/Tokyo");
        ClientId client = createClient(ws, "Zone Client", tokyo.id());
        LocalDate spToday = LocalDate.now(SAO_PAULO);
        task(ws.owner(), client, "Due today in Sao Paulo", spToday.toString(), null, null, null);
        task(ws.owner(), client, "Long overdue", spToday.minusDays(20).toString(), null, null, null);
        task(ws.owner(), client, "Someday", null, null, null, null);
        task(ws.owner(), client, "Far ahead", spToday.plusDays(40).toString(), null, null, null);

        String owners = page(ws.owner(), "/my-work");
        assertThat(section(owners, "TODAY")).contains("Due today in Sao Paulo");
        assertThat(section(owners, "OVERDUE")).contains("Long overdue");
        assertThat(section(owners, "NO_DATE")).contains("Someday");
        assertThat(section(owners, "LATER")).contains("Far ahead");
        assertThat(owners).contains("nobody is assigned to");

        // 23:30 in São Paulo on the day before Tokyo's today is 11:30 of Tokyo's today.
        LocalDate tokyoToday = LocalDate.now(TOKYO);
        task(ws.owner(), client, "Late evening in Sao Paulo", tokyoToday.minusDays(1).toString(), "23:30",
                "America/Sao_Paulo", tokyo);
        task(ws.owner(), client, "Not for Tokyo", tokyoToday.toString(), null, null, null);
        String tokyos = page(tokyo, "/my-work");
        assertThat(section(tokyos, "TODAY")).contains("Late evening in Sao Paulo").contains("11:30")
                .contains("Sao Paulo");
        assertThat(tokyos).doesNotContain("Not for Tokyo").doesNotContain("Due today in Sao Paulo");
    }

    @Test
    void quickCompleteSendsTheTaskToDoneOrSaysWhyNot() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addPerson(ws, "America/Sao_Paulo");
        ClientId client = createClient(ws, "Done Client", member.id());
        TaskId standard = task(ws.owner(), client, "Needs no approval", null, null, null, null);
        TaskId waiting = task(ws.owner(), client, "Needs the client", null, null, null, null);
        TaskId membersOwn = task(member, client, "Needs a review", null, null, null, null);
        Workflow workflow = workflows.standard(ws.owner().workspaceId());
        Stage clientApproval = workflow.stages().stream().filter(s -> s.kind() == StageKind.CLIENT_APPROVAL)
                .findFirst().orElseThrow();
        tasks.move(ws.owner(), waiting, clientApproval.id(), null);
        WorkflowId simple = workflows.save(ws.owner(), null, "Simple", List.of(
                new Workflows.StageInput(null, "Open", "OPEN"), new Workflows.StageInput(null, "Finished", "DONE")));
        ProjectId project = projects.create(ws.owner(), new ProjectInput(client.toString(), "Simple project", "ACTIVE",
                null, null, null, null, simple.toString()));
        TaskId id = tasks.create(ws.owner(), new TaskInput("Finish me", null, client.toString(), project.toString(),
                null, false, false, null, null, null, null, null, null, null, null, List.of(), null, null, List.of()));

        mvc.perform(post("/my-work/complete").with(user(ws.owner())).with(csrf()).param("taskId", id.toString()))
                .andExpect(status().isFound()).andExpect(flash().attribute("notice", "“Finish me” is done."));
        // Work that needs no client approval skips that stage: the owner completes it straight from To do.
        mvc.perform(post("/my-work/complete").with(user(ws.owner())).with(csrf()).param("taskId", standard.toString()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("notice", "“Needs no approval” is done."));
        // Work waiting for the client is approved, never completed by hand: refused, and says why.
        mvc.perform(post("/my-work/complete").with(user(ws.owner())).with(csrf()).param("taskId", waiting.toString()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("notice", "“" + clientApproval.name() + "” waits for the client: only "
                        + "the client, or the owner on the client’s behalf, can approve it."));
        // A member's work passes the owner's review first.
        mvc.perform(post("/my-work/complete").with(user(member)).with(csrf()).param("taskId", membersOwn.toString()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("notice", org.hamcrest.Matchers.containsString("is a review stage")));

        assertThat(tasks.get(ws.owner(), id).completed()).isTrue();
        assertThat(tasks.get(ws.owner(), standard).completed()).isTrue();
        assertThat(tasks.get(ws.owner(), waiting).completed()).isFalse();
        assertThat(tasks.get(ws.owner(), waiting).stage().id()).isEqualTo(clientApproval.id());
        assertThat(tasks.get(ws.owner(), membersOwn).completed()).isFalse();
        assertThat(tasks.get(ws.owner(), membersOwn).stage().id()).isEqualTo(workflow.first().id());
        assertThat(page(ws.owner(), "/my-work")).doesNotContain("Finish me").doesNotContain("Needs no approval")
                .contains("Needs the client").contains("Needs a review");
    }

    @Test
    void matrixMoveChangesTheFlags() throws Exception {
        TestWorkspace ws = newWorkspace();
        ClientId client = createClient(ws, "Matrix Client");
        TaskId id = tasks.create(ws.owner(), input("Pressing thing", client, true, true, null, null, null, null));
        assertThat(section(page(ws.owner(), "/matrix"), "q-DO")).contains("Pressing thing");

        mvc.perform(post("/matrix/move").with(user(ws.owner())).with(csrf()).header("X-Requested-With", "fetch")
                .param("taskId", id.toString()).param("quadrant", "SCHEDULE")).andExpect(status().isNoContent());

        Task moved = tasks.get(ws.owner(), id);
        assertThat(moved.urgent()).isFalse();
        assertThat(moved.important()).isTrue();
        assertThat(section(page(ws.owner(), "/matrix"), "q-SCHEDULE")).contains("Pressing thing");

        mvc.perform(post("/matrix/move").with(user(ws.owner())).with(csrf())
                .param("taskId", id.toString()).param("quadrant", "ELIMINATE")).andExpect(status().isFound());
        assertThat(tasks.get(ws.owner(), id).quadrant()).isEqualTo(Quadrant.ELIMINATE);
    }

    @Test
    void boardMoveKeepsTheOrderWithinAStage() throws Exception {
        TestWorkspace ws = newWorkspace();
        ClientId client = createClient(ws, "Board Client");
        TaskId first = task(ws.owner(), client, "First card", null, null, null, null);
        task(ws.owner(), client, "Second card", null, null, null, null);
        TaskId third = task(ws.owner(), client, "Third card", null, null, null, null);
        Stage todo = tasks.get(ws.owner(), first).stage();

        mvc.perform(post("/board/move").with(user(ws.owner())).with(csrf()).header("X-Requested-With", "fetch")
                .param("taskId", third.toString()).param("stageId", todo.id().toString()).param("index", "0"))
                .andExpect(status().isNoContent());

        String board = page(ws.owner(), "/board?clientId=" + client);
        assertThat(board.indexOf("Third card")).isLessThan(board.indexOf("First card"));
        assertThat(board.indexOf("First card")).isLessThan(board.indexOf("Second card"));
    }

    @Test
    void boardRefusesToDragWorkWaitingForTheClientOnWithTheReasonInTheViewersLanguage() throws Exception {
        for (String language : List.of("en", "pt-BR")) {
            TestWorkspace ws = newWorkspace("Gate VA", language);
            ClientId client = createClient(ws, "Gate Client");
            TaskId id = task(ws.owner(), client, "Gated work", null, null, null, null);
            TaskId free = task(ws.owner(), client, "Free work", null, null, null, null);
            Workflow workflow = workflows.standard(ws.owner().workspaceId());
            Stage done = workflow.done().orElseThrow();
            Stage waiting = workflow.stages().stream().filter(s -> s.kind() == StageKind.CLIENT_APPROVAL)
                    .findFirst().orElseThrow();
            boardMove(ws.owner(), id, waiting).andExpect(status().isNoContent());

            String answer = boardMove(ws.owner(), id, done)
                    .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

            assertThat(answer).contains(language.equals("en")
                    ? "“" + waiting.name() + "” waits for the client: only the client, or the owner on the client’s "
                            + "behalf, can approve it."
                    : "“" + waiting.name() + "” aguarda o cliente: só o cliente, ou a proprietária(o) em nome do "
                            + "cliente, pode aprovar.");
            assertThat(tasks.get(ws.owner(), id).stage().id()).isEqualTo(waiting.id());
            assertThat(tasks.get(ws.owner(), id).completed()).isFalse();

            // Work that needs no approval skips the client's stage.
            boardMove(ws.owner(), free, done).andExpect(status().isNoContent());
            assertThat(tasks.get(ws.owner(), free).completed()).isTrue();
        }
    }

    private org.springframework.test.web.servlet.ResultActions boardMove(CurrentUser viewer, TaskId id, Stage to)
            throws Exception {
        return mvc.perform(post("/board/move").with(user(viewer)).with(csrf()).header("X-Requested-With", "fetch")
                .param("taskId", id.toString()).param("stageId", to.id().toString()));
    }

    @Test
    void aTaskOfAnotherWorkspaceIsNotFound() throws Exception {
        TestWorkspace a = newWorkspace();
        TestWorkspace b = newWorkspace();
        TaskId id = task(a.owner(), createClient(a, "A Client"), "A's task", null, null, null, null);
        Stage todo = tasks.get(a.owner(), id).stage();

        mvc.perform(post("/board/move").with(user(b.owner())).with(csrf()).param("taskId", id.toString())
                .param("stageId", todo.id().toString())).andExpect(status().isNotFound());
        mvc.perform(post("/matrix/move").with(user(b.owner())).with(csrf()).param("taskId", id.toString())
                .param("quadrant", "DO")).andExpect(status().isNotFound());
        mvc.perform(post("/my-work/complete").with(user(b.owner())).with(csrf()).param("taskId", id.toString()))
                .andExpect(status().isNotFound());
        assertThat(tasks.get(a.owner(), id).completed()).isFalse();
    }

    @Test
    void aMemberSeesOnlyTheirClientsTasksInEveryView() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addMember(ws);
        ClientId mine = createClient(ws, "Member Client", member.id());
        ClientId other = createClient(ws, "Other Client");
        String date = LocalDate.now(SAO_PAULO).toString();
        task(ws.owner(), mine, "Visible work", date, null, null, member);
        task(ws.owner(), other, "Hidden work", date, null, null, member);

        for (String view : List.of("/my-work", "/board", "/matrix", "/batches", "/calendar")) {
            assertThat(page(member, view)).as(view).contains("Visible work").doesNotContain("Hidden work");
            if (!view.equals("/my-work")) { // the owner's own work is theirs and nobody's
                assertThat(page(ws.owner(), view)).as(view).contains("Visible work").contains("Hidden work");
            }
        }
        mvc.perform(get("/board").param("clientId", other.toString()).with(user(member)))
                .andExpect(status().isNotFound());
    }

    @Test
    void calendarPutsTasksOnTheirDaysInTheViewersZone() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser tokyo = addPerson(ws, "Asia/Tokyo");
        ClientId client = createClient(ws, "Calendar Client", tokyo.id());
        task(ws.owner(), client, "Mid December", "2026-12-15", null, null, null);
        task(ws.owner(), client, "Late in Sao Paulo", "2026-12-15", "23:30", "America/Sao_Paulo", null);
        task(ws.owner(), client, "Next year", "2027-01-20", null, null, null);

        String owners = page(ws.owner(), "/calendar?view=month&date=2026-12-01");
        assertThat(day(owners, "2026-12-15")).contains("Mid December").contains("Late in Sao Paulo");
        assertThat(owners).doesNotContain("Next year");

        String tokyos = page(tokyo, "/calendar?view=month&date=2026-12-01");
        assertThat(day(tokyos, "2026-12-15")).contains("Mid December").doesNotContain("Late in Sao Paulo");
        assertThat(day(tokyos, "2026-12-16")).contains("Late in Sao Paulo");

        String week = page(tokyo, "/calendar?view=week&date=2026-12-16");
        assertThat(day(week, "2026-12-16")).contains("Late in Sao Paulo");
        assertThat(page(ws.owner(), "/batches")).contains("Untyped");
    }

    // --- helpers -----------------------------------------------------------------------------------

    private CurrentUser addPerson(TestWorkspace ws, String zone) {
        String email = uniqueEmail("member");
        accounts.add(ws.created().workspaceId(), Role.MEMBER, "Tomo Member", email, PASSWORD, "en", zone, null);
        return principal(email);
    }

    private TaskId task(CurrentUser viewer, ClientId client, String title, @Nullable String date, @Nullable String time,
            @Nullable String zone, @Nullable CurrentUser assignee) {
        return tasks.create(viewer, input(title, client, false, false, date, time, zone, assignee));
    }

    private static TaskInput input(String title, ClientId client, boolean urgent, boolean important,
            @Nullable String date, @Nullable String time, @Nullable String zone, @Nullable CurrentUser assignee) {
        return new TaskInput(title, null, client.toString(), null, null, urgent, important, date, time, zone, null,
                assignee == null ? null : assignee.id().toString(), null, null, null, List.of(), null, null,
                List.of());
    }

    private String page(CurrentUser viewer, String path) throws Exception {
        return mvc.perform(get(path).with(user(viewer))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    /** The HTML of the section whose heading has {@code id} "s-NAME" (my work) or "NAME" (matrix). */
    private static String section(String html, String name) {
        String id = name.startsWith("q-") ? name : "s-" + name;
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as("section " + name).isPositive();
        int end = html.indexOf("<section", start);
        return html.substring(start, end < 0 ? html.length() : end);
    }

    private static String day(String html, String date) {
        int start = html.indexOf("data-date=\"" + date + "\"");
        assertThat(start).as("day " + date).isPositive();
        int end = html.indexOf("</td>", start);
        return html.substring(start, end);
    }
}
