package app.clientdesk.work;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A task's checklist and comments over the API: what the task page does, with the same rules. */
class TaskItemsApiIT extends IntegrationTest {

    @Autowired Tasks tasks;

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String token, String body) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String token) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token).accept(MediaType.APPLICATION_JSON);
    }

    @Test
    void theChecklistIsAddedToTickedAndTrimmed() throws Exception {
        TestWorkspace ws = newWorkspace();
        ClientId client = createClient(ws, "Acme");
        TaskId task = tasks.create(ws.owner(), new TaskInput("Launch", null, client.value().toString(), null, null,
                false, false, null, null, null, null, null, null, null, null, List.of(), null, null,
                List.of("Write copy")));
        String token = tokenFor(ws.owner());

        String added = mvc.perform(json(post("/api/v1/tasks/" + task + "/checklist"), token, "{\"text\": \" Book venue \"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$[*].text", contains("Write copy", "Book venue")))
                .andReturn().getResponse().getContentAsString();
        String venue = JsonPath.read(added, "$[1].id");

        mvc.perform(json(patch("/api/v1/tasks/" + task + "/checklist/" + venue), token, "{\"done\": true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[1].done").value(true))
                .andExpect(jsonPath("$[0].done").value(false));
        mvc.perform(as(get("/api/v1/tasks/" + task), token)).andExpect(jsonPath("$.checklist.done").value(1))
                .andExpect(jsonPath("$.checklist.total").value(2));

        mvc.perform(as(delete("/api/v1/tasks/" + task + "/checklist/" + venue), token)).andExpect(status().isNoContent());
        mvc.perform(as(get("/api/v1/tasks/" + task + "/checklist"), token)).andExpect(jsonPath("$", hasSize(1)));
        mvc.perform(as(delete("/api/v1/tasks/" + task + "/checklist/" + venue), token)).andExpect(status().isNotFound());
    }

    @Test
    void badInputIsA422ThatNamesTheField() throws Exception {
        TestWorkspace ws = newWorkspace();
        ClientId client = createClient(ws, "Acme");
        TaskId task = tasks.create(ws.owner(), TaskInput.quick("Launch", client.value().toString(), null));
        String token = tokenFor(ws.owner());

        mvc.perform(json(post("/api/v1/tasks/" + task + "/checklist"), token, "{\"text\": \"  \"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("text"))
                .andExpect(jsonPath("$.errors[0].message").value("Fill this in."));
        mvc.perform(json(post("/api/v1/tasks/" + task + "/checklist"), token, "{\"text\": \"" + "x".repeat(501) + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value("Use at most 500 characters."));
        mvc.perform(json(post("/api/v1/tasks/" + task + "/comments"), token, "{}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("body"));
        mvc.perform(as(get("/api/v1/tasks/" + task + "/checklist"), token)).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void commentsKeepTheirAuthorAndOrder() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addMember(ws);
        ClientId client = createClient(ws, "Acme", member.id());
        TaskId task = tasks.create(ws.owner(), TaskInput.quick("Launch", client.value().toString(), null));

        mvc.perform(json(post("/api/v1/tasks/" + task + "/comments"), tokenFor(ws.owner()), "{\"body\": \"First **draft** sent\"}"))
                .andExpect(status().isCreated());
        mvc.perform(json(post("/api/v1/tasks/" + task + "/comments"), tokenFor(member), "{\"body\": \"Thanks\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$[*].body", contains("First **draft** sent", "Thanks")))
                .andExpect(jsonPath("$[*].authorName", contains("Owner", "Member")));
    }

    @Test
    void aMemberReachesOnlyTheTasksOfTheirClients() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addMember(ws);
        ClientId other = createClient(ws, "Not theirs");
        TaskId task = tasks.create(ws.owner(), TaskInput.quick("Private", other.value().toString(), null));
        String token = tokenFor(member);

        mvc.perform(as(get("/api/v1/tasks/" + task + "/checklist"), token)).andExpect(status().isNotFound());
        mvc.perform(json(post("/api/v1/tasks/" + task + "/comments"), token, "{\"body\": \"hi\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(as(get("/api/v1/tasks/" + task + "/comments"), tokenFor(ws.owner()))).andExpect(jsonPath("$", hasSize(0)));
    }
}
