package app.clientdesk.time;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two tabs saving overlapping time at the same moment: one wins, the other is told why. */
class TimeEntriesConcurrencyIT extends IntegrationTest {

    @Autowired TimeEntries entries;
    @Autowired JdbcClient jdbc;

    @Test
    void overlappingEntriesSavedAtOnceNeverBothLand() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser owner = ws.owner();
        ClientId client = createClient(ws, "Racing Ltd");
        int rounds = 10;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                String day = "2026-12-%02d".formatted(round + 1);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> saves = new ArrayList<>();
                for (String start : List.of("09:00", "09:30")) {
                    saves.add(pool.submit(() -> {
                        go.await();
                        try {
                            entries.create(owner, TimeEntryInput.ofInstants(client.value().toString(), null, null,
                                    day + "T" + start + ":00Z", day + "T10:15:00Z", true, null, null));
                            return true;
                        } catch (InvalidInputException refused) {
                            assertThat(refused.violations()).extracting(v -> v.messageKey()).containsExactly("time.overlap");
                            return false;
                        }
                    }));
                }
                go.countDown();
                int landed = 0;
                for (Future<Boolean> save : saves) {
                    landed += save.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(landed).as("round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from time_entries where workspace_id = :w").param("w", ws.id())
                .query(Long.class).single()).isEqualTo(rounds);
    }
}
