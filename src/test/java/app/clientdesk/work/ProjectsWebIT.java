package app.clientdesk.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The projects screens and the client page's work section, as the owner and a member use them. */
class ProjectsWebIT extends IntegrationTest {

    @Autowired Projects projects;
    @Autowired Tasks tasks;

    @Test
    void ownerCreatesAProjectAndSeesItsBudgetInTheClientsCurrency() throws Exception {
        TestWorkspace ws = newWorkspace();
        ClientId client = createClient(ws, "Thames Legal");

        String location = mvc.perform(post("/projects").with(user(ws.owner())).with(csrf())
                        .param("clientId", client.toString()).param("name", "Website relaunch")
                        .param("status", "ACTIVE").param("startDate", "2026-03-01").param("dueDate", "2026-04-30")
                        .param("budgetHours", "12.5").param("budgetAmount", "1500"))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/projects/[0-9a-f-]{36}");

        String page = mvc.perform(get(location).with(user(ws.owner()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<h1>Website relaunch</h1>", "Thames Legal", "12.5 h", "£1,500.00", "Standard",
                "0 open · 0 done");
        assertThat(mvc.perform(get("/projects").with(user(ws.owner()))).andReturn().getResponse()
                .getContentAsString()).contains("Website relaunch");
    }

    @Test
    void anInvalidProjectComesBackWithItsErrorsAnd422AndNothingIsSaved() throws Exception {
        TestWorkspace ws = newWorkspace();
        ClientId client = createClient(ws, "Thames Legal");

        String page = mvc.perform(post("/projects").with(user(ws.owner())).with(csrf())
                        .param("clientId", client.toString()).param("name", " ")
                        .param("startDate", "2026-05-10").param("dueDate", "2026-05-01").param("budgetAmount", "10.555"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Some fields need your attention. Nothing was saved.",
                "<p class=\"field-error\" id=\"err-name\">Fill this in.</p>",
                "<p class=\"field-error\" id=\"err-dueDate\">The due date cannot be before the start date.</p>",
                "id=\"err-budgetAmount\"", "value=\"2026-05-01\"");
        assertThat(projects.list(ws.owner(), null, false)).isEmpty();
    }

    @Test
    void aMemberSeesTheirClientsProjectsButCannotCreateOrChangeThem() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addMember(ws);
        ClientId client = createClient(ws, "Assigned", member.id());
        ProjectId project = projects.create(ws.owner(), new ProjectInput(client.toString(), "Monthly care", null, null,
                null, null, null, null));

        mvc.perform(get("/projects/" + project).with(user(member))).andExpect(status().isOk());
        mvc.perform(get("/projects").with(user(member))).andExpect(status().isOk());
        mvc.perform(get("/projects/new").with(user(member))).andExpect(status().isForbidden());
        mvc.perform(post("/projects").with(user(member)).with(csrf()).param("clientId", client.toString())
                .param("name", "Sneaky")).andExpect(status().isForbidden());
        mvc.perform(post("/projects/" + project + "/delete").with(user(member)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(projects.list(ws.owner(), null, false)).extracting(Project::name).containsExactly("Monthly care");
    }

    @Test
    void aProjectWithTasksIsNotDeletedAndSaysWhy() throws Exception {
        TestWorkspace ws = newWorkspace();
        ClientId client = createClient(ws, "Thames Legal");
        ProjectId project = projects.create(ws.owner(), new ProjectInput(client.toString(), "Busy", null, null, null,
                null, null, null));
        tasks.create(ws.owner(), task("Draft", client, project, "2026-06-01"));

        mvc.perform(post("/projects/" + project + "/delete").with(user(ws.owner())).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("notice",
                        "This project has tasks; mark it done or cancelled instead of deleting it."));
        assertThat(projects.find(ws.owner(), project)).isPresent();
    }

    @Test
    void theClientPageShowsItsProjectsAndOpenTasksDueFirst() throws Exception {
        TestWorkspace ws = newWorkspace();
        ClientId client = createClient(ws, "Thames Legal");
        ClientId other = createClient(ws, "Other Client");
        ProjectId project = projects.create(ws.owner(), new ProjectInput(client.toString(), "Quarterly filing", null,
                null, null, null, null, null));
        tasks.create(ws.owner(), task("Later task", client, null, "2026-09-01"));
        tasks.create(ws.owner(), task("Sooner task", client, project, "2026-02-01"));
        tasks.create(ws.owner(), task("Someone else's task", other, null, "2026-01-01"));

        String page = mvc.perform(get("/clients/" + client).with(user(ws.owner()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Projects and open work", "Quarterly filing", "New project", "Apply a project template",
                "/tasks/new?clientId=" + client, "Social media — monthly").doesNotContain("Someone else");
        assertThat(page.indexOf("Sooner task")).isPositive().isLessThan(page.indexOf("Later task"));
    }

    static TaskInput task(String title, ClientId client, ProjectId project, String due) {
        return new TaskInput(title, null, client.toString(), project == null ? null : project.toString(), null, false,
                false, due, null, null, null, null, null, null, null, List.of(), null, null, List.of());
    }
}
