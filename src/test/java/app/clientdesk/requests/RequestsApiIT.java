package app.clientdesk.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.Tasks;
import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * {@code /api/v1/requests} as a script holding a personal API token sees it: a workspace in São Paulo (its
 * working calendar weekdays 09:00–18:00) with a client in Sydney promised a first answer within 4 business hours.
 */
class RequestsApiIT extends IntegrationTest {

    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    /** Friday 4 Dec 2026, 17:00 in São Paulo. */
    private static final Instant FRIDAY_5PM = LocalDateTime.parse("2026-12-04T17:00").atZone(SAO_PAULO).toInstant();

    @Autowired Requests requests;
    @Autowired Tasks tasks;

    private TestWorkspace ws;
    private String token;
    private ClientId sydney;

    @BeforeEach
    void aWorkspaceInSaoPauloWithAClientInSydney() {
        clock.set(FRIDAY_5PM);
        ws = newWorkspace();
        token = tokenFor(ws.owner());
        sydney = clients.create(ws.owner(), client("Koala Pty", "Australia/Sydney", "4", List.of()));
    }

    @Test
    void theOwnerCreatesReadsAnswersConvertsAndClosesARequest() throws Exception {
        String created = mvc.perform(json(post("/api/v1/requests"), token, """
                        {"clientId": "%s", "subject": "Book flights", "body": "To Lisbon, please",
                         "desiredDate": "2026-12-20"}""".formatted(sydney)))
                .andExpect(status().isCreated())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.number").value(1))
                .andExpect(jsonPath("$.clientId").value(sydney.toString()))
                .andExpect(jsonPath("$.clientName").value("Koala Pty"))
                .andExpect(jsonPath("$.subject").value("Book flights"))
                .andExpect(jsonPath("$.state").value("OPEN"))
                .andExpect(jsonPath("$.source").value("MANUAL"))
                .andExpect(jsonPath("$.desiredDate").value("2026-12-20"))
                .andExpect(jsonPath("$.slaState").value("ON_TRACK"))
                // One business hour left on Friday, three more on Monday from 09:00 in São Paulo.
                .andExpect(jsonPath("$.firstResponseDueAt").value("2026-12-07T12:00:00-03:00"))
                .andExpect(jsonPath("$.firstResponseAt").isEmpty())
                .andExpect(jsonPath("$.messages", hasSize(1)))
                .andExpect(jsonPath("$.messages[0].body").value("To Lisbon, please"))
                .andExpect(jsonPath("$.messages[0].visibleToClient").value(true))
                .andExpect(jsonPath("$.messages[0].author.kind").value("USER"))
                .andExpect(jsonPath("$.messages[0].author.name").value("Owner"))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.id");
        String path = "/api/v1/requests/" + id;

        mvc.perform(auth(get(path), token)).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.firstResponseDueAt").value("2026-12-07T12:00:00-03:00"));

        // Monday 11:30: an internal note does not meet the clock; the answer the client sees does.
        clock.set(LocalDateTime.parse("2026-12-07T11:30").atZone(SAO_PAULO).toInstant());
        mvc.perform(json(post(path + "/messages"), token, """
                        {"body": "Checking prices first", "visibleToClient": false}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, path))
                .andExpect(jsonPath("$.messages", hasSize(2)))
                .andExpect(jsonPath("$.messages[1].visibleToClient").value(false))
                .andExpect(jsonPath("$.firstResponseAt").isEmpty())
                // Three of the four hours used: at risk.
                .andExpect(jsonPath("$.slaState").value("AT_RISK"));
        mvc.perform(json(post(path + "/messages"), token, """
                        {"body": "Found three options", "waitOnClient": true}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.messages[*].body").value(contains("To Lisbon, please",
                        "Checking prices first", "Found three options")))
                .andExpect(jsonPath("$.messages[2].visibleToClient").value(true))
                .andExpect(jsonPath("$.state").value("WAITING_ON_CLIENT"))
                .andExpect(jsonPath("$.slaState").value("MET"))
                .andExpect(jsonPath("$.firstResponseAt").value("2026-12-07T14:30:00Z"));

        String converted = mvc.perform(json(post(path + "/convert"), token, """
                        {"dueDate": "2026-12-18"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.request.task.title").value("Book flights"))
                .andReturn().getResponse().getContentAsString();
        String taskId = JsonPath.read(converted, "$.taskId");
        assertThat((String) JsonPath.read(converted, "$.href")).isEqualTo("/api/v1/tasks/" + taskId);
        assertThat((String) JsonPath.read(converted, "$.page")).isEqualTo("/tasks/" + taskId);
        mvc.perform(auth(get("/api/v1/tasks/" + taskId), token)).andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Book flights"))
                .andExpect(jsonPath("$.description").value("To Lisbon, please"))
                .andExpect(jsonPath("$.clientId").value(sydney.toString()))
                .andExpect(jsonPath("$.dueDate").value("2026-12-18"));
        mvc.perform(json(post(path + "/convert"), token, "{}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("request"));

        mvc.perform(auth(post(path + "/close"), token)).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("CLOSED"))
                .andExpect(jsonPath("$.task.id").value(taskId));
        assertThat(requests.get(ws.owner(), new RequestId(UUID.fromString(id))).request().state())
                .isEqualTo(RequestState.CLOSED);
    }

    @Test
    void waitingOnTheClientPausesTheClockAndAClientWithoutACommitmentHasNone() throws Exception {
        String id = create(token, sydney, "Invoice question");
        mvc.perform(json(post("/api/v1/requests/" + id + "/messages"), token, """
                        {"body": "Called them, waiting for the address", "visibleToClient": false,
                         "waitOnClient": true}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("WAITING_ON_CLIENT"))
                .andExpect(jsonPath("$.slaState").value("PAUSED"))
                .andExpect(jsonPath("$.firstResponseDueAt").value("2026-12-07T12:00:00-03:00"));

        ClientId relaxed = clients.create(ws.owner(), client("No Promise Ltd", "Europe/London", "", List.of()));
        String none = create(token, relaxed, "Whenever");
        mvc.perform(auth(get("/api/v1/requests/" + none), token)).andExpect(status().isOk())
                .andExpect(jsonPath("$.slaState").isEmpty())
                .andExpect(jsonPath("$.firstResponseDueAt").isEmpty());
    }

    @Test
    void theListIsFilteredAndPagedLikeEveryOtherList() throws Exception {
        ClientId other = clients.create(ws.owner(), client("Other Ltda", "America/Sao_Paulo", "24", List.of()));
        String first = create(token, sydney, "First");
        clock.set(FRIDAY_5PM.plusSeconds(60));
        String second = create(token, other, "Second");
        clock.set(FRIDAY_5PM.plusSeconds(120));
        String third = create(token, sydney, "Third");
        mvc.perform(auth(post("/api/v1/requests/" + first + "/close"), token)).andExpect(status().isOk());
        mvc.perform(json(post("/api/v1/requests/" + second + "/messages"), token,
                "{\"body\": \"Asked by phone\", \"visibleToClient\": false, \"waitOnClient\": true}")).andExpect(status().isCreated());

        mvc.perform(auth(get("/api/v1/requests"), token)).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.hasMore").value(false))
                .andExpect(jsonPath("$.items[*].subject").value(containsInAnyOrder("First", "Second", "Third")))
                .andExpect(jsonPath("$.items[?(@.subject == 'Third')].firstResponseDueAt")
                        .value(contains("2026-12-07T12:02:00-03:00")));
        mvc.perform(auth(get("/api/v1/requests").param("clientId", sydney.toString()), token))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[*].subject").value(containsInAnyOrder("First", "Third")));
        mvc.perform(auth(get("/api/v1/requests").param("clientId", sydney.toString()).param("limit", "1"), token))
                .andExpect(jsonPath("$.total").value(2)).andExpect(jsonPath("$.hasMore").value(true));
        mvc.perform(auth(get("/api/v1/requests").param("state", "closed"), token))
                .andExpect(jsonPath("$.items[*].id").value(contains(first)));
        mvc.perform(auth(get("/api/v1/requests").param("slaState", "PAUSED"), token))
                .andExpect(jsonPath("$.items[*].id").value(contains(second)))
                .andExpect(jsonPath("$.items[0].state").value("WAITING_ON_CLIENT"));
        mvc.perform(auth(get("/api/v1/requests").param("slaState", "ON_TRACK").param("state", "OPEN"), token))
                .andExpect(jsonPath("$.items[*].id").value(contains(third)));

        mvc.perform(auth(get("/api/v1/requests").param("limit", "2"), token))
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.limit").value(2))
                .andExpect(jsonPath("$.offset").value(0))
                .andExpect(jsonPath("$.hasMore").value(true));
        mvc.perform(auth(get("/api/v1/requests").param("limit", "2").param("offset", "2"), token))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.hasMore").value(false));
        mvc.perform(auth(get("/api/v1/requests").param("state", "DONE").param("slaState", "LATE")
                        .param("clientId", "nope").param("limit", "201"), token))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("clientId", "state", "slaState",
                        "limit")));
    }

    @Test
    void invalidInputIsAProblemNamingTheApisFieldsAndNothingIsSaved() throws Exception {
        mvc.perform(json(post("/api/v1/requests"), token, """
                        {"clientId": "%s", "subject": " ", "body": "%s", "desiredDate": "2026-12-01"}"""
                        .formatted(sydney, "x".repeat(50_001))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("subject", "body", "desiredDate")));
        mvc.perform(json(post("/api/v1/requests"), token, "{\"subject\": \"No client\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("clientId"));
        mvc.perform(json(post("/api/v1/requests"), token, "{\"subject\": \"Unclosed"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(requests.inbox(ws.owner(), RequestFilter.all()).items()).as("requests saved").isEmpty();

        String id = create(token, sydney, "Fine");
        mvc.perform(json(post("/api/v1/requests/" + id + "/messages"), token, "{\"body\": \"\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].message").value("Write a message."));
        assertThat(requests.get(ws.owner(), new RequestId(UUID.fromString(id))).messages()).hasSize(1);

        mvc.perform(auth(get("/api/v1/requests"), "not-a-token"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aCreateSentTwiceWithOneIdempotencyKeyMakesOneRequest() throws Exception {
        String body = """
                {"clientId": "%s", "subject": "Renew the domain", "body": "Before Friday"}""".formatted(sydney);
        String first = mvc.perform(json(post("/api/v1/requests"), token, body).header("Idempotency-Key", "mail-42"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(first, "$.id");
        mvc.perform(json(post("/api/v1/requests"), token, body).header("Idempotency-Key", "mail-42"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.subject").value("Renew the domain"))
                .andExpect(jsonPath("$.messages", hasSize(1)));
        assertThat(requests.inbox(ws.owner(), RequestFilter.all()).items()).as("requests made").hasSize(1);

        mvc.perform(json(post("/api/v1/requests"), token, """
                        {"clientId": "%s", "subject": "Renew the certificate"}""".formatted(sydney))
                        .header("Idempotency-Key", "mail-42"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("This Idempotency-Key was already used for a different request."));
        mvc.perform(json(post("/api/v1/requests"), token, body).header("Idempotency-Key", "k".repeat(201)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message")
                        .value("An Idempotency-Key holds at most 200 characters."));
        assertThat(requests.inbox(ws.owner(), RequestFilter.all()).items()).as("requests made").hasSize(1);

        // Another key, or none, is another request.
        mvc.perform(json(post("/api/v1/requests"), token, body).header("Idempotency-Key", "mail-43"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(org.hamcrest.Matchers.not(id)));
        assertThat(requests.inbox(ws.owner(), RequestFilter.all()).items()).hasSize(2);
    }

    @Test
    void anotherWorkspacesRequestsAndClientsAreNotFoundAndStayAsTheyWere() throws Exception {
        TestWorkspace stranger = newWorkspace();
        ClientId theirClient = createClient(stranger, "Someone Else's Client");
        RequestId theirs = requests.submitManually(stranger.owner(), new ManualSubmission(
                theirClient.value().toString(), "Private", "Their words", null, List.of()));
        String path = "/api/v1/requests/" + theirs;

        for (MockHttpServletRequestBuilder request : List.of(auth(get(path), token),
                json(post(path + "/messages"), token, "{\"body\": \"Mine now\"}"),
                json(post(path + "/convert"), token, "{}"), auth(post(path + "/close"), token),
                auth(get("/api/v1/requests/" + UUID.randomUUID()), token), auth(get("/api/v1/requests/nope"), token),
                json(post("/api/v1/requests"), token, "{\"clientId\": \"%s\", \"subject\": \"Sneaky\"}"
                        .formatted(theirClient)))) {
            mvc.perform(request)
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.title").value("Not found"));
        }
        mvc.perform(auth(get("/api/v1/requests").param("clientId", theirClient.toString()), token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));

        RequestDetail untouched = requests.get(stranger.owner(), theirs);
        assertThat(untouched.messages()).extracting(RequestMessage::body).containsExactly("Their words");
        assertThat(untouched.request().state()).isEqualTo(RequestState.OPEN);
        assertThat(untouched.request().taskId()).isNull();
        assertThat(requests.inbox(stranger.owner(), RequestFilter.all()).items()).hasSize(1);
        assertThat(requests.inbox(ws.owner(), RequestFilter.all()).items()).isEmpty();
    }

    @Test
    void aMemberWorksOnlyOnTheRequestsOfClientsAssignedToThem() throws Exception {
        CurrentUser member = addMember(ws);
        String memberToken = tokenFor(member);
        ClientId assigned = clients.create(ws.owner(), client("Assigned Co", "America/Sao_Paulo", "8",
                List.of(member.id().value())));
        String mine = create(token, assigned, "For the member");
        String hidden = create(token, sydney, "Not for the member");
        String path = "/api/v1/requests/" + hidden;

        mvc.perform(auth(get("/api/v1/requests"), memberToken)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[*].id").value(contains(mine)));
        mvc.perform(auth(get("/api/v1/requests").param("clientId", sydney.toString()), memberToken))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(auth(get("/api/v1/requests/" + mine), memberToken)).andExpect(status().isOk());
        mvc.perform(json(post("/api/v1/requests/" + mine + "/messages"), memberToken, "{\"body\": \"On it\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.messages[1].author.userId").value(member.id().value().toString()));
        mvc.perform(json(post("/api/v1/requests"), memberToken,
                        "{\"clientId\": \"%s\", \"subject\": \"Mine too\"}".formatted(assigned)))
                .andExpect(status().isCreated());

        for (MockHttpServletRequestBuilder request : List.of(auth(get(path), memberToken),
                json(post(path + "/messages"), memberToken, "{\"body\": \"Peek\"}"),
                json(post(path + "/convert"), memberToken, "{}"), auth(post(path + "/close"), memberToken),
                json(post("/api/v1/requests"), memberToken, "{\"clientId\": \"%s\", \"subject\": \"Sneaky\"}"
                        .formatted(sydney)))) {
            mvc.perform(request).andExpect(status().isNotFound())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        }
        RequestDetail untouched = requests.get(ws.owner(), new RequestId(UUID.fromString(hidden)));
        assertThat(untouched.messages()).hasSize(1);
        assertThat(untouched.request().state()).isEqualTo(RequestState.OPEN);
        assertThat(untouched.request().taskId()).isNull();
        assertThat(requests.forClient(ws.owner(), sydney, 10, 0).total()).isEqualTo(1);
    }

    @Test
    void theApiDescribesTheRequests() throws Exception {
        mvc.perform(get("/api/v1/openapi.json")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/requests'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/requests'].post.responses['201']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/requests'].post.parameters[?(@.name == 'Idempotency-Key')].in")
                        .value(contains("header")))
                .andExpect(jsonPath("$.paths['/api/v1/requests'].post.responses['200'].description")
                        .value("A retry with the same Idempotency-Key: the first result, nothing new made."))
                .andExpect(jsonPath("$.paths['/api/v1/requests/{requestId}/messages'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/requests/{requestId}/convert'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/requests/{requestId}/close'].post.responses['404']").exists())
                .andExpect(jsonPath("$.components.schemas.RequestJson.properties.slaState.enum")
                        .value(containsInAnyOrder("ON_TRACK", "AT_RISK", "BREACHED", "MET", "PAUSED", null)))
                .andExpect(jsonPath("$.components.schemas.RequestSubmission.properties.subject.example").exists());
    }

    private String create(String bearer, ClientId client, String subject) throws Exception {
        String body = mvc.perform(json(post("/api/v1/requests"), bearer, """
                        {"clientId": "%s", "subject": "%s", "body": "Details of %s"}""".formatted(client, subject,
                        subject)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private static ClientInput client(String name, String zone, String responseHours, List<UUID> members) {
        return new ClientInput(name, "ACTIVE", zone, "AUD", "en-AU", "AU", null, null, null,
                List.of(new ClientInput.Day("MONDAY", "09:00", "17:00")), responseHours, "EMAIL", "CHAT", "VIDEO",
                "EMAIL", null, null, List.of(new ClientInput.ContactInput(null, "Kim Koala",
                        uniqueEmail("kim"), null, null, true)), members);
    }

    private static MockHttpServletRequestBuilder auth(MockHttpServletRequestBuilder request, String token) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token).accept(MediaType.APPLICATION_JSON);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String token,
            String body) {
        return auth(request, token).contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
