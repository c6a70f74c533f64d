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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The timer in the header costs the same whatever the workspace holds: a page's header reads the running
 * timer only; the start panel (fetched when opened) lists clients and open projects without counting their
 * tasks and the viewer's first open tasks; a search reads only the tasks it shows, among all open tasks.
 */
class TimerPanelQueriesIT extends IntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired app.clientdesk.work.Workflows workflows;

    private record Agency(TestWorkspace ws, CurrentUser member) {
    }

    /** A workspace whose member's client holds {@code tasks} open tasks "Alpha-NNNNN", due in title order. */
    private Agency agency(int tasks) {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addMember(ws);
        ClientId client = createClient(ws, "Timer Client", member.id());
        app.clientdesk.work.Workflow standard = workflows.standard(ws.owner().workspaceId());
        UUID workflow = standard.id().value();
        UUID stage = standard.stages().get(0).id().value();
        Timestamp at = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            rows.add(new Object[] {UUID.randomUUID(), ws.id(), client.value(), workflow, stage, i,
                    "%s-%05d".formatted(i == tasks - 1 ? "Zebra" : "Alpha", i),
                    java.sql.Date.valueOf(java.time.LocalDate.of(2027, 1, 1).plusDays(i)), member.id().value(),
                    ws.owner().id().value(), at, at});
        }
        jdbc.batchUpdate("""
                insert into tasks (id, workspace_id, client_id, workflow_id, stage_id, position, title, urgent,
                    important, due_date, assignee_id, created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, false, false, ?, ?, ?, ?, ?)""", rows);
        jdbc.update("""
                insert into projects (id, workspace_id, client_id, workflow_id, name, status, created_at, updated_at)
                values (?, ?, ?, ?, 'Timer Project', 'ACTIVE', ?, ?)""", UUID.randomUUID(), ws.id(), client.value(),
                workflow, at, at);
        return new Agency(ws, member);
    }

    private QueryCounts.Counts counts(CurrentUser who, String url) throws Exception {
        mvc.perform(get(url).with(user(who))).andExpect(status().isOk());
        return QueryCounts.during(() -> mvc.perform(get(url).with(user(who))).andExpect(status().isOk()));
    }

    private String html(CurrentUser who, String url) throws Exception {
        return mvc.perform(get(url).with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static void sameCost(QueryCounts.Counts small, QueryCounts.Counts large, int mostStatements) {
        assertThat(large.statements()).as(large.toString()).isEqualTo(small.statements());
        assertThat(large.rows()).as("rows read, small:\n" + small + "\nlarge:\n" + large).isEqualTo(small.rows());
        assertThat(large.statements()).as(large.toString()).isLessThanOrEqualTo(mostStatements);
        assertThat(large.sql()).as("no task is counted").noneMatch(sql -> sql.contains("count(*) from tasks"));
    }

    @Test
    void theHeaderThePanelAndTheTaskSearchCostTheSameForFewAndManyTasks() throws Exception {
        Agency small = agency(20);
        Agency large = agency(700);
        for (CurrentUser[] who : List.of(new CurrentUser[] {small.ws().owner(), large.ws().owner()},
                new CurrentUser[] {small.member(), large.member()})) {
            sameCost(counts(who[0], "/settings/account"), counts(who[1], "/settings/account"), 12);
            sameCost(counts(who[0], "/timer/panel"), counts(who[1], "/timer/panel"), 14);
            sameCost(counts(who[0], "/timer/tasks?q=alpha"), counts(who[1], "/timer/tasks?q=alpha"), 10);
        }
        String panel = html(large.member(), "/timer/panel");
        assertThat(panel).contains("Timer Project").contains("Alpha-00000").doesNotContain("Alpha-00008");
        // the search finds a task beyond the first 500 open ones (it used to search those only, in memory)
        String found = html(large.member(), "/timer/tasks?q=zeb");
        assertThat(found).contains("Zebra-00699").doesNotContain("Alpha-");
        assertThat(html(large.member(), "/timer/tasks?q=alpha")).contains("Alpha-00007").doesNotContain("Alpha-00008");
    }
}
