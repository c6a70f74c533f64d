package app.clientdesk.work;

import static app.clientdesk.work.ProjectsApiIT.auth;
import static app.clientdesk.work.ProjectsApiIT.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** {@code /api/v1/tasks} as a script holding a personal API token sees it. */
class TasksApiIT extends IntegrationTest {

    @Autowired Tasks tasks;
    @Autowired Workflows workflows;

    @Test
    void ownerCreatesReadsChangesAndDeletesATask() throws Exception {
        TestWorkspace ws = newWorkspace();
        String token = tokenFor(ws.owner());
        ClientId client = createClient(ws, "Harbour Wellness Studio");

        String body = mvc.perform(json(post("/api/v1/tasks"), token, """
                {"clientId": "%s", "title": "Weekly newsletter", "description": "Draft *and* send",
                 "urgent": true, "important": true, "dueDate": "2030-03-04", "dueTime": "14:00",
                 "dueZone": "Australia/Sydney", "estimateMinutes": 45, "assigneeId": "%s", "type": "Email",
                 "recurrence": {"frequency": "WEEKLY", "interval": 1, "weekdays": ["MONDAY"]},
                 "checklist": ["Collect news", "Send test"]}""".formatted(client.value(), ws.owner().id().value())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.title").value("Weekly newsletter"))
                .andExpect(jsonPath("$.clientId").value(client.value().toString()))
                .andExpect(jsonPath("$.projectId").doesNotExist())
                .andExpect(jsonPath("$.description").value("Draft *and* send"))
                .andExpect(jsonPath("$.urgent").value(true))
                .andExpect(jsonPath("$.important").value(true))
                .andExpect(jsonPath("$.quadrant").value("DO"))
                .andExpect(jsonPath("$.dueDate").value("2030-03-04"))
                .andExpect(jsonPath("$.dueAt").value("2030-03-04T14:00:00+11:00"))
                .andExpect(jsonPath("$.dueTime").value("14:00"))
                .andExpect(jsonPath("$.dueZone").value("Australia/Sydney"))
                .andExpect(jsonPath("$.estimateMinutes").value(45))
                .andExpect(jsonPath("$.assigneeId").value(ws.owner().id().value().toString()))
                .andExpect(jsonPath("$.type").value("email"))
                .andExpect(jsonPath("$.stage").value("To do"))
                .andExpect(jsonPath("$.stageKind").value("OPEN"))
                .andExpect(jsonPath("$.stageId").isNotEmpty())
                .andExpect(jsonPath("$.workflowId").isNotEmpty())
                .andExpect(jsonPath("$.position").value(0))
                .andExpect(jsonPath("$.completed").value(false))
                .andExpect(jsonPath("$.completedAt").doesNotExist())
                .andExpect(jsonPath("$.recurrence.frequency").value("WEEKLY"))
                .andExpect(jsonPath("$.recurrence.interval").value(1))
                .andExpect(jsonPath("$.recurrence.weekdays").value(contains("MONDAY")))
                .andExpect(jsonPath("$.checklist.done").value(0))
                .andExpect(jsonPath("$.checklist.total").value(2))
                .andExpect(jsonPath("$.createdAt").isNotEmpty())
                .andExpect(jsonPath("$.updatedAt").isNotEmpty())
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.id");

        mvc.perform(json(patch("/api/v1/tasks/" + id), token, "{\"title\": \"Monthly newsletter\", \"urgent\": false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Monthly newsletter"))
                .andExpect(jsonPath("$.quadrant").value("SCHEDULE"))
                .andExpect(jsonPath("$.dueAt").value("2030-03-04T14:00:00+11:00"))
                .andExpect(jsonPath("$.estimateMinutes").value(45))
                .andExpect(jsonPath("$.recurrence.weekdays").value(contains("MONDAY")))
                .andExpect(jsonPath("$.checklist.total").value(2));
        mvc.perform(json(patch("/api/v1/tasks/" + id), token,
                        "{\"recurrence\": {\"frequency\": \"NONE\"}, \"dueDate\": \"\", \"assigneeId\": \"\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recurrence").doesNotExist())
                .andExpect(jsonPath("$.dueDate").doesNotExist())
                .andExpect(jsonPath("$.dueAt").doesNotExist())
                .andExpect(jsonPath("$.assigneeId").doesNotExist())
                .andExpect(jsonPath("$.title").value("Monthly newsletter"));
        mvc.perform(auth(get("/api/v1/tasks/" + id), token)).andExpect(status().isOk());

        mvc.perform(auth(delete("/api/v1/tasks/" + id), token)).andExpect(status().isNoContent());
        mvc.perform(auth(get("/api/v1/tasks/" + id), token)).andExpect(status().isNotFound());
    }

    @Test
    void everyFilterNarrowsTheList() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addMember(ws);
        String token = tokenFor(ws.owner());
        ClientId thames = createClient(ws, "Thames Legal Partners", member.id());
        ClientId hudson = createClient(ws, "Hudson Street Bakery");
        String project = JsonPath.read(mvc.perform(json(post("/api/v1/projects"), token, """
                {"clientId": "%s", "name": "Launch"}""".formatted(hudson.value()))).andReturn().getResponse()
                .getContentAsString(), "$.id");
        task(token, """
                {"clientId": "%s", "title": "Overdue invoice", "urgent": true, "important": true,
                 "dueDate": "2030-01-10", "type": "invoice", "assigneeId": "%s"}""".formatted(thames.value(),
                member.id().value()));
        task(token, """
                {"clientId": "%s", "title": "Plan quarter", "important": true, "dueDate": "2030-01-20"}"""
                .formatted(thames.value()));
        task(token, """
                {"clientId": "%s", "projectId": "%s", "title": "Book courier", "urgent": true,
                 "dueDate": "2030-02-01", "type": "errand"}""".formatted(hudson.value(), project));
        String done = task(token, """
                {"clientId": "%s", "projectId": "%s", "title": "Clean inbox"}""".formatted(hudson.value(), project));
        mvc.perform(auth(post("/api/v1/tasks/" + done + "/move"), token).contentType("application/json")
                .content("{\"stage\": \"Doing\"}")).andExpect(status().isOk());

        expect(token, get("/api/v1/tasks"), "Overdue invoice", "Plan quarter", "Book courier", "Clean inbox");
        expect(token, get("/api/v1/tasks").param("clientId", thames.value().toString()), "Overdue invoice",
                "Plan quarter");
        expect(token, get("/api/v1/tasks").param("projectId", project), "Book courier", "Clean inbox");
        expect(token, get("/api/v1/tasks").param("status", "doing"), "Clean inbox");
        String doingId = JsonPath.read(mvc.perform(auth(get("/api/v1/tasks/" + done), token)).andReturn()
                .getResponse().getContentAsString(), "$.stageId");
        expect(token, get("/api/v1/tasks").param("status", doingId), "Clean inbox");
        expect(token, get("/api/v1/tasks").param("assigneeId", member.id().value().toString()), "Overdue invoice");
        expect(token, get("/api/v1/tasks").param("dueFrom", "2030-01-15").param("dueTo", "2030-02-01"),
                "Plan quarter", "Book courier");
        expect(token, get("/api/v1/tasks").param("dueTo", "2030-01-10"), "Overdue invoice");
        expect(token, get("/api/v1/tasks").param("quadrant", "DO"), "Overdue invoice");
        expect(token, get("/api/v1/tasks").param("quadrant", "schedule"), "Plan quarter");
        expect(token, get("/api/v1/tasks").param("quadrant", "DELEGATE"), "Book courier");
        expect(token, get("/api/v1/tasks").param("quadrant", "ELIMINATE"), "Clean inbox");
        expect(token, get("/api/v1/tasks").param("type", "Invoice"), "Overdue invoice");
        expect(token, get("/api/v1/tasks").param("open", "true"), "Overdue invoice", "Plan quarter", "Book courier",
                "Clean inbox");
        // Waiting for the client, it cannot be completed by hand; the owner approves on the client's behalf.
        move(token, done, "{\"stage\": \"Waiting on client\"}").andExpect(status().isOk());
        mvc.perform(auth(post("/api/v1/tasks/" + done + "/complete"), token))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value("“Waiting on client” waits for the client: only "
                        + "the client, or the owner on the client’s behalf, can approve it."));
        expect(token, get("/api/v1/tasks").param("open", "false"));
        mvc.perform(auth(post("/api/v1/tasks/" + done + "/approve"), token))
                .andExpect(jsonPath("$.completed").value(true))
                .andExpect(jsonPath("$.completedAt").isNotEmpty())
                .andExpect(jsonPath("$.stageKind").value("DONE"));
        expect(token, get("/api/v1/tasks").param("open", "false"), "Clean inbox");
        expect(token, get("/api/v1/tasks").param("open", "true").param("clientId", hudson.value().toString()),
                "Book courier");

        mvc.perform(auth(get("/api/v1/tasks").param("limit", "2"), token))
                .andExpect(jsonPath("$.items[*].title").value(contains("Overdue invoice", "Plan quarter")))
                .andExpect(jsonPath("$.hasMore").value(true));
        mvc.perform(auth(get("/api/v1/tasks").param("limit", "2").param("offset", "2"), token))
                .andExpect(jsonPath("$.items[*].title").value(contains("Book courier", "Clean inbox")))
                .andExpect(jsonPath("$.hasMore").value(false))
                .andExpect(jsonPath("$.offset").value(2));

        mvc.perform(auth(get("/api/v1/tasks").param("clientId", "thames").param("projectId", "1")
                        .param("assigneeId", "me").param("dueFrom", "tomorrow").param("dueTo", "2030-13-01")
                        .param("quadrant", "URGENT").param("open", "yes").param("limit", "501")
                        .param("offset", "-1"), token))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(contains("clientId", "projectId", "assigneeId",
                        "dueFrom", "dueTo", "quadrant", "open", "limit", "offset")));
    }

    @Test
    void movesKeepTheirPlaceWithinAndBetweenStages() throws Exception {
        TestWorkspace ws = newWorkspace();
        String token = tokenFor(ws.owner());
        ClientId client = createClient(ws, "Thames Legal Partners");
        String a = task(token, "{\"clientId\": \"%s\", \"title\": \"A\"}".formatted(client.value()));
        String b = task(token, "{\"clientId\": \"%s\", \"title\": \"B\"}".formatted(client.value()));
        String c = task(token, "{\"clientId\": \"%s\", \"title\": \"C\"}".formatted(client.value()));
        expect(token, get("/api/v1/tasks").param("status", "To do"), "A", "B", "C");

        move(token, c, "{\"stage\": \"To do\", \"position\": 0}").andExpect(status().isOk());
        expect(token, get("/api/v1/tasks").param("status", "To do"), "C", "A", "B");
        move(token, c, "{\"stage\": \"To do\", \"position\": 2}").andExpect(status().isOk());
        expect(token, get("/api/v1/tasks").param("status", "To do"), "A", "B", "C");

        move(token, a, "{\"stage\": \"Doing\"}").andExpect(jsonPath("$.stage").value("Doing"));
        String doing = JsonPath.read(mvc.perform(auth(get("/api/v1/tasks/" + a), token)).andReturn().getResponse()
                .getContentAsString(), "$.stageId");
        move(token, b, "{\"stageId\": \"%s\", \"position\": 0}".formatted(doing)).andExpect(status().isOk());
        move(token, c, "{\"stageId\": \"%s\", \"position\": 1}".formatted(doing)).andExpect(status().isOk());
        expect(token, get("/api/v1/tasks").param("status", "Doing"), "B", "C", "A");
        expect(token, get("/api/v1/tasks").param("status", "To do"));
        expect(token, get("/api/v1/tasks").param("clientId", client.value().toString()).param("order", "board"),
                "B", "C", "A");

        move(token, a, "{\"stage\": \"Nowhere\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("stage"))
                .andExpect(jsonPath("$.errors[0].message").value("This task’s workflow has no stage called “Nowhere”."));
        move(token, a, "{}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("stageId"));
        Workflow social = workflows.all(ws.owner().workspaceId()).stream()
                .filter(w -> Workflow.SOCIAL_MEDIA.equals(w.templateKey())).findFirst().orElseThrow();
        move(token, a, "{\"stageId\": \"%s\"}".formatted(social.first().id().value()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("stageId"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "That stage belongs to another workflow; a task moves only between the stages of its own."));
    }

    @Test
    void gatesRefuseMovesAndAreApprovedOnTheClientsBehalf() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addMember(ws);
        String owner = tokenFor(ws.owner());
        String token = tokenFor(member);
        ClientId client = createClient(ws, "Thames Legal Partners", member.id());
        String id = task(token, "{\"clientId\": \"%s\", \"title\": \"Format contract\"}".formatted(client.value()));

        // A member never moves work on or past a review stage: not by a move, not by completing it.
        String reviewFirst = "“Review” is a review stage: the owner approves the work before it moves on.";
        move(token, id, "{\"stage\": \"Done\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("stageId"))
                .andExpect(jsonPath("$.errors[0].message").value(reviewFirst));
        mvc.perform(auth(post("/api/v1/tasks/" + id + "/complete"), token))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value(reviewFirst));
        stageIs(owner, id, "To do", false);
        move(token, id, "{\"stage\": \"Review\"}").andExpect(jsonPath("$.stageKind").value("REVIEW"));
        mvc.perform(auth(post("/api/v1/tasks/" + id + "/approve"), token))
                .andExpect(status().isUnprocessableContent());

        // Work waiting for the client leaves forward only by an approval, never by a move or a complete.
        mvc.perform(auth(post("/api/v1/tasks/" + id + "/approve"), owner))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("Waiting on client"));
        String waits = "“Waiting on client” waits for the client: only the client, or the owner on the client’s "
                + "behalf, can approve it.";
        move(owner, id, "{\"stage\": \"Done\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("stageId"))
                .andExpect(jsonPath("$.errors[0].message").value(waits));
        mvc.perform(auth(post("/api/v1/tasks/" + id + "/complete"), owner))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value(waits));
        stageIs(owner, id, "Waiting on client", false);

        mvc.perform(json(post("/api/v1/tasks/" + id + "/request-changes"), owner, "{}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("note"))
                .andExpect(jsonPath("$.errors[0].message").value("Say what should change."));
        mvc.perform(json(post("/api/v1/tasks/" + id + "/request-changes"), owner, "{\"note\": \"Use the new logo\"}"))
                .andExpect(jsonPath("$.stage").value("Doing"));
        move(owner, id, "{\"stage\": \"Waiting on client\"}").andExpect(status().isOk());
        mvc.perform(json(post("/api/v1/tasks/" + id + "/approve"), owner, "{\"note\": \"Approved by phone\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("Done"))
                .andExpect(jsonPath("$.completed").value(true));

        assertThat(tasks.history(ws.owner(), new TaskId(UUID.fromString(id))))
                .filteredOn(e -> e.kind() == TaskEvent.Kind.APPROVED && "Approved by phone".equals(e.note()))
                .singleElement().satisfies(e -> assertThat(e.onBehalfOfClient()).isTrue());
        assertThat(tasks.comments(ws.owner(), new TaskId(UUID.fromString(id))))
                .extracting(Comment::body).contains("Use the new logo");

        // Work that needs no approval skips the client's stage: the owner completes it, or moves it, to Done.
        String quick = task(owner, "{\"clientId\": \"%s\", \"title\": \"Renew domain\"}".formatted(client.value()));
        mvc.perform(auth(post("/api/v1/tasks/" + quick + "/complete"), owner))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("Done"))
                .andExpect(jsonPath("$.completed").value(true));
        String reviewed = task(token, "{\"clientId\": \"%s\", \"title\": \"File receipts\"}".formatted(client.value()));
        move(token, reviewed, "{\"stage\": \"Review\"}").andExpect(status().isOk());
        move(owner, reviewed, "{\"stage\": \"Done\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stageKind").value("DONE"))
                .andExpect(jsonPath("$.completed").value(true));
        assertThat(tasks.history(ws.owner(), new TaskId(UUID.fromString(quick)))).extracting(TaskEvent::kind)
                .containsExactly(TaskEvent.Kind.CREATED, TaskEvent.Kind.COMPLETED);
    }

    @Test
    void refusalsAreInTheCallersLanguage() throws Exception {
        TestWorkspace ws = newWorkspace("Ana Souza Assistência", "pt-BR");
        String token = tokenFor(ws.owner());
        ClientId client = createClient(ws, "Cliente");
        String id = task(token, "{\"clientId\": \"%s\", \"title\": \"Contrato\"}".formatted(client.value()));
        moveIn(token, id, "Aguardando cliente").andExpect(status().isOk());

        moveIn(token, id, "Concluído")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("Dados inválidos"))
                .andExpect(jsonPath("$.errors[0].message").value("“Aguardando cliente” aguarda o cliente: só o "
                        + "cliente, ou a proprietária(o) em nome do cliente, pode aprovar."));
        stageIs(token, id, "Aguardando cliente", false);

        // What does not wait for the client goes straight to done.
        String other = task(token, "{\"clientId\": \"%s\", \"title\": \"Recibo\"}".formatted(client.value()));
        moveIn(token, other, "Concluído").andExpect(status().isOk()).andExpect(jsonPath("$.completed").value(true));
    }

    private org.springframework.test.web.servlet.ResultActions moveIn(String token, String id, String stage)
            throws Exception {
        return mvc.perform(auth(post("/api/v1/tasks/" + id + "/move"), token)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "pt-BR").contentType("application/json")
                .content("{\"stage\": \"%s\"}".formatted(stage)));
    }

    private void stageIs(String token, String id, String stage, boolean completed) throws Exception {
        mvc.perform(auth(get("/api/v1/tasks/" + id), token))
                .andExpect(jsonPath("$.stage").value(stage))
                .andExpect(jsonPath("$.completed").value(completed));
    }

    @Test
    void theRulesOfATaskAnswer422NamingTheField() throws Exception {
        TestWorkspace ws = newWorkspace();
        TestWorkspace other = newWorkspace();
        String token = tokenFor(ws.owner());
        ClientId client = createClient(ws, "Thames Legal Partners");
        String project = JsonPath.read(mvc.perform(json(post("/api/v1/projects"), token, """
                {"clientId": "%s", "name": "Relaunch", "startDate": "2030-03-01"}""".formatted(client.value())))
                .andReturn().getResponse().getContentAsString(), "$.id");

        mvc.perform(json(post("/api/v1/tasks"), token, """
                {"clientId": "%s", "projectId": "%s", "title": "Too early", "dueDate": "2030-02-28"}"""
                .formatted(client.value(), project)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("dueDate"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("The project starts on 2030-03-01; the task cannot be due before that."));
        mvc.perform(json(post("/api/v1/tasks"), token, """
                {"clientId": "%s", "title": "Someone else's", "assigneeId": "%s"}"""
                .formatted(client.value(), other.owner().id().value())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("assigneeId"))
                .andExpect(jsonPath("$.errors[0].message").value("Choose someone on your team."));
        mvc.perform(json(post("/api/v1/tasks"), token, """
                {"clientId": "%s", "title": "Never again", "dueDate": "2030-03-04",
                 "recurrence": {"frequency": "WEEKLY", "weekdays": ["MONDAY"], "until": "2030-03-05"}}"""
                .formatted(client.value())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("repeatUntil"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "With this end date the task would never repeat. Choose a later end date or no end."));
        mvc.perform(json(post("/api/v1/tasks"), token, "{\"estimateMinutes\": \"lots\", \"dueDate\": \"soon\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("title", "clientId", "dueDate",
                        "estimateMinutes")));
        mvc.perform(json(post("/api/v1/tasks"), token, "{\"title\": ")).andExpect(status().isBadRequest());
        expect(token, get("/api/v1/tasks"));
    }

    @Test
    void aMemberSeesAndChangesOnlyTheTasksOfTheirClients() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addMember(ws);
        String owner = tokenFor(ws.owner());
        String token = tokenFor(member);
        ClientId assigned = createClient(ws, "Assigned Co", member.id());
        ClientId other = createClient(ws, "Other Co");
        String mine = task(owner, "{\"clientId\": \"%s\", \"title\": \"Mine\"}".formatted(assigned.value()));
        String theirs = task(owner, "{\"clientId\": \"%s\", \"title\": \"Theirs\"}".formatted(other.value()));

        expect(token, get("/api/v1/tasks"), "Mine");
        expect(token, get("/api/v1/tasks").param("clientId", other.value().toString()));
        mvc.perform(auth(get("/api/v1/tasks/" + theirs), token)).andExpect(status().isNotFound());
        mvc.perform(json(patch("/api/v1/tasks/" + theirs), token, "{\"title\": \"Taken\"}"))
                .andExpect(status().isNotFound());
        move(token, theirs, "{\"stage\": \"Doing\"}").andExpect(status().isNotFound());
        mvc.perform(auth(delete("/api/v1/tasks/" + theirs), token)).andExpect(status().isNotFound());
        mvc.perform(json(post("/api/v1/tasks"), token, "{\"clientId\": \"%s\", \"title\": \"Sneaky\"}"
                        .formatted(other.value())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("clientId"));

        mvc.perform(json(patch("/api/v1/tasks/" + mine), token, "{\"title\": \"Mine, renamed\"}"))
                .andExpect(jsonPath("$.title").value("Mine, renamed"));
        String created = task(token, "{\"clientId\": \"%s\", \"title\": \"New\"}".formatted(assigned.value()));
        mvc.perform(auth(delete("/api/v1/tasks/" + created), token)).andExpect(status().isNoContent());
        expect(owner, get("/api/v1/tasks"), "Mine, renamed", "Theirs");
    }

    @Test
    void anotherWorkspacesTaskIsNotFound() throws Exception {
        TestWorkspace a = newWorkspace();
        TestWorkspace b = newWorkspace();
        ClientId client = createClient(a, "A's client");
        String id = task(tokenFor(a.owner()), "{\"clientId\": \"%s\", \"title\": \"A's\"}".formatted(client.value()));
        String bToken = tokenFor(b.owner());

        mvc.perform(auth(get("/api/v1/tasks/" + id), bToken)).andExpect(status().isNotFound());
        mvc.perform(json(patch("/api/v1/tasks/" + id), bToken, "{\"title\": \"B's\"}")).andExpect(status().isNotFound());
        move(bToken, id, "{\"stage\": \"Doing\"}").andExpect(status().isNotFound());
        mvc.perform(auth(post("/api/v1/tasks/" + id + "/complete"), bToken)).andExpect(status().isNotFound());
        mvc.perform(auth(delete("/api/v1/tasks/" + id), bToken)).andExpect(status().isNotFound());
        expect(bToken, get("/api/v1/tasks").param("clientId", client.value().toString()));
        mvc.perform(json(post("/api/v1/tasks"), bToken, "{\"clientId\": \"%s\", \"title\": \"Into A\"}"
                        .formatted(client.value())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("clientId"));
        mvc.perform(auth(get("/api/v1/tasks/" + id), tokenFor(a.owner()))).andExpect(jsonPath("$.title").value("A's"));
    }

    @Test
    void theApiDescribesTasksAndProjects() throws Exception {
        mvc.perform(get("/api/v1/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/tasks'].get.parameters[*].name").value(org.hamcrest.Matchers
                        .hasItems("clientId", "projectId", "status", "assigneeId", "dueFrom", "dueTo", "quadrant",
                                "open", "type", "limit", "offset")))
                .andExpect(jsonPath("$.paths['/api/v1/tasks'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/tasks/{taskId}'].patch").exists())
                .andExpect(jsonPath("$.paths['/api/v1/tasks/{taskId}/move'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/tasks/{taskId}/approve'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/tasks/{taskId}/request-changes'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/tasks/{taskId}/complete'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/projects'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/projects/{projectId}'].delete").exists());
    }

    private String task(String token, String json) throws Exception {
        String body = mvc.perform(json(post("/api/v1/tasks"), token, json))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, org.hamcrest.Matchers.startsWith("/api/v1/tasks/")))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private org.springframework.test.web.servlet.ResultActions move(String token, String id, String json)
            throws Exception {
        return mvc.perform(json(post("/api/v1/tasks/" + id + "/move"), token, json));
    }

    private void expect(String token, MockHttpServletRequestBuilder request, String... titles) throws Exception {
        mvc.perform(auth(request, token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].title").value(new java.util.ArrayList<>(List.of(titles))));
    }
}
