package app.clientdesk.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import app.clientdesk.billing.DraftInput.LineInput;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.shared.money.Money;
import app.clientdesk.support.IntegrationTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The money reports on invoices in the base currency (BRL) and in pounds: conversion at each invoice's recorded
 * rate, the ageing buckets' edges, credit notes, late payers, the share warning, the forecast with a test
 * {@link ForecastSource}, the CSV files and the pages in English and Portuguese.
 */
@Import(BillingReportsIT.Sources.class)
class BillingReportsIT extends IntegrationTest {

    /** What the test source expects, per workspace (other tests' workspaces get nothing). */
    static final Map<WorkspaceId, List<ForecastSource.Expected>> EXPECTED = new ConcurrentHashMap<>();

    @TestConfiguration(proxyBeanMethods = false)
    static class Sources {
        @Bean
        ForecastSource testForecastSource() {
            return (workspace, from, months) -> EXPECTED.getOrDefault(workspace, List.of()).stream()
                    .filter(e -> !e.month().isBefore(from) && e.month().isBefore(from.plusMonths(months))).toList();
        }
    }

    static final LocalDate TODAY = LocalDate.parse("2026-11-20");

    @Autowired Invoices invoices;
    @Autowired Payments payments;
    @Autowired BillingReports reports;
    @Autowired app.clientdesk.exchange.ExchangeRates exchangeRates;
    @Autowired JdbcClient jdbc;

    private TestWorkspace ws;
    private CurrentUser owner;
    private ClientId brl;
    private ClientId gbp;

    @BeforeEach
    void workspace() {
        clock.set(Instant.parse("2026-11-20T15:00:00Z")); // 12:00 in São Paulo, the workspace's zone
        ws = newWorkspace();
        owner = ws.owner();
        brl = client("Padaria Real", "BRL");
        gbp = createClient(ws, "Acme Ltd");
    }

    private ClientId client(String name, String currency) {
        ClientInput base = clientInput(name, List.of());
        return clients.create(owner, new ClientInput(base.name(), base.status(), base.timeZone(), currency,
                base.locale(), base.country(), base.website(), base.billingAddress(), base.taxId(),
                base.businessHours(), base.responseTimeHours(), base.channelFormalRequest(),
                base.channelQuickQuestion(), base.channelMeeting(), base.channelReport(), base.culturalNotes(),
                base.notes(), base.contacts(), base.memberIds()));
    }

    /** An issued invoice of one item (no tax) on {@code issued}, due {@code netDays} later. */
    private Invoice issued(ClientId client, String amount, LocalDate issued, int netDays) {
        Invoice draft = invoices.createDraft(owner, new DraftInput(client.value().toString(), null,
                String.valueOf(netDays), null, null, null, null,
                List.of(new LineInput(null, "Work", "1", null, amount, null, null, null))));
        return invoices.issue(owner, draft.id(), issued);
    }

    private void rate(Invoice invoice, String rate) {
        invoices.recordBaseRate(owner.workspaceId(), invoice.id(), Currency.getInstance("BRL"), new BigDecimal(rate),
                invoice.issueDate());
    }

    private void pay(Invoice invoice, String amount, String date) {
        payments.record(owner, invoice.id(), new PaymentInput(amount, null, null, date, "BANK", null, null, false), null);
    }

    private static String brl(String amount) {
        return new Money(new BigDecimal(amount), Currency.getInstance("BRL")).plain();
    }

    @Test
    void ageingPutsEachOpenInvoiceInItsBucketByDaysPastDueAndConvertsAtItsRecordedRate() {
        issued(brl, "100.00", TODAY, 0); // due today: not yet due
        issued(brl, "50.00", TODAY.minusDays(5), 10); // due in 5 days
        Invoice thirty = issued(brl, "200.00", TODAY.minusDays(30), 0); // exactly 30 days past due
        issued(brl, "300.00", TODAY.minusDays(31), 0); // 31 days
        issued(brl, "400.00", TODAY.minusDays(90), 0); // 90 days
        issued(brl, "500.00", TODAY.minusDays(91), 0); // 91 days
        pay(thirty, "20.00", TODAY.toString());
        Invoice pounds = issued(gbp, "10.01", TODAY.minusDays(45), 0);
        rate(pounds, "6.5432"); // 65.497432 → 65.50, rounded once for the invoice
        issued(gbp, "70.00", TODAY.minusDays(10), 0); // no rate recorded: listed apart
        Invoice voided = issued(brl, "999.00", TODAY.minusDays(40), 0);
        invoices.voidWithCreditNote(owner, voided.id(), null);
        invoices.createDraft(owner, new DraftInput(brl.value().toString(), null, "0", null, null, null, null,
                List.of(new LineInput(null, "Draft", "1", null, "777.00", null, null, null))));

        AgeingReport report = reports.ageing(owner);
        assertThat(report.asOf()).isEqualTo(TODAY);
        assertThat(report.base().getCurrencyCode()).isEqualTo("BRL");
        AgeingReport.Row total = report.total();
        assertThat(total.in(AgeingBucket.CURRENT).plain()).isEqualTo("150.00");
        assertThat(total.in(AgeingBucket.DAYS_1_30).plain()).as("30 days past due, 20.00 paid").isEqualTo("180.00");
        assertThat(total.in(AgeingBucket.DAYS_31_60).plain()).as("31 days, and the pounds at their rate")
                .isEqualTo("365.50");
        assertThat(total.in(AgeingBucket.DAYS_61_90).plain()).isEqualTo("400.00");
        assertThat(total.in(AgeingBucket.OVER_90).plain()).isEqualTo("500.00");
        assertThat(total.total().plain()).as("no void invoice, credit note or draft").isEqualTo("1595.50");
        assertThat(report.clients()).extracting(AgeingReport.Row::clientName).containsExactly("Padaria Real",
                "Acme Ltd");
        assertThat(report.clients().get(1).in(AgeingBucket.DAYS_31_60).plain()).isEqualTo("65.50");
        assertThat(report.unconverted()).singleElement().satisfies(u -> {
            assertThat(u.amount().toString()).isEqualTo("70.00 GBP");
            assertThat(u.count()).isEqualTo(1);
        });

        AgeingReport.Items thirties = reports.ageingItems(owner, AgeingBucket.DAYS_1_30, null);
        assertThat(thirties.items()).extracting(AgeingReport.Item::daysPastDue).containsExactly(30L, 10L);
        assertThat(thirties.items().get(1).baseDue()).as("no rate: not converted").isNull();
        assertThat(thirties.baseTotal().plain()).isEqualTo("180.00");
        AgeingReport.Items acme = reports.ageingItems(owner, AgeingBucket.DAYS_31_60, gbp);
        assertThat(acme.items()).singleElement().satisfies(i -> {
            assertThat(i.due().toString()).isEqualTo("10.01 GBP");
            assertThat(i.baseDue().plain()).isEqualTo("65.50");
            assertThat(i.daysPastDue()).isEqualTo(45);
        });
    }

    @Test
    void revenueCountsInvoicesByIssueMonthBeforeTaxWithCreditNotesNegativeAndCashByPaymentDate() {
        Invoice sept = invoices.issue(owner, invoices.createDraft(owner, new DraftInput(brl.value().toString(), null,
                "14", null, null, null, null, List.of(new LineInput(null, "Work", "1", null, "1000.00", null, "ISS",
                        "5")))).id(), LocalDate.parse("2026-09-10"));
        assertThat(sept.total().plain()).isEqualTo("1050.00");
        Invoice oct = issued(brl, "300.00", LocalDate.parse("2026-10-03"), 14);
        invoices.voidWithCreditNote(owner, oct.id(), "wrong client"); // credit note dated 2026-11-20
        Invoice pounds = issued(gbp, "100.00", LocalDate.parse("2026-10-15"), 14);
        rate(pounds, "6.80");
        issued(gbp, "40.00", LocalDate.parse("2026-11-02"), 14); // no rate
        issued(brl, "5.00", LocalDate.parse("2025-11-30"), 14); // before the last twelve months
        pay(sept, "1050.00", "2026-10-01");
        pay(pounds, "50.00", "2026-11-05");

        RevenueReport report = reports.revenue(owner, null);
        assertThat(report.months()).first().isEqualTo(YearMonth.of(2025, 12));
        assertThat(report.months()).last().isEqualTo(YearMonth.of(2026, 11));
        Map<YearMonth, String> byMonth = new java.util.HashMap<>();
        for (int i = 0; i < 12; i++) {
            byMonth.put(report.months().get(i), report.total().months().get(i).plain());
        }
        assertThat(byMonth.get(YearMonth.of(2026, 9))).as("before tax").isEqualTo("1000.00");
        assertThat(byMonth.get(YearMonth.of(2026, 10))).as("300 + 100 GBP × 6.80").isEqualTo("980.00");
        assertThat(byMonth.get(YearMonth.of(2026, 11))).as("the credit note, negative").isEqualTo("-300.00");
        assertThat(report.total().total().plain()).isEqualTo("1680.00");
        assertThat(report.unconvertedInvoices()).singleElement()
                .satisfies(u -> assertThat(u.amount().toString()).isEqualTo("40.00 GBP"));
        RevenueReport.Row padaria = report.clients().stream().filter(r -> r.name().equals("Padaria Real"))
                .findFirst().orElseThrow();
        assertThat(padaria.total().plain()).isEqualTo("1000.00");

        List<String> cash = report.cash().months().stream().map(Money::plain).toList();
        assertThat(cash.get(10)).as("October: the September invoice, tax included").isEqualTo("1050.00");
        assertThat(cash.get(11)).as("November: 50 GBP at the invoice's rate").isEqualTo("340.00");

        RevenueReport lastYear = reports.revenue(owner, 2025);
        assertThat(lastYear.total().total().plain()).isEqualTo("5.00");
    }

    @Test
    void latePayersCountPaidLateAndOpenOverdueInvoicesAndAverageTheirDaysLate() {
        Invoice onTime = issued(brl, "100.00", LocalDate.parse("2026-10-01"), 10); // due 10-11
        pay(onTime, "100.00", "2026-10-11");
        Invoice late = issued(brl, "100.00", LocalDate.parse("2026-10-01"), 10);
        pay(late, "60.00", "2026-10-12");
        pay(late, "40.00", "2026-10-16"); // paid in full 5 days late
        issued(brl, "250.00", LocalDate.parse("2026-10-21"), 0); // 30 days overdue now
        issued(gbp, "80.00", LocalDate.parse("2026-11-30"), 0); // not due yet

        LatePayersReport report = reports.latePayers(owner);
        assertThat(report.clients()).singleElement().satisfies(r -> {
            assertThat(r.clientName()).isEqualTo("Padaria Real");
            assertThat(r.paid()).isEqualTo(2);
            assertThat(r.paidLate()).isEqualTo(1);
            assertThat(r.openOverdue()).isEqualTo(1);
            assertThat(r.averageDaysLate()).as("(5 + 30) / 2").isEqualByComparingTo("17.5");
            assertThat(r.overdueNow().plain()).isEqualTo("250.00");
        });
    }

    @Test
    void aClientWithMoreThanTheChosenShareOfRevenueIsFlagged() throws Exception {
        issued(brl, "600.00", LocalDate.parse("2026-06-01"), 14);
        Invoice pounds = issued(gbp, "50.00", LocalDate.parse("2026-07-01"), 14);
        rate(pounds, "8.00"); // 400.00 BRL
        RevenueShareReport report = reports.share(owner, RevenueShareReport.DEFAULT_THRESHOLD);
        assertThat(report.total().plain()).isEqualTo("1000.00");
        assertThat(report.clients()).extracting(r -> r.clientName() + " " + r.percent() + " " + r.over())
                .containsExactly("Padaria Real 60.0 true", "Acme Ltd 40.0 false");
        assertThat(reports.share(owner, 60).overThreshold()).as("exactly 60 % is not more than 60 %").isEmpty();

        Document en = page(owner, "/billing/reports/share");
        assertThat(en.select(".billingreports-warning").text()).contains("Padaria Real brings in 60 % of your "
                + "revenue, more than 40 %.", "Diversified income");
        assertThat(page(owner, "/billing/reports/share?threshold=70").select(".billingreports-warning")).isEmpty();
        Document bad = page(owner, "/billing/reports/share?threshold=abc");
        assertThat(bad.select("#err-threshold").text()).isEqualTo("Enter a whole percentage from 1 to 100.");
        assertThat(bad.select(".billingreports-warning")).as("the default 40 % still applies").hasSize(1);
    }

    @Test
    void theForecastAddsEverySourceAndOpenInvoicesFallingDueAndShowsTheDropWithoutAClient() throws Exception {
        ClientId nova = client("Nova Digital", "BRL");
        EXPECTED.put(ws.created().workspaceId(), List.of(
                new ForecastSource.Expected(nova, "Nova Digital", YearMonth.of(2026, 12),
                        new Money(new BigDecimal("1000.00"), Currency.getInstance("BRL")), "Retainer"),
                new ForecastSource.Expected(nova, "Nova Digital", YearMonth.of(2027, 1),
                        new Money(new BigDecimal("1000.00"), Currency.getInstance("BRL")), "Retainer"),
                new ForecastSource.Expected(gbp, "Acme Ltd", YearMonth.of(2026, 12),
                        new Money(new BigDecimal("120.00"), Currency.getInstance("GBP")), "Recurring")));
        issued(brl, "500.00", TODAY, 20); // due 2026-12-10
        issued(brl, "70.00", TODAY.minusDays(60), 0); // overdue since September: in the ageing, not here

        RevenueForecast f = reports.forecast(owner, null);
        assertThat(f.months()).containsExactly(YearMonth.of(2026, 11), YearMonth.of(2026, 12), YearMonth.of(2027, 1));
        assertThat(f.total().months()).extracting(Money::plain).containsExactly("0.00", "1500.00", "1000.00");
        assertThat(f.total().total().plain()).isEqualTo("2500.00");
        assertThat(f.unconverted()).as("no exchange rates here: pounds listed, not guessed").singleElement()
                .satisfies(e -> assertThat(e.amount().toString()).isEqualTo("120.00 GBP"));

        RevenueForecast without = reports.forecast(owner, nova);
        assertThat(without.totalWithout().total().plain()).isEqualTo("500.00");
        assertThat(without.dropPercent()).isEqualByComparingTo("80.0");
        assertThat(without.total().total().plain()).as("the whole forecast is still there").isEqualTo("2500.00");

        Document page = page(owner, "/billing/reports/forecast?without=" + nova.value());
        assertThat(page.select(".billingreports-drop").text())
                .isEqualTo("Without Nova Digital you would expect R$500.00 instead of R$2,500.00: 80 % less.");
        assertThat(page.select("[data-total=forecast]").text()).isEqualTo("R$2,500.00");
        assertThat(page.select(".billingreports-norate li").text()).contains("Acme Ltd", "£120.00", "Recurring");
    }

    @Test
    void theForecastConvertsOtherCurrenciesAtTheNewestRateWhenThereIsOne() {
        EXPECTED.put(ws.created().workspaceId(), List.of(new ForecastSource.Expected(gbp, "Acme Ltd",
                YearMonth.of(2026, 12), new Money(new BigDecimal("120.01"), Currency.getInstance("GBP")), "Recurring")));
        // Today's rate, as the owner would enter it on the exchange-rates page.
        exchangeRates.set(owner, "2026-11-20", "GBP", "BRL", "6.5432");
        Invoice pounds = issued(gbp, "10.00", TODAY, 15); // due 2026-12-05; its own recorded rate is not used
        rate(pounds, "9");

        RevenueForecast f = reports.forecast(owner, null);
        assertThat(f.unconverted()).isEmpty();
        assertThat(f.clients()).singleElement().satisfies(r -> assertThat(r.months()).extracting(Money::plain)
                .as("120.01 × 6.5432 = 785.25 and 10 × 6.5432 = 65.43, each rounded once")
                .containsExactly("0.00", "850.68", "0.00"));
    }

    @Test
    void theCsvFilesListInvoicesLinesAndPaymentsWithExactAmountsAndNoFormulas() throws Exception {
        ClientId evil = client("=HYPERLINK(\"http://x\")", "BRL");
        Invoice invoice = invoices.issue(owner, invoices.createDraft(owner, new DraftInput(evil.value().toString(),
                null, "14", null, null, null, null, List.of(new LineInput(null, "@SUM(A1:A9)", "1", null, "120.00",
                        null, null, null)))).id(), LocalDate.parse("2026-11-02"));
        payments.record(owner, invoice.id(), new PaymentInput("20.00", null, null, "2026-11-03", "BANK", null, "-cmd|' /C calc'!A0", false), null);
        Invoice credit = invoices.voidWithCreditNote(owner, invoice.id(), null);
        issued(brl, "1.00", LocalDate.parse("2026-10-31"), 14); // outside the range

        MockHttpServletResponse file = mvc.perform(get("/billing/reports/export/invoices.csv?from=2026-11-01"
                + "&to=2026-11-30").with(user(owner))).andReturn().getResponse();
        assertThat(file.getContentType()).startsWith("text/csv");
        assertThat(file.getHeader("Content-Disposition")).contains("invoices-2026-11-01-2026-11-30.csv");
        byte[] bytes = file.getContentAsByteArray();
        assertThat(new String(bytes, 0, 3, StandardCharsets.UTF_8)).isEqualTo("\uFEFF");
        List<CSVRecord> rows = csv(bytes);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get(0)).isEqualTo("number");
        CSVRecord first = rows.get(1);
        assertThat(first.get("number")).isEqualTo(invoice.number());
        assertThat(first.get("status")).isEqualTo("VOID");
        assertThat(first.get("client")).as("neutralised").isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(first.get("total")).isEqualTo("120.00");
        assertThat(first.get("amount_paid")).isEqualTo("20.00");
        assertThat(first.get("currency")).isEqualTo("BRL");
        assertThat(first.get("issue_date")).isEqualTo("2026-11-02");
        CSVRecord note = rows.get(2);
        assertThat(note.get("number")).isEqualTo(credit.number());
        assertThat(note.get("kind")).isEqualTo("CREDIT_NOTE");
        assertThat(note.get("total")).as("a negative amount stays a number").isEqualTo("-120.00");
        assertThat(note.get("credit_for")).isEqualTo(invoice.number());

        List<CSVRecord> lines = csv(mvc.perform(get("/billing/reports/export/lines.csv?from=2026-11-01&to=2026-11-30")
                .with(user(owner))).andReturn().getResponse().getContentAsByteArray());
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1).get("description")).isEqualTo("'@SUM(A1:A9)");
        assertThat(lines.get(1).get("net")).isEqualTo("120.00");
        assertThat(lines.get(2).get("quantity")).isEqualTo("-1");
        assertThat(lines.get(2).get("gross")).isEqualTo("-120.00");

        List<CSVRecord> paid = csv(mvc.perform(get("/billing/reports/export/payments.csv?from=2026-11-01"
                + "&to=2026-11-30").with(user(owner))).andReturn().getResponse().getContentAsByteArray());
        assertThat(paid).hasSize(2);
        assertThat(paid.get(1).get("date")).isEqualTo("2026-11-03");
        assertThat(paid.get(1).get("amount")).isEqualTo("20.00");
        assertThat(paid.get(1).get("note")).isEqualTo("'-cmd|' /C calc'!A0");
        assertThat(paid.get(1).get("client")).startsWith("'=");

        var bad = mvc.perform(get("/billing/reports/export/invoices.csv?from=2026-12-01&to=2026-11-01")
                .with(user(owner))).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(302);
        assertThat(page(owner, bad.getRedirectedUrl()).select("#err-to").text())
                .isEqualTo("The end date is before the start date.");
    }

    @Test
    void everyReportPageShowsInEnglishAndPortugueseAndOnlyToTheOwner() throws Exception {
        Invoice pounds = issued(gbp, "10.00", TODAY.minusDays(40), 0);
        issued(brl, "1234.56", TODAY.minusDays(3), 0);
        Document ageing = page(owner, "/billing/reports");
        assertThat(ageing.select(".billing-nav a[aria-current=page]").text()).isEqualTo("Reports");
        assertThat(ageing.select(".billingreports-tabs a[aria-current=page]").text()).isEqualTo("Receivables");
        assertThat(ageing.select("[data-total=1-30]").text()).isEqualTo("R$1,234.56");
        assertThat(ageing.select("[data-total=1-30]").attr("href"))
                .isEqualTo("/billing/reports/ageing/invoices?bucket=1-30");
        assertThat(ageing.select(".billingreports-norate").text()).contains("No rate for GBP: £10.00 (count: 1)");
        // The link opens the rate form filled in with the missing pair and the first day it is missing.
        assertThat(ageing.select(".billingreports-norate a[data-enter-rate]").attr("href"))
                .isEqualTo("/billing/exchange-rates?day=2026-10-11&base=GBP&quote=BRL#set-rate");
        assertThat(ageing.select(".billingreports-norate a[data-enter-rate]").text())
                .isEqualTo("Enter the GBP to BRL rate of Oct 11, 2026");
        String link = ageing.select("tr[data-client=Padaria Real] td[data-bucket=1-30] a").attr("href");
        Document list = page(owner, link);
        assertThat(list.select(".items-table tbody tr")).hasSize(1);
        assertThat(list.select(".result-count").text()).isEqualTo("1 open invoice as of Nov 20, 2026.");
        assertThat(list.select("h1").text()).contains("1–30 days", "Padaria Real");
        rate(pounds, "7");
        assertThat(page(owner, "/billing/reports").select("[data-total=31-60]").text()).isEqualTo("R$70.00");

        Document revenue = page(owner, "/billing/reports/revenue");
        assertThat(revenue.select(".lead").text()).contains("by the month of each invoice's issue date",
                "by the date of each payment");
        assertThat(revenue.select("[data-total=revenue]").text()).isEqualTo("R$1,304.56");
        assertThat(page(owner, "/billing/reports/revenue?year=nope").select("#err-year").text())
                .isEqualTo("Choose a year from the list.");
        assertThat(page(owner, "/billing/reports/late").select("tr[data-client=Padaria Real] .average").text())
                .isEqualTo("3 days");
        assertThat(page(owner, "/billing/reports/export").select(".billingreports-files a").eachAttr("href"))
                .containsExactly("/billing/reports/export/invoices.csv?from=2026-01-01&to=2026-11-20",
                        "/billing/reports/export/lines.csv?from=2026-01-01&to=2026-11-20",
                        "/billing/reports/export/payments.csv?from=2026-01-01&to=2026-11-20");

        TestWorkspace br = newWorkspace("Ana AV", "pt-BR");
        CurrentUser ana = br.owner();
        Document pt = page(ana, "/billing/reports");
        assertThat(pt.select("h1").text()).isEqualTo("Contas a receber por vencimento");
        assertThat(pt.select(".empty-state").text()).contains("ninguém lhe deve nada");
        assertThat(page(ana, "/billing/reports/revenue").select("h1").text())
                .isEqualTo("Faturamento e recebimentos por mês");
        assertThat(page(ana, "/billing/reports/late").select("h1").text()).isEqualTo("Clientes que pagam com atraso");
        assertThat(page(ana, "/billing/reports/share").select("h1").text())
                .isEqualTo("Peso de cada cliente no faturamento");
        assertThat(page(ana, "/billing/reports/forecast").select("h1").text())
                .isEqualTo("Previsão: os próximos três meses");
        assertThat(page(ana, "/billing/reports/export").select("h1").text()).isEqualTo("Exportar para o contador");

        CurrentUser member = addMember(ws);
        for (String url : List.of("/billing/reports", "/billing/reports/revenue", "/billing/reports/forecast",
                "/billing/reports/export/invoices.csv")) {
            assertThat(mvc.perform(get(url).with(user(member))).andReturn().getResponse().getStatus())
                    .as(url).isEqualTo(403);
        }
    }

    @Test
    void receivablesListTwentyClientsAPageLargestFirstWithTheWholeWorkspacesTotals() throws Exception {
        // 26 clients owing in reais and in pounds (rated, or not), in every bucket; the expected figures are summed
        // here invoice by invoice, each converted amount rounded half-up once, as the one-row-per-client page did.
        java.util.Random random = new java.util.Random(12);
        int[] daysAgo = {0, 10, 45, 75, 120};
        Map<AgeingBucket, BigDecimal> expected = new java.util.EnumMap<>(AgeingBucket.class);
        Map<String, BigDecimal> perClient = new java.util.HashMap<>();
        BigDecimal unrated = BigDecimal.ZERO;
        for (int c = 0; c < 26; c++) {
            boolean pounds = c % 3 == 0;
            String name = "Client " + (char) ('A' + c);
            ClientId client = client(name, pounds ? "GBP" : "BRL");
            perClient.put(name, BigDecimal.ZERO);
            for (int i = 0; i < 1 + c % 3; i++) {
                BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(900_000), 2);
                int ago = daysAgo[random.nextInt(daysAgo.length)];
                Invoice invoice = issued(client, amount.toPlainString(), TODAY.minusDays(ago), 0);
                AgeingBucket bucket = ago == 0 ? AgeingBucket.CURRENT : ago <= 30 ? AgeingBucket.DAYS_1_30
                        : ago <= 60 ? AgeingBucket.DAYS_31_60 : ago <= 90 ? AgeingBucket.DAYS_61_90
                        : AgeingBucket.OVER_90;
                BigDecimal base = amount;
                if (pounds && c == 3 && i == 0) {
                    unrated = unrated.add(amount); // no rate: listed apart, in no figure
                    continue;
                }
                if (pounds) {
                    String rate = "6." + (1000 + random.nextInt(9000));
                    invoices.recordBaseRate(owner.workspaceId(), invoice.id(), Currency.getInstance("BRL"),
                            new BigDecimal(rate), invoice.issueDate());
                    base = amount.multiply(new BigDecimal(rate)).setScale(2, java.math.RoundingMode.HALF_UP);
                }
                expected.merge(bucket, base, BigDecimal::add);
                perClient.merge(name, base, BigDecimal::add);
            }
        }
        BigDecimal all = expected.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal noRate = unrated;

        AgeingReport first = reports.ageing(owner, 1);
        AgeingReport second = reports.ageing(owner, 2);
        assertThat(first.clientCount()).isEqualTo(26);
        assertThat(first.clients()).hasSize(AgeingReport.PAGE);
        assertThat(second.clients()).hasSize(6);
        assertThat(reports.ageing(owner, 3).clients()).isEmpty();
        List<AgeingReport.Row> rows = new java.util.ArrayList<>(first.clients());
        rows.addAll(second.clients());
        assertThat(rows).extracting(r -> r.total().amount()).as("largest amount due first, across the pages")
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(rows).extracting(AgeingReport.Row::clientName).doesNotHaveDuplicates().hasSize(26);
        for (AgeingReport.Row row : rows) {
            assertThat(row.total().amount()).as(row.clientName()).isEqualByComparingTo(perClient.get(row.clientName()));
        }
        for (AgeingReport report : List.of(first, second)) {
            for (AgeingBucket b : AgeingBucket.values()) {
                BigDecimal want = expected.getOrDefault(b, BigDecimal.ZERO);
                assertThat(report.total().in(b).amount()).as(b.name()).isEqualByComparingTo(want);
                assertThat(rows.stream().map(r -> r.in(b).amount()).reduce(BigDecimal.ZERO, BigDecimal::add))
                        .as("the rows of all pages add up to the total of " + b).isEqualByComparingTo(want);
            }
            assertThat(report.total().total().amount()).isEqualByComparingTo(all);
            assertThat(report.unconverted()).singleElement()
                    .satisfies(u -> assertThat(u.amount().amount()).isEqualByComparingTo(noRate));
        }

        Document page1 = page(owner, "/billing/reports");
        assertThat(page1.select(".ageing-table tbody tr")).hasSize(20);
        assertThat(page1.select("[data-ageing-position]").text())
                .isEqualTo("Clients 1–20 of 26, largest amount due first");
        assertThat(page1.select(".ageing-table tfoot th").text()).isEqualTo("Total of all 26 clients");
        assertThat(page1.select("[data-total=all]").text()).as("the same total as one row per client gave")
                .isEqualTo("R$" + new java.text.DecimalFormat("#,##0.00",
                        java.text.DecimalFormatSymbols.getInstance(java.util.Locale.US)).format(all));
        assertThat(page1.select(".pager a").eachAttr("href")).containsExactly("/billing/reports?page=2");
        Document page2 = page(owner, "/billing/reports?page=2");
        assertThat(page2.select(".ageing-table tbody tr")).hasSize(6);
        assertThat(page2.select("[data-ageing-position]").text())
                .isEqualTo("Clients 21–26 of 26, largest amount due first");
        assertThat(page2.select("[data-total=all]").text()).isEqualTo(page1.select("[data-total=all]").text());
        assertThat(page2.select(".pager a").eachAttr("href")).containsExactly("/billing/reports?page=1");
        for (String past : List.of("/billing/reports?page=3", "/billing/reports?page=x")) {
            assertThat(mvc.perform(get(past).with(user(owner))).andReturn().getResponse().getRedirectedUrl())
                    .as(past).isEqualTo("/billing/reports");
        }
        TestWorkspace br = newWorkspace("Ana AV", "pt-BR");
        for (int c = 0; c < 21; c++) {
            ClientId client = createClient(br, "Cliente " + c);
            Invoice draft = invoices.createDraft(br.owner(), new DraftInput(client.value().toString(), null, "0", null,
                    null, null, null, List.of(new LineInput(null, "Work", "1", null, "10.00", null, null, null))));
            invoices.issue(br.owner(), draft.id(), TODAY);
        }
        Document pt = page(br.owner(), "/billing/reports");
        assertThat(pt.select("[data-ageing-position]").text())
                .isEqualTo("Clientes 1–20 de 21, do maior valor a receber ao menor");
        assertThat(pt.select(".ageing-table tfoot th").text()).isEqualTo("Total dos 21 clientes");
    }

    @Test
    void theReceivablesPageReadsTheSameRowsWithTwentyFiveAndWithSeventyClientsOwing() throws Exception {
        java.util.function.IntConsumer owing = n -> {
            for (int c = 0; c < n; c++) {
                issued(client("Owing " + java.util.UUID.randomUUID(), "BRL"), (100 + c) + ".00", TODAY.minusDays(5),
                        0);
            }
        };
        owing.accept(25);
        page(owner, "/billing/reports");
        app.clientdesk.support.QueryCounts.Counts few = app.clientdesk.support.QueryCounts.during(
                () -> page(owner, "/billing/reports"));
        owing.accept(45);
        app.clientdesk.support.QueryCounts.Counts many = app.clientdesk.support.QueryCounts.during(
                () -> page(owner, "/billing/reports"));
        assertThat(many.statements()).as(many.toString()).isEqualTo(few.statements()).isLessThanOrEqualTo(9);
        assertThat(many.rows()).as("rows read, 25 clients:\n" + few + "\n70 clients:\n" + many)
                .isEqualTo(few.rows());
        assertThat(page(owner, "/billing/reports").select("[data-ageing-position]").text())
                .isEqualTo("Clients 1–20 of 70, largest amount due first");
    }

    private Document page(CurrentUser who, String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url).with(user(who))).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private static List<CSVRecord> csv(byte[] bytes) throws Exception {
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new java.io.StringReader(text)).getRecords();
        String[] header = records.get(0).values();
        return CSVFormat.RFC4180.builder().setHeader(header).setSkipHeaderRecord(false).get()
                .parse(new java.io.StringReader(text)).getRecords();
    }
    // --- issue 11: rates that arrive after the invoice ----------------------------------------------------------

    @Test
    void aRateEnteredLaterFillsInTheMissingFiguresKeepsRecordedOnesAndTheReportSaysSo() throws Exception {
        Invoice early = issued(gbp, "100.00", TODAY.minusDays(10), 30); // no rate yet
        pay(early, "40.00", TODAY.minusDays(2).toString());
        Invoice rated = issued(gbp, "10.00", TODAY.minusDays(3), 30);
        rate(rated, "7.00"); // recorded when issued: kept whatever arrives later

        AgeingReport before = reports.ageing(owner);
        assertThat(before.total().total().plain()).as("nothing guessed").isEqualTo("70.00");
        assertThat(before.unconverted()).singleElement().satisfies(u -> assertThat(u.enterRateLink())
                .isEqualTo("/billing/exchange-rates?day=" + TODAY.minusDays(10) + "&base=GBP&quote=BRL#set-rate"));
        // The link opens the rate form filled in with that pair and day.
        String page = mvc.perform(get(before.unconverted().get(0).enterRateLink().replace("#set-rate", ""))
                .with(user(owner))).andReturn().getResponse().getContentAsString();
        Document form = Jsoup.parse(page);
        assertThat(form.select("#rate-day").val()).isEqualTo(TODAY.minusDays(10).toString());
        assertThat(form.select("#rate-base option[selected]").val()).isEqualTo("GBP");
        assertThat(form.select("#rate-quote option[selected]").val()).isEqualTo("BRL");

        exchangeRates.set(owner, TODAY.minusDays(12).toString(), "GBP", "BRL", "6.50");

        Invoice filled = invoices.get(owner, early.id());
        assertThat(filled.baseRate()).isEqualByComparingTo("6.50");
        assertThat(filled.baseRateDay()).isEqualTo(TODAY.minusDays(12));
        assertThat(invoices.get(owner, rated.id()).baseRate()).as("a recorded rate is kept").isEqualByComparingTo("7.00");
        assertThat(payments.ofInvoice(owner, early.id())).singleElement()
                .satisfies(p -> assertThat(p.baseRate()).isEqualByComparingTo("6.50"));
        AgeingReport after = reports.ageing(owner);
        assertThat(after.unconverted()).isEmpty();
        // 60.00 due × 6.50 = 390.00, plus 10.00 × 7.00 = 70.00.
        assertThat(after.total().total().plain()).isEqualTo("460.00");
        assertThat(reports.filledLater(owner, null, null)).extracting(BillingReports.FilledLater::number)
                .containsExactly(early.number());
        Document ageing = Jsoup.parse(mvc.perform(get("/billing/reports").with(user(owner))).andReturn().getResponse()
                .getContentAsString());
        assertThat(ageing.select("[data-filled-later]").text()).contains(early.number(), "GBP");
    }

    @Test
    void theLatePayersAndShareReportsAlsoSayWhichFiguresWereFilledInLaterInEnglishAndPortuguese() throws Exception {
        Invoice late = issued(gbp, "100.00", TODAY.minusDays(40), 10); // 30 days overdue, no rate yet
        assertThat(page(owner, "/billing/reports/late").select("[data-filled-later]")).isEmpty();
        exchangeRates.set(owner, TODAY.minusDays(41).toString(), "GBP", "BRL", "6.50");

        for (String url : List.of("/billing/reports/late", "/billing/reports/share")) {
            Document report = page(owner, url);
            assertThat(report.select(".billingreports-filled").text()).as(url).startsWith("Rates filled in later.");
            assertThat(report.select("[data-filled-later]").text()).as(url)
                    .startsWith(late.number() + ": GBP at the rate of ").contains(", filled in ");
            assertThat(report.select("[data-filled-later] a").attr("href")).isEqualTo("/billing/invoices/" + late.id());
        }
        // 100.00 × 6.50: the figure the notes speak of is in the reports.
        assertThat(page(owner, "/billing/reports/share").select("[data-total=share]").text()).contains("650");

        TestWorkspace br = newWorkspace("Ana AV", "pt-BR");
        CurrentUser ana = br.owner();
        ClientId pounds = createClient(br, "Acme Ltd");
        Invoice hers = invoices.issue(ana, invoices.createDraft(ana, new DraftInput(pounds.value().toString(), null,
                "10", null, null, null, null, List.of(new LineInput(null, "Work", "1", null, "100.00", null, null,
                        null)))).id(), TODAY.minusDays(40));
        exchangeRates.set(ana, TODAY.minusDays(41).toString(), "GBP", "BRL", "6.50");
        for (String url : List.of("/billing/reports/late", "/billing/reports/share")) {
            Document report = page(ana, url);
            assertThat(report.select(".billingreports-filled").text()).as(url)
                    .startsWith("Cotações preenchidas depois.");
            assertThat(report.select("[data-filled-later]").text()).as(url)
                    .startsWith(hers.number() + ": GBP pela cotação de ").contains(", preenchida em ");
        }
    }

    @Test
    void anEcbImportFillsInInvoicesInEveryCurrencyItCovers() throws Exception {
        ClientId usd = client("Hudson Bakery", "USD");
        Invoice dollars = issued(usd, "100.00", TODAY.minusDays(1), 30);
        assertThat(dollars.baseRate()).isNull();
        byte[] file = ("Date,USD,BRL,\n" + TODAY.minusDays(2) + ",1.05,5.60,\n").getBytes(StandardCharsets.UTF_8);

        exchangeRates.importEcb(owner, "eurofxref.csv", new java.io.ByteArrayInputStream(file));

        // USD → BRL over EUR: 5.60 ÷ 1.05 = 5.3333333333.
        assertThat(invoices.get(owner, dollars.id()).baseRate()).isEqualByComparingTo("5.3333333333");
        assertThat(reports.ageing(owner).unconverted()).isEmpty();
    }
}
