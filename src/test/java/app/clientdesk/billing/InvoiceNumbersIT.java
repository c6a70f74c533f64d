package app.clientdesk.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.support.IntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

class InvoiceNumbersIT extends IntegrationTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-29");

    @Autowired InvoiceNumbers numbers;
    @Autowired TransactionTemplate transactions;

    private String draw(WorkspaceId workspace, LocalDate day) {
        return transactions.execute(status -> numbers.next(workspace, "invoice", InvoiceNumberPattern.DEFAULT, day));
    }

    @Test
    void numbersFollowEachOtherPerWorkspaceAndRestartWithTheYear() {
        WorkspaceId a = newWorkspace().created().workspaceId();
        WorkspaceId b = newWorkspace().created().workspaceId();

        assertThat(draw(a, DAY)).isEqualTo("INV-2026-0001");
        assertThat(draw(a, DAY)).isEqualTo("INV-2026-0002");
        assertThat(draw(b, DAY)).as("another workspace has its own").isEqualTo("INV-2026-0001");
        assertThat(draw(a, LocalDate.parse("2027-01-02"))).isEqualTo("INV-2027-0001");
        String creditNote = transactions.execute(s -> numbers.next(a, "credit-note",
                InvoiceNumberPattern.parse("CN-{yyyy}-{seq:3}").orElseThrow(), DAY));
        assertThat(creditNote).as("another series counts on its own").isEqualTo("CN-2026-001");
    }

    @Test
    void aRolledBackIssueGivesItsNumberBackAndNoNumberIsDrawnOutsideATransaction() {
        WorkspaceId a = newWorkspace().created().workspaceId();
        assertThat(draw(a, DAY)).isEqualTo("INV-2026-0001");
        transactions.executeWithoutResult(status -> {
            assertThat(numbers.next(a, "invoice", InvoiceNumberPattern.DEFAULT, DAY)).isEqualTo("INV-2026-0002");
            status.setRollbackOnly();
        });
        assertThat(draw(a, DAY)).isEqualTo("INV-2026-0002");
        assertThatThrownBy(() -> numbers.next(a, "invoice", InvoiceNumberPattern.DEFAULT, DAY))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void peopleIssuingAtOnceNeverGetAGapOrTheSameNumber() throws Exception {
        WorkspaceId a = newWorkspace().created().workspaceId();
        int issues = 40;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<String> drawn = Collections.synchronizedList(new ArrayList<>());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < issues; i++) {
                all.add(pool.submit(() -> {
                    go.await();
                    drawn.add(draw(a, DAY));
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : all) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(drawn).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, issues).mapToObj("INV-2026-%04d"::formatted).toList());
    }
}
