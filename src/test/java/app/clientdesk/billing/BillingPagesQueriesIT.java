package app.clientdesk.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.clients.ClientId;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.support.QueryCounts;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every billing and clients page, and the API lists, cost the same statements and read the same rows whatever the
 * size of the workspace's invoice history: a workspace with 10 times the paid invoices of another (the same
 * recent open ones) is served by the same queries.
 */
class BillingPagesQueriesIT extends IntegrationTest {

    @Autowired JdbcClient jdbc;

    @Test
    void explore() throws Exception {
        Fixture small = fixture(150);
        Fixture large = fixture(1500);
        List<String> paths = List.of("/billing/invoices", "/billing/invoices?tab=open", "/billing/invoices?tab=overdue",
                "/billing/invoices?tab=paid", "/billing/expenses", "/billing/services", "/billing/retainers",
                "/billing/recurring", "/billing/reports", "/billing/reports/revenue", "/billing/reports/late",
                "/billing/reports/forecast", "/billing/reports/share", "/billing/reports/exchange",
                "/billing/reports/export", "/billing/exchange-rates", "/billing/settings", "/clients", "/clients/{id}",
                "/members", "/settings/account", "/settings/workspace", "/settings/tokens", "/settings/timer",
                "/api/v1/invoices", "/api/v1/clients", "/api/v1/expenses", "/api/v1/services");
        for (String p : paths) {
            QueryCounts.Counts s = QueryCounts.during(() -> mvc.perform(get(p.replace("{id}", small.client.value().toString()))
                    .with(user(small.ws.owner()))).andExpect(status().isOk()));
            QueryCounts.Counts l = QueryCounts.during(() -> mvc.perform(get(p.replace("{id}", large.client.value().toString()))
                    .with(user(large.ws.owner()))).andExpect(status().isOk()));
            System.out.println("QC " + p + " small " + s.statements() + "/" + s.rows() + " large " + l.statements()
                    + "/" + l.rows() + (s.rows() != l.rows() || s.statements() != l.statements() ? "  <<<<" : ""));
            if (s.rows() != l.rows() || p.contains("{id}")) {
                System.out.println("QC   " + String.join("\nQC   ", l.sql()));
            }
        }
    }

    record Fixture(TestWorkspace ws, ClientId client) {
    }

    /** A workspace of 3 clients with {@code paid} paid invoices over the last three years and the same 12 open ones. */
    Fixture fixture(int paid) {
        TestWorkspace ws = newWorkspace();
        List<ClientId> ids = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            ids.add(createClient(ws, "Client " + c));
        }
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        List<Object[]> invoices = new ArrayList<>();
        List<Object[]> payments = new ArrayList<>();
        for (int i = 0; i < paid + 12; i++) {
            boolean open = i >= paid;
            LocalDate issued = open ? today.minusDays(5L * (i - paid)) : today.minusDays(1095L * (paid - i) / paid);
            UUID id = UUID.randomUUID();
            UUID client = ids.get(i % ids.size()).value();
            BigDecimal total = BigDecimal.valueOf(100 + i % 7, 0).setScale(4);
            invoices.add(new Object[] {id, ws.id(), client, open ? "ISSUED" : "PAID",
                    "INV-" + issued.getYear() + "-" + (i + 1), Date.valueOf(issued), Date.valueOf(issued.plusDays(30)),
                    total, open ? BigDecimal.ZERO : total, Timestamp.from(now.minus(i >= paid ? i - paid : 2000 - i, ChronoUnit.MINUTES))});
            if (!open) {
                payments.add(new Object[] {UUID.randomUUID(), ws.id(), id, client, Date.valueOf(issued.plusDays(i % 3 == 0 ? 40 + i % 17 : 10)),
                        total, Timestamp.from(now)});
            }
        }
        jdbc.sql("select 1").query(Integer.class).single();
        var template = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        template.batchUpdate("""
                insert into invoices (id, workspace_id, client_id, kind, status, series, number, currency, language,
                    tax_mode, discount_percent, net_days, issue_date, due_date, subtotal, tax_total, total, amount_paid,
                    base_currency, base_rate, created_at, updated_at)
                values (?, ?, ?, 'INVOICE', ?, 'INV', ?, 'GBP', 'en', 'EXCLUSIVE', 0, 30, ?, ?, ?8, 0, ?8, ?, 'BRL', 7, ?, ?10)
                """.replace("?8, 0, ?8", "?, 0, ?").replace("?10", "?"), invoices.stream().map(r -> new Object[] {
                r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[7], r[8], r[9], r[9]}).toList());
        template.batchUpdate("""
                insert into payments (id, workspace_id, invoice_id, client_id, paid_on, amount, credit, method, fee,
                    base_rate, created_at)
                values (?, ?, ?, ?, ?, ?, 0, 'BANK', 0, 7, ?)
                """, payments);
        return new Fixture(ws, ids.get(0));
    }

    @Autowired javax.sql.DataSource dataSource;

    private ClientId createClient(TestWorkspace ws, String name) {
        return super.createClient(ws, name);
    }
}
