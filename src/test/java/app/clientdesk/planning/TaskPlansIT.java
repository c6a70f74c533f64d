package app.clientdesk.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.TaskInput;
import app.clientdesk.work.Tasks;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** A task's start date and "needs the client online", on its page and through the API. */
class TaskPlansIT extends IntegrationTest {

    @Autowired Tasks tasks;
    @Autowired TaskPlans plans;

    @Test
    void theTaskPageSetsAStartDateAndTheApiReadsAndChangesIt() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser owner = ws.owner();
        CurrentUser member = addMember(ws);
        ClientId client = createClient(ws, "Harbour Studio", member.id());
        ClientId other = createClient(ws, "Thames Partners");
        TaskId task = tasks.create(owner, new TaskInput("Quarterly report", null, client.value().toString(), null,
                null, false, true, "2027-02-10", null, null, "120", null, "reporting", null, null, List.of(), null,
                null, List.of()));
        assertThat(mvc.perform(get("/tasks/" + task.value()).with(user(owner))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("Not before", "Needs the client online");
        mvc.perform(post("/plan/tasks/" + task.value()).with(user(member)).with(csrf())
                .param("startsOn", "2027-02-01").param("needsClientOnline", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(plans.of(owner, task)).isEqualTo(new TaskPlan(task, LocalDate.parse("2027-02-01"), true));
        // After the due date: refused, nothing changed.
        mvc.perform(post("/plan/tasks/" + task.value()).with(user(owner)).with(csrf()).param("startsOn", "2027-03-01"))
                .andExpect(status().is3xxRedirection());
        assertThat(plans.of(owner, task).startsOn()).isEqualTo("2027-02-01");
        String token = tokenFor(owner);
        mvc.perform(put("/api/v1/tasks/" + task.value() + "/planning").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"startsOn\": \"2027-03-01\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value("The start date must not be after the due date."));
        mvc.perform(put("/api/v1/tasks/" + task.value() + "/planning").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"needsClientOnline\": false}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.startsOn").value("2027-02-01"))
                .andExpect(jsonPath("$.needsClientOnline").value(false));
        // A member cannot reach a task of a client not assigned to them.
        TaskId hidden = tasks.create(owner, new TaskInput("Hidden", null, other.value().toString(), null, null, false,
                false, null, null, null, null, null, null, null, null, List.of(), null, null, List.of()));
        mvc.perform(get("/api/v1/tasks/" + hidden.value() + "/planning")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor(member))).andExpect(status().isNotFound());
        mvc.perform(post("/plan/tasks/" + hidden.value()).with(user(member)).with(csrf()).param("startsOn", "2027-01-01"))
                .andExpect(status().isNotFound());
        assertThat(plans.of(owner, hidden)).isEqualTo(TaskPlan.none(hidden));
    }
}
