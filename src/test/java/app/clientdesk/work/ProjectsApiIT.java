package app.clientdesk.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** {@code /api/v1/projects} as a script holding a personal API token sees it. */
class ProjectsApiIT extends IntegrationTest {

    @Test
    void ownerCreatesReadsChangesAndDeletesAProject() throws Exception {
        TestWorkspace ws = newWorkspace();
        String token = tokenFor(ws.owner());
        ClientId client = createClient(ws, "Thames Legal Partners");

        MvcResult created = mvc.perform(json(post("/api/v1/projects"), token, """
                {"clientId": "%s", "name": "Website relaunch", "startDate": "2030-03-01", "dueDate": "2030-04-30",
                 "budgetHours": 12.5, "budgetAmount": "1500.50"}""".formatted(client.value())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("Website relaunch"))
                .andExpect(jsonPath("$.clientId").value(client.value().toString()))
                .andExpect(jsonPath("$.clientName").value("Thames Legal Partners"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.startDate").value("2030-03-01"))
                .andExpect(jsonPath("$.dueDate").value("2030-04-30"))
                .andExpect(jsonPath("$.budgetHours").value(12.5))
                .andExpect(jsonPath("$.budgetAmount").value("1500.50"))
                .andExpect(jsonPath("$.budgetCurrency").value("GBP"))
                .andExpect(jsonPath("$.workflowId").isNotEmpty())
                .andExpect(jsonPath("$.openTasks").value(0))
                .andExpect(jsonPath("$.doneTasks").value(0))
                .andReturn();
        String id = JsonPath.read(created.getResponse().getContentAsString(), "$.id");
        assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo("/api/v1/projects/" + id);

        mvc.perform(json(patch("/api/v1/projects/" + id), token, "{\"name\": \"Website relaunch 2\", \"budgetHours\": \"20\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Website relaunch 2"))
                .andExpect(jsonPath("$.budgetHours").value(20))
                .andExpect(jsonPath("$.budgetAmount").value("1500.50"))
                .andExpect(jsonPath("$.startDate").value("2030-03-01"));
        mvc.perform(json(patch("/api/v1/projects/" + id), token, "{\"budgetAmount\": \"\", \"status\": \"on_hold\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.budgetAmount").doesNotExist())
                .andExpect(jsonPath("$.budgetCurrency").doesNotExist())
                .andExpect(jsonPath("$.status").value("ON_HOLD"));
        mvc.perform(auth(get("/api/v1/projects/" + id), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Website relaunch 2"));

        mvc.perform(auth(delete("/api/v1/projects/" + id), token)).andExpect(status().isNoContent());
        mvc.perform(auth(get("/api/v1/projects/" + id), token)).andExpect(status().isNotFound());
    }

    @Test
    void aProjectWithTasksIsNotDeletedAndCountsItsTasks() throws Exception {
        TestWorkspace ws = newWorkspace();
        String token = tokenFor(ws.owner());
        ClientId client = createClient(ws, "Hudson Street Bakery");
        String project = create(token, client, "Social media", null);
        for (String title : new String[] {"Post 1", "Post 2"}) {
            mvc.perform(json(post("/api/v1/tasks"), token, """
                    {"clientId": "%s", "projectId": "%s", "title": "%s"}""".formatted(client.value(), project, title)))
                    .andExpect(status().isCreated());
        }
        String first = JsonPath.read(mvc.perform(auth(get("/api/v1/tasks").param("projectId", project), token))
                .andReturn().getResponse().getContentAsString(), "$.items[0].id");
        // Done lies past the client-approval gate: the owner approves on the client's behalf.
        mvc.perform(json(post("/api/v1/tasks/" + first + "/move"), token, "{\"stage\": \"Waiting on client\"}"))
                .andExpect(status().isOk());
        mvc.perform(auth(post("/api/v1/tasks/" + first + "/approve"), token))
                .andExpect(jsonPath("$.completed").value(true));

        mvc.perform(auth(delete("/api/v1/projects/" + project), token))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("id"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("This project has tasks; mark it done or cancelled instead of deleting it."));
        mvc.perform(auth(get("/api/v1/projects/" + project), token))
                .andExpect(jsonPath("$.openTasks").value(1))
                .andExpect(jsonPath("$.doneTasks").value(1));
    }

    @Test
    void listIsFilteredByClientAndByOpenOrClosed() throws Exception {
        TestWorkspace ws = newWorkspace();
        String token = tokenFor(ws.owner());
        ClientId thames = createClient(ws, "Thames Legal Partners");
        ClientId hudson = createClient(ws, "Hudson Street Bakery");
        create(token, thames, "Diary clean-up", null);
        create(token, thames, "Old archive", "DONE");
        create(token, hudson, "Launch posts", "PLANNED");

        mvc.perform(auth(get("/api/v1/projects"), token))
                .andExpect(jsonPath("$.items[*].name").value(containsInAnyOrder("Diary clean-up", "Old archive", "Launch posts")));
        mvc.perform(auth(get("/api/v1/projects").param("clientId", thames.value().toString()), token))
                .andExpect(jsonPath("$.items[*].name").value(containsInAnyOrder("Diary clean-up", "Old archive")));
        mvc.perform(auth(get("/api/v1/projects").param("open", "true"), token))
                .andExpect(jsonPath("$.items[*].name").value(containsInAnyOrder("Diary clean-up", "Launch posts")));
        mvc.perform(auth(get("/api/v1/projects").param("open", "false"), token))
                .andExpect(jsonPath("$.items[*].name").value(contains("Old archive")));
        mvc.perform(auth(get("/api/v1/projects").param("clientId", "thames").param("open", "maybe"), token))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(contains("clientId", "open")));
    }

    @Test
    void brokenRulesComeBackTogetherInTheCallersLanguage() throws Exception {
        TestWorkspace ws = newWorkspace("Ana Souza Assistência", "pt-BR");
        String token = tokenFor(ws.owner());
        ClientId client = createClient(ws, "Cliente");

        mvc.perform(json(post("/api/v1/projects"), token, """
                {"clientId": "%s", "startDate": "2030-03-01", "dueDate": "2030-02-01", "budgetHours": "-1",
                 "budgetAmount": "10.555"}""".formatted(client.value())).header(HttpHeaders.ACCEPT_LANGUAGE, "pt-BR"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(contains("name", "dueDate", "budgetHours", "budgetAmount")))
                .andExpect(jsonPath("$.errors[0].message").value("Preencha este campo."));
    }

    @Test
    void membersReadTheProjectsOfTheirClientsAndChangeNone() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addMember(ws);
        String owner = tokenFor(ws.owner());
        String token = tokenFor(member);
        ClientId assigned = createClient(ws, "Assigned Co", member.id());
        ClientId other = createClient(ws, "Other Co");
        String mine = create(owner, assigned, "Mine", null);
        String theirs = create(owner, other, "Theirs", null);

        mvc.perform(auth(get("/api/v1/projects"), token)).andExpect(jsonPath("$.items[*].name").value(contains("Mine")));
        mvc.perform(auth(get("/api/v1/projects/" + mine), token)).andExpect(status().isOk());
        mvc.perform(auth(get("/api/v1/projects/" + theirs), token)).andExpect(status().isNotFound());
        mvc.perform(json(post("/api/v1/projects"), token, """
                {"clientId": "%s", "name": "Sneaky"}""".formatted(assigned.value()))).andExpect(status().isForbidden());
        mvc.perform(json(patch("/api/v1/projects/" + mine), token, "{\"name\": \"Renamed\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(auth(delete("/api/v1/projects/" + mine), token)).andExpect(status().isForbidden());
        mvc.perform(auth(get("/api/v1/projects/" + mine), owner)).andExpect(jsonPath("$.name").value("Mine"));
    }

    @Test
    void anotherWorkspacesProjectIsNotFound() throws Exception {
        TestWorkspace a = newWorkspace();
        TestWorkspace b = newWorkspace();
        String project = create(tokenFor(a.owner()), createClient(a, "A's client"), "A's project", null);
        String bToken = tokenFor(b.owner());

        mvc.perform(auth(get("/api/v1/projects/" + project), bToken)).andExpect(status().isNotFound());
        mvc.perform(json(patch("/api/v1/projects/" + project), bToken, "{\"name\": \"Mine now\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(auth(delete("/api/v1/projects/" + project), bToken)).andExpect(status().isNotFound());
        mvc.perform(auth(get("/api/v1/projects/" + UUID.randomUUID()), bToken)).andExpect(status().isNotFound());
        mvc.perform(auth(get("/api/v1/projects"), bToken)).andExpect(jsonPath("$.items").isEmpty());
    }

    private String create(String token, ClientId client, String name, String status) throws Exception {
        String body = mvc.perform(json(post("/api/v1/projects"), token, """
                {"clientId": "%s", "name": "%s"%s}""".formatted(client.value(), name,
                        status == null ? "" : ", \"status\": \"" + status + "\"")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    static MockHttpServletRequestBuilder auth(MockHttpServletRequestBuilder request, String token) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token).accept(MediaType.APPLICATION_JSON);
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String token, String body) {
        return auth(request, token).contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
