package app.clientdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.work.ApprovalAnswered;
import app.clientdesk.work.Attachments;
import app.clientdesk.work.Comment;
import app.clientdesk.work.Stage;
import app.clientdesk.work.StageKind;
import app.clientdesk.work.Task;
import app.clientdesk.work.TaskEvent;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.TaskInput;
import app.clientdesk.work.Tasks;
import app.clientdesk.work.Workflow;
import app.clientdesk.work.Workflows;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A client contact answers the deliverables waiting for their approval in the portal: sees each with its files,
 * approves one (it moves on, the history says who and when, the VA is emailed in their language) or asks for
 * changes with a comment (required; the task goes back and the comment is on it); a second answer changes nothing
 * and says why; a contact of another client or workspace gets 404 on every approval route and file.
 */
@RecordApplicationEvents
class PortalApprovalsIT extends IntegrationTest {

    @Autowired Tasks tasks;
    @Autowired Workflows workflows;
    @Autowired Attachments attachments;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEvents events;

    private TestWorkspace ws;
    private ClientId client;
    private CurrentUser contact;
    private CurrentUser member;

    @BeforeEach
    void aClientWithAContactAndAMemberWhoSpeaksPortuguese() {
        ws = newWorkspace();
        client = createClient(ws, "Harbour Wellness");
        contact = addClientContact(ws, client);
        String email = uniqueEmail("bia");
        accounts.add(ws.created().workspaceId(), Role.MEMBER, "Bia Membro", email, PASSWORD, "pt-BR",
                "America/Sao_Paulo", null);
        member = principal(email);
    }

    @Test
    void theContactApprovesADeliverableItMovesOnAndTheAssigneeIsEmailedOnce() throws Exception {
        TaskId task = waitingTask("Spring newsletter", "Three **subject lines** to choose from", member);
        UUID file = attachments.add(ws.owner(), task, "newsletter.pdf",
                new ByteArrayInputStream("%PDF-1.4 newsletter".getBytes(StandardCharsets.US_ASCII))).id();
        Stage approval = tasks.get(ws.owner(), task).stage();

        assertThat(page("/portal", contact)).contains("1 deliverable waits for your approval.", "/portal/approvals");
        String list = page("/portal/approvals", contact);
        assertThat(list).contains("Spring newsletter", "<strong>subject lines</strong>", "newsletter.pdf",
                "Sent for approval", "/portal/approvals/" + task.value() + "/attachments/" + file);
        MockHttpServletResponse download = mvc.perform(get("/portal/approvals/" + task.value() + "/attachments/" + file)
                .with(user(contact))).andReturn().getResponse();
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentAsString()).isEqualTo("%PDF-1.4 newsletter");
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment").contains("newsletter.pdf");

        MvcResult approved = answer(task, "approve", approval, null);
        assertThat(approved.getResponse().getRedirectedUrl()).isEqualTo("/portal/approvals");
        assertThat(flash(approved)).contains("Approved.");
        Task after = tasks.get(ws.owner(), task);
        Workflow workflow = workflows.get(ws.created().workspaceId(), after.workflowId());
        assertThat(after.stage().id()).as("the stage after the approval stage")
                .isEqualTo(workflow.after(approval).orElseThrow().id());
        TaskEvent recorded = tasks.history(ws.owner(), task).stream()
                .filter(e -> e.kind() == TaskEvent.Kind.APPROVED).findFirst().orElseThrow();
        assertThat(recorded.actorId()).isEqualTo(contact.id());
        assertThat(recorded.onBehalfOfClient()).isFalse();
        assertThat(recorded.at()).as("when").isNotNull();
        assertThat(page("/tasks/" + task.value(), ws.owner())).contains(contact.displayName(), "approved");

        List<Map<String, Object>> mails = mails(task);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).get("recipients")).isEqualTo(member.email());
        assertThat((String) mails.get(0).get("subject")).isEqualTo("Harbour Wellness aprovou \"Spring newsletter\"");
        assertThat((String) mails.get(0).get("body_text")).contains("Olá, Bia Membro", contact.displayName(),
                "/tasks/" + task.value());
        assertThat(events.stream(ApprovalAnswered.class)).singleElement().satisfies(e -> {
            assertThat(e.answer()).isEqualTo(ApprovalAnswered.Answer.APPROVED);
            assertThat(e.taskId()).isEqualTo(task);
            assertThat(e.contactId()).isEqualTo(contact.id());
            assertThat(e.assigneeId()).isEqualTo(member.id());
        });

        // Approving again (a second click, an old tab): said in words, nothing changes, nobody is emailed again.
        MvcResult again = answer(task, "approve", approval, null);
        assertThat(again.getResponse().getRedirectedUrl()).isEqualTo("/portal/approvals");
        assertThat(flash(again)).contains("no longer waits for your approval");
        MvcResult late = answer(task, "changes", approval, "Actually, change it");
        assertThat(flash(late)).contains("no longer waits for your approval");
        assertThat(tasks.get(ws.owner(), task).stage().id()).isEqualTo(after.stage().id());
        assertThat(tasks.comments(ws.owner(), task)).isEmpty();
        assertThat(mails(task)).hasSize(1);
        assertThat(events.stream(ApprovalAnswered.class)).hasSize(1);
        assertThat(page("/portal", contact)).contains("Nothing waits for your approval right now.");
        assertThat(page("/portal/approvals", contact)).doesNotContain("Spring newsletter");
        assertThat(mvc.perform(get("/portal/approvals/" + task.value() + "/attachments/" + file).with(user(contact)))
                .andReturn().getResponse().getStatus()).as("a file of a task no longer waiting").isEqualTo(404);
    }

    @Test
    void askingForChangesNeedsACommentSendsTheTaskBackAndEmailsTheOwnerWhenNobodyIsAssigned() throws Exception {
        TaskId task = waitingTask("Instagram carousel", "Five slides", null);
        Stage approval = tasks.get(ws.owner(), task).stage();

        MvcResult blank = answer(task, "changes", approval, "   ");
        assertThat(blank.getResponse().getStatus()).isEqualTo(422);
        assertThat(blank.getResponse().getContentAsString()).contains("Say what should change", "Instagram carousel");
        assertThat(tasks.get(ws.owner(), task).stage().id()).as("nothing changed").isEqualTo(approval.id());
        assertThat(mails(task)).isEmpty();

        MvcResult sent = answer(task, "changes", approval, "Use our new brand colours on slide 3");
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/portal/approvals");
        assertThat(flash(sent)).contains("request for changes was sent");
        Task after = tasks.get(ws.owner(), task);
        Workflow workflow = workflows.get(ws.created().workspaceId(), after.workflowId());
        assertThat(after.stage().id()).as("the working stage before the approval stage")
                .isEqualTo(workflow.openBefore(approval).orElseThrow().id());
        assertThat(after.stage().kind()).isEqualTo(StageKind.OPEN);
        List<Comment> comments = tasks.comments(ws.owner(), task);
        assertThat(comments).singleElement().satisfies(c -> {
            assertThat(c.body()).isEqualTo("Use our new brand colours on slide 3");
            assertThat(c.authorId()).isEqualTo(contact.id());
        });
        assertThat(page("/tasks/" + task.value(), ws.owner())).contains("Use our new brand colours on slide 3",
                "asked for changes");

        List<Map<String, Object>> mails = mails(task);
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.get("recipients")).isEqualTo(ws.owner().email());
            assertThat((String) m.get("subject")).isEqualTo("Harbour Wellness asked for changes to \"Instagram carousel\"");
            assertThat((String) m.get("body_text")).contains("Use our new brand colours on slide 3");
        });
        assertThat(events.stream(ApprovalAnswered.class)).singleElement()
                .satisfies(e -> assertThat(e.comment()).isEqualTo("Use our new brand colours on slide 3"));

        // Sent back, it is no longer the contact's to answer.
        assertThat(flash(answer(task, "changes", approval, "And another thing"))).contains("no longer waits");
        assertThat(flash(answer(task, "approve", approval, null))).contains("no longer waits");
        assertThat(tasks.get(ws.owner(), task).stage().id()).isEqualTo(after.stage().id());
        assertThat(tasks.comments(ws.owner(), task)).hasSize(1);
        assertThat(mails(task)).hasSize(1);
    }

    @Test
    void aContactOfAnotherClientOrWorkspaceGetsNotFoundOnEveryApprovalRouteAndFile() throws Exception {
        TaskId task = waitingTask("Quarterly report", "Secret numbers", null);
        UUID file = attachments.add(ws.owner(), task, "report.pdf",
                new ByteArrayInputStream("%PDF-1.4 report".getBytes(StandardCharsets.US_ASCII))).id();
        Stage approval = tasks.get(ws.owner(), task).stage();
        CurrentUser otherClients = addClientContact(ws, createClient(ws, "Northwind Bakery"));
        TestWorkspace b = newWorkspace();
        CurrentUser otherWorkspaces = addClientContact(b, createClient(b, "Beta client"));

        for (CurrentUser stranger : List.of(otherClients, otherWorkspaces)) {
            assertThat(page("/portal/approvals", stranger)).doesNotContain("Quarterly report", "report.pdf");
            assertThat(page("/portal", stranger)).contains("Nothing waits for your approval");
            String base = "/portal/approvals/" + task.value();
            List<MockHttpServletResponse> tries = List.of(
                    mvc.perform(get(base + "/attachments/" + file).with(user(stranger))).andReturn().getResponse(),
                    mvc.perform(post(base + "/approve").with(user(stranger)).with(csrf())
                            .param("stageId", approval.id().toString())).andReturn().getResponse(),
                    mvc.perform(post(base + "/changes").with(user(stranger)).with(csrf())
                            .param("stageId", approval.id().toString()).param("comment", "No")).andReturn()
                            .getResponse());
            for (MockHttpServletResponse r : tries) {
                assertThat(r.getStatus()).as(stranger.email()).isEqualTo(404);
                assertThat(r.getContentAsString()).doesNotContain("Quarterly report", "Secret numbers");
            }
        }
        // A file id of another task of the same client is not found under this task either.
        TaskId second = waitingTask("Other deliverable", null, null);
        assertThat(mvc.perform(get("/portal/approvals/" + second.value() + "/attachments/" + file)
                .with(user(contact))).andReturn().getResponse().getStatus()).isEqualTo(404);
        // Without the CSRF token, the contact's own answer is refused too.
        assertThat(mvc.perform(post("/portal/approvals/" + task.value() + "/approve").with(user(contact))
                .param("stageId", approval.id().toString())).andReturn().getResponse().getStatus()).isEqualTo(403);
        // The VA does not answer through the portal.
        assertThat(mvc.perform(get("/portal/approvals").with(user(ws.owner()))).andReturn().getResponse().getStatus())
                .isEqualTo(403);

        assertThat(tasks.get(ws.owner(), task).stage().id()).isEqualTo(approval.id());
        assertThat(tasks.comments(ws.owner(), task)).isEmpty();
        assertThat(mails(task)).isEmpty();
        assertThat(events.stream(ApprovalAnswered.class)).isEmpty();
        assertThat(page("/portal/approvals", contact)).contains("Quarterly report", "report.pdf");
    }

    /** A task of the client moved by the owner into its workflow's client-approval stage. */
    private TaskId waitingTask(String title, @Nullable String description, @Nullable CurrentUser assignee) {
        TaskId id = tasks.create(ws.owner(), new TaskInput(title, description, client.value().toString(), null, null,
                false, false, null, null, null, null, assignee == null ? null : assignee.id().value().toString(), null,
                null, null, List.of(), null, null, List.of()));
        Workflow workflow = workflows.get(ws.created().workspaceId(), tasks.get(ws.owner(), id).workflowId());
        Stage approval = workflow.stages().stream().filter(s -> s.kind() == StageKind.CLIENT_APPROVAL).findFirst()
                .orElseThrow();
        tasks.move(ws.owner(), id, approval.id(), null);
        return id;
    }

    private MvcResult answer(TaskId task, String action, Stage shown, @Nullable String comment) throws Exception {
        var request = post("/portal/approvals/" + task.value() + "/" + action).with(user(contact)).with(csrf())
                .param("stageId", shown.id().toString());
        if (comment != null) {
            request.param("comment", comment);
        }
        return mvc.perform(request).andReturn();
    }

    private String page(String path, CurrentUser who) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(user(who))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    private static String flash(MvcResult result) {
        return String.valueOf(result.getFlashMap().values());
    }

    private List<Map<String, Object>> mails(TaskId task) {
        return jdbc.sql("select recipients, subject, body_text from mail_outbox where reference = :r order by created_at")
                .param("r", "approval:" + task.value()).query().listOfRows();
    }
}
