package app.clientdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.requests.PortalSubmission;
import app.clientdesk.requests.Reply;
import app.clientdesk.requests.RequestDetail;
import app.clientdesk.requests.RequestId;
import app.clientdesk.requests.RequestMessage;
import app.clientdesk.requests.RequestPage;
import app.clientdesk.requests.RequestState;
import app.clientdesk.requests.Requests;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.work.TaskInput;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * A client contact's requests in the portal: submitting one with a file (the page shows it with a confirmation),
 * a refused form keeping what was typed and asking for the files again, the list of every request of their client
 * (not of others), the conversation without the VA's notes, a reply that threads on and reopens, the linked task's
 * progress, a merged request leading to its target, and 404 for another client's or workspace's request and file.
 */
class PortalRequestsIT extends IntegrationTest {

    @Autowired Requests requests;

    private TestWorkspace ws;
    private ClientId client;
    private CurrentUser contact;
    private CurrentUser colleague;

    @BeforeEach
    void aClientWithTwoContacts() {
        ws = newWorkspace();
        client = createClient(ws, "Harbour Wellness");
        contact = addClientContact(ws, client);
        colleague = addClientContact(ws, client);
    }

    @Test
    void aContactSubmitsARequestWithAFileAndSeesItWithAConfirmation() throws Exception {
        assertThat(page("/portal", contact)).contains("No open requests.", "/portal/requests/new");
        String form = page("/portal/requests/new", contact);
        assertThat(form).contains("Subject", "Details", "Desired date (optional)", "multiple",
                "Up to 10 files, each at most 10 MB", "enctype=\"multipart/form-data\"");

        MvcResult sent = mvc.perform(submit("Spring newsletter", "Three subject lines, please", "2099-03-01",
                file("brief.pdf", "%PDF-1.4 brief"), file("notes.txt", "Use our teal"))).andReturn();
        String location = sent.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/portal/requests/");
        assertThat(flash(sent)).contains("Your request #1 was sent");
        RequestId id = new RequestId(UUID.fromString(location.substring("/portal/requests/".length())));

        RequestDetail detail = requests.get(ws.owner(), id);
        assertThat(detail.request().subject()).isEqualTo("Spring newsletter");
        assertThat(detail.request().clientId()).isEqualTo(client);
        assertThat(detail.request().desiredDate()).hasToString("2099-03-01");
        assertThat(detail.messages()).singleElement().satisfies(m -> {
            assertThat(m.body()).isEqualTo("Three subject lines, please");
            assertThat(m.attachments()).extracting(a -> a.fileName()).containsExactly("brief.pdf", "notes.txt");
        });

        String shown = page(location, contact);
        assertThat(shown).contains("#1", "Spring newsletter", "Three subject lines, please", "brief.pdf", "notes.txt",
                "Received");
        UUID fileId = detail.messages().get(0).attachments().get(0).id();
        MockHttpServletResponse download = mvc.perform(get(location + "/attachments/" + fileId).with(user(contact)))
                .andReturn().getResponse();
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentAsString()).isEqualTo("%PDF-1.4 brief");
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment").contains("brief.pdf");
        assertThat(page("/portal", contact)).contains("1 open request.");
    }

    @Test
    void aRefusedFormKeepsWhatWasTypedSaysWhyAndAsksForTheFilesAgain() throws Exception {
        MockHttpServletResponse blank = mvc.perform(submit("  ", "My typed details", "2000-01-01",
                file("brief.pdf", "%PDF-1.4 brief"))).andReturn().getResponse();
        assertThat(blank.getStatus()).isEqualTo(422);
        String body = blank.getContentAsString();
        assertThat(body).contains("Give the request a subject.", "The desired date cannot be in the past.",
                "My typed details", "value=\"2000-01-01\"", "choose them again", "aria-invalid=\"true\"",
                "id=\"err-subject\"", "aria-describedby=\"err-subject\"");

        MockHttpServletResponse badFile = mvc.perform(submit("Logo", "Blue", "", file("run.exe",
                "MZ\u0000\u0001binary"))).andReturn().getResponse();
        assertThat(badFile.getStatus()).isEqualTo(422);
        assertThat(badFile.getContentAsString()).contains("run.exe", "cannot be attached", "value=\"Logo\"");

        MockHttpServletResponse badDate = mvc.perform(submit("Logo", "Blue", "next week")).andReturn().getResponse();
        assertThat(badDate.getStatus()).isEqualTo(422);
        assertThat(badDate.getContentAsString()).contains("Enter the desired date as a date")
                .doesNotContain("choose them again");
        assertThat(requests.forClient(ws.owner(), client, 10, 0).total()).as("nothing saved").isZero();

    }

    @Test
    void aContactWhoSpeaksPortugueseGetsTheFormAndItsMistakesInPortuguese() throws Exception {
        String email = uniqueEmail("bia");
        accounts.add(ws.created().workspaceId(), app.clientdesk.identity.Role.CLIENT, "Bia Cliente", email, PASSWORD,
                "pt-BR", "America/Sao_Paulo", client.value());
        CurrentUser bia = principal(email);
        assertThat(page("/portal", bia)).contains("Nenhuma solicitação em aberto.", "Nova solicitação");
        assertThat(page("/portal/requests/new", bia)).contains("Assunto", "Data desejada (opcional)",
                "Até 10 arquivos");
        MockHttpServletResponse refused = mvc.perform(multipart("/portal/requests").param("subject", "")
                .param("details", "Texto digitado").with(user(bia)).with(csrf())).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("Texto digitado", "Alguns campos precisam da sua atenção", "Dê um assunto à solicitação.");
    }

    @Test
    void theListShowsEveryRequestOfTheClientAndNoOtherClientsInClientWords() throws Exception {
        RequestId mine = requests.submitFromPortal(contact, new PortalSubmission("Logo refresh", "Blue", null, List.of()));
        RequestId theirs = requests.submitFromPortal(colleague,
                new PortalSubmission("Newsletter schedule", "Monthly", null, List.of()));
        requests.reply(ws.owner(), theirs, Reply.answer("Which day suits you?", true));
        RequestId done = requests.submitFromPortal(contact, new PortalSubmission("Old thing", "x", null, List.of()));
        requests.close(ws.owner(), done);
        ClientId other = createClient(ws, "Northwind Bakery");
        CurrentUser stranger = addClientContact(ws, other);
        requests.submitFromPortal(stranger, new PortalSubmission("Bakery secret menu", "x", null, List.of()));

        String list = page("/portal/requests", contact);
        assertThat(list).contains("Logo refresh", "Newsletter schedule", "Old thing", "Received", "Waiting for you",
                "Closed", "Last activity").doesNotContain("Bakery secret menu");
        assertThat(list.indexOf("Old thing")).as("latest activity first").isLessThan(list.indexOf("Logo refresh"));
        String home = page("/portal", contact);
        assertThat(home).contains("2 open requests.", "1 waits for your answer.", "New request");
        assertThat(page("/portal/requests", stranger)).contains("Bakery secret menu")
                .doesNotContain("Logo refresh", "Newsletter schedule");
        // Paging is bounded: a silly page number shows an empty page, not an error.
        assertThat(mvc.perform(get("/portal/requests?page=999999999").with(user(contact))).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
        assertThat(mine).isNotNull();
    }

    @Test
    void theConversationHidesNotesAndAReplyThreadsOnAndReopens() throws Exception {
        RequestId id = requests.submitFromPortal(contact, new PortalSubmission("Spring newsletter", "Please", null,
                List.of()));
        requests.reply(ws.owner(), id, Reply.note("INTERNAL they liked teal"));
        requests.reply(ws.owner(), id, Reply.answer("Which list should it go to?", true));
        String shown = page("/portal/requests/" + id.value(), contact);
        assertThat(shown).contains("Which list should it go to?", "We are waiting for your answer.", "Your answer",
                "Waiting for you").doesNotContain("INTERNAL");

        MockHttpServletResponse empty = mvc.perform(reply(id, "   ")).andReturn().getResponse();
        assertThat(empty.getStatus()).isEqualTo(422);
        assertThat(empty.getContentAsString()).contains("Write a message.", "Which list should it go to?");

        MvcResult sent = mvc.perform(reply(id, "The customers list", file("list.csv", "name\nAna\n"))).andReturn();
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/portal/requests/" + id.value() + "#latest");
        assertThat(flash(sent)).contains("Your message was sent.");
        RequestDetail after = requests.get(ws.owner(), id);
        assertThat(after.request().state()).isEqualTo(RequestState.OPEN);
        RequestMessage last = after.messages().get(after.messages().size() - 1);
        assertThat(last.body()).isEqualTo("The customers list");
        assertThat(last.visibleToClient()).isTrue();
        assertThat(last.author().userId()).isEqualTo(contact.id());
        assertThat(last.attachments()).extracting(a -> a.fileName()).containsExactly("list.csv");
        assertThat(page("/portal/requests/" + id.value(), contact)).contains("The customers list", "You", "list.csv")
                .doesNotContain("We are waiting for your answer.");

        // Closed, a message opens it again; the colleague sees the whole conversation too.
        requests.close(ws.owner(), id);
        assertThat(page("/portal/requests/" + id.value(), colleague)).contains("This request is closed",
                "The customers list");
        mvc.perform(reply(id, "One more thing")).andReturn();
        assertThat(requests.get(ws.owner(), id).request().state()).isEqualTo(RequestState.OPEN);
    }

    @Test
    void aConvertedRequestShowsItsTasksProgressAndAMergedOneLeadsToItsTarget() throws Exception {
        RequestId id = requests.submitFromPortal(contact, new PortalSubmission("Website banner", "Summer", null,
                List.of()));
        requests.convertToTask(ws.owner(), id, TaskInput.quick("", client.value().toString(), null));
        assertThat(page("/portal/requests/" + id.value(), contact)).contains("Progress", "data-portal-task");

        RequestId duplicate = requests.submitFromPortal(contact, new PortalSubmission("Banner again", "Summer!",
                null, List.of()));
        requests.merge(ws.owner(), duplicate, id);
        MockHttpServletResponse merged = mvc.perform(get("/portal/requests/" + duplicate.value()).with(user(contact)))
                .andReturn().getResponse();
        assertThat(merged.getRedirectedUrl()).isEqualTo("/portal/requests/" + id.value());
        assertThat(page("/portal/requests/" + id.value(), contact)).contains("Summer!");
        assertThat(page("/portal/requests", contact)).contains("Merged into another request");
    }

    @Test
    void anotherClientsOrWorkspacesContactGetsNotFoundForPagesFilesAndReplies() throws Exception {
        RequestId id = requests.submitFromPortal(contact, new PortalSubmission("Quarterly report", "Secret numbers",
                null, List.of(new app.clientdesk.requests.NewAttachment("report.pdf",
                        new java.io.ByteArrayInputStream("%PDF-1.4 report".getBytes(StandardCharsets.US_ASCII))))));
        UUID file = requests.get(ws.owner(), id).messages().get(0).attachments().get(0).id();
        CurrentUser otherClients = addClientContact(ws, createClient(ws, "Northwind Bakery"));
        TestWorkspace b = newWorkspace();
        CurrentUser otherWorkspaces = addClientContact(b, createClient(b, "Beta client"));
        String base = "/portal/requests/" + id.value();

        for (CurrentUser stranger : List.of(otherClients, otherWorkspaces)) {
            assertThat(page("/portal/requests", stranger)).doesNotContain("Quarterly report");
            List<MockHttpServletResponse> tries = List.of(
                    mvc.perform(get(base).with(user(stranger))).andReturn().getResponse(),
                    mvc.perform(get(base + "/attachments/" + file).with(user(stranger))).andReturn().getResponse(),
                    mvc.perform(multipart(base + "/messages").param("text", "Hi").with(user(stranger)).with(csrf()))
                            .andReturn().getResponse());
            for (MockHttpServletResponse r : tries) {
                assertThat(r.getStatus()).as(stranger.email()).isEqualTo(404);
                assertThat(r.getContentAsString()).doesNotContain("Quarterly report", "Secret numbers");
            }
        }
        // A file id of another request of the same client is not found under this one.
        RequestId second = requests.submitFromPortal(contact, new PortalSubmission("Other", "x", null, List.of()));
        assertThat(mvc.perform(get("/portal/requests/" + second.value() + "/attachments/" + file).with(user(contact)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        // Staff get their own views, not these routes.
        assertThat(mvc.perform(get(base).with(user(ws.owner()))).andReturn().getResponse().getStatus()).isEqualTo(403);
        RequestPage unchanged = requests.forClient(ws.owner(), client, 10, 0);
        assertThat(unchanged.total()).isEqualTo(2);
        assertThat(requests.get(ws.owner(), id).messages()).hasSize(1);
    }

    private MockMultipartHttpServletRequestBuilder submit(String subject, String details, String desiredDate,
            MockMultipartFile... files) {
        MockMultipartHttpServletRequestBuilder request = multipart("/portal/requests");
        for (MockMultipartFile f : files) {
            request.file(f);
        }
        request.param("subject", subject).param("details", details).param("desiredDate", desiredDate);
        request.with(user(contact)).with(csrf());
        return request;
    }

    private MockMultipartHttpServletRequestBuilder reply(RequestId id, String text, MockMultipartFile... files) {
        MockMultipartHttpServletRequestBuilder request = multipart("/portal/requests/" + id.value() + "/messages");
        for (MockMultipartFile f : files) {
            request.file(f);
        }
        request.param("text", text);
        request.with(user(contact)).with(csrf());
        return request;
    }

    private static MockMultipartFile file(String name, String content) {
        return new MockMultipartFile("attachments", name, "application/octet-stream",
                content.getBytes(StandardCharsets.UTF_8));
    }

    private String page(String path, CurrentUser who) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(user(who))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    private static String flash(MvcResult result) {
        return String.valueOf(result.getFlashMap().values());
    }
}
