package app.clientdesk.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.work.ProjectId;
import app.clientdesk.work.ProjectInput;
import app.clientdesk.work.Projects;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.TaskInput;
import app.clientdesk.work.Tasks;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** {@code /api/v1/time-entries} as a script holding a personal API token sees it. */
class TimeEntriesApiIT extends IntegrationTest {

    @Autowired TimeEntries entries;
    @Autowired Rates rates;
    @Autowired Projects projects;
    @Autowired Tasks tasks;

    TestWorkspace ws;
    CurrentUser owner;
    CurrentUser member;
    String ownerToken;
    String memberToken;
    ClientId gamma;
    ClientId delta;
    ProjectId site;
    TaskId task;

    @BeforeEach
    void workspace() {
        ws = newWorkspace();
        owner = ws.owner();
        member = addMember(ws);
        ownerToken = tokenFor(owner);
        memberToken = tokenFor(member);
        gamma = createClient(ws, "Gamma Ltd", member.id());
        delta = createClient(ws, "Delta Co");
        site = projects.create(owner, new ProjectInput(gamma.value().toString(), "Website", "ACTIVE", null, null, null,
                null, null));
        task = tasks.create(owner, new TaskInput("Hero copy", null, gamma.value().toString(), site.value().toString(),
                null, false, false, null, null, null, null, null, null, null, null, List.of(), null, null, List.of()));
    }

    private ResultActions call(MockHttpServletRequestBuilder request, String token) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token).accept(MediaType.APPLICATION_JSON));
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String token, String body) throws Exception {
        return call(request.contentType(MediaType.APPLICATION_JSON).content(body), token);
    }

    private String create(String token, String body) throws Exception {
        String json = send(post("/api/v1/time-entries"), token, body).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(json, "$.id");
    }

    @Test
    void anEntryIsLoggedReadAndAnsweredInItsOwnZone() throws Exception {
        rates.set(owner, new RateInput("CLIENT", gamma.value().toString(), "GBP", "55"));

        String json = send(post("/api/v1/time-entries"), ownerToken, """
                {"taskId": "%s", "start": "2026-12-01T09:00:00-03:00", "end": "2026-12-01T10:30:20-03:00",
                 "zone": "Europe/London", "breakMinutes": 10, "note": "Draft", "tags": ["copy", "web"]}"""
                .formatted(task.value()))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/time-entries/")))
                .andExpect(jsonPath("$.clientId").value(gamma.value().toString()))
                .andExpect(jsonPath("$.projectId").value(site.value().toString()))
                .andExpect(jsonPath("$.taskId").value(task.value().toString()))
                .andExpect(jsonPath("$.userId").value(owner.id().value().toString()))
                .andExpect(jsonPath("$.start").value("2026-12-01T12:00:00Z"))
                .andExpect(jsonPath("$.end").value("2026-12-01T13:30:20Z"))
                .andExpect(jsonPath("$.zone").value("Europe/London"))
                .andExpect(jsonPath("$.durationSeconds").value(80 * 60 + 20))
                .andExpect(jsonPath("$.durationMinutes").value(80))
                .andExpect(jsonPath("$.breakMinutes").value(10))
                .andExpect(jsonPath("$.billable").value(true))
                .andExpect(jsonPath("$.note").value("Draft"))
                .andExpect(jsonPath("$.tags", contains("copy", "web")))
                .andExpect(jsonPath("$.rate").value("55.00"))
                .andExpect(jsonPath("$.currency").value("GBP"))
                .andExpect(jsonPath("$.rateSource").value("CLIENT"))
                .andExpect(jsonPath("$.locked").value(false))
                .andExpect(jsonPath("$.invoiceNumber").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(json, "$.id");

        call(get("/api/v1/time-entries/" + id), ownerToken).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id)).andExpect(jsonPath("$.durationMinutes").value(80));

        // In summer London is an hour ahead of UTC, and the offset says so; half a minute rounds up.
        String summer = create(ownerToken, """
                {"clientId": "%s", "start": "2026-07-01T09:00:00+01:00", "end": "2026-07-01T09:00:30+01:00",
                 "zone": "Europe/London", "billable": false, "rate": 40.5}""".formatted(delta.value()));
        call(get("/api/v1/time-entries/" + summer), ownerToken)
                .andExpect(jsonPath("$.start").value("2026-07-01T09:00:00+01:00"))
                .andExpect(jsonPath("$.durationMinutes").value(1))
                .andExpect(jsonPath("$.billable").value(false))
                .andExpect(jsonPath("$.rate").value("40.50"))
                .andExpect(jsonPath("$.rateSource").value("ENTRY"))
                .andExpect(jsonPath("$.projectId").doesNotExist());
    }

    @Test
    void everyFilterNarrowsTheListWhichComesInPages() throws Exception {
        String a = create(ownerToken, """
                {"clientId": "%s", "projectId": "%s", "start": "2026-12-01T09:00:00Z", "end": "2026-12-01T10:00:00Z"}"""
                .formatted(gamma.value(), site.value()));
        String b = create(ownerToken, """
                {"clientId": "%s", "start": "2026-12-02T09:00:00Z", "end": "2026-12-02T10:00:00Z", "billable": false}"""
                .formatted(delta.value()));
        String c = create(memberToken, """
                {"clientId": "%s", "start": "2026-12-03T09:00:00Z", "end": "2026-12-03T10:00:00Z"}"""
                .formatted(gamma.value()));
        // Late on 3 December in Auckland is 3 December there, though 2 December in UTC.
        String d = create(ownerToken, """
                {"clientId": "%s", "start": "2026-12-03T07:00:00+13:00", "end": "2026-12-03T08:00:00+13:00",
                 "zone": "Pacific/Auckland"}""".formatted(delta.value()));

        call(get("/api/v1/time-entries"), ownerToken).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", contains(c, d, b, a)))
                // Without a period nothing counts all history: the total is left out, hasMore tells of a next page.
                .andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.limit").value(50))
                .andExpect(jsonPath("$.offset").value(0)).andExpect(jsonPath("$.hasMore").value(false));
        call(get("/api/v1/time-entries?from=2026-12-02&to=2026-12-02"), ownerToken)
                .andExpect(jsonPath("$.items[*].id", contains(b))).andExpect(jsonPath("$.total").value(1));
        call(get("/api/v1/time-entries?from=2026-12-01&to=2026-12-31&limit=1&offset=1"), ownerToken)
                .andExpect(jsonPath("$.items[*].id", contains(d))).andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.hasMore").value(true));
        call(get("/api/v1/time-entries?from=2026-12-03"), ownerToken)
                .andExpect(jsonPath("$.items[*].id", containsInAnyOrder(c, d)));
        call(get("/api/v1/time-entries?to=2026-12-01"), ownerToken).andExpect(jsonPath("$.items[*].id", contains(a)));
        call(get("/api/v1/time-entries?clientId=" + delta.value()), ownerToken)
                .andExpect(jsonPath("$.items[*].id", contains(d, b)));
        call(get("/api/v1/time-entries?projectId=" + site.value()), ownerToken)
                .andExpect(jsonPath("$.items[*].id", contains(a)));
        call(get("/api/v1/time-entries?userId=" + member.id().value()), ownerToken)
                .andExpect(jsonPath("$.items[*].id", contains(c)));
        call(get("/api/v1/time-entries?billable=false"), ownerToken).andExpect(jsonPath("$.items[*].id", contains(b)));
        call(get("/api/v1/time-entries?billable=true&clientId=" + gamma.value()), ownerToken)
                .andExpect(jsonPath("$.items[*].id", contains(c, a)));
        call(get("/api/v1/time-entries?limit=2&offset=1"), ownerToken)
                .andExpect(jsonPath("$.items[*].id", contains(d, b))).andExpect(jsonPath("$.hasMore").value(true));
        call(get("/api/v1/time-entries?limit=2&offset=2"), ownerToken).andExpect(jsonPath("$.hasMore").value(false));

        // A member's list holds their own entries only.
        call(get("/api/v1/time-entries"), memberToken).andExpect(jsonPath("$.items[*].id", contains(c)))
                .andExpect(jsonPath("$.hasMore").value(false));
        call(get("/api/v1/time-entries?from=2026-12-01&to=2026-12-31"), memberToken)
                .andExpect(jsonPath("$.total").value(1));
        call(get("/api/v1/time-entries/" + a), memberToken).andExpect(status().isNotFound());
    }

    @Test
    void badQueryValuesAreProblemsNamingTheirParameter() throws Exception {
        call(get("/api/v1/time-entries?from=yesterday&to=2026-13-01&clientId=abc&projectId=1&userId=x&billable=maybe"
                + "&limit=201&offset=-1"), ownerToken)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("from", "to", "clientId", "projectId",
                        "userId", "billable", "limit", "offset")));
        call(get("/api/v1/time-entries?limit=0"), ownerToken).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value("Use a number from 1 to 200."));
        call(get("/api/v1/time-entries?from=2026-12-05&to=2026-12-01"), ownerToken)
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("to"));
        call(get("/api/v1/time-entries?limit=200"), ownerToken).andExpect(status().isOk());
        call(get("/api/v1/time-entries?limit=201"), ownerToken).andExpect(status().isUnprocessableContent());
    }

    @Test
    void badBodiesAreProblemsAndSaveNothing() throws Exception {
        send(post("/api/v1/time-entries"), ownerToken, """
                {"clientId": "%s", "start": "2026-12-01T10:00:00Z", "end": "2026-12-01T09:00:00Z",
                 "billable": "yes", "tags": "a,b", "breakMinutes": 1.5}""".formatted(gamma.value()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("billable", "tags", "breakMinutes")));
        send(post("/api/v1/time-entries"), ownerToken, """
                {"clientId": "%s", "start": "2026-12-01T10:00:00", "end": "2026-12-02T11:00:00Z", "rate": "45 EUR"}"""
                .formatted(gamma.value()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("start", "rate")));
        send(post("/api/v1/time-entries"), ownerToken, "[1, 2]").andExpect(status().isUnprocessableContent());
        send(post("/api/v1/time-entries"), ownerToken, "{}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("clientId", "start", "end")));
        send(post("/api/v1/time-entries"), memberToken, """
                {"clientId": "%s", "userId": "%s", "start": "2026-12-01T09:00:00Z", "end": "2026-12-01T10:00:00Z"}"""
                .formatted(gamma.value(), owner.id().value()))
                .andExpect(status().isForbidden());
        send(post("/api/v1/time-entries"), memberToken, """
                {"clientId": "%s", "start": "2026-12-01T09:00:00Z", "end": "2026-12-01T10:00:00Z"}"""
                .formatted(delta.value()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("clientId"));
        assertThat(entries.search(owner, TimeQuery.between(java.time.LocalDate.parse("2026-11-01"),
                java.time.LocalDate.parse("2026-12-31")))).isEmpty();
    }

    @Test
    void aPatchChangesOnlyWhatItSendsAndNullClears() throws Exception {
        String id = create(ownerToken, """
                {"taskId": "%s", "start": "2026-12-01T09:00:00Z", "end": "2026-12-01T10:00:00Z", "note": "Draft",
                 "tags": ["copy"], "billable": true}""".formatted(task.value()));

        send(patch("/api/v1/time-entries/" + id), ownerToken, "{\"note\": \"Final\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.note").value("Final"))
                .andExpect(jsonPath("$.taskId").value(task.value().toString()))
                .andExpect(jsonPath("$.projectId").value(site.value().toString()))
                .andExpect(jsonPath("$.tags", contains("copy")))
                .andExpect(jsonPath("$.start").value("2026-12-01T06:00:00-03:00"))
                .andExpect(jsonPath("$.durationMinutes").value(60));

        send(patch("/api/v1/time-entries/" + id), ownerToken, "{\"end\": \"2026-12-01T11:00:00Z\", \"tags\": []}")
                .andExpect(jsonPath("$.durationMinutes").value(120)).andExpect(jsonPath("$.tags").isEmpty())
                .andExpect(jsonPath("$.note").value("Final"));

        send(patch("/api/v1/time-entries/" + id), ownerToken, "{\"taskId\": null, \"note\": \"\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.taskId").doesNotExist())
                .andExpect(jsonPath("$.note").doesNotExist())
                .andExpect(jsonPath("$.projectId").value(site.value().toString()));

        send(patch("/api/v1/time-entries/" + id), ownerToken, "{\"projectId\": null, \"billable\": false}")
                .andExpect(jsonPath("$.projectId").doesNotExist())
                .andExpect(jsonPath("$.billable").value(false))
                .andExpect(jsonPath("$.clientId").value(gamma.value().toString()));

        send(patch("/api/v1/time-entries/" + id), ownerToken, "{\"clientId\": null}")
                .andExpect(status().isUnprocessableContent());
        send(patch("/api/v1/time-entries/" + UUID.randomUUID()), ownerToken, "{}").andExpect(status().isNotFound());
    }

    @Test
    void aLockedEntrySaysWhyAndCannotChangeOrGo() throws Exception {
        String id = create(ownerToken, """
                {"clientId": "%s", "start": "2026-12-01T09:00:00Z", "end": "2026-12-01T10:00:00Z"}"""
                .formatted(gamma.value()));
        entries.lockForInvoice(ws.created().workspaceId(), List.of(TimeEntryId.parse(id).orElseThrow()),
                UUID.randomUUID(), "INV-2026-0042");

        call(get("/api/v1/time-entries/" + id), ownerToken).andExpect(jsonPath("$.locked").value(true))
                .andExpect(jsonPath("$.invoiceNumber").value("INV-2026-0042"));
        send(patch("/api/v1/time-entries/" + id), ownerToken, "{\"note\": \"late fix\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].message", containsString("invoice INV-2026-0042")));
        call(delete("/api/v1/time-entries/" + id), ownerToken).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message", containsString("credit note")));
        call(get("/api/v1/time-entries/" + id), ownerToken).andExpect(jsonPath("$.note").doesNotExist());
    }

    @Test
    void theApiDescribesTimeEntries() throws Exception {
        mvc.perform(get("/api/v1/openapi.json")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/time-entries'].get.parameters[*].name", containsInAnyOrder(
                        "from", "to", "clientId", "projectId", "userId", "billable", "limit", "offset")))
                .andExpect(jsonPath("$.paths['/api/v1/time-entries'].post.requestBody.content['application/json']"
                        + ".schema['$ref']").value(containsString("TimeEntryRequest")))
                .andExpect(jsonPath("$.paths['/api/v1/time-entries/{entryId}'].patch").exists())
                .andExpect(jsonPath("$.paths['/api/v1/time-entries/{entryId}'].delete").exists())
                .andExpect(jsonPath("$.components.schemas.TimeEntryJson.properties.durationMinutes").exists())
                .andExpect(jsonPath("$.components.schemas.TimeEntryRequest.properties.breakMinutes").exists());
    }

    @Test
    void deletingAnEntryLeavesNothingBehind() throws Exception {
        String id = create(memberToken, """
                {"clientId": "%s", "start": "2026-12-01T09:00:00Z", "end": "2026-12-01T10:00:00Z"}"""
                .formatted(gamma.value()));

        call(delete("/api/v1/time-entries/" + id), memberToken).andExpect(status().isNoContent());
        call(get("/api/v1/time-entries/" + id), memberToken).andExpect(status().isNotFound());
        call(delete("/api/v1/time-entries/" + id), memberToken).andExpect(status().isNotFound());
    }
}
