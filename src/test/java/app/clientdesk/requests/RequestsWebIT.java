package app.clientdesk.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.sla.SlaState;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.support.QueryCounts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The VA's request screens as a browser without JavaScript uses them: the inbox with its filters and pages, a
 * request's page and every action on it (reply, internal note, waiting on the client, convert, merge, close,
 * reopen), entering a request by hand, the client's and the task's pages, refusals with translated messages and
 * nothing saved, and a member kept to their assigned clients.
 */
class RequestsWebIT extends IntegrationTest {

    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    /** Monday 7 Dec 2026, 10:00 in São Paulo. */
    private static final Instant MONDAY = LocalDateTime.parse("2026-12-07T10:00").atZone(SAO_PAULO).toInstant();

    @Autowired Requests requests;
    @Autowired JdbcClient jdbc;

    private TestWorkspace ws;
    private CurrentUser owner;
    private CurrentUser member;
    private ClientId acme;
    private ClientId bravo;

    @BeforeEach
    void aWorkspaceWithTwoClients() {
        clock.set(MONDAY);
        ws = newWorkspace();
        owner = ws.owner();
        member = addMember(ws);
        acme = createClient(ws, "Acme Ltd", member.id());
        bravo = createClient(ws, "Bravo Co");
    }

    @Test
    void theInboxFiltersByClientStateAndSlaAndPagesThroughBoundedPages() throws Exception {
        for (int i = 1; i <= 52; i++) {
            submit(acme, "Acme ask " + i);
            clock.set(clock.instant().plusSeconds(60));
        }
        RequestId bravoAsk = submit(bravo, "Bravo ask");
        requests.close(owner, bravoAsk);

        String first = page(owner, "/requests");
        assertThat(first).contains("Requests 1–25, newest activity first", "Bravo ask", "Acme ask 52", "Acme ask 29<",
                "Page 1<", "On track", "data-sla=\"ON_TRACK\"", "Entered by hand")
                .doesNotContain("Acme ask 28<", "Acme ask 1<", "53 requests", "Previous");
        // Across all clients nothing is counted: one more line than the page tells that a next page exists.
        assertThat(first).contains("page=1\" hx-get", ">Next<");
        // Newest activity first: the closed Bravo request was touched last.
        assertThat(first.indexOf("Bravo ask")).isLessThan(first.indexOf("Acme ask 52"));
        assertThat(page(owner, "/requests?page=1")).contains("Requests 26–50", "Page 2<", "Previous", "Acme ask 28<",
                ">Next<").doesNotContain("Acme ask 29<", "Acme ask 3<");
        assertThat(page(owner, "/requests?page=2")).contains("Requests 51–53", "Page 3<", "Previous", "Acme ask 1<",
                "Acme ask 2<").doesNotContain("Acme ask 52", ">Next<");

        assertThat(page(owner, "/requests?client=" + bravo.value())).contains("1 request", "Bravo ask")
                .doesNotContain("Acme ask");
        assertThat(page(owner, "/requests?state=CLOSED")).contains("Requests 1–1,", "Bravo ask").doesNotContain("Acme ask");
        assertThat(page(owner, "/requests?state=OPEN&client=" + acme.value())).contains("52 requests");
        assertThat(page(owner, "/requests?sla=BREACHED")).contains("No requests match these filters.");
        // The SLA state moves on: a refresh a day later finds it breached.
        requests.refreshSla(ws.created().workspaceId(), requests.inbox(owner, RequestFilter.all()).items().get(1).id(),
                MONDAY.plusSeconds(86_400));
        assertThat(page(owner, "/requests?sla=BREACHED")).contains("Requests 1–1,", "Breached");
        // Unknown values are ignored, not errors.
        assertThat(page(owner, "/requests?state=NOPE&sla=x&client=not-an-id&page=-3")).contains("Requests 1–25,");
        // Another workspace's client is not found, never an empty list.
        TestWorkspace other = newWorkspace();
        ClientId theirs = createClient(other, "Their client");
        assertThat(mvc.perform(get("/requests?client=" + theirs.value()).with(user(owner))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);

        // htmx swaps only the list.
        String rows = mvc.perform(get("/requests?client=" + bravo.value()).header("HX-Request", "true")
                .with(user(owner))).andReturn().getResponse().getContentAsString();
        assertThat(rows).contains("Bravo ask").doesNotContain("<html", "Acme ask");
    }

    @Test
    void theClientFilterIsANameFieldWithSuggestionsOfTheViewersOwnClients() throws Exception {
        submit(acme, "Acme ask");
        submit(bravo, "Bravo ask");

        // The page no longer carries a choice for every client; the chosen one is in the field, its id in the form.
        String all = page(owner, "/requests");
        assertThat(all).contains("id=\"filter-client\"", "list=\"request-clients\"", "placeholder=\"All clients\"")
                .doesNotContain("<option value=\"Acme Ltd\"", "<option value=\"Bravo Co\"");
        String chosen = page(owner, "/requests?client=" + bravo.value());
        assertThat(chosen).contains("name=\"client\" value=\"" + bravo.value() + "\"", "value=\"Bravo Co\"", "Bravo ask")
                .doesNotContain("Acme ask");

        // Suggestions: names containing the text, those starting with it first; a member gets their clients only.
        assertThat(page(owner, "/requests/clients?q=co")).contains("<option value=\"Bravo Co\" data-client=\""
                + bravo.value() + "\"").doesNotContain("Acme Ltd");
        assertThat(page(owner, "/requests/clients?q=")).contains("Acme Ltd", "Bravo Co");
        assertThat(page(member, "/requests/clients?q=")).contains("Acme Ltd").doesNotContain("Bravo Co");
        assertThat(page(member, "/requests/clients?q=bravo")).doesNotContain("<option");

        // Without JavaScript the name typed is enough, in any case; it wins over the client chosen before.
        assertThat(page(owner, get("/requests").param("clientName", "bravo co"))).contains("1 request", "Bravo ask", "value=\""
                + bravo.value() + "\"").doesNotContain("Acme ask");
        assertThat(page(owner, get("/requests").param("client", acme.value().toString())
                .param("clientName", "Bravo Co"))).contains("Bravo ask")
                .doesNotContain("Acme ask");
        // An emptied field shows every client again.
        assertThat(page(owner, "/requests?client=" + bravo.value() + "&clientName=")).contains("Acme ask", "Bravo ask");
        // A name of no client (or of one the member may not see) shows no rows and says so.
        assertThat(page(owner, "/requests?clientName=Nobody")).contains("No one client is named “Nobody”")
                .doesNotContain("Acme ask", "Bravo ask");
        assertThat(page(member, get("/requests").param("clientName", "Bravo Co"))).contains("No one client is named “Bravo Co”")
                .doesNotContain("Bravo ask", "Acme ask");
        // The id is checked whatever name comes with it.
        assertThat(mvc.perform(get("/requests").param("client", bravo.value().toString())
                .param("clientName", "Acme Ltd").with(user(member)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theInboxCostsTheSameStatementsWhateverTheNumberOfRequests() throws Exception {
        for (int i = 0; i < 3; i++) {
            submit(i % 2 == 0 ? acme : bravo, "Small " + i);
        }
        page(owner, "/requests");
        QueryCounts.Counts small = QueryCounts.during(() -> page(owner, "/requests"));
        for (int i = 0; i < 60; i++) {
            submit(i % 2 == 0 ? acme : bravo, "Large " + i);
        }
        QueryCounts.Counts large = QueryCounts.during(() -> page(owner, "/requests"));
        assertThat(large.statements()).as(large.toString()).isEqualTo(small.statements()).isLessThanOrEqualTo(12);
        QueryCounts.Counts filtered = QueryCounts.during(() -> page(member, "/requests?state=OPEN&sla=ON_TRACK"));
        assertThat(filtered.statements()).as(filtered.toString()).isLessThanOrEqualTo(small.statements());
    }

    @Test
    void theVaRepliesWritesAnInternalNoteAndWaitsOnTheClient() throws Exception {
        RequestId id = submit(acme, "New logo");
        String base = "/requests/" + id.value();
        String shown = page(owner, base);
        assertThat(shown).contains("#1", "New logo", "Acme Ltd", "Details of New logo", "On track", "Yours:",
                "Client’s:", "Convert to task", "Close");

        // An empty reply is refused with a translated message; nothing is saved.
        MockHttpServletResponse empty = send(multipart(base + "/reply").param("text", "  "), owner);
        assertThat(empty.getStatus()).isEqualTo(422);
        assertThat(empty.getContentAsString()).contains("Write a message.", "Some fields need your attention.");
        assertThat(requests.get(owner, id).messages()).hasSize(1);

        // A reply the client sees, with a file: it meets the clock.
        MockMultipartFile file = new MockMultipartFile("attachments", "notes.txt", "text/plain",
                "Plain notes".getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse replied = send(multipart(base + "/reply").file(file).param("text", "Here is a draft")
                .param("internal", "false"), owner);
        assertThat(replied.getStatus()).isEqualTo(302);
        assertThat(replied.getRedirectedUrl()).isEqualTo(base + "#conversation");
        Request afterReply = requests.get(owner, id).request();
        assertThat(afterReply.slaState()).isEqualTo(SlaState.MET);

        // An internal note, waiting on the client.
        send(multipart(base + "/reply").param("text", "Called them").param("internal", "true")
                .param("waitOnClient", "true"), owner);
        RequestDetail detail = requests.get(owner, id);
        assertThat(detail.request().state()).isEqualTo(RequestState.WAITING_ON_CLIENT);
        assertThat(detail.messages()).extracting(RequestMessage::visibleToClient).containsExactly(true, true, false);

        String page = page(owner, base);
        assertThat(page).contains("Here is a draft", "Called them", "Internal note", "Waiting on client", "notes.txt",
                "Met");
        RequestAttachment attachment = detail.messages().get(1).attachments().get(0);
        MockHttpServletResponse download = mvc.perform(get(base + "/attachments/" + attachment.id())
                .with(user(owner))).andReturn().getResponse();
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentAsString()).isEqualTo("Plain notes");
        assertThat(download.getHeader("Content-Disposition")).contains("attachment", "notes.txt");
    }

    @Test
    void aRequestBecomesATaskThatLinksBack() throws Exception {
        RequestId id = submit(acme, "Book a venue");
        String base = "/requests/" + id.value();
        assertThat(page(owner, base)).contains("value=\"Book a venue\"");

        // A bad due date: translated error, no task.
        MockHttpServletResponse bad = send(post(base + "/convert").param("title", "Venue").param("dueDate", "31/12"),
                owner);
        assertThat(bad.getStatus()).isEqualTo(422);
        assertThat(bad.getContentAsString()).contains("Some fields need your attention.");
        assertThat(requests.get(owner, id).request().taskId()).isNull();

        MockHttpServletResponse done = send(post(base + "/convert").param("title", "Find a venue for the party")
                .param("assigneeId", member.id().value().toString()).param("dueDate", "2026-12-20"), owner);
        assertThat(done.getStatus()).isEqualTo(302);
        RequestDetail detail = requests.get(owner, id);
        assertThat(detail.task()).isNotNull();
        String page = page(owner, base);
        assertThat(page).contains("Find a venue for the party", "/tasks/" + detail.task().id().value())
                .doesNotContain("Convert to task</button>");
        // The task's page links back to the request, also for the assigned member.
        String task = page(member, "/tasks/" + detail.task().id().value());
        assertThat(task).contains("From a client request", base, "Book a venue");

        // Converting twice is refused with a message.
        MockHttpServletResponse again = send(post(base + "/convert").param("title", "Again"), owner);
        assertThat(again.getStatus()).isEqualTo(422);
    }

    @Test
    void duplicatesMergeWithinAClientOnlyAndRequestsCloseAndReopen() throws Exception {
        RequestId first = submit(acme, "Website down");
        RequestId duplicate = submit(acme, "Site is down!!");
        RequestId other = submit(bravo, "Bravo thing");
        String base = "/requests/" + duplicate.value();
        assertThat(page(owner, base)).contains("Merge into", "Website down").doesNotContain("Bravo thing");

        MockHttpServletResponse across = send(post(base + "/merge").param("targetRequestId", other.value().toString()),
                owner);
        assertThat(across.getStatus()).isEqualTo(422);
        assertThat(across.getContentAsString()).contains("Only requests of the same client can be merged.");
        assertThat(requests.get(owner, duplicate).request().state()).isEqualTo(RequestState.OPEN);
        assertThat(send(post(base + "/merge"), owner).getContentAsString())
                .contains("Choose the request to merge into.");

        MockHttpServletResponse merged = send(post(base + "/merge").param("targetRequestId", first.value().toString()),
                owner);
        assertThat(merged.getRedirectedUrl()).isEqualTo("/requests/" + first.value());
        assertThat(requests.get(owner, duplicate).request().state()).isEqualTo(RequestState.MERGED);
        assertThat(page(owner, "/requests/" + first.value())).contains("Details of Site is down!!");
        assertThat(page(owner, base)).contains("merged into another one", "Open that request");
        MockHttpServletResponse twice = send(post(base + "/merge").param("targetRequestId", first.value().toString()),
                owner);
        assertThat(twice.getStatus()).isEqualTo(422);
        assertThat(twice.getContentAsString()).contains("A request already merged cannot be merged again");

        String firstBase = "/requests/" + first.value();
        assertThat(send(post(firstBase + "/close"), owner).getStatus()).isEqualTo(302);
        assertThat(requests.get(owner, first).request().state()).isEqualTo(RequestState.CLOSED);
        assertThat(page(owner, firstBase)).contains("Reopen");
        assertThat(send(post(firstBase + "/reopen"), owner).getStatus()).isEqualTo(302);
        assertThat(requests.get(owner, first).request().state()).isEqualTo(RequestState.OPEN);
    }

    @Test
    void theVaEntersARequestByHandAndBadInputSavesNothing() throws Exception {
        assertThat(page(owner, "/requests/new?clientId=" + bravo.value())).contains("New request", "Bravo Co");
        MockHttpServletResponse bad = send(multipart("/requests").param("clientId", acme.value().toString())
                .param("subject", " ").param("desiredDate", "2020-01-01"), owner);
        assertThat(bad.getStatus()).isEqualTo(422);
        assertThat(bad.getContentAsString()).contains("Give the request a subject.",
                "The desired date cannot be in the past.");
        MockHttpServletResponse noClient = send(multipart("/requests").param("subject", "Hello"), owner);
        assertThat(noClient.getContentAsString()).contains("Choose the client this request is for.");
        assertThat(requests.inbox(owner, RequestFilter.all()).items()).isEmpty();

        MockMultipartFile file = new MockMultipartFile("attachments", "brief.pdf", "application/pdf",
                "%PDF-1.4 brief".getBytes(StandardCharsets.US_ASCII));
        MockHttpServletResponse made = send(multipart("/requests").file(file).param("clientId", acme.value().toString())
                .param("subject", "Phone call: new brochure").param("details", "Ten pages")
                .param("desiredDate", "2026-12-31"), owner);
        assertThat(made.getStatus()).isEqualTo(302);
        String page = page(owner, made.getRedirectedUrl());
        assertThat(page).contains("Phone call: new brochure", "Ten pages", "brief.pdf", "Entered by hand");

        // The client page lists the open request with its SLA state, and links to the filtered inbox.
        String client = page(owner, "/clients/" + acme.value());
        assertThat(client).contains("Open requests", "Phone call: new brochure", "On track",
                "/requests?client=" + acme.value());
    }

    @Test
    void portugueseSpeakersGetTheirOwnTexts() throws Exception {
        TestWorkspace br = newWorkspace("Escritório", "pt-BR");
        ClientId cliente = createClient(br, "Cliente BR");
        RequestId id = requests.submitManually(br.owner(), new ManualSubmission(cliente.value().toString(),
                "Pedido", "Detalhes", null, List.of()));
        assertThat(page(br.owner(), "/requests")).contains("Solicitações", "No prazo", "Registrada manualmente");
        MockHttpServletResponse empty = send(multipart("/requests/" + id.value() + "/reply").param("text", ""),
                br.owner());
        assertThat(empty.getContentAsString()).contains("Escreva uma mensagem.");
    }

    @Test
    void aMemberSeesOnlyTheirClientsRequests() throws Exception {
        RequestId mine = submit(acme, "Acme only");
        RequestId hidden = submit(bravo, "Bravo secret");
        String inbox = page(member, "/requests");
        assertThat(inbox).contains("Acme only", "Requests 1–1,").doesNotContain("Bravo secret", "Bravo Co");
        assertThat(mvc.perform(get("/requests/" + hidden.value()).with(user(member))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        MockHttpServletResponse reply = send(multipart("/requests/" + hidden.value() + "/reply").param("text", "Hi"),
                member);
        assertThat(reply.getStatus()).isEqualTo(404);
        MockHttpServletResponse merge = send(post("/requests/" + mine.value() + "/merge")
                .param("targetRequestId", hidden.value().toString()), member);
        assertThat(merge.getStatus()).isEqualTo(404);
        MockHttpServletResponse create = send(multipart("/requests").param("clientId", bravo.value().toString())
                .param("subject", "Sneaky"), member);
        assertThat(create.getStatus()).isEqualTo(404);
        assertThat(requests.get(owner, hidden).messages()).hasSize(1);
        assertThat(requests.inbox(owner, RequestFilter.all()).items()).hasSize(2);
        // A contact is kept out of the VA's screens.
        CurrentUser contact = addClientContact(ws, acme);
        assertThat(mvc.perform(get("/requests").with(user(contact))).andReturn().getResponse().getStatus())
                .isIn(302, 403);
    }

    private RequestId submit(ClientId client, String subject) {
        return requests.submitManually(owner, new ManualSubmission(client.value().toString(), subject,
                "Details of " + subject, null, List.of()));
    }

    private String page(CurrentUser viewer, MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(user(viewer))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private String page(CurrentUser viewer, String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(user(viewer))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    private MockHttpServletResponse send(AbstractMockHttpServletRequestBuilder<?> request, CurrentUser viewer) throws Exception {
        return mvc.perform(request.with(user(viewer)).with(csrf())).andReturn().getResponse();
    }
}
