package app.clientdesk.billing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: times the receivables and revenue pages (and the other reports) of a workspace with
 * {@code -Dbench.invoices} (50,000) generated invoices and about 60 % as many payments, through MockMvc, on the
 * database the tests use (H2 by default). Run with {@code bench/billing-reports.sh}; prints a Markdown table.
 */
class BillingReportsBench extends IntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired BillingReports reports;

    @Test
    void reportsOnFiftyThousandInvoices() throws Exception {
        int count = Integer.getInteger("bench.invoices", 50_000);
        clock.set(Instant.parse("2026-11-20T15:00:00Z"));
        TestWorkspace ws = newWorkspace();
        CurrentUser owner = ws.owner();
        List<UUID> clientIds = new ArrayList<>();
        for (int c = 0; c < 50; c++) {
            ClientId id = createClient(ws, "Client " + c);
            clientIds.add(id.value());
        }
        Random random = new Random(42);
        LocalDate today = LocalDate.parse("2026-11-20");
        Timestamp now = Timestamp.from(Instant.parse("2026-11-20T15:00:00Z"));
        long started = System.nanoTime();
        List<Object[]> invoiceRows = new ArrayList<>();
        List<Object[]> paymentRows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            UUID client = clientIds.get(random.nextInt(clientIds.size()));
            boolean pounds = random.nextInt(4) == 0;
            LocalDate issued = today.minusDays(random.nextInt(3 * 365));
            LocalDate due = issued.plusDays(14);
            BigDecimal total = BigDecimal.valueOf(10_000 + random.nextInt(500_000), 2);
            int roll = random.nextInt(10);
            String status = roll < 6 ? "PAID" : roll < 8 ? "ISSUED" : roll < 9 ? "PARTIALLY_PAID" : "VOID";
            if (due.isAfter(today.minusDays(60)) && roll < 6 && random.nextBoolean()) {
                status = "SENT";
            }
            BigDecimal paid = status.equals("PAID") ? total
                    : status.equals("PARTIALLY_PAID") ? total.divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.DOWN)
                    : BigDecimal.ZERO;
            invoiceRows.add(new Object[] {id, ws.id(), client, "INVOICE", status, "INV", "INV-" + i,
                    pounds ? "GBP" : "BRL", Date.valueOf(issued), Date.valueOf(due), total, total, paid,
                    pounds && random.nextInt(10) > 0 ? "BRL" : null,
                    pounds && random.nextInt(10) > 0 ? new BigDecimal("6.8412") : null, now, now});
            if (paid.signum() > 0) {
                LocalDate on = due.plusDays(random.nextInt(40) - 15);
                paymentRows.add(new Object[] {UUID.randomUUID(), ws.id(), id, client,
                        Date.valueOf(on.isAfter(today) ? today : on), paid, now});
            }
        }
        jdbc.batchUpdate("""
                insert into invoices (id, workspace_id, client_id, kind, status, series, number, currency, language,
                    tax_mode, discount_percent, net_days, issue_date, due_date, subtotal, tax_total, total, amount_paid,
                    base_currency, base_rate, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'en', 'EXCLUSIVE', 0, 14, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)""",
                invoiceRows);
        jdbc.batchUpdate("""
                insert into payments (id, workspace_id, invoice_id, client_id, paid_on, amount, credit, method, fee,
                    created_at)
                values (?, ?, ?, ?, ?, ?, 0, 'BANK', 0, ?)""", paymentRows);
        System.out.printf("[bench] generated %d invoices and %d payments in %d ms%n", count, paymentRows.size(),
                (System.nanoTime() - started) / 1_000_000);
        StringBuilder table = new StringBuilder("| page | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|\n");
        for (String url : List.of("/billing/reports", "/billing/reports/revenue", "/billing/reports/revenue?year=2025",
                "/billing/reports/late", "/billing/reports/share", "/billing/reports/forecast",
                "/billing/reports/ageing/invoices?bucket=over-90")) {
            for (int w = 0; w < 5; w++) {
                mvc.perform(get(url).with(user(owner))).andReturn();
            }
            long[] ms = new long[30];
            for (int r = 0; r < ms.length; r++) {
                long t = System.nanoTime();
                int status = mvc.perform(get(url).with(user(owner))).andReturn().getResponse().getStatus();
                ms[r] = (System.nanoTime() - t) / 1_000_000;
                if (status != 200) {
                    throw new IllegalStateException(url + " answered " + status);
                }
            }
            Arrays.sort(ms);
            table.append("| `GET ").append(url).append("` | ").append(ms[ms.length / 2]).append(" | ")
                    .append(ms[(int) Math.ceil(ms.length * 0.95) - 1]).append(" | ").append(ms[ms.length - 1])
                    .append(" |\n");
        }
        System.out.println("[bench] " + count + " invoices\n" + table);
    }
}
