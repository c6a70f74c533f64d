package app.clientdesk.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Task and project templates, the seed every workspace starts with, and the workflow editor's refusals. */
class TemplatesIT extends IntegrationTest {

    @Autowired Templates templates;
    @Autowired Projects projects;
    @Autowired Tasks tasks;
    @Autowired Workflows workflows;

    @Test
    void everyWorkspaceStartsWithTheGuidesTemplatesInItsLanguage() {
        TestWorkspace en = newWorkspace();
        assertThat(templates.projectTemplates(en.owner())).extracting(ProjectTemplate::name)
                .containsExactlyInAnyOrder("Social media — monthly", "Client onboarding");
        assertThat(templates.taskTemplates(en.owner())).extracting(TaskTemplate::name)
                .containsExactlyInAnyOrder("Inbox triage", "Social media post", "Monthly bookkeeping");
        ProjectTemplate social = social(en.owner());
        assertThat(social.workflowName()).isEqualTo("Social media");
        assertThat(social.items()).extracting(ProjectTemplate.Item::offsetDays).containsExactly(0, 2, 5, 9, 12, 20, 28);

        TestWorkspace pt = newWorkspace("Ana Souza Assistência", "pt-BR");
        assertThat(templates.projectTemplates(pt.owner())).extracting(ProjectTemplate::name)
                .contains("Redes sociais — mensal", "Integração de cliente");
        TaskTemplate post = templates.taskTemplates(pt.owner()).stream()
                .filter(t -> t.name().equals("Post para redes sociais")).findFirst().orElseThrow();
        assertThat(post.checklist()).hasSize(5);
        assertThat(post.sop()).contains("Procedimento padrão");
    }

    @Test
    void applyingAProjectTemplateMakesTheProjectAndItsTasksDueRelativeToTheStart() throws Exception {
        TestWorkspace ws = newWorkspace();
        ClientId client = createClient(ws, "Harbour Studio");
        ProjectTemplate social = social(ws.owner());

        String location = mvc.perform(post("/templates/projects/" + social.id() + "/apply").with(user(ws.owner()))
                        .with(csrf()).param("clientId", client.toString()).param("name", "Social — March")
                        .param("startDate", "2026-03-02"))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();

        ProjectId id = new ProjectId(UUID.fromString(location.substring("/projects/".length())));
        Project project = projects.get(ws.owner(), id);
        assertThat(project.workflowId()).isEqualTo(social.workflowId());
        assertThat(project.startDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(project.dueDate()).isEqualTo(LocalDate.of(2026, 3, 30));
        List<Task> made = tasks.search(ws.owner(), new TaskQuery(null, id, null, null, null, null, null, null, null,
                null, 100, 0));
        assertThat(made).extracting(t -> t.title() + " " + t.due().date()).containsExactly(
                "Monthly brief with the client 2026-03-02", "Content ideas 2026-03-04",
                "Create the month’s posts 2026-03-07", "Send posts for client approval 2026-03-11",
                "Schedule approved posts 2026-03-14", "Track performance 2026-03-22", "Monthly report 2026-03-30");
        assertThat(made).allSatisfy(t -> assertThat(t.stage().name()).isEqualTo("Brief"));
    }

    @Test
    void applyWithBrokenInputMakesNothing() throws Exception {
        TestWorkspace ws = newWorkspace();
        ProjectTemplate social = social(ws.owner());

        String page = mvc.perform(post("/templates/projects/" + social.id() + "/apply").with(user(ws.owner()))
                        .with(csrf()).param("clientId", "").param("name", "Social").param("startDate", ""))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"err-clientId\"", "id=\"err-startDate\"");
        assertThat(projects.list(ws.owner(), null, false)).isEmpty();
        assertThat(tasks.search(ws.owner(), TaskQuery.all())).isEmpty();
    }

    @Test
    void usingATaskTemplateCopiesItsChecklistAndSopAndLandsOnTheTask() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addMember(ws);
        ClientId client = createClient(ws, "Assigned", member.id());
        TaskTemplate post = templates.taskTemplates(ws.owner()).stream()
                .filter(t -> t.name().equals("Social media post")).findFirst().orElseThrow();

        String location = mvc.perform(post("/templates/tasks/" + post.id() + "/use").with(user(member)).with(csrf())
                        .param("clientId", client.toString()).param("dueDate", "2026-04-10"))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();

        assertThat(location).matches("/tasks/[0-9a-f-]{36}");
        TaskId id = new TaskId(UUID.fromString(location.substring("/tasks/".length())));
        Task task = tasks.get(ws.owner(), id);
        assertThat(task.title()).isEqualTo("Social media post");
        assertThat(task.type()).isEqualTo("social post");
        assertThat(task.sop()).contains("Standard procedure");
        assertThat(task.due().date()).isEqualTo(LocalDate.of(2026, 4, 10));
        assertThat(tasks.checklist(ws.owner(), id)).extracting(ChecklistItem::text)
                .containsExactly("Write the caption", "Choose or make the image", "Add hashtags and mentions",
                        "Send for client approval", "Schedule");
    }

    @Test
    void theOwnerWritesTaskTemplatesAndMembersMayNot() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addMember(ws);

        mvc.perform(post("/templates/tasks").with(user(ws.owner())).with(csrf()).param("name", "Weekly report")
                        .param("title", "Send the weekly report").param("estimateMinutes", "30")
                        .param("checklist", "Gather numbers\n\n  Write summary  \nSend"))
                .andExpect(status().isFound());
        TaskTemplate made = templates.taskTemplates(ws.owner()).stream()
                .filter(t -> t.name().equals("Weekly report")).findFirst().orElseThrow();
        assertThat(made.checklist()).containsExactly("Gather numbers", "Write summary", "Send");

        String page = mvc.perform(post("/templates/tasks/" + made.id()).with(user(ws.owner())).with(csrf())
                        .param("name", "").param("title", "x").param("estimateMinutes", "0"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"err-name\"", "id=\"err-estimateMinutes\"");
        assertThat(templates.taskTemplate(ws.owner(), made.id()).name()).isEqualTo("Weekly report");

        mvc.perform(post("/templates/tasks").with(user(member)).with(csrf()).param("name", "Mine")
                .param("title", "Mine")).andExpect(status().isForbidden());
        mvc.perform(post("/templates/tasks/" + made.id() + "/delete").with(user(member)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/templates").with(user(member))).andExpect(status().isOk());

        mvc.perform(post("/templates/tasks/" + made.id() + "/delete").with(user(ws.owner())).with(csrf()))
                .andExpect(status().isFound());
        assertThat(templates.taskTemplates(ws.owner())).extracting(TaskTemplate::name).doesNotContain("Weekly report");
    }

    @Test
    void theOwnerWritesProjectTemplatesWithItemErrorsBesideTheirRow() throws Exception {
        TestWorkspace ws = newWorkspace();
        String standard = workflows.standard(ws.created().workspaceId()).id().toString();

        String page = mvc.perform(post("/templates/projects").with(user(ws.owner())).with(csrf())
                        .param("name", "Launch").param("workflowId", standard)
                        .param("items[0].title", "Kick-off").param("items[0].offsetDays", "0")
                        .param("items[2].title", "").param("items[2].offsetDays", "400"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"err-items-2--title\"", "id=\"err-items-2--offsetDays\"");
        assertThat(templates.projectTemplates(ws.owner())).hasSize(2);

        mvc.perform(post("/templates/projects").with(user(ws.owner())).with(csrf())
                        .param("name", "Launch").param("workflowId", standard)
                        .param("items[0].title", "Kick-off").param("items[0].offsetDays", "0")
                        .param("items[1].title", "Go live").param("items[1].offsetDays", "14")
                        .param("items[1].checklist", "DNS\nAnalytics"))
                .andExpect(status().isFound());
        ProjectTemplate launch = templates.projectTemplates(ws.owner()).stream()
                .filter(t -> t.name().equals("Launch")).findFirst().orElseThrow();
        assertThat(launch.items()).extracting(ProjectTemplate.Item::title).containsExactly("Kick-off", "Go live");
        assertThat(launch.items().get(1).checklist()).containsExactly("DNS", "Analytics");

        CurrentUser member = addMember(ws);
        assertThatThrownBy(() -> templates.deleteProjectTemplate(member, launch.id()))
                .isInstanceOf(AccessDeniedException.class);
        mvc.perform(get("/templates/projects/" + launch.id() + "/apply").with(user(member)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theWorkflowEditorRefusesWhatWouldBreakWork() throws Exception {
        TestWorkspace ws = newWorkspace();
        ClientId client = createClient(ws, "Thames Legal");
        Workflow standard = workflows.standard(ws.created().workspaceId());
        tasks.create(ws.owner(), ProjectsWebIT.task("In to do", client, null, null));
        Stage todo = standard.first();

        // Row 0 (To do, holding a task) is dropped; two rows share a name; no stage is Done.
        String page = mvc.perform(post("/workflows/" + standard.id()).with(user(ws.owner())).with(csrf())
                        .param("name", "Standard")
                        .param("stages[0].id", "").param("stages[0].name", "")
                        .param("stages[1].name", "Doing").param("stages[1].kind", "OPEN")
                        .param("stages[2].name", "doing").param("stages[2].kind", "OPEN"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Stage “" + todo.name() + "” still holds tasks",
                "Mark at least one stage as Done", "id=\"err-stages-2--name\"");
        assertThat(workflows.standard(ws.created().workspaceId()).stages()).hasSize(5);

        mvc.perform(post("/workflows").with(user(ws.owner())).with(csrf()).param("name", "Bookkeeping")
                        .param("stages[0].name", "Collect").param("stages[0].kind", "OPEN")
                        .param("stages[1].name", "").param("stages[1].kind", "OPEN")
                        .param("stages[2].name", "Filed").param("stages[2].kind", "DONE"))
                .andExpect(status().isFound());
        Workflow made = workflows.all(ws.created().workspaceId()).stream()
                .filter(w -> w.name().equals("Bookkeeping")).findFirst().orElseThrow();
        assertThat(made.stages()).extracting(Stage::name).containsExactly("Collect", "Filed");

        mvc.perform(get("/workflows").with(user(addMember(ws)))).andExpect(status().isForbidden());
    }

    private ProjectTemplate social(CurrentUser owner) {
        return templates.projectTemplates(owner).stream().filter(t -> t.name().equals("Social media — monthly"))
                .findFirst().orElseThrow();
    }
}
