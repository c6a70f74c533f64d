package app.clientdesk.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.clients.ClientId;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.support.QueryCounts;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The expenses list counts and sums its matches in one statement, exactly (per currency, never added across
 * currencies), and reads the same statements and rows with 200 expenses as with 600.
 */
class ExpenseListQueriesIT extends IntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired Expenses expenses;

    /** {@code n} expenses of 0.10 BRL, 0.20 BRL and 0.05 USD in turn, one a day back from 1 December 2026. */
    private TestWorkspace workspaceWith(int n) {
        TestWorkspace ws = newWorkspace();
        ClientId client = createClient(ws, "Spending Client");
        Timestamp at = Timestamp.from(Instant.parse("2026-12-01T00:00:00Z"));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Object[] {UUID.randomUUID(), ws.id(), client.value(),
                    java.sql.Date.valueOf(LocalDate.of(2026, 12, 1).minusDays(i)), "Expense " + i,
                    new BigDecimal(i % 3 == 0 ? "0.10" : i % 3 == 1 ? "0.20" : "0.05"), i % 3 == 2 ? "USD" : "BRL",
                    i % 2 == 0, ws.owner().id().value(), at, at});
        }
        jdbc.batchUpdate("""
                insert into expenses (id, workspace_id, client_id, spent_on, description, amount, currency, billable,
                    created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        return ws;
    }

    private QueryCounts.Counts visit(TestWorkspace ws, String url) throws Exception {
        mvc.perform(get(url).with(user(ws.owner()))).andExpect(status().isOk());
        return QueryCounts.during(() -> mvc.perform(get(url).with(user(ws.owner()))).andExpect(status().isOk()));
    }

    @Test
    void theListCountsAndSumsInOneStatementWhateverItHolds() throws Exception {
        TestWorkspace small = workspaceWith(200);
        TestWorkspace large = workspaceWith(600);
        for (String url : List.of("/billing/expenses", "/billing/expenses?billable=true&from=2025-01-01")) {
            QueryCounts.Counts s = visit(small, url);
            QueryCounts.Counts l = visit(large, url);
            assertThat(l.statements()).as(l.toString()).isEqualTo(s.statements());
            assertThat(l.rows()).as("rows, small:\n" + s + "\nlarge:\n" + l).isEqualTo(s.rows());
            assertThat(l.sql()).as(l.toString()).noneMatch(sql -> sql.startsWith("select count(*) from expenses"))
                    .filteredOn(sql -> sql.contains("from expenses e") && sql.contains("sum(e.amount)")).hasSize(1);
        }
        ExpenseList all = expenses.list(large.owner(), ExpenseQuery.all());
        assertThat(all.total()).isEqualTo(600);
        assertThat(all.hasMore()).isTrue();
        // 200 × 0.10 + 200 × 0.20 = 60.00 BRL and 200 × 0.05 = 10.00 USD, exactly, in currency order
        assertThat(all.totals()).extracting(m -> m.currency().getCurrencyCode()).containsExactly("BRL", "USD");
        assertThat(all.totals().get(0).amount()).isEqualByComparingTo("60.00");
        assertThat(all.totals().get(1).amount()).isEqualByComparingTo("10.00");
        ExpenseList billable = expenses.list(large.owner(),
                new ExpenseQuery(null, null, null, true, false, 50, 0));
        assertThat(billable.total()).isEqualTo(300);
        assertThat(billable.items()).hasSize(50);
    }
}
