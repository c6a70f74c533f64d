package app.clientdesk.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.requests.ManualSubmission;
import app.clientdesk.requests.RequestId;
import app.clientdesk.requests.Requests;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.support.QueryCounts;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.TaskInput;
import app.clientdesk.work.Tasks;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Today, the staff's home page: the day's blocks in order with the client's clock, tasks due and overdue, the
 * timer (started from a block), requests whose response clock is at risk or breached, tomorrow's first commitment;
 * each person sees their own day and their own clients' requests, in a fixed number of statements.
 */
class TodayIT extends IntegrationTest {

    /** Wednesday 10 March 2027, 12:00 UTC: 09:00 in São Paulo, 12:00 in London. */
    private static final Instant NOW = Instant.parse("2027-03-10T12:00:00Z");
    /**
     * /today's own statements, whatever the workspace holds: the person's calendar (3), the blocks of today and
     * tomorrow (1), the meetings of today and tomorrow (1; their attendees one more when there are any), tasks due
     * today and tomorrow (1), the overdue and due-today counts (1), at-risk and breached requests (2), the timer (1).
     */
    static final int TODAY_STATEMENTS = 10;
    /** The header's: its running timer and the notifications bell (the session is not read under {@code user()}). */
    static final int HEADER_STATEMENTS = 2;

    @Autowired TimeBlocks blocks;
    @Autowired PersonCalendars calendars;
    @Autowired Tasks tasks;
    @Autowired Requests requests;
    @Autowired JdbcClient jdbc;

    TestWorkspace ws;
    CurrentUser owner;
    CurrentUser member;
    ClientId harbour;
    ClientId thames;

    @BeforeEach
    void workspace() {
        clock.set(NOW);
        ws = newWorkspace();
        owner = ws.owner();
        member = addMember(ws);
        harbour = createClient(ws, "Harbour Studio", member.id());
        thames = createClient(ws, "Thames Partners");
        List<String> week = List.of("08:00-18:00", "08:00-18:00", "08:00-18:00", "08:00-18:00", "08:00-18:00", "", "");
        calendars.save(owner, owner.id(), new PersonCalendarInput("UTC", week, "0", "8"));
        calendars.save(owner, member.id(), new PersonCalendarInput("America/Sao_Paulo", week, "0", "8"));
    }

    private UUID block(CurrentUser who, String date, String start, String end, ClientId client, String title,
            TaskId task) {
        return blocks.create(who, new BlockInput(null, date, start, end, null, null, null,
                task == null ? client.value().toString() : null, task == null ? null : task.value().toString(), null,
                title, true)).id();
    }

    private TaskId task(String title, ClientId client, String due, CurrentUser assignee) {
        return tasks.create(owner, new TaskInput(title, null, client.value().toString(), null, null, false, false, due,
                null, null, null, assignee == null ? null : assignee.id().value().toString(), null, null, null,
                List.of(), null, null, List.of()));
    }

    private RequestId request(ClientId client, String subject, String slaState) {
        RequestId id = requests.submitManually(owner, new ManualSubmission(client.value().toString(), subject,
                "Details", null, List.of()));
        jdbc.sql("update requests set sla_state = :s where id = :id").param("s", slaState).param("id", id.value())
                .update();
        return id;
    }

    private String page(CurrentUser who) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/today").with(user(who))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private static int at(String page, String text) {
        int index = page.indexOf(text);
        assertThat(index).as("the page shows %s", text).isNotNegative();
        return index;
    }

    @Test
    void staffAreSentToTodayAndContactsToThePortalAndAnEmptyWorkspaceToItsClients() throws Exception {
        assertThat(mvc.perform(get("/").with(user(member))).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/today");
        assertThat(mvc.perform(get("/").with(user(owner))).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/today");
        CurrentUser contact = addClientContact(ws, harbour);
        assertThat(mvc.perform(get("/").with(user(contact))).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/portal");
        assertThat(mvc.perform(get("/today").with(user(contact))).andReturn().getResponse().getStatus())
                .as("a contact has no Today").isNotEqualTo(200);
        // A workspace without a client yet starts where the first one is added (or the demo loaded).
        assertThat(mvc.perform(get("/").with(user(newWorkspace().owner()))).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/clients");
    }

    @Test
    void aMemberSeesTheirDayInOrderWithTheClientsClockAndTheirClientsRequestsOnly() throws Exception {
        // The member's day in São Paulo: 10 March. A block late in the day first, to show the order is by time.
        TaskId draft = task("Draft newsletter", harbour, "2027-03-10", member);
        task("Old invoice check", harbour, "2027-03-08", member);
        task("Tomorrow's filing", harbour, "2027-03-11", member);
        task("Owner's Harbour task", harbour, "2027-03-10", owner);
        UUID late = block(member, "2027-03-10", "15:00", "16:00", harbour, "Harbour calls", null);
        UUID early = block(member, "2027-03-10", "08:00", "09:30", harbour, null, draft);
        block(member, "2027-03-11", "10:00", "11:00", harbour, "Tomorrow's review", null);
        block(owner, "2027-03-10", "13:00", "14:00", thames, "Owner's secret block", null);
        request(harbour, "Harbour logo question", "AT_RISK");
        request(thames, "Thames contract", "BREACHED");

        String page = page(member);

        assertThat(at(page, "data-agenda-item=\"" + early + "\"")).isLessThan(at(page, "data-agenda-item=\"" + late + "\""));
        // 12:00 UTC is 09:00 in São Paulo, inside the early block (08:00-09:30), and 12:00 (Wed) in London.
        assertThat(page).contains("aria-current=\"true\"").contains("Harbour Studio: Wed 12:00 PM there");
        assertThat(page).contains("Draft newsletter").contains("1 task overdue")
                .doesNotContain("Owner's Harbour task").doesNotContain("Owner's secret block");
        assertThat(page).contains("Harbour logo question").doesNotContain("Thames contract");
        assertThat(page.substring(at(page, "data-today-tomorrow"))).contains("10:00 AM").contains("Tomorrow's review");
        // The early block starts the timer on its task, and comes back here.
        assertThat(page).contains("name=\"taskId\" value=\"" + draft.value() + "\"").contains("name=\"back\" value=\"/today\"");
        String started = mvc.perform(post("/timer/start").with(user(member)).with(csrf())
                .param("taskId", draft.value().toString()).param("back", "/today")).andReturn().getResponse()
                .getRedirectedUrl();
        assertThat(started).isEqualTo("/today");
        assertThat(page(member)).contains("data-today-timer").contains("Running since");
    }

    @Test
    void theOwnerSeesEveryClientsRequestsAndTheirOwnAndNobodysTasks() throws Exception {
        task("Nobody's Thames task", thames, "2027-03-10", null);
        task("Member's Harbour task", harbour, "2027-03-10", member);
        request(harbour, "Harbour logo question", "AT_RISK");
        request(thames, "Thames contract", "BREACHED");
        request(thames, "Thames on track", "ON_TRACK");

        String page = page(owner);

        assertThat(page).contains("Nobody's Thames task").doesNotContain("Member's Harbour task");
        assertThat(page).contains("Harbour logo question").contains("Thames contract").doesNotContain("Thames on track");
        assertThat(page).contains("data-empty=\"agenda\"").contains("data-empty=\"tomorrow\"");
    }

    @Test
    void anEmptyDaySaysSoInEachPart() throws Exception {
        String page = page(owner);
        for (String part : List.of("agenda", "timer", "due", "requests", "tomorrow")) {
            assertThat(page).contains("data-empty=\"" + part + "\"");
        }
        assertThat(page).contains("Nothing planned for today.").doesNotContain("overdue");
        String portuguese = page(newWorkspace("VA Brasil " + UUID.randomUUID().toString().substring(0, 6), "pt-BR")
                .owner());
        assertThat(portuguese).contains("<h1>Hoje</h1>").contains("Nada planejado para hoje.");
    }

    @Test
    void todayCostsTheSameStatementsForAnEmptyAndABusyWorkspace() throws Exception {
        page(owner);
        long empty = pageStatements(QueryCounts.during(() -> page(owner)));
        for (int i = 0; i < 30; i++) {
            task("Task " + i, i % 2 == 0 ? harbour : thames, "2027-03-" + (10 + i % 3), i % 3 == 0 ? member : null);
        }
        for (int h = 8; h < 18; h++) {
            block(owner, "2027-03-10", String.format("%02d:00", h), String.format("%02d:30", h), thames, "B" + h, null);
        }
        for (int i = 0; i < 5; i++) {
            request(i % 2 == 0 ? harbour : thames, "Request " + i, i % 2 == 0 ? "AT_RISK" : "BREACHED");
        }
        QueryCounts.Counts busy = QueryCounts.during(() -> page(owner));
        assertThat(pageStatements(busy)).as("%s", busy).isEqualTo(empty);
        assertThat(pageStatements(busy)).as("%s", busy).isEqualTo(TODAY_STATEMENTS + HEADER_STATEMENTS);
    }

    /**
     * The page's statements without the test's session: each MockMvc request under {@code user()} starts a new
     * session, saved when a form on the page asks for its CSRF token (a browser keeps one session for all pages).
     */
    private static long pageStatements(QueryCounts.Counts counts) {
        return counts.sql().stream().filter(sql -> !sql.toUpperCase(java.util.Locale.ROOT).contains("SPRING_SESSION"))
                .count();
    }
}
