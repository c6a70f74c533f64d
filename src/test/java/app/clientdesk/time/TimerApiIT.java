package app.clientdesk.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.TaskInput;
import app.clientdesk.work.Tasks;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** {@code /api/v1/timer} as a script holding a personal API token uses it. */
class TimerApiIT extends IntegrationTest {

    /** 09:00 in São Paulo, the owner's zone. */
    private static final Instant NINE = Instant.parse("2026-12-01T12:00:00Z");
    private static final TimeQuery ALL_DECEMBER = TimeQuery.between(java.time.LocalDate.parse("2026-11-01"),
            java.time.LocalDate.parse("2027-01-31"));

    @Autowired Timer timer;
    @Autowired TimeEntries entries;
    @Autowired Rates rates;
    @Autowired Tasks tasks;

    private TestWorkspace ws;
    private CurrentUser owner;
    private CurrentUser member;
    private String ownerToken;
    private String memberToken;
    private ClientId client;
    private ClientId unassigned;
    private TaskId task;
    private TaskId unassignedTask;

    @BeforeEach
    void workspace() {
        ws = newWorkspace();
        owner = ws.owner();
        member = addMember(ws);
        ownerToken = tokenFor(owner);
        memberToken = tokenFor(member);
        client = createClient(ws, "Gamma Ltd", member.id());
        unassigned = createClient(ws, "Delta Co");
        task = tasks.create(owner, TaskInput.quick("Monthly report", client.value().toString(), null));
        unassignedTask = tasks.create(owner, TaskInput.quick("Delta books", unassigned.value().toString(), null));
        clock.set(NINE);
    }

    @Test
    void startPauseResumeAndStopIntoAnEntry() throws Exception {
        call(get("/api/v1/timer"), ownerToken, null).andExpect(status().isOk())
                .andExpect(content().json("{\"running\": false}", true));

        call(post("/api/v1/timer/start"), ownerToken, """
                {"clientId": "%s", "note": "Inbox triage", "pomodoro": true}""".formatted(client.value()))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, "/api/v1/timer"))
                .andExpect(jsonPath("$.running").value(true))
                .andExpect(jsonPath("$.clientId").value(client.value().toString()))
                .andExpect(jsonPath("$.clientName").value("Gamma Ltd"))
                .andExpect(jsonPath("$.projectId").isEmpty())
                .andExpect(jsonPath("$.taskId").isEmpty())
                .andExpect(jsonPath("$.note").value("Inbox triage"))
                .andExpect(jsonPath("$.label").value("Inbox triage"))
                .andExpect(jsonPath("$.billable").value(true))
                .andExpect(jsonPath("$.start").value("2026-12-01T09:00:00-03:00"))
                .andExpect(jsonPath("$.pausedAt").isEmpty())
                .andExpect(jsonPath("$.breakSeconds").value(0))
                .andExpect(jsonPath("$.workedSeconds").value(0))
                .andExpect(jsonPath("$.pomodoro.workMinutes").value(25))
                .andExpect(jsonPath("$.pomodoro.breakMinutes").value(5))
                .andExpect(jsonPath("$.stopped").isEmpty());

        clock.advance(Duration.ofMinutes(30));
        call(post("/api/v1/timer/pause"), ownerToken, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.pausedAt").value("2026-12-01T09:30:00-03:00"))
                .andExpect(jsonPath("$.workedSeconds").value(1800));
        clock.advance(Duration.ofMinutes(5));
        call(post("/api/v1/timer/resume"), ownerToken, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.pausedAt").isEmpty())
                .andExpect(jsonPath("$.breakSeconds").value(300))
                .andExpect(jsonPath("$.workingSince").value("2026-12-01T09:35:00-03:00"));
        clock.advance(Duration.ofMinutes(55).plusSeconds(29));
        call(get("/api/v1/timer"), ownerToken, null).andExpect(jsonPath("$.workedSeconds").value(85 * 60 + 29));

        String body = call(post("/api/v1/timer/stop"), ownerToken, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.clientId").value(client.value().toString()))
                .andExpect(jsonPath("$.projectId").isEmpty())
                .andExpect(jsonPath("$.taskId").isEmpty())
                .andExpect(jsonPath("$.userId").value(owner.id().value().toString()))
                .andExpect(jsonPath("$.start").value("2026-12-01T09:00:00-03:00"))
                .andExpect(jsonPath("$.end").value("2026-12-01T10:30:29-03:00"))
                .andExpect(jsonPath("$.zone").value("America/Sao_Paulo"))
                .andExpect(jsonPath("$.durationSeconds").value(85 * 60 + 29))
                .andExpect(jsonPath("$.durationMinutes").value(85))
                .andExpect(jsonPath("$.breakMinutes").value(5))
                .andExpect(jsonPath("$.billable").value(true))
                .andExpect(jsonPath("$.note").value("Inbox triage"))
                .andExpect(jsonPath("$.tags").value(empty()))
                .andExpect(jsonPath("$.rate").doesNotExist())
                .andExpect(jsonPath("$.currency").doesNotExist())
                .andExpect(jsonPath("$.rateSource").doesNotExist())
                .andExpect(jsonPath("$.locked").value(false))
                .andExpect(jsonPath("$.invoiceNumber").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.id");
        assertThat(entries.get(owner, new TimeEntryId(java.util.UUID.fromString(id))).note()).isEqualTo("Inbox triage");
        call(get("/api/v1/timer"), ownerToken, null).andExpect(jsonPath("$.running").value(false));
    }

    @Test
    void startingOnATaskStopsTheRunningTimerAndItsEntryCarriesTheRate() throws Exception {
        rates.set(owner, new RateInput("CLIENT", client.value().toString(), "GBP", "55"));
        call(post("/api/v1/timer/start"), ownerToken, "{\"clientId\": \"%s\", \"billable\": false}"
                .formatted(client.value())).andExpect(status().isCreated())
                .andExpect(jsonPath("$.billable").value(false))
                .andExpect(jsonPath("$.label").value("Gamma Ltd"));
        clock.advance(Duration.ofMinutes(20).plusSeconds(30));

        String started = call(post("/api/v1/timer/start"), ownerToken, "{\"taskId\": \"%s\"}".formatted(task.value()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.taskId").value(task.value().toString()))
                .andExpect(jsonPath("$.taskTitle").value("Monthly report"))
                .andExpect(jsonPath("$.start").value("2026-12-01T09:20:30-03:00"))
                .andExpect(jsonPath("$.pomodoro").isEmpty())
                .andExpect(jsonPath("$.stopped").isNotEmpty())
                .andReturn().getResponse().getContentAsString();
        TimeEntry stopped = entries.get(owner, new TimeEntryId(java.util.UUID.fromString(JsonPath.read(started,
                "$.stopped"))));
        assertThat(stopped.durationSeconds()).isEqualTo(20 * 60 + 30);
        assertThat(stopped.billable()).isFalse();

        clock.advance(Duration.ofMinutes(45));
        call(post("/api/v1/timer/stop"), ownerToken, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.taskId").value(task.value().toString()))
                .andExpect(jsonPath("$.durationMinutes").value(45))
                .andExpect(jsonPath("$.rate").value("55.00"))
                .andExpect(jsonPath("$.currency").value("GBP"))
                .andExpect(jsonPath("$.rateSource").value("CLIENT"));
        // 20 min 30 s rounds half up to 21 minutes.
        assertThat(entries.search(owner, ALL_DECEMBER)).extracting(TimeEntry::durationSeconds)
                .containsExactlyInAnyOrder(45L * 60, 20L * 60 + 30);
    }

    @Test
    void aTimerLeftRunningOverADayNeedsTheEndAndErrorsAreProblems() throws Exception {
        call(post("/api/v1/timer/stop"), ownerToken, null).andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("timer"))
                .andExpect(jsonPath("$.errors[0].message").value("No timer is running."));
        call(post("/api/v1/timer/pause"), ownerToken, null).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value("No timer is running."));
        call(post("/api/v1/timer/start"), ownerToken, null).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("clientId"))
                .andExpect(jsonPath("$.errors[0].message").value("Choose a task, or a client, to time."));

        call(post("/api/v1/timer/start"), ownerToken, "{\"clientId\": \"%s\"}".formatted(client.value()))
                .andExpect(status().isCreated());
        clock.advance(Duration.ofHours(26));
        call(post("/api/v1/timer/stop"), ownerToken, "{}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("end"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("This timer has run for more than 24 hours. Give the time you stopped working."));
        call(post("/api/v1/timer/stop"), ownerToken, "{\"end\": \"yesterday at five\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("end"));
        call(post("/api/v1/timer/start"), ownerToken, "{\"taskId\": \"%s\"}".formatted(task.value()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message")
                        .value("This timer has run for more than 24 hours. Give the time you stopped working."));
        call(get("/api/v1/timer"), ownerToken, null).andExpect(jsonPath("$.running").value(true))
                .andExpect(jsonPath("$.taskId").isEmpty());

        call(post("/api/v1/timer/stop"), ownerToken, "{\"end\": \"2026-12-01T17:00:00-03:00\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.end").value("2026-12-01T17:00:00-03:00"))
                .andExpect(jsonPath("$.durationMinutes").value(480));
    }

    @Test
    void aMemberCannotTimeATaskOfAClientNotAssignedToThem() throws Exception {
        call(post("/api/v1/timer/start"), memberToken, "{\"taskId\": \"%s\"}".formatted(unassignedTask.value()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("taskId"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("There is no such task, or it is not yours to log time on."));
        call(post("/api/v1/timer/start"), memberToken, "{\"clientId\": \"%s\"}".formatted(unassigned.value()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("clientId"));
        call(get("/api/v1/timer"), memberToken, null).andExpect(jsonPath("$.running").value(false));

        call(post("/api/v1/timer/start"), memberToken, "{\"taskId\": \"%s\"}".formatted(task.value()))
                .andExpect(status().isCreated());
        assertThat(timer.current(member).orElseThrow().taskTitle()).isEqualTo("Monthly report");
        assertThat(timer.current(owner)).as("the member's timer is theirs alone").isEmpty();
    }

    @Test
    void anotherWorkspacesTaskStartsNothing() throws Exception {
        TestWorkspace other = newWorkspace();
        String otherToken = tokenFor(other.owner());
        call(post("/api/v1/timer/start"), otherToken, "{\"taskId\": \"%s\"}".formatted(task.value()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("taskId"));
        call(post("/api/v1/timer/start"), otherToken, "{\"clientId\": \"%s\"}".formatted(client.value()))
                .andExpect(status().isUnprocessableContent());
        call(get("/api/v1/timer"), otherToken, null).andExpect(jsonPath("$.running").value(false));
    }

    @Test
    void aTimerStoppedInItsFirstSecondLogsNothingAndDiscardLogsNothing() throws Exception {
        call(post("/api/v1/timer/start"), ownerToken, "{\"clientId\": \"%s\"}".formatted(client.value()))
                .andExpect(status().isCreated());
        call(post("/api/v1/timer/stop"), ownerToken, null).andExpect(status().isNoContent());

        call(post("/api/v1/timer/start"), ownerToken, "{\"clientId\": \"%s\"}".formatted(client.value()))
                .andExpect(status().isCreated());
        clock.advance(Duration.ofMinutes(10));
        call(post("/api/v1/timer/discard"), ownerToken, null).andExpect(status().isNoContent());
        call(get("/api/v1/timer"), ownerToken, null).andExpect(jsonPath("$.running").value(false));
        assertThat(entries.search(owner, ALL_DECEMBER)).isEmpty();
    }

    @Test
    void theApiDescribesTheTimer() throws Exception {
        mvc.perform(get("/api/v1/openapi.json")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/timer'].get.summary").value("Read the running timer"))
                .andExpect(jsonPath("$.paths['/api/v1/timer/start'].post.requestBody").exists())
                .andExpect(jsonPath("$.paths['/api/v1/timer/pause'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/timer/resume'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/timer/stop'].post.requestBody").exists())
                .andExpect(jsonPath("$.paths['/api/v1/timer/discard'].post").exists());
    }

    private ResultActions call(MockHttpServletRequestBuilder request, String token, String body) throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token).accept(MediaType.APPLICATION_JSON);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }
}
