package app.clientdesk.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The task screens as a signed-in owner uses them, through the real security filters and database. */
class TaskPagesIT extends IntegrationTest {

    @Autowired Tasks tasks;
    @Autowired Workflows workflows;
    @Autowired Attachments attachments;

    private TestWorkspace ws;
    private CurrentUser owner;
    private ClientId client;

    @BeforeEach
    void workspace() {
        ws = newWorkspace();
        owner = ws.owner();
        client = createClient(ws, "Thames Legal");
    }

    @Test
    void anInvalidTaskComesBackWithItsErrorsAndNothingIsSaved() throws Exception {
        MockHttpServletResponse response = send(post("/tasks").param("title", " ").param("clientId", "")
                .param("dueTime", "14:00").param("estimateMinutes", "0").param("repeat", "WEEKLY"));

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(response.getContentAsString())
                .contains("Some fields need your attention. Nothing was saved.")
                .contains("<p class=\"field-error\" id=\"err-title\">Fill this in.</p>")
                .contains("<p class=\"field-error\" id=\"err-clientId\">Choose the client this work is for.</p>")
                .contains("Add the date the time belongs to.")
                .contains("Use a number from 1 to 100,000.")
                .contains("Choose at least one weekday for a weekly repeat.")
                .containsPattern("<input id=\"dueTime\"[^>]*value=\"14:00\"");
        assertThat(tasks.search(owner, TaskQuery.all())).isEmpty();
    }

    @Test
    void aCreatedTaskOpensOnItsPageAndCanBeEdited() throws Exception {
        MockHttpServletResponse created = send(post("/tasks").param("title", "Prepare board pack")
                .param("clientId", client.toString()).param("dueDate", "2026-12-01").param("dueTime", "14:00")
                .param("description", "Use the *new* template").param("estimateMinutes", "90")
                .param("checklist", "Collect minutes\nPrint agenda"));
        assertThat(created.getStatus()).isEqualTo(302);
        TaskId id = idIn(created.getRedirectedUrl());

        String page = send(get("/tasks/" + id)).getContentAsString();
        assertThat(page).contains("<h1>Prepare board pack</h1>", "href=\"/clients/" + client + "\"",
                        "data-tz=\"Europe/London\"", "(Europe/London)", "<em>new</em>", "1 h 30 min", "Collect minutes",
                        "Print agenda")
                .as("the due moment in the viewer's own zone (São Paulo)").contains("Your time: ");

        assertThat(send(get("/tasks/" + id + "/edit")).getContentAsString())
                .containsPattern("<input id=\"title\"[^>]*value=\"Prepare board pack\"")
                .containsPattern("<input id=\"dueZone\"[^>]*value=\"Europe/London\"");
        MockHttpServletResponse saved = send(post("/tasks/" + id).param("title", "Prepare the board pack")
                .param("clientId", client.toString()).param("dueDate", "2026-12-02").param("urgent", "true"));
        assertThat(saved.getRedirectedUrl()).isEqualTo("/tasks/" + id);
        Task task = tasks.get(owner, id);
        assertThat(task.title()).isEqualTo("Prepare the board pack");
        assertThat(task.urgent()).isTrue();
        assertThat(task.due().date()).hasToString("2026-12-02");
        assertThat(task.due().hasTime()).isFalse();
    }

    @Test
    void workWaitingForTheClientCannotBeDraggedOnAndNothingChanges() throws Exception {
        TaskId id = task("Draft newsletter");
        Workflow workflow = workflows.standard(ws.created().workspaceId());
        Stage done = stage(workflow, StageKind.DONE);
        Stage waiting = stage(workflow, StageKind.CLIENT_APPROVAL);
        assertThat(send(post("/tasks/" + id + "/move").param("stageId", waiting.id().toString())).getStatus())
                .isEqualTo(302);
        Stage before = tasks.get(owner, id).stage();

        MockHttpServletResponse refused = send(post("/tasks/" + id + "/move").param("stageId", done.id().toString()));

        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("<p class=\"field-error\" id=\"err-stageId\">“"
                + waiting.name() + "” waits for the client: only the client, or the owner on the client’s behalf, "
                + "can approve it.</p>");
        assertThat(tasks.get(owner, id).stage()).isEqualTo(before);
        assertThat(tasks.history(owner, id)).extracting(TaskEvent::kind)
                .containsExactly(TaskEvent.Kind.CREATED, TaskEvent.Kind.MOVED);
    }

    @Test
    void theOwnerApprovesOnTheClientsBehalfAndTheHistorySaysSo() throws Exception {
        TaskId id = task("Instagram post");
        Workflow workflow = workflows.standard(ws.created().workspaceId());
        Stage waiting = stage(workflow, StageKind.CLIENT_APPROVAL);
        assertThat(send(post("/tasks/" + id + "/move").param("stageId", waiting.id().toString())).getStatus())
                .isEqualTo(302);
        assertThat(send(get("/tasks/" + id)).getContentAsString()).contains("Approve on the client’s behalf",
                "Ask for changes on the client’s behalf");

        MockHttpServletResponse noNote = send(post("/tasks/" + id + "/request-changes").param("note", " "));
        assertThat(noNote.getStatus()).isEqualTo(422);
        assertThat(noNote.getContentAsString()).contains("Say what should change.");

        assertThat(send(post("/tasks/" + id + "/approve")).getStatus()).isEqualTo(302);

        Task task = tasks.get(owner, id);
        assertThat(task.stage().id()).isEqualTo(workflow.after(waiting).orElseThrow().id());
        TaskEvent approval = tasks.history(owner, id).get(tasks.history(owner, id).size() - 1);
        assertThat(approval.kind()).isEqualTo(TaskEvent.Kind.APPROVED);
        assertThat(approval.onBehalfOfClient()).isTrue();
        assertThat(send(get("/tasks/" + id)).getContentAsString()).contains("approved",
                "<span class=\"badge on-behalf\">on the client’s behalf</span>");
    }

    @Test
    void theChecklistIsChangedItemByItemThroughHtmxFragments() throws Exception {
        TaskId id = task("Monthly report");

        String added = send(post("/tasks/" + id + "/checklist").param("text", "Pull the numbers")
                .header("HX-Request", "true")).getContentAsString();
        assertThat(added).startsWith("<section class=\"card task-checklist\" id=\"checklist\"")
                .contains("Pull the numbers", "0 of 1 done").doesNotContain("<html");
        UUID item = tasks.checklist(owner, id).get(0).id();

        String ticked = send(post("/tasks/" + id + "/checklist/" + item).param("done", "true")
                .header("HX-Request", "true")).getContentAsString();
        assertThat(ticked).contains("1 of 1 done", "aria-pressed=\"true\"");
        assertThat(tasks.checklist(owner, id).get(0).done()).isTrue();

        MockHttpServletResponse empty = send(post("/tasks/" + id + "/checklist").param("text", "")
                .header("HX-Request", "true"));
        assertThat(empty.getStatus()).isEqualTo(422);
        assertThat(empty.getContentAsString()).contains("Fill this in.");

        send(post("/tasks/" + id + "/checklist/" + item + "/remove").header("HX-Request", "true"));
        assertThat(tasks.checklist(owner, id)).isEmpty();
    }

    @Test
    void commentsShowTheirMarkdownButNeverAScript() throws Exception {
        TaskId id = task("Client call notes");

        MockHttpServletResponse posted = send(post("/tasks/" + id + "/comments")
                .param("body", "Call went **well** <script>alert('x')</script> [site](javascript:alert(1))"));
        assertThat(posted.getRedirectedUrl()).isEqualTo("/tasks/" + id + "#comments");

        String page = send(get("/tasks/" + id)).getContentAsString();
        assertThat(page).contains("<strong>well</strong>").doesNotContain("<script>alert")
                .doesNotContain("javascript:alert");
    }

    @Test
    void attachmentsAreCheckedByTheirBytesAndDownloadedAsFiles() throws Exception {
        TaskId id = task("Contract review");
        byte[] pdf = "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

        assertThat(upload(id, "contract.pdf", "application/octet-stream", pdf).getStatus()).isEqualTo(302);
        assertThat(upload(id, "logo.png", "image/png", png).getStatus()).isEqualTo(302);

        MockHttpServletResponse exe = upload(id, "invoice.pdf", "application/pdf", new byte[] {'M', 'Z', (byte) 0x90, 0});
        assertThat(exe.getStatus()).isEqualTo(422);
        assertThat(exe.getContentAsString()).contains("This kind of file is not accepted.");
        byte[] tooLarge = new byte[(int) attachments.maxBytes() + 1];
        System.arraycopy(pdf, 0, tooLarge, 0, pdf.length);
        MockHttpServletResponse large = upload(id, "big.pdf", "application/pdf", tooLarge);
        assertThat(large.getStatus()).isEqualTo(422);
        assertThat(large.getContentAsString()).contains("This file is too large: at most 10 MB.");

        List<Attachment> stored = attachments.list(owner, id);
        assertThat(stored).extracting(Attachment::fileName).containsExactlyInAnyOrder("contract.pdf", "logo.png");
        Attachment contract = stored.stream().filter(a -> a.fileName().equals("contract.pdf")).findFirst().orElseThrow();
        assertThat(contract.contentType()).isEqualTo("application/pdf");
        assertThat(send(get("/tasks/" + id)).getContentAsString()).contains("contract.pdf", "logo.png");

        MockHttpServletResponse download = send(get("/tasks/" + id + "/attachments/" + contract.id()));
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentType()).isEqualTo("application/pdf");
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment;").contains("contract.pdf");
        assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.getContentAsByteArray()).isEqualTo(pdf);

        TestWorkspace other = newWorkspace();
        assertThat(mvc.perform(get("/tasks/" + id + "/attachments/" + contract.id()).with(user(other.owner())))
                .andReturn().getResponse().getStatus()).isEqualTo(404);

        assertThat(send(post("/tasks/" + id + "/attachments/" + contract.id() + "/remove")).getStatus()).isEqualTo(302);
        assertThat(attachments.list(owner, id)).extracting(Attachment::fileName).containsExactly("logo.png");
        assertThat(send(get("/tasks/" + id + "/attachments/" + contract.id())).getStatus()).isEqualTo(404);
    }

    @Test
    void quickAddMakesATaskFromAnyPageAndShowsWhereItIs() throws Exception {
        String form = send(get("/tasks/quick").header("HX-Request", "true")).getContentAsString();
        assertThat(form).contains("<option value=\"" + client + "\"", "Thames Legal").doesNotContain("<html");

        MockHttpServletResponse refused = send(post("/tasks/quick").param("title", "Call Eleanor")
                .param("clientId", "").header("HX-Request", "true"));
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("Choose the client this work is for.",
                "value=\"Call Eleanor\"");
        assertThat(tasks.search(owner, TaskQuery.all())).isEmpty();

        String done = send(post("/tasks/quick").param("title", "Call Eleanor").param("clientId", client.toString())
                .param("dueDate", "2026-11-30").header("HX-Request", "true")).getContentAsString();
        List<Task> all = tasks.search(owner, TaskQuery.all());
        assertThat(all).singleElement().satisfies(t -> {
            assertThat(t.title()).isEqualTo("Call Eleanor");
            assertThat(t.due().date()).hasToString("2026-11-30");
        });
        assertThat(done).contains("Task “Call Eleanor” is added.", "href=\"/tasks/" + all.get(0).id() + "\"");
    }

    private TaskId task(String title) {
        return tasks.create(owner, TaskInput.quick(title, client.toString(), "2026-12-01"));
    }

    private static Stage stage(Workflow workflow, StageKind kind) {
        return workflow.stages().stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
    }

    private MockHttpServletResponse upload(TaskId id, String name, String type, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/tasks/" + id + "/attachments").file(new MockMultipartFile("file", name, type, bytes))
                .with(user(owner)).with(csrf())).andReturn().getResponse();
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(owner)).with(csrf())).andReturn().getResponse();
    }

    private static TaskId idIn(String location) {
        assertThat(location).matches("/tasks/[0-9a-f-]{36}");
        return new TaskId(UUID.fromString(location.substring("/tasks/".length())));
    }

}
