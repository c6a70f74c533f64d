package app.clientdesk.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.support.QueryCounts;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rates page costs the same however many projects and tasks the workspace holds: it lists the projects of one
 * chosen client only (fetched when a client is chosen), without counting any task; and its HTML stays the same size
 * however many clients have a rate: a page of client rates, a few client suggestions, one currency list.
 */
class RatesPageQueriesIT extends IntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired app.clientdesk.work.Workflows workflows;
    @Autowired Rates rates;

    private record Agency(TestWorkspace ws, List<ClientId> clients) {
    }

    /** Three clients, each with {@code projects} active projects "Project NN" holding {@code tasks} tasks each. */
    private Agency agency(int projects, int tasks) {
        TestWorkspace ws = newWorkspace();
        app.clientdesk.work.Workflow standard = workflows.standard(ws.owner().workspaceId());
        UUID workflow = standard.id().value();
        UUID stage = standard.stages().get(0).id().value();
        Timestamp at = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
        List<ClientId> clients = new ArrayList<>();
        List<Object[]> projectRows = new ArrayList<>();
        List<Object[]> taskRows = new ArrayList<>();
        for (String name : List.of("Alpha Co", "Beta Co", "Gamma Co")) {
            ClientId client = createClient(ws, name);
            clients.add(client);
            for (int p = 0; p < projects; p++) {
                UUID project = UUID.randomUUID();
                projectRows.add(new Object[] {project, ws.id(), client.value(), workflow,
                        "%s Project %02d".formatted(name.substring(0, 1), p), at, at});
                for (int t = 0; t < tasks; t++) {
                    taskRows.add(new Object[] {UUID.randomUUID(), ws.id(), client.value(), project, workflow, stage, t,
                            "Task " + t, ws.owner().id().value(), at, at});
                }
            }
        }
        jdbc.batchUpdate("""
                insert into projects (id, workspace_id, client_id, workflow_id, name, status, created_at, updated_at)
                values (?, ?, ?, ?, ?, 'ACTIVE', ?, ?)""", projectRows);
        jdbc.batchUpdate("""
                insert into tasks (id, workspace_id, client_id, project_id, workflow_id, stage_id, position, title,
                    urgent, important, created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, false, false, ?, ?, ?)""", taskRows);
        return new Agency(ws, clients);
    }

    private QueryCounts.Counts counts(CurrentUser who, String url) throws Exception {
        mvc.perform(get(url).with(user(who))).andExpect(status().isOk());
        return QueryCounts.during(() -> mvc.perform(get(url).with(user(who))).andExpect(status().isOk()));
    }

    private String html(CurrentUser who, String url) throws Exception {
        return mvc.perform(get(url).with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void theRatesPageReadsTheSameForFewAndManyProjectsAndTasksAndCountsNoTask() throws Exception {
        Agency small = agency(2, 5);
        Agency large = agency(30, 40);
        QueryCounts.Counts s = counts(small.ws().owner(), "/time/rates");
        QueryCounts.Counts l = counts(large.ws().owner(), "/time/rates");
        assertThat(l.statements()).as(l.toString()).isEqualTo(s.statements()).isLessThanOrEqualTo(14);
        assertThat(l.rows()).as("rows read, small:\n" + s + "\nlarge:\n" + l).isEqualTo(s.rows());
        assertThat(l.sql()).as("no task is counted").noneMatch(q -> q.contains("count(") && q.contains("tasks"));

        String page = html(large.ws().owner(), "/time/rates");
        assertThat(page).as("no project listed until a client is chosen").doesNotContain("A Project 00")
                .contains("Choose the client first", "Alpha Co", "Gamma Co");

        // Choosing a client (htmx) brings its projects alone, at a cost that does not depend on the other clients'.
        String alpha = "/time/rates/projects?projectClient=" + large.clients().get(0).value();
        QueryCounts.Counts picker = counts(large.ws().owner(), alpha);
        assertThat(picker.statements()).as(picker.toString()).isLessThanOrEqualTo(10);
        assertThat(picker.sql()).noneMatch(q -> q.contains("count(") && q.contains("tasks"));
        String fragment = html(large.ws().owner(), alpha);
        assertThat(fragment).doesNotContain("<html").contains("A Project 00", "A Project 29")
                .doesNotContain("B Project").contains("name=\"key\"");
        assertThat(html(large.ws().owner(), "/time/rates/projects?clientId=" + large.clients().get(1).value()))
                .contains("B Project 07", "name=\"projectId\"").doesNotContain("A Project");
        // Without htmx the page itself offers the chosen client's projects.
        assertThat(html(large.ws().owner(), "/time/rates?projectClient=" + large.clients().get(2).value()))
                .contains("G Project 12").doesNotContain("A Project 00");
    }

    @Test
    void anotherWorkspacesClientShowsNoProjects() throws Exception {
        Agency mine = agency(1, 0);
        Agency theirs = agency(1, 0);
        for (String url : List.of("/time/rates/projects?projectClient=", "/time/rates/projects?clientId=",
                "/time/rates?projectClient=")) {
            int status = mvc.perform(get(url + theirs.clients().get(0).value()).with(user(mine.ws().owner())))
                    .andReturn().getResponse().getStatus();
            assertThat(status).as(url).isEqualTo(404);
        }
    }

    /** A workspace whose clients "Client 000", "Client 001", … each have a rate of their own. */
    private TestWorkspace withClientRates(int count) {
        TestWorkspace ws = newWorkspace();
        for (int i = 0; i < count; i++) {
            ClientId client = createClient(ws, "Client %03d".formatted(i));
            rates.set(ws.owner(), new RateInput("CLIENT", client.toString(), "GBP", String.valueOf(40 + i % 30)));
        }
        return ws;
    }

    /** The clients named in the client rules' table of a rates page, in order. */
    private static List<String> clientRules(String page) {
        Matcher section = Pattern.compile("(?s)<section class=\"card rate-section\" id=\"rates-client\".*?</section>")
                .matcher(page);
        assertThat(section.find()).isTrue();
        Matcher row = Pattern.compile("<td data-label=\"Client\" class=\"rate-what\">(?:<a [^>]*>)?([^<]+)<")
                .matcher(section.group());
        List<String> names = new ArrayList<>();
        while (row.find()) {
            names.add(row.group(1));
        }
        return names;
    }

    @Test
    void theRatesPageShowsOnePageOfClientRatesAndNoFullClientListHoweverManyClientsHaveARate() throws Exception {
        TestWorkspace few = withClientRates(30);
        TestWorkspace many = withClientRates(120);

        String small = html(few.owner(), "/time/rates");
        String large = html(many.owner(), "/time/rates");
        List<String> firstPage = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            firstPage.add("Client %03d".formatted(i));
        }
        assertThat(clientRules(small)).isEqualTo(firstPage);
        assertThat(clientRules(large)).isEqualTo(firstPage);
        assertThat(large).contains("Rates 1–25 of 120, by client name", "href=\"/time/rates?clientPage=2#rates-client\"")
                .as("no picker lists every client").doesNotContain("Client 119")
                .as("one currency list for every currency field").containsOnlyOnce("<datalist id=\"rate-currencies\">")
                .doesNotContain("<select id=\"rates-client-key\"", "<select id=\"preview-clientId\"");
        assertThat(large.length()).as("HTML with 120 clients").isLessThan(100_000)
                .isLessThan(small.length() + 300);
        QueryCounts.Counts s = counts(few.owner(), "/time/rates");
        QueryCounts.Counts l = counts(many.owner(), "/time/rates");
        assertThat(l.statements()).as(l.toString()).isEqualTo(s.statements());

        // The last page, and a filter by the client's name.
        String last = html(many.owner(), "/time/rates?clientPage=5");
        assertThat(clientRules(last)).hasSize(20).startsWith("Client 100").endsWith("Client 119");
        assertThat(last).contains("Rates 101–120 of 120", "href=\"/time/rates?clientPage=4#rates-client\"")
                .doesNotContain("clientPage=6");
        String filtered = html(many.owner(), "/time/rates?clientFilter=11");
        assertThat(clientRules(filtered)).containsExactly("Client 011", "Client 110", "Client 111", "Client 112",
                "Client 113", "Client 114", "Client 115", "Client 116", "Client 117", "Client 118", "Client 119");
        assertThat(filtered).contains("Rates 1–11 of 11", "value=\"11\"");
        assertThat(html(many.owner(), "/time/rates?clientFilter=nobody")).contains("No client's rate matches “nobody”.");

        // The client fields' shared list: a few suggestions for what is typed.
        String suggestions = html(many.owner(), "/time/rates/clients?q=119");
        assertThat(suggestions).doesNotContain("<html").contains("value=\"Client 119 (GBP)\"")
                .doesNotContain("Client 118");
        assertThat(html(many.owner(), "/time/rates/clients?q=client").split("<option").length - 1).isEqualTo(20);
    }
}
