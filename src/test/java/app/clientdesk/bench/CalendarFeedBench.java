package app.clientdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.planning.CalendarFeeds;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.support.TestDatabase;
import app.clientdesk.work.TaskInput;
import app.clientdesk.work.Tasks;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Not a test: the calendar-feed benchmark of issue 14 (a person's ICS feed with a year of blocks answers in under
 * 100 ms). A person with {@code bench.blocksPerDay} blocks (default 5) on each of the next 365 days and
 * {@code bench.tasks} tasks due over the year (default 200); the feed fetched through the whole stack (MockMvc with
 * the security filters), warm, {@code bench.rounds} times. Run by {@code bench/feeds.sh}; the result goes into
 * docs/BENCHMARKS.md.
 */
class CalendarFeedBench extends IntegrationTest {

    static final int BLOCKS_PER_DAY = Integer.getInteger("bench.blocksPerDay", 5);
    static final int TASKS = Integer.getInteger("bench.tasks", 200);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 30);

    @Autowired CalendarFeeds feeds;
    @Autowired Tasks tasks;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aYearOfBlocks() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser owner = ws.owner();
        ClientId client = createClient(ws, "Harbour Studio");
        LocalDate first = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<Object[]> rows = new ArrayList<>();
        Timestamp now = Timestamp.from(clock.instant());
        for (int day = 0; day < 365; day++) {
            for (int b = 0; b < BLOCKS_PER_DAY; b++) {
                Instant start = first.plusDays(day).atTime(8 + 2 * b, 0).toInstant(ZoneOffset.UTC);
                rows.add(new Object[] {UUID.randomUUID(), ws.id(), owner.id().value(), Timestamp.from(start),
                        Timestamp.from(start.plusSeconds(90 * 60)), "UTC", client.value(), "Block " + b, now, now});
            }
        }
        jdbc.batchUpdate("""
                insert into time_blocks (id, workspace_id, user_id, starts_at, ends_at, zone, client_id, title,
                    outside_hours, source, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, false, 'MANUAL', ?, ?)""", rows);
        for (int i = 0; i < TASKS; i++) {
            tasks.create(owner, TaskInput.quick("Task " + i, client.value().toString(),
                    first.plusDays(i * 365L / Math.max(1, TASKS)).toString()));
        }
        String path = URI.create(feeds.issueMine(owner)).getPath();

        MockHttpServletResponse response = null;
        for (int i = 0; i < 10; i++) {
            response = mvc.perform(get(path)).andReturn().getResponse();
        }
        assertThat(response.getStatus()).isEqualTo(200);
        String body = response.getContentAsString();
        int events = body.split("BEGIN:VEVENT", -1).length - 1;
        assertThat(events).isEqualTo(365 * BLOCKS_PER_DAY + TASKS);

        double[] ms = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long t = System.nanoTime();
            int status = mvc.perform(get(path)).andReturn().getResponse().getStatus();
            ms[i] = (System.nanoTime() - t) / 1e6;
            assertThat(status).isEqualTo(200);
        }
        Arrays.sort(ms);
        String token = path.substring(path.lastIndexOf('/') + 1, path.length() - ".ics".length());
        double[] open = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long t = System.nanoTime();
            assertThat(feeds.open(token)).isPresent();
            open[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(open);
        // Changed since the last fetch: one block renamed before each, so the calendar is written again.
        double[] changed = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            jdbc.update("update time_blocks set title = ? where id = ?", "Renamed " + i, rows.get(i)[0]);
            long t = System.nanoTime();
            int status = mvc.perform(get(path)).andReturn().getResponse().getStatus();
            changed[i] = (System.nanoTime() - t) / 1e6;
            assertThat(status).isEqualTo(200);
        }
        Arrays.sort(changed);
        String database = TestDatabase.properties().getOrDefault("spring.datasource.url", "h2").contains("postgresql")
                ? "PostgreSQL" : "H2";
        System.out.printf("%n[bench] calendar feed, %s, %d blocks + %d due dates (%d KiB), %d warm rounds%n"
                        + "| fetch | events | body KiB | median ms | p90 ms | max ms |%n|---|---:|---:|---:|---:|---:|%n"
                        + "| %s, unchanged (MockMvc, security filters) | %d | %d | %.1f | %.1f | %.1f |%n"
                        + "| %s, CalendarFeeds.open alone (no HTTP) | %d | %d | %.1f | %.1f | %.1f |%n"
                        + "| %s, a block changed before each fetch (written again) | %d | %d | %.1f | %.1f | %.1f |%n%n",
                database, 365 * BLOCKS_PER_DAY, TASKS, body.length() / 1024, ROUNDS, database, events,
                body.length() / 1024, ms[ROUNDS / 2], ms[(int) Math.ceil(ROUNDS * 0.9) - 1], ms[ROUNDS - 1], database, events,
                body.length() / 1024, open[ROUNDS / 2], open[(int) Math.ceil(ROUNDS * 0.9) - 1], open[ROUNDS - 1], database,
                events, body.length() / 1024, changed[ROUNDS / 2], changed[(int) Math.ceil(ROUNDS * 0.9) - 1],
                changed[ROUNDS - 1]);
    }
}
