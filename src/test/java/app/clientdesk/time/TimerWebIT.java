package app.clientdesk.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.TaskInput;
import app.clientdesk.work.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The timer's screens: the header widget on every page, its forms with and without htmx, its page and settings. */
class TimerWebIT extends IntegrationTest {

    /** 09:00 in São Paulo, the owner's zone. */
    private static final Instant NINE = Instant.parse("2026-12-01T12:00:00Z");
    private static final TimeQuery ALL_DECEMBER = TimeQuery.between(java.time.LocalDate.parse("2026-11-01"),
            java.time.LocalDate.parse("2027-01-31"));

    @Autowired Timer timer;
    @Autowired TimeEntries entries;
    @Autowired Tasks tasks;

    private TestWorkspace ws;
    private CurrentUser owner;
    private CurrentUser member;
    private ClientId client;
    private ClientId unassigned;
    private TaskId task;
    private TaskId unassignedTask;

    @BeforeEach
    void workspace() {
        ws = newWorkspace();
        owner = ws.owner();
        member = addMember(ws);
        client = createClient(ws, "Gamma Ltd", member.id());
        unassigned = createClient(ws, "Delta Co");
        task = tasks.create(owner, TaskInput.quick("Monthly report", client.value().toString(), null));
        unassignedTask = tasks.create(owner, TaskInput.quick("Delta books", unassigned.value().toString(), null));
        clock.set(NINE);
    }

    @Test
    void everyStaffPageHasTheTimerInItsHeaderAndClientContactsDoNot() throws Exception {
        for (String page : List.of("/my-work", "/clients", "/clients/" + client.value(), "/tasks/" + task.value(),
                "/settings/account")) {
            String html = page(owner, page);
            assertThat(html).as(page).contains("<div class=\"timer is-idle\" id=\"timer\"")
                    .contains("<a class=\"button small primary timer-start-button\" href=\"/timer?back=")
                    .contains("<span class=\"timer-start-text\">Start timer</span>");
            assertThat(html.substring(html.indexOf("<header"), html.indexOf("</header>")))
                    .as("the start panel loads when opened").doesNotContain("<option");
        }
        assertThat(page(owner, "/clients?q=gam")).contains("data-src=\"/timer/panel?back=%2Fclients%3Fq%3Dgam\"");

        assertThat(page(owner, "/timer/panel?back=/board")).contains("Start a timer")
                .contains("<option value=\"" + client.value() + "\">Gamma Ltd</option>")
                .contains("<option value=\"" + unassigned.value() + "\">Delta Co</option>")
                .contains("Monthly report").contains("<input type=\"hidden\" name=\"back\" value=\"/board\">")
                .doesNotContain("<html");
        assertThat(page(member, "/timer/panel")).as("a member chooses among their clients and tasks")
                .contains(">Gamma Ltd</option>").doesNotContain(">Delta Co</option>").doesNotContain("Delta books");

        CurrentUser contact = addClientContact(ws, client);
        MockHttpServletResponse portal = mvc.perform(get("/portal").with(user(contact))).andReturn().getResponse();
        assertThat(portal.getStatus()).isEqualTo(200);
        assertThat(portal.getContentAsString()).doesNotContain("id=\"timer\"").doesNotContain("Start timer");
    }

    @Test
    void aStartedTimerRunsInTheHeaderOfEveryPageUntilItIsStopped() throws Exception {
        MvcResult started = send(owner, post("/timer/start").param("clientId", client.value().toString())
                .param("note", "Inbox triage").param("billableShown", "true").param("billable", "true")
                .param("back", "/clients?q=gam"));
        assertThat(started.getResponse().getRedirectedUrl()).isEqualTo("/clients?q=gam");
        assertThat(started.getFlashMap().get("notice")).isEqualTo("Timer started on “Inbox triage”.");

        clock.advance(Duration.ofMinutes(85).plusSeconds(12));
        String html = page(owner, "/my-work");
        assertThat(html).contains("class=\"timer is-running\"")
                .contains("<span class=\"timer-label\">Inbox triage</span>")
                .contains("<span class=\"timer-client\">Gamma Ltd</span>")
                .contains("data-started-at=\"" + NINE.toEpochMilli() + "\"")
                .contains("data-server-now=\"" + clock.instant().toEpochMilli() + "\"")
                .contains("data-break-seconds=\"0\"")
                .contains(">1:25:12</span>")
                .doesNotContain("data-paused-at");

        MvcResult stopped = send(owner, post("/timer/stop").param("back", "/my-work"));
        assertThat(stopped.getResponse().getRedirectedUrl()).isEqualTo("/my-work");
        assertThat(stopped.getFlashMap().get("notice")).isEqualTo("Logged 1 h 25 min on “Inbox triage” for Gamma Ltd.");
        TimeEntry entry = entries.search(owner, ALL_DECEMBER).get(0);
        assertThat(entry.durationSeconds()).isEqualTo(85 * 60 + 12);
        assertThat(entry.note()).isEqualTo("Inbox triage");
        assertThat(entry.billable()).isTrue();
        assertThat(page(owner, "/my-work")).contains("class=\"timer is-idle\"");
    }

    @Test
    void anUntickedBillableBoxStartsANonBillableTimerButAOneClickStartIsBillable() throws Exception {
        send(owner, post("/timer/start").param("clientId", client.value().toString()).param("billableShown", "true"));
        assertThat(timer.current(owner).orElseThrow().billable()).isFalse();

        send(owner, post("/timer/start").param("taskId", task.value().toString()).param("back", "/tasks/" + task.value()));
        assertThat(timer.current(owner).orElseThrow().billable()).isTrue();
    }

    @Test
    void htmxGetsTheWidgetBackToSwapInPlace() throws Exception {
        MockHttpServletResponse started = mvc.perform(post("/timer/start").with(user(owner)).with(csrf())
                .header("HX-Request", "true").param("taskId", task.value().toString()).param("back", "/board"))
                .andReturn().getResponse();
        assertThat(started.getStatus()).isEqualTo(200);
        assertThat(started.getContentAsString()).startsWith("<div class=\"timer is-running\" id=\"timer\"")
                .contains("<span class=\"timer-label\">Monthly report</span>")
                .contains("data-task-id=\"" + task.value() + "\"")
                .contains("data-back=\"/board\"")
                .doesNotContain("<html");

        clock.advance(Duration.ofMinutes(10));
        MockHttpServletResponse paused = htmx(owner, post("/timer/pause").param("back", "/board"));
        assertThat(paused.getContentAsString()).startsWith("<div class=\"timer is-paused\"")
                .contains("data-paused-at=\"" + clock.instant().toEpochMilli() + "\"")
                .contains(">On a break<").contains("/timer/resume");

        MockHttpServletResponse refetched = htmx(owner, get("/timer/widget").param("back", "/board"));
        assertThat(refetched.getContentAsString()).startsWith("<div class=\"timer is-paused\"").contains(">0:10:00<");

        assertThat(paused.getHeader("HX-Refresh")).as("the header swaps alone").isNull();
        MockHttpServletResponse onTheTimersPage = htmx(owner, post("/timer/resume").param("back", "/timer?back=%2Fboard"));
        assertThat(onTheTimersPage.getHeader("HX-Refresh")).as("the timer's page shows the timer too").isEqualTo("true");

        MockHttpServletResponse discarded = htmx(owner, post("/timer/discard").param("back", "/board"));
        assertThat(discarded.getContentAsString()).startsWith("<div class=\"timer is-idle\"");
        assertThat(timer.current(owner)).isEmpty();
        assertThat(entries.search(owner, ALL_DECEMBER)).as("discarding logs nothing").isEmpty();
    }

    @Test
    void aRefusedStartShowsWhyInTheWidgetOrOnTheTimersPage() throws Exception {
        MockHttpServletResponse inHeader = htmx(owner, post("/timer/start").param("note", "Something")
                .param("back", "/board"));
        assertThat(inHeader.getStatus()).isEqualTo(422);
        assertThat(inHeader.getContentAsString()).startsWith("<div class=\"timer is-idle\"")
                .contains("aria-expanded=\"true\"")
                .containsPattern("<div class=\"timer-panel\" id=\"timer-panel\"[^>]*data-src=\"[^\"]*\">")
                .contains("Choose a task, or a client, to time.")
                .contains("value=\"Something\"");

        MockHttpServletResponse page = mvc.perform(post("/timer/start").with(user(owner)).with(csrf())
                .param("clientId", client.value().toString()).param("projectId", "not-an-id").param("back", "/board"))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(422);
        assertThat(page.getContentAsString()).contains("<h1>Timer</h1>")
                .contains("<p class=\"field-error\" id=\"err-projectId\">There is no such project.</p>");
        assertThat(timer.current(owner)).isEmpty();
    }

    @Test
    void aMemberCannotStartOnTheTaskOfAClientNotAssignedToThem() throws Exception {
        MockHttpServletResponse refused = mvc.perform(post("/timer/start").with(user(member)).with(csrf())
                .param("taskId", unassignedTask.value().toString()).param("back", "/my-work")).andReturn().getResponse();

        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("There is no such task, or it is not yours to log time on.")
                .doesNotContain("Delta books");
        assertThat(timer.current(member)).isEmpty();

        send(member, post("/timer/start").param("taskId", task.value().toString()));
        assertThat(timer.current(member).orElseThrow().taskTitle()).isEqualTo("Monthly report");
    }

    @Test
    void anotherWorkspacesTaskStartsNothing() throws Exception {
        TestWorkspace other = newWorkspace();
        MockHttpServletResponse refused = mvc.perform(post("/timer/start").with(user(other.owner())).with(csrf())
                .param("taskId", task.value().toString())).andReturn().getResponse();

        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).doesNotContain("Monthly report");
        assertThat(timer.current(other.owner())).isEmpty();
    }

    @Test
    void aBreakIsNotLoggedAsWork() throws Exception {
        send(owner, post("/timer/start").param("taskId", task.value().toString()));
        clock.advance(Duration.ofMinutes(50));
        MvcResult paused = send(owner, post("/timer/pause").param("back", "/board"));
        assertThat(paused.getFlashMap().get("notice")).isEqualTo("Timer paused. Resume it when your break is over.");
        clock.advance(Duration.ofMinutes(15));
        MvcResult resumed = send(owner, post("/timer/resume").param("back", "/board"));
        assertThat(resumed.getFlashMap().get("notice")).isEqualTo("Timer resumed.");
        clock.advance(Duration.ofMinutes(10));

        MvcResult stopped = send(owner, post("/timer/stop").param("back", "/board"));
        assertThat(stopped.getFlashMap().get("notice")).isEqualTo("Logged 1 h on “Monthly report” for Gamma Ltd.");
        TimeEntry entry = entries.search(owner, ALL_DECEMBER).get(0);
        assertThat(entry.breakSeconds()).isEqualTo(15 * 60);
        assertThat(entry.durationSeconds()).isEqualTo(60 * 60);
    }

    @Test
    void aTimerLeftRunningOverADayAsksWhenWorkStopped() throws Exception {
        send(owner, post("/timer/start").param("clientId", client.value().toString()).param("note", "Bookkeeping"));
        clock.advance(Duration.ofHours(30));
        assertThat(page(owner, "/my-work")).as("the header offers the end form instead of a plain stop")
                .contains("href=\"/timer?back=%2Fmy-work\"")
                .contains("This timer has run for more than 24 hours: give the time you stopped.");

        MockHttpServletResponse asked = mvc.perform(post("/timer/stop").with(user(owner)).with(csrf())
                .param("back", "/my-work")).andReturn().getResponse();
        assertThat(asked.getStatus()).isEqualTo(422);
        assertThat(asked.getContentAsString()).contains("When did you stop working?")
                .contains("This timer has run for more than 24 hours. Give the time you stopped working.")
                .contains("name=\"endDate\" type=\"date\" value=\"2026-12-01\"");
        assertThat(timer.current(owner)).as("still running").isPresent();

        MockHttpServletResponse future = mvc.perform(post("/timer/stop").with(user(owner)).with(csrf())
                .param("endDate", "2026-12-09").param("endTime", "17:30").param("back", "/my-work"))
                .andReturn().getResponse();
        assertThat(future.getStatus()).isEqualTo(422);
        assertThat(future.getContentAsString()).contains("The end must be after the timer")
                .contains("start (2026-12-01 09:00) and not in the future.");

        MockHttpServletResponse garbled = mvc.perform(post("/timer/stop").with(user(owner)).with(csrf())
                .param("endDate", "2026-12-01").param("endTime", "5pm")).andReturn().getResponse();
        assertThat(garbled.getStatus()).isEqualTo(422);
        assertThat(garbled.getContentAsString())
                .contains("<p class=\"field-error\" id=\"err-endTime\">Give the time as hours and minutes, such as 09:30.</p>");

        MvcResult stopped = send(owner, post("/timer/stop").param("endDate", "2026-12-01").param("endTime", "17:30")
                .param("back", "/my-work"));
        assertThat(stopped.getResponse().getRedirectedUrl()).isEqualTo("/my-work");
        assertThat(stopped.getFlashMap().get("notice")).isEqualTo("Logged 8 h 30 min on “Bookkeeping” for Gamma Ltd.");
        TimeEntry entry = entries.search(owner, ALL_DECEMBER).get(0);
        assertThat(entry.end()).isEqualTo(Instant.parse("2026-12-01T20:30:00Z"));
    }

    @Test
    void startingWhileATimerRunsLogsTheRunningOne() throws Exception {
        send(owner, post("/timer/start").param("clientId", client.value().toString()).param("note", "Calls"));
        clock.advance(Duration.ofMinutes(40));
        MvcResult second = send(owner, post("/timer/start").param("taskId", task.value().toString()));
        assertThat(second.getFlashMap().get("notice"))
                .isEqualTo("Logged 40 min on “Calls” for Gamma Ltd. Timer started on “Monthly report”.");
    }

    @Test
    void thePomodoroPauseOfAPageThatMissedAResumeElsewhereIsIgnored() throws Exception {
        send(owner, post("/timer/start").param("taskId", task.value().toString()).param("pomodoro", "true"));
        assertThat(page(owner, "/board")).contains("data-pomodoro-work=\"25\"").contains("data-pomodoro-break=\"5\"")
                .contains("data-working-since=\"" + NINE.toEpochMilli() + "\"");
        clock.advance(Duration.ofMinutes(25));
        htmx(owner, post("/timer/pause").param("ifWorkingSince", Long.toString(NINE.toEpochMilli())));
        assertThat(timer.current(owner).orElseThrow().paused()).isTrue();
        clock.advance(Duration.ofMinutes(5));
        timer.resume(owner);

        clock.advance(Duration.ofMinutes(1));
        MockHttpServletResponse stale = htmx(owner, post("/timer/pause")
                .param("ifWorkingSince", Long.toString(NINE.toEpochMilli())));
        assertThat(stale.getContentAsString()).startsWith("<div class=\"timer is-running\"");
        assertThat(timer.current(owner).orElseThrow().paused()).as("the new work period goes on").isFalse();
    }

    @Test
    void actionsWithoutATimerSayThereIsNone() throws Exception {
        MockHttpServletResponse page = mvc.perform(post("/timer/pause").with(user(owner)).with(csrf())
                .param("back", "/board")).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(422);
        assertThat(page.getContentAsString()).contains("No timer is running.");

        MockHttpServletResponse stop = htmx(owner, post("/timer/stop"));
        assertThat(stop.getStatus()).isEqualTo(422);
        assertThat(stop.getContentAsString()).contains("No timer is running.");

        MockHttpServletResponse resume = htmx(owner, post("/timer/resume").param("back", "/board"));
        assertThat(resume.getStatus()).isEqualTo(422);
        assertThat(resume.getContentAsString()).startsWith("<div class=\"timer is-idle\"")
                .contains("<p class=\"timer-said\" role=\"status\">No timer is running.</p>");
    }

    @Test
    void goingBackStaysOnThisSite() throws Exception {
        for (String back : List.of("https://evil.example/x", "//evil.example", "/\\evil.example", "/timer/stop", "")) {
            send(owner, post("/timer/start").param("clientId", client.value().toString()));
            MvcResult result = send(owner, post("/timer/discard").param("back", back));
            assertThat(result.getResponse().getRedirectedUrl()).as(back).isEqualTo("/");
        }
    }

    @Test
    void theTaskPageAndThePickerStartATimerOnATask() throws Exception {
        assertThat(page(owner, "/tasks/" + task.value())).contains("<form method=\"post\" action=\"/timer/start\" "
                + "class=\"timer-task-start\" data-timer-task=\"" + task.value() + "\">")
                .contains("<input type=\"hidden\" name=\"taskId\" value=\"" + task.value() + "\">")
                .contains(">Start timer</button>").contains(">Timer running</span>");

        MockHttpServletResponse mine = htmx(owner, get("/timer/tasks").param("back", "/board"));
        assertThat(mine.getContentAsString()).contains("Monthly report").contains("Delta books")
                .contains("aria-label=\"Start the timer on “Monthly report”\"").contains("hx-post=\"/timer/start\"");
        assertThat(htmx(owner, get("/timer/tasks").param("q", "delta")).getContentAsString())
                .contains("Delta books").doesNotContain("Monthly report");
        assertThat(htmx(owner, get("/timer/tasks").param("q", "nothing like it")).getContentAsString())
                .contains("No open task matches this search.");
        assertThat(htmx(member, get("/timer/tasks").param("q", "delta")).getContentAsString())
                .as("a member finds only their clients' tasks").doesNotContain("Delta books");
        assertThat(htmx(member, get("/timer/tasks").param("q", "month")).getContentAsString())
                .as("also those not assigned to them").contains("Monthly report");

        assertThat(page(owner, "/timer?q=month")).as("the picker without JavaScript: plain forms")
                .contains("<form method=\"post\" action=\"/timer/start\">").contains("Monthly report")
                .doesNotContain("Delta books");
    }

    @Test
    void pomodoroLengthsAreSavedAndOutOfRangeOnesRefused() throws Exception {
        assertThat(page(owner, "/settings/timer")).contains("name=\"workMinutes\" type=\"number\" inputmode=\"numeric\" "
                + "min=\"5\" max=\"120\" step=\"1\" value=\"25\"").contains("value=\"5\"");
        assertThat(page(owner, "/clients")).contains("<a href=\"/settings/timer\">Timer settings</a>");

        MockHttpServletResponse refused = mvc.perform(post("/settings/timer").with(user(owner)).with(csrf())
                .param("workMinutes", "3").param("breakMinutes", "90")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString())
                .contains("<p class=\"field-error\" id=\"err-workMinutes\">A work period lasts 5 to 120 minutes.</p>")
                .contains("<p class=\"field-error\" id=\"err-breakMinutes\">A break lasts 1 to 60 minutes.</p>")
                .contains("value=\"3\"").contains("value=\"90\"");

        MockHttpServletResponse words = mvc.perform(post("/settings/timer").with(user(owner)).with(csrf())
                .param("workMinutes", "half an hour").param("breakMinutes", "")).andReturn().getResponse();
        assertThat(words.getStatus()).isEqualTo(422);
        assertThat(words.getContentAsString())
                .contains("<p class=\"field-error\" id=\"err-workMinutes\">Give a whole number of minutes.</p>")
                .contains("<p class=\"field-error\" id=\"err-breakMinutes\">Give a whole number of minutes.</p>");
        assertThat(timer.pomodoroLengths(owner)).containsExactly(25, 5);

        MvcResult saved = send(owner, post("/settings/timer").param("workMinutes", "50").param("breakMinutes", "10"));
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/settings/timer");
        assertThat(saved.getFlashMap().get("notice")).asString().startsWith("Timer settings saved.");
        assertThat(timer.pomodoroLengths(owner)).containsExactly(50, 10);

        send(owner, post("/timer/start").param("taskId", task.value().toString()).param("pomodoro", "true"));
        assertThat(timer.current(owner).orElseThrow().pomodoroWorkMinutes()).isEqualTo(50);
    }

    private String page(CurrentUser who, String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(user(who))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    private MvcResult send(CurrentUser who, MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request.with(user(who)).with(csrf())).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(302);
        return result;
    }

    private MockHttpServletResponse htmx(CurrentUser who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(who)).with(csrf()).header("HX-Request", "true")).andReturn().getResponse();
    }
}
