package app.clientdesk.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.support.QueryCounts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The time pages' default views (the week, the entries list, the report, the API list) cost the same
 * statements and rows for a short history as for a long one, and run a fixed number of statements: more
 * history outside the default week, page and month adds nothing, an N+1 would add statements.
 */
class TimePagesQueriesIT extends IntegrationTest {

    static final Instant NOW = Instant.parse("2026-12-10T15:00:00Z");

    @Autowired JdbcTemplate jdbc;
    @Autowired app.clientdesk.work.Tasks tasks;

    record Agency(TestWorkspace ws, CurrentUser member, String ownerToken) {
    }

    Agency small;
    Agency large;

    @BeforeEach
    void twoAgencies() {
        clock.set(NOW);
        small = agency(200);
        large = agency(5_000);
    }

    /**
     * The same recent time in both (this week, this month, more than a page of it), and {@code history} entries
     * of 2024 besides, outside every default view.
     */
    private Agency agency(int history) {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addMember(ws);
        ClientId gamma = createClient(ws, "Gamma Ltd", member.id());
        ClientId delta = createClient(ws, "Delta Co");
        UUID owner = ws.owner().id().value();
        // 8 entries a day from 1 to 10 December: 80 of the owner's, 40 of the member's.
        insert(ws, owner, gamma.value(), LocalDate.parse("2026-12-01"), 10, 4);
        insert(ws, owner, delta.value(), LocalDate.parse("2026-12-01").plusDays(0), 10, 4, 12);
        insert(ws, member.id().value(), gamma.value(), LocalDate.parse("2026-12-01"), 10, 4);
        insert(ws, owner, delta.value(), LocalDate.parse("2024-01-01"), history / 10, 10);
        return new Agency(ws, member, tokenFor(ws.owner()));
    }

    private void insert(TestWorkspace ws, UUID user, UUID client, LocalDate first, int days, int perDay) {
        insert(ws, user, client, first, days, perDay, 0);
    }

    /** {@code perDay} entries of 10 minutes each day from {@code first}, from 08:00 UTC (or {@code hour}). */
    private void insert(TestWorkspace ws, UUID user, UUID client, LocalDate first, int days, int perDay, int hour) {
        List<Object[]> rows = new ArrayList<>();
        OffsetDateTime made = NOW.atOffset(ZoneOffset.UTC);
        for (int d = 0; d < days; d++) {
            LocalDate day = first.plusDays(d);
            for (int i = 0; i < perDay; i++) {
                OffsetDateTime start = day.atTime(hour == 0 ? 8 : hour, 0).atOffset(ZoneOffset.UTC).plusMinutes(15L * i);
                rows.add(new Object[] {UUID.randomUUID(), ws.id(), user, client, start, start.plusMinutes(10),
                        java.sql.Date.valueOf(day), i % 3 != 0, new BigDecimal("50.0000"), user, made, made});
            }
        }
        jdbc.batchUpdate("""
                insert into time_entries (id, workspace_id, user_id, client_id, started_at, ended_at, zone, local_date,
                    break_seconds, duration_seconds, billable, rate_amount, rate_currency, rate_source, created_by,
                    created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, 'UTC', ?, 0, 600, ?, ?, 'GBP', 'CLIENT', ?, ?, ?)""", rows);
    }

    private QueryCounts.Counts page(CurrentUser who, String url) throws Exception {
        // Once before counting: what the application reads once in its life (which database it runs on) is
        // not the page's cost.
        mvc.perform(get(url).with(user(who))).andExpect(status().isOk());
        return QueryCounts.during(() -> mvc.perform(get(url).with(user(who))).andExpect(status().isOk()));
    }

    private QueryCounts.Counts api(String token, String url) throws Exception {
        MockHttpServletRequestBuilder request = get(url).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .accept(MediaType.APPLICATION_JSON);
        mvc.perform(request).andExpect(status().isOk());
        return QueryCounts.during(() -> mvc.perform(request).andExpect(status().isOk()));
    }

    private static void sameCost(QueryCounts.Counts small, QueryCounts.Counts large, int mostStatements) {
        assertThat(large.statements()).as(large.toString()).isEqualTo(small.statements());
        assertThat(large.rows()).as("rows read, small:\n" + small + "\nlarge:\n" + large).isEqualTo(small.rows());
        assertThat(large.statements()).as(large.toString()).isLessThanOrEqualTo(mostStatements);
    }

    @Test
    void theEntriesListReadsOnePageWhateverTheHistory() throws Exception {
        QueryCounts.Counts s = page(small.ws().owner(), "/time/entries");
        QueryCounts.Counts l = page(large.ws().owner(), "/time/entries");
        assertThat(s.sql()).as("no count of all history")
                .noneMatch(q -> q.contains("from time_entries") && q.contains("count("));
        assertThat(s.rows()).as("the page reads its 51 entries").isGreaterThanOrEqualTo(51);
        sameCost(s, l, 14);

        // The member's list: their own entries, one page too.
        sameCost(page(small.member(), "/time/entries"), page(large.member(), "/time/entries"), 14);
        // A filtered list costs the same as well.
        String delta = "/time/entries?from=2026-12-01&to=2026-12-10&billable=true";
        sameCost(page(small.ws().owner(), delta), page(large.ws().owner(), delta), 15);
    }

    @Test
    void theWeekReadsOneStatementPerKindOfThing() throws Exception {
        QueryCounts.Counts s = page(small.ws().owner(), "/time");
        QueryCounts.Counts l = page(large.ws().owner(), "/time");
        assertThat(s.rows()).as("the week's entries are read").isGreaterThanOrEqualTo(32);
        assertThat(s.sql().stream().filter(q -> q.contains("from time_entries")).count()).as(s.toString())
                .isEqualTo(1);
        sameCost(s, l, 14);
    }

    @Test
    void theReportOfThisMonthCostsTheSameWhateverTheHistory() throws Exception {
        QueryCounts.Counts s = page(small.ws().owner(), "/time/reports");
        QueryCounts.Counts l = page(large.ws().owner(), "/time/reports");
        sameCost(s, l, 18);
        sameCost(page(small.member(), "/time/reports"), page(large.member(), "/time/reports"), 18);
        String byTask = "/time/reports?range=this-month&group=task&then=member";
        sameCost(page(small.ws().owner(), byTask), page(large.ws().owner(), byTask), 19);
    }

    @Test
    void aMembersTagFilterReadsTheirTagsNotTheirHistory() throws Exception {
        tagHistory(small, 200);
        tagHistory(large, 5_000);
        QueryCounts.Counts s = page(small.member(), "/time/reports");
        QueryCounts.Counts l = page(large.member(), "/time/reports");
        sameCost(s, l, 18);
        List<String> tagReads = s.sql().stream().filter(q -> q.contains("from time_entry_tags")).toList();
        assertThat(tagReads).as(s.toString()).hasSize(1);
        assertThat(tagReads.get(0)).as("a skip-scan of the member's own tag rows, no join of their entries")
                .doesNotContain("time_entries").contains("user_id");
    }

    /** {@code count} entries of the member in 2023, each with one of five tags. */
    private void tagHistory(Agency agency, int count) {
        UUID member = agency.member().id().value();
        UUID client = jdbc.queryForObject("select client_id from time_entries where workspace_id = ? and user_id = ? "
                + "fetch first 1 rows only", UUID.class, agency.ws().id(), member);
        insert(agency.ws(), member, client, LocalDate.parse("2023-01-01"), count / 10, 10);
        jdbc.update("""
                insert into time_entry_tags (entry_id, workspace_id, user_id, tag)
                select id, workspace_id, user_id, concat('tag-', cast(extract(day from local_date) as integer) % 5)
                from time_entries where workspace_id = ? and user_id = ? and local_date < ?""",
                agency.ws().id(), member, java.sql.Date.valueOf("2024-01-01"));
    }

    @Test
    void theApiListReadsOnePageWhateverTheHistory() throws Exception {
        QueryCounts.Counts s = api(small.ownerToken(), "/api/v1/time-entries");
        QueryCounts.Counts l = api(large.ownerToken(), "/api/v1/time-entries");
        assertThat(s.sql()).as("no count of all history")
                .noneMatch(q -> q.contains("from time_entries") && q.contains("count("));
        sameCost(s, l, 8);
    }

    /**
     * What H2 walks, not only what it returns: the entries list once joined the names of the workspace's whole
     * history and sorted it to return one page (6 s for 100,000 entries on H2, 2 ms on PostgreSQL, which walks
     * its index). Each page of entries, the week's task choices and the report's tag and type lists must walk
     * the same rows whatever the history.
     */
    @Test
    void onH2TheDefaultViewsWalkTheSameRowsWhateverTheHistory() throws Exception {
        boolean h2 = Boolean.TRUE.equals(jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>)
                c -> c.getMetaData().getDatabaseProductName().equals("H2")));
        org.junit.jupiter.api.Assumptions.assumeTrue(h2, "H2's plans only: PostgreSQL walks its indexes already");
        // More open tasks than the week offers to pick from (500) in both, five times as many in the large one.
        tasks(small, 600);
        tasks(large, 3_000);
        java.util.function.Predicate<String> entries = q -> q.contains("from time_entries")
                || q.contains("from (select e.id from time_entries");
        for (String url : List.of("/time/entries", "/time/entries?billable=true", "/time")) {
            long s = QueryCounts.scannedOnH2(jdbc, page(small.ws().owner(), url), entries);
            long l = QueryCounts.scannedOnH2(jdbc, page(large.ws().owner(), url), entries);
            assertThat(l).as("rows H2 walked for the entries of " + url + " (small history: " + s + ")").isEqualTo(s);
        }
        long s = QueryCounts.scannedOnH2(jdbc, api(small.ownerToken(), "/api/v1/time-entries"), entries);
        long l = QueryCounts.scannedOnH2(jdbc, api(large.ownerToken(), "/api/v1/time-entries"), entries);
        assertThat(l).as("rows H2 walked for the API's first page (small history: " + s + ")").isEqualTo(s);

        java.util.function.Predicate<String> tasks = q -> q.contains("from tasks");
        s = QueryCounts.scannedOnH2(jdbc, page(small.ws().owner(), "/time"), tasks);
        l = QueryCounts.scannedOnH2(jdbc, page(large.ws().owner(), "/time"), tasks);
        assertThat(s).as("the week reads the open tasks to pick from").isPositive();
        assertThat(l).as("rows H2 walked for the week's task choices (small: " + s + ")").isEqualTo(s);
    }

    /** {@code count} open tasks of the agency's first client, all due in 2027 (after the week's choices). */
    private void tasks(Agency agency, int count) {
        UUID client = jdbc.queryForObject("select client_id from time_entries where workspace_id = ? "
                + "fetch first 1 rows only", UUID.class, agency.ws().id());
        // One through the application (which sets up the workspace's workflow), the rest in one batch like it.
        app.clientdesk.work.TaskId first = tasks.create(agency.ws().owner(), new app.clientdesk.work.TaskInput(
                "First task", null, client.toString(), null, null, false, false, "2027-01-01", null, null, null, null,
                null, null, null, List.of(), null, null, List.of()));
        UUID workflow = jdbc.queryForObject("select workflow_id from tasks where id = ?", UUID.class, first.value());
        UUID stage = jdbc.queryForObject("select stage_id from tasks where id = ?", UUID.class, first.value());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            rows.add(new Object[] {UUID.randomUUID(), agency.ws().id(), client, workflow, stage, "Task " + i, i,
                    java.sql.Date.valueOf(LocalDate.parse("2027-01-01").plusDays(i % 300)),
                    agency.ws().owner().id().value()});
        }
        jdbc.batchUpdate("""
                insert into tasks (id, workspace_id, client_id, workflow_id, stage_id, title, position, due_date,
                    urgent, important, created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, false, false, ?, current_timestamp, current_timestamp)""", rows);
    }
}
