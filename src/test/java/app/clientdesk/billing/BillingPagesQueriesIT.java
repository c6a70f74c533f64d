package app.clientdesk.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every billing and clients page, and the API lists, cost the same statements and read the same rows whatever the
 * size of the workspace's invoice history: a workspace with 10 times the paid invoices of another (the same
 * recent open ones) is served by the same queries.
 */
class BillingPagesQueriesIT extends IntegrationTest {

    @Autowired JdbcClient jdbc;
    @Autowired ExchangeDifferences differences;

    /** Every page under Billing, the clients pages, the team and settings pages, and the API lists. */
    static final List<String> PAGES = List.of("/billing/invoices", "/billing/invoices?tab=open",
            "/billing/invoices?tab=overdue", "/billing/invoices?tab=paid", "/billing/expenses", "/billing/services",
            "/billing/retainers", "/billing/recurring", "/billing/reports", "/billing/reports/revenue",
            "/billing/reports/late", "/billing/reports/forecast", "/billing/reports/share", "/billing/reports/exchange",
            "/billing/reports/export", "/billing/exchange-rates", "/billing/settings", "/clients", "/clients/{id}",
            "/members", "/settings/account", "/settings/workspace", "/settings/tokens", "/settings/timer",
            "/api/v1/invoices", "/api/v1/clients", "/api/v1/expenses", "/api/v1/services");

    /** The month-by-month reports read a row per client and month of the last year, whatever came before. */
    static final List<String> BY_MONTH = List.of("/billing/reports/revenue", "/billing/reports/share");

    @Test
    void everyDefaultViewReadsTheSameWithTenTimesTheHistory() throws Exception {
        Fixture small = fixture(400);
        Fixture large = fixture(4000);
        for (String page : PAGES) {
            // the first visit of a workspace may set things up (the work section seeds its workflows): not counted
            visit(small, page);
            visit(large, page);
            QueryCounts.Counts s = visit(small, page);
            QueryCounts.Counts l = visit(large, page);
            assertThat(l.statements()).as(page + ": " + l).isEqualTo(s.statements());
            if (BY_MONTH.contains(page)) {
                assertThat(l.rows()).as(page + ": " + l).isBetween(s.rows() - 3, s.rows() + 3);
            } else {
                assertThat(l.rows()).as(page + ": " + l).isEqualTo(s.rows());
            }
        }
    }

    @Test
    void theHeavyPagesArePinned() throws Exception {
        Fixture f = fixture(200);
        Map<String, Integer> pinned = new LinkedHashMap<>();
        pinned.put("/billing/invoices", 9);
        pinned.put("/clients/{id}", 25);
        pinned.put("/billing/reports", 9);
        pinned.put("/billing/reports/late", 9);
        // from the monthly sums: the revenue and the cash (revenue page) or the revenue (share), one read each
        pinned.put("/billing/reports/revenue", 9);
        pinned.put("/billing/reports/share", 8);
        pinned.put("/billing/reports/exchange", 7);
        pinned.put("/api/v1/invoices", 6);
        for (var e : pinned.entrySet()) {
            visit(f, e.getKey());
            QueryCounts.Counts c = visit(f, e.getKey());
            // The page's own reads: not the session store's writes (whether a request writes its session depends on
            // the CSRF token and the touch throttle; RequestPathQueriesIT pins that) nor PostgreSQL's "set local".
            long reads = c.sql().stream().map(sql -> sql.toLowerCase(java.util.Locale.ROOT))
                    .filter(sql -> !sql.contains("spring_session") && !sql.startsWith("set local")).count();
            assertThat(reads).as(e.getKey() + ": " + c).isLessThanOrEqualTo(e.getValue());
        }
    }

    @Test
    void theMonthByMonthReportsSumTheMonthlySumsNotTheInvoices() throws Exception {
        Fixture f = fixture(300);
        for (String page : BY_MONTH) {
            visit(f, page);
            QueryCounts.Counts c = visit(f, page);
            assertThat(c.sql()).as(page + ": " + c).anyMatch(q -> q.contains("from billing_month_sums"));
            assertThat(c.sql()).as(page + ": " + c).noneMatch(q -> q.contains("sum(")
                    && (q.contains("from invoices") || q.contains("from payments")));
        }
    }

    @Test
    void theExchangeReportSumsTheDailySumsNotThePayments() throws Exception {
        Fixture f = fixture(300);
        visit(f, "/billing/reports/exchange");
        QueryCounts.Counts c = visit(f, "/billing/reports/exchange");
        assertThat(c.sql()).as(c.toString()).anyMatch(q -> q.contains("from billing_exchange_days"));
        assertThat(c.sql()).as(c.toString()).noneMatch(q -> q.contains("sum(") && q.contains("from payments"));
    }

    @Test
    void aClientIsReadOnceForItsWholePage() throws Exception {
        Fixture f = fixture(20);
        visit(f, "/clients/{id}");
        QueryCounts.Counts c = visit(f, "/clients/{id}");
        assertThat(c.sql().stream().filter(q -> q.startsWith("select c.* from clients c")).count()).as(c.toString())
                .isEqualTo(1);
    }

    @Test
    void theInvoiceListPagesWithoutCountingTheHistory() throws Exception {
        Fixture f = fixture(110);
        String first = mvc.perform(get("/billing/invoices?tab=paid").with(user(f.ws.owner())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(first).contains("Invoices 1–50, newest first").contains("Page 1").contains(">Next<")
                .doesNotContain(">Previous<").doesNotContain("110 invoices");
        String last = mvc.perform(get("/billing/invoices?tab=paid&page=2").with(user(f.ws.owner())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(last).contains("Invoices 101–110, newest first").contains(">Previous<").doesNotContain(">Next<");
        assertThat(last.split("data-invoice=\"", -1)).hasSize(11);
        // the API keeps its total, and says whether more follow
        mvc.perform(get("/api/v1/invoices?status=paid&limit=100&offset=100").header("Authorization",
                        "Bearer " + tokenFor(f.ws.owner())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(110)).andExpect(jsonPath("$.hasMore").value(false))
                .andExpect(jsonPath("$.items.length()").value(10));
        mvc.perform(get("/api/v1/invoices?status=paid&limit=100").header("Authorization",
                        "Bearer " + tokenFor(f.ws.owner())))
                .andExpect(jsonPath("$.total").value(110)).andExpect(jsonPath("$.hasMore").value(true));
    }

    @Test
    void theExchangeReportListsAPageAndSumsTheWholePeriod() throws Exception {
        Fixture f = fixture(900);
        LocalDate to = LocalDate.now(clock);
        LocalDate from = to.minusYears(1).plusDays(1);
        ExchangeDifferences.Report first = differences.report(f.ws.owner(), from, to);
        assertThat(first.rows()).hasSize(ExchangeDifferences.PAGE);
        assertThat(first.more()).isTrue();
        BigDecimal listed = BigDecimal.ZERO;
        int offset = 0;
        ExchangeDifferences.Report page;
        do {
            page = differences.report(f.ws.owner(), from, to, offset);
            for (ExchangeDifferences.Row row : page.rows()) {
                listed = listed.add(row.difference().amount());
            }
            offset += ExchangeDifferences.PAGE;
        } while (page.more());
        assertThat(first.total().amount()).isNotZero().isEqualByComparingTo(listed);
        String html = mvc.perform(get("/billing/reports/exchange").with(user(f.ws.owner())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Payments 1–100 of the period").contains("Next payments");
    }

    @Test
    void theServicesApiPagesLikeEveryList() throws Exception {
        TestWorkspace ws = newWorkspace();
        String token = tokenFor(ws.owner());
        for (String name : List.of("Alpha", "Beta", "Gamma")) {
            mvc.perform(post("/api/v1/services").header("Authorization", "Bearer " + token)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"name": "%s", "model": "FIXED", "prices": [{"currency": "GBP", "amount": "10"}]}"""
                                    .formatted(name)))
                    .andExpect(status().isCreated());
        }
        mvc.perform(get("/api/v1/services?limit=2").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].name", contains("Alpha", "Beta")))
                .andExpect(jsonPath("$.total").value(3)).andExpect(jsonPath("$.hasMore").value(true))
                .andExpect(jsonPath("$.limit").value(2)).andExpect(jsonPath("$.offset").value(0));
        mvc.perform(get("/api/v1/services?limit=2&offset=2").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.items[*].name", contains("Gamma")))
                .andExpect(jsonPath("$.total").value(3)).andExpect(jsonPath("$.hasMore").value(false));
        mvc.perform(get("/api/v1/services?limit=201").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", contains("limit")));
        mvc.perform(get("/api/v1/expenses?limit=201").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", contains("limit")));
    }

    @Test
    void aMemberStillSeesNoMoneyOnTheirClientsPage() throws Exception {
        Fixture f = fixture(30);
        var member = addMember(f.ws);
        jdbc.sql("insert into client_members (client_id, user_id, workspace_id) values (:c, :u, :w)").param("w", f.ws.id())
                .param("c", f.client.value()).param("u", member.id().value()).update();
        mvc.perform(get("/billing/invoices").with(user(member))).andExpect(status().isForbidden());
        String html = mvc.perform(get("/clients/" + f.client.value()).with(user(member)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain("INV-").doesNotContain("client-invoice-total").doesNotContain("£");
    }

    private QueryCounts.Counts visit(Fixture f, String page) throws Exception {
        String path = page.replace("{id}", f.client.value().toString());
        var request = get(path);
        request = page.startsWith("/api/") ? request.header("Authorization", "Bearer " + f.token)
                : request.with(user(f.ws.owner()));
        var built = request;
        return QueryCounts.during(() -> mvc.perform(built).andExpect(status().isOk()));
    }

    record Fixture(TestWorkspace ws, ClientId client, String token) {
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
                        total, new BigDecimal("7.0" + i % 5), Timestamp.from(now)});
            }
        }
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
                values (?, ?, ?, ?, ?, ?, 0, 'BANK', 0, ?, ?)
                """, payments);
        // rows written past the stores: the reports' monthly sums made from them, as the migration does
        new TransactionTemplate(transactions).executeWithoutResult(t -> monthSums.rebuild(ws.created().workspaceId()));
        return new Fixture(ws, ids.get(0), tokenFor(ws.owner()));
    }

    @Autowired javax.sql.DataSource dataSource;
    @Autowired MonthSums monthSums;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

    private ClientId createClient(TestWorkspace ws, String name) {
        return super.createClient(ws, name);
    }
}
