package app.clientdesk.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.shared.money.Money;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.time.ReportQuery.By;
import app.clientdesk.time.TimeReport.Line;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.TaskInput;
import app.clientdesk.work.Tasks;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The time report with a few entries of two clients: one billed in pounds, rounded up to 15 minutes per
 * entry, one billed in dollars, rounded to the nearest 30 minutes per task per day. The numbers are the ones
 * a person would check by hand.
 *
 * <pre>
 *  #  who      client  task (type, estimate)        day     time          billable  tags
 *  1  owner    Café    Inbox (email, 30)            11-02   09:00–09:40   yes       urgent
 *  2  owner    Café    Inbox                        11-03   09:00–09:10   yes
 *  3  owner    Café    —                            11-03   10:00–10:20   no        (note "=HYPERLINK…")
 *  4  member   Café    Replies (email, 60)          11-04   09:00–10:10   yes       urgent, Cliente VIP
 *  5  owner    Delta   Market study (research, 60)  11-05   09:00–09:50   yes
 *  6  owner    Delta   Market study                 11-05   14:00–14:20   yes
 *  7  owner    Delta   Market study                 11-06   09:00–09:10   yes
 *  8  owner    Café    -1+1 cleanup (data-entry)    11-06   11:00–12:00   no
 *  9  Bruna    Delta   Market study                 11-05   16:00–16:30   yes
 * </pre>
 *
 * Café (GBP 60/h, up to 15 min per entry) bills 45 + 15 + 75 = 135 min, £135.00. Delta (USD 100/h, nearest
 * 30 min per task per day) bills 11-05: 50 + 20 + 30 = 100 → 90 min, 11-06: 10 → 0 min; $150.00.
 */
class TimeReportsIT extends IntegrationTest {

    @Autowired TimeEntries entries;
    @Autowired TimeReports reports;
    @Autowired Rates rates;
    @Autowired Tasks tasks;
    @Autowired JdbcTemplate jdbc;

    static final LocalDate FROM = LocalDate.parse("2026-11-01");
    static final LocalDate TO = LocalDate.parse("2026-11-30");
    static final Currency GBP = Currency.getInstance("GBP");
    static final Currency USD = Currency.getInstance("USD");

    TestWorkspace ws;
    CurrentUser owner;
    CurrentUser member;
    CurrentUser bruna;
    ClientId cafe;
    ClientId delta;

    @BeforeEach
    void aMonthOfWork() {
        clock.set(Instant.parse("2026-11-18T15:00:00Z"));
        ws = newWorkspace();
        owner = ws.owner();
        member = addMember(ws);
        String brunaEmail = uniqueEmail("bruna");
        accounts.add(ws.created().workspaceId(), Role.MEMBER, "Bruna Reis", brunaEmail, PASSWORD, "pt-BR",
                "America/Sao_Paulo", null);
        bruna = principal(brunaEmail);
        cafe = createClient(ws, "Café Açúcar Ltd", member.id());
        delta = clients.create(owner, inDollars("Delta Co", List.of(bruna.id().value())));
        rates.set(owner, new RateInput("CLIENT", cafe.value().toString(), "GBP", "60"));
        rates.set(owner, new RateInput("CLIENT", delta.value().toString(), "USD", "100"));
        entries.setRounding(owner, cafe, new Rounding(Rounding.Mode.UP, 15, Rounding.Scope.ENTRY));
        entries.setRounding(owner, delta, new Rounding(Rounding.Mode.NEAREST, 30, Rounding.Scope.DAY));
        TaskId inbox = task(cafe, "Inbox", "email", "30");
        TaskId replies = task(cafe, "Replies", "email", "60");
        TaskId study = task(delta, "Market study", "research", "60");
        TaskId cleanup = task(cafe, "-1+1 cleanup", "data-entry", null);

        log(owner, cafe, inbox, "2026-11-02", "09:00", "09:40", true, null, "urgent");
        log(owner, cafe, inbox, "2026-11-03", "09:00", "09:10", true, null);
        log(owner, cafe, null, "2026-11-03", "10:00", "10:20", false, "=HYPERLINK(\"http://evil.example\")");
        log(member, cafe, replies, "2026-11-04", "09:00", "10:10", true, "Revisão do orçamento", "urgent",
                "Cliente VIP");
        log(owner, delta, study, "2026-11-05", "09:00", "09:50", true, null);
        log(owner, delta, study, "2026-11-05", "14:00", "14:20", true, null);
        log(owner, delta, study, "2026-11-06", "09:00", "09:10", true, null);
        log(owner, cafe, cleanup, "2026-11-06", "11:00", "12:00", false, null);
        log(bruna, delta, study, "2026-11-05", "16:00", "16:30", true, null);
    }

    // --- the figures ------------------------------------------------------------------------------------

    @Test
    void byClientEachClientIsBilledUnderItsOwnRuleAndAmountsStayInTheirCurrency() {
        TimeReport report = reports.report(owner, ReportQuery.of(FROM, TO, By.CLIENT));

        assertThat(report.total().trackedSeconds()).isEqualTo(minutes(310));
        assertThat(report.total().billableSeconds()).isEqualTo(minutes(230));
        assertThat(report.total().billedSeconds()).isEqualTo(minutes(135 + 90));
        assertThat(report.total().nonBillableSeconds()).isEqualTo(minutes(80));
        assertThat(report.total().amounts()).containsExactly(gbp("135.00"), usd("150.00"));
        assertThat(report.total().entries()).isEqualTo(9);

        assertThat(report.lines()).extracting(l -> l.group().label()).containsExactly("Café Açúcar Ltd", "Delta Co");
        Line cafeLine = report.lines().get(0);
        assertThat(cafeLine.figures().trackedSeconds()).isEqualTo(minutes(200));
        assertThat(cafeLine.figures().billedSeconds()).isEqualTo(minutes(135));
        assertThat(cafeLine.figures().nonBillableSeconds()).isEqualTo(minutes(80));
        assertThat(cafeLine.figures().amounts()).containsExactly(gbp("135.00"));
        assertThat(cafeLine.figures().sharePercentOf(report.total())).isEqualTo(64.5);
        Line deltaLine = report.lines().get(1);
        assertThat(deltaLine.figures().billedSeconds()).isEqualTo(minutes(90));
        assertThat(deltaLine.figures().amounts()).containsExactly(usd("150.00"));
        assertThat(deltaLine.figures().sharePercentOf(report.total())).isEqualTo(35.5);

        assertThat(report.rules()).extracting(r -> r.clientName() + ": " + r.rounding())
                .containsExactly("Café Açúcar Ltd: " + new Rounding(Rounding.Mode.UP, 15, Rounding.Scope.ENTRY),
                        "Delta Co: " + new Rounding(Rounding.Mode.NEAREST, 30, Rounding.Scope.DAY));
        assertThat(report.days()).hasSize(30);
        assertThat(report.days().get(4)).isEqualTo(new TimeReport.Day(LocalDate.parse("2026-11-05"), minutes(100), 0));
    }

    @Test
    void aDayOfOneTaskSharedByTwoPeopleIsRoundedOnceAndSplitInProportion() {
        TimeReport report = reports.report(owner, ReportQuery.of(FROM, TO, By.MEMBER));

        assertThat(report.lines()).extracting(l -> l.group().label()).containsExactly("Owner", "Member", "Bruna Reis");
        // Delta's 5 November: 100 minutes billed as 90, 70 of them the owner's and 30 Bruna's.
        assertThat(report.lines().get(0).figures().billedSeconds()).isEqualTo(minutes(45 + 15 + 63));
        assertThat(report.lines().get(0).figures().amounts()).containsExactly(gbp("60.00"), usd("105.00"));
        assertThat(report.lines().get(1).figures().billedSeconds()).isEqualTo(minutes(75));
        assertThat(report.lines().get(2).figures().billedSeconds()).isEqualTo(minutes(27));
        assertThat(report.lines().get(2).figures().amounts()).containsExactly(usd("45.00"));
        assertThat(report.lines().stream().mapToLong(l -> l.figures().billedSeconds()).sum())
                .as("the lines add up to the total").isEqualTo(report.total().billedSeconds());
    }

    @Test
    void everyRoundingRuleBillsWhatTheEntriesThemselvesWouldBill() {
        // Lengths to the second, as a timer gives them, around the rounding steps.
        int[] seconds = {433, 899, 900, 901, 1350, 1799, 2699, 3601, 59, 61, 6 * 60 + 29, 29 * 60 + 59};
        for (int i = 0; i < seconds.length; i++) {
            String start = "2026-11-%02dT%02d:00:00Z".formatted(16 + i % 4, 10 + i);
            Instant from = Instant.parse(start);
            entries.create(owner, TimeEntryInput.ofInstants(cafe.value().toString(), null, null, start,
                    from.plusSeconds(seconds[i]).toString(), true, null, null));
        }
        List<TimeEntry> ofCafe = entries.search(owner, new TimeQuery(FROM, TO, cafe.value(), null, null, null, 500, 0));
        for (Rounding.Mode mode : Rounding.Mode.values()) {
            for (int step : Rounding.STEPS) {
                for (Rounding.Scope scope : Rounding.Scope.values()) {
                    Rounding rule = new Rounding(mode, step, scope);
                    entries.setRounding(owner, cafe, rule);
                    List<BilledTime.Unit> expected = BilledTime.units(ofCafe, rule);
                    for (By by : List.of(By.CLIENT, By.DAY, By.MEMBER)) {
                        TimeReport report = reports.report(owner, new ReportQuery(FROM, TO, cafe.value(), null, null,
                                null, null, null, by, null));
                        assertThat(report.total().billedSeconds()).as(rule + " by " + by)
                                .isEqualTo(BilledTime.billedSeconds(expected));
                        assertThat(report.total().amounts()).as(rule + " by " + by)
                                .containsExactly(BilledTime.amount(expected, GBP));
                    }
                }
            }
        }
    }

    @Test
    void groupsNestAndTagsCountUnderEachOfTheirTags() {
        TimeReport byTag = reports.report(owner, ReportQuery.of(FROM, TO, By.TAG));
        assertThat(byTag.lines()).extracting(l -> l.group().key() == null ? "(none)" : l.group().label(),
                l -> l.figures().trackedSeconds())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("urgent", minutes(110)),
                        org.assertj.core.groups.Tuple.tuple("Cliente VIP", minutes(70)),
                        org.assertj.core.groups.Tuple.tuple("(none)", minutes(200)));
        assertThat(byTag.total().trackedSeconds()).as("the total counts each entry once").isEqualTo(minutes(310));

        TimeReport nested = reports.report(owner, new ReportQuery(FROM, TO, null, null, null, null, null, null,
                By.CLIENT, By.TASK_TYPE));
        assertThat(nested.lines().get(0).lines()).extracting(l -> l.group().key() == null ? "(none)" : l.group().label(),
                l -> l.figures().trackedSeconds())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("email", minutes(120)),
                        org.assertj.core.groups.Tuple.tuple("data-entry", minutes(60)),
                        org.assertj.core.groups.Tuple.tuple("(none)", minutes(20)));

        TimeReport byTask = reports.report(owner, ReportQuery.of(FROM, TO, By.TASK));
        assertThat(byTask.lines()).extracting(l -> l.group().key() == null ? "(none)" : l.group().label(),
                l -> l.group().detail(), l -> l.figures().trackedSeconds())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Market study", "Delta Co", minutes(110)),
                        org.assertj.core.groups.Tuple.tuple("Replies", "Café Açúcar Ltd", minutes(70)),
                        org.assertj.core.groups.Tuple.tuple("-1+1 cleanup", "Café Açúcar Ltd", minutes(60)),
                        org.assertj.core.groups.Tuple.tuple("Inbox", "Café Açúcar Ltd", minutes(50)),
                        org.assertj.core.groups.Tuple.tuple("(none)", null, minutes(20)));

        TimeReport byWeek = reports.report(owner, ReportQuery.of(FROM, TO, By.WEEK));
        assertThat(byWeek.lines()).extracting(l -> l.group().day()).containsExactly(LocalDate.parse("2026-11-02"));
        TimeReport byDay = reports.report(owner, ReportQuery.of(FROM, TO, By.DAY));
        assertThat(byDay.lines()).extracting(l -> l.group().day().getDayOfMonth(), l -> l.figures().trackedSeconds())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, minutes(40)),
                        org.assertj.core.groups.Tuple.tuple(3, minutes(30)),
                        org.assertj.core.groups.Tuple.tuple(4, minutes(70)),
                        org.assertj.core.groups.Tuple.tuple(5, minutes(100)),
                        org.assertj.core.groups.Tuple.tuple(6, minutes(70)));
    }

    @Test
    void filtersNarrowTheEntriesBeforeTheyAreBilled() {
        TimeReport billableOnly = reports.report(owner, new ReportQuery(FROM, TO, null, null, null, null, null,
                Boolean.TRUE, By.CLIENT, null));
        assertThat(billableOnly.total().trackedSeconds()).isEqualTo(minutes(230));

        TimeReport urgent = reports.report(owner, new ReportQuery(FROM, TO, null, null, null, null, "URGENT", null,
                By.CLIENT, null));
        assertThat(urgent.total().entries()).isEqualTo(2);
        assertThat(urgent.total().billedSeconds()).isEqualTo(minutes(45 + 75));

        TimeReport research = reports.report(owner, new ReportQuery(FROM, TO, delta.value(), null, null, "Research",
                null, null, By.DAY, null));
        assertThat(research.lines()).extracting(l -> l.group().day())
                .containsExactly(LocalDate.parse("2026-11-05"), LocalDate.parse("2026-11-06"));
        assertThat(research.total().amounts()).containsExactly(usd("150.00"));
    }

    @Test
    void estimatesAgainstActualsPerTaskType() {
        TimeReport report = reports.report(owner, ReportQuery.of(FROM, TO, By.CLIENT));

        // email: Inbox 50 of 30 min (167%), Replies 70 of 60 (117%); research: Market study 110 of 60 (183%).
        assertThat(report.estimates()).containsExactly(
                new TimeReport.Estimate("email", 2, minutes(90), minutes(120), 142, 142),
                new TimeReport.Estimate("research", 1, minutes(60), minutes(110), 183, 183));
    }

    @Test
    void timeSinksNameTheTypesThatTakeTimeComeBackAndEarnLeast() {
        TimeReport.Sinks sinks = reports.report(owner, ReportQuery.of(FROM, TO, By.CLIENT)).sinks();

        assertThat(sinks.mostTime()).extracting(TimeReport.TypeTime::taskType)
                .containsExactly("email", "research", "data-entry");
        assertThat(sinks.mostRecurring()).extracting(TimeReport.TypeRecurrence::taskType, TimeReport.TypeRecurrence::entries)
                .startsWith(org.assertj.core.groups.Tuple.tuple("research", 4L),
                        org.assertj.core.groups.Tuple.tuple("email", 3L));
        // In pounds: email earns £135 over 2 hours, data entry nothing over 1 hour.
        assertThat(sinks.lowestRate()).singleElement().satisfies(r -> {
            assertThat(r.taskType()).isEqualTo("data-entry");
            assertThat(r.hourly()).isEqualTo(gbp("0.00"));
        });
    }

    @Test
    void aMemberSeesOnlyTheirOwnTime() throws Exception {
        TimeReport mine = reports.report(member, ReportQuery.of(FROM, TO, By.CLIENT));
        assertThat(mine.total().trackedSeconds()).isEqualTo(minutes(70));
        assertThat(mine.total().billedSeconds()).isEqualTo(minutes(75));
        // A member sees durations only: the owner sees 75.00 GBP for the same time.
        assertThat(mine.total().amounts()).isEmpty();
        assertThat(reports.report(owner, new ReportQuery(FROM, TO, null, null, member.id().value(), null, null, null,
                By.CLIENT, null)).total().amounts()).containsExactly(gbp("75.00"));
        assertThat(mine.lines()).extracting(l -> l.group().label()).containsExactly("Café Açúcar Ltd");

        TimeReport askedForOthers = reports.report(member, new ReportQuery(FROM, TO, null, null, owner.id().value(),
                null, null, null, By.CLIENT, null));
        assertThat(askedForOthers.isEmpty()).isTrue();

        String page = page(member, "/time/reports?range=this-month");
        assertThat(page).contains("Café Açúcar Ltd", "1:10", "1:15").doesNotContain("Delta Co", "Bruna Reis")
                .doesNotContain("75.00", "75,00");
        assertThat(status(member, "/time/reports?member=" + owner.id().value())).isEqualTo(404);
    }

    @Test
    void aMembersFilterChoicesNameOnlyTheirOwnTagsAndTheirClientsTaskTypes() {
        log(owner, delta, null, "2026-11-09", "09:00", "09:30", true, null, "board-only");

        assertThat(reports.tags(member, 50)).containsExactly("Cliente VIP", "urgent");
        assertThat(reports.taskTypes(member, null)).containsExactly("data-entry", "email");
        assertThat(reports.tags(owner, 50)).contains("board-only", "Cliente VIP", "urgent");
        assertThat(reports.taskTypes(owner, null)).contains("research");
    }

    @Test
    void aMembersTagsFollowTheirEntriesThroughEditsAndDeletesAsTheOldJoinListedThem() {
        TimeEntry mine = entries.search(owner, new TimeQuery(FROM, TO, null, null, owner.id().value(), null, "urgent",
                50, 0)).get(0);
        sameTagsAsTheJoin();

        // The owner hands their entry to the member, with other tags: the tags move with it.
        entries.update(owner, mine.id(), new TimeEntryInput(cafe.value().toString(), null, null,
                member.id().value().toString(), null, null, "2026-11-02", "09:00", null, "09:40", "America/Sao_Paulo",
                null, true, null, List.of("handed-over", "zebra"), null));
        assertThat(reports.tags(member, 50)).containsExactly("Cliente VIP", "handed-over", "urgent", "zebra");
        sameTagsAsTheJoin();

        // The member's own tagged entry goes: "Cliente VIP" is no longer theirs, "urgent" no longer anyone's.
        TimeEntry theirs = entries.search(member, new TimeQuery(FROM, TO, null, null, null, null, "Cliente VIP", 50, 0))
                .get(0);
        entries.delete(member, theirs.id());
        assertThat(reports.tags(member, 50)).containsExactly("handed-over", "zebra");
        assertThat(reports.tags(owner, 50)).containsExactly("handed-over", "zebra");
        sameTagsAsTheJoin();
        assertThat(reports.tags(member, 1)).containsExactly("handed-over");
    }

    /** The member's tags and the owner's as the report listed them before the person was kept on each tag. */
    private void sameTagsAsTheJoin() {
        for (CurrentUser who : List.of(member, bruna)) {
            List<String> joined = jdbc.queryForList("""
                    select distinct g.tag from time_entry_tags g join time_entries e on e.id = g.entry_id
                    where g.workspace_id = ? and e.workspace_id = ? and e.user_id = ? order by g.tag""",
                    String.class, ws.id(), ws.id(), who.id().value());
            assertThat(reports.tags(who, 50)).as("tags of " + who.id()).isEqualTo(joined);
        }
        List<String> all = jdbc.queryForList("select distinct tag from time_entry_tags where workspace_id = ? "
                + "order by tag", String.class, ws.id());
        assertThat(reports.tags(owner, 50)).isEqualTo(all);
        assertThat(jdbc.queryForObject("""
                select count(*) from time_entry_tags g join time_entries e on e.id = g.entry_id
                where g.workspace_id = ? and g.user_id <> e.user_id""", Long.class, ws.id()))
                .as("every tag row names its entry's person").isZero();
    }

    // --- the page ---------------------------------------------------------------------------------------

    @Test
    void thePageShowsTheFiguresTheChartsAndTheRoundingRules() throws Exception {
        String page = page(owner, "/time/reports?range=this-month&group=client");

        assertThat(page).contains("Time reports", "Café Açúcar Ltd", "Delta Co")
                .contains("5:10", "3:45", "1:20")       // tracked, billed, non-billable in all
                .contains("3:20", "2:15", "64.5%")      // Café
                .contains("1:50", "1:30", "35.5%")      // Delta
                .contains("135.00", "150.00")
                .contains("Rounded up to 15 min, each entry", "Rounded to the nearest 30 min, each task per day")
                .contains("<svg class=\"days-chart\"", "<title id=\"days-title\">Hours per day</title>")
                .contains("<svg class=\"bars-chart\"")
                .contains("Usually over by 42%", "Usually over by 83%")
                .contains("/time/reports.csv?range=this-month&amp;from=2026-11-01&amp;to=2026-11-30&amp;billable=all"
                        + "&amp;group=client");
        assertThat(page(owner, "/time/reports?range=last-month")).contains("No time matches these filters");
    }

    @Test
    void theDatesOfTheRangeAreCheckedAndTheErrorIsShownInTheViewersLanguage() throws Exception {
        MockHttpServletResponse backwards = mvc.perform(get("/time/reports?range=custom&from=2026-11-10&to=2026-11-01")
                .with(user(owner))).andReturn().getResponse();
        assertThat(backwards.getStatus()).isEqualTo(422);
        assertThat(backwards.getContentAsString()).contains("The start date must be on or before the end date.")
                .contains("value=\"2026-11-10\"");

        assertThat(mvc.perform(get("/time/reports?from=2026-13-01&to=2026-11-01&group=colour").with(user(owner)))
                .andReturn().getResponse().getContentAsString())
                .contains("Give a real date as year-month-day", "Choose a grouping from the list.");

        MockHttpServletResponse portuguese = mvc.perform(get("/time/reports?from=2026-11-10&to=2026-11-01")
                .with(user(bruna))).andReturn().getResponse();
        assertThat(portuguese.getStatus()).isEqualTo(422);
        assertThat(portuguese.getContentAsString(StandardCharsets.UTF_8))
                .contains("A data inicial precisa ser igual ou anterior à data final.");

        MockHttpServletResponse csv = mvc.perform(get("/time/reports.csv?from=2026-11-10&to=2026-11-01")
                .with(user(owner))).andReturn().getResponse();
        assertThat(csv.getStatus()).isEqualTo(302);
        assertThat(csv.getRedirectedUrl()).isEqualTo("/time/reports?from=2026-11-10&to=2026-11-01");
        assertThat(status(owner, "/time/reports?client=not-an-id")).isEqualTo(404);
    }

    // --- the files --------------------------------------------------------------------------------------

    @Test
    void theTableAsCsvHasOneAmountColumnPerCurrency() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/time/reports.csv?range=this-month&group=client")
                .with(user(owner))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader("Content-Disposition")).contains("time-report-2026-11-01-2026-11-30.csv");
        List<CSVRecord> rows = csv(response);
        assertThat(rows.get(0).values()).containsExactly("Client", "Tracked hours", "Billable hours (rounded)",
                "Non-billable hours", "Amount (GBP)", "Amount (USD)", "Share (%)");
        assertThat(rows.get(1).values()).containsExactly("Café Açúcar Ltd", "3.33", "2.25", "1.33", "135.00", "0.00", "64.5");
        assertThat(rows.get(2).values()).containsExactly("Delta Co", "1.83", "1.50", "0.00", "0.00", "150.00", "35.5");
        assertThat(rows.get(3).values()).containsExactly("Total", "5.17", "3.75", "1.33", "135.00", "150.00", "100.0");
    }

    @Test
    void everyEntryAsCsvWithItsShareOfTheBilledTimeAndNoFormulas() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/time/reports/entries.csv?range=this-month")
                .with(user(owner))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        byte[] bytes = response.getContentAsByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).as("UTF-8 byte-order mark")
                .containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(response.getHeader("Content-Disposition")).contains("time-entries-2026-11-01-2026-11-30.csv");
        List<CSVRecord> rows = csv(response);
        assertThat(rows.get(0).values()).containsExactly("Date", "Start", "End", "Time zone", "Person", "Client",
                "Project", "Task", "Task type", "Tags", "Note", "Billable", "Tracked minutes", "Billed minutes",
                "Hourly rate", "Currency", "Amount");
        assertThat(rows).hasSize(10);
        CSVRecord first = rows.get(1);
        assertThat(first.values()).containsExactly("2026-11-02", "09:00", "09:40", "America/Sao_Paulo", "Owner",
                "Café Açúcar Ltd", "", "Inbox", "email", "urgent", "", "Yes", "40.00", "45.00", "60.00", "GBP", "45.00");
        assertThat(rows).anySatisfy(r -> assertThat(r.get(10)).isEqualTo("'=HYPERLINK(\"http://evil.example\")"));
        assertThat(rows).anySatisfy(r -> assertThat(r.get(7)).isEqualTo("'-1+1 cleanup"));
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get(10)).isEqualTo("Revisão do orçamento");
            assertThat(r.get(9)).isEqualTo("Cliente VIP, urgent");
        });
        // Delta's 5 November: 90 billed minutes shared 50 : 20 : 30.
        assertThat(rows.stream().filter(r -> r.get(0).equals("2026-11-05")).map(r -> r.get(13) + " " + r.get(16)))
                .containsExactly("45.00 75.00", "18.00 30.00", "27.00 45.00");
    }

    // --- helpers ----------------------------------------------------------------------------------------

    private TaskId task(ClientId client, String title, String type, String estimate) {
        return tasks.create(owner, new TaskInput(title, null, client.value().toString(), null, null, false, false,
                null, null, null, estimate, null, type, null, null, List.of(), null, null, List.of()));
    }

    private void log(CurrentUser who, ClientId client, TaskId task, String day, String from, String to,
            boolean billable, String note, String... tags) {
        entries.create(who, TimeEntryInput.ofLocal(client.value().toString(), null,
                task == null ? null : task.value().toString(), day, from, null, to, "America/Sao_Paulo", billable,
                note, List.of(tags)));
    }

    private static ClientInput inDollars(String name, List<UUID> members) {
        ClientInput base = clientInput(name, members);
        return new ClientInput(base.name(), base.status(), "America/New_York", "USD", "en-US", "US", base.website(),
                base.billingAddress(), base.taxId(), base.businessHours(), base.responseTimeHours(),
                base.channelFormalRequest(), base.channelQuickQuestion(), base.channelMeeting(), base.channelReport(),
                base.culturalNotes(), base.notes(), base.contacts(), base.memberIds());
    }

    private String page(CurrentUser who, String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url).with(user(who))).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private int status(CurrentUser who, String url) throws Exception {
        return mvc.perform(get(url).with(user(who))).andReturn().getResponse().getStatus();
    }

    private static List<CSVRecord> csv(MockHttpServletResponse response) throws Exception {
        String text = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return CSVFormat.RFC4180.parse(new java.io.StringReader(text.substring(1))).getRecords();
    }

    private static long minutes(long m) {
        return m * 60;
    }

    private static Money gbp(String amount) {
        return new Money(new BigDecimal(amount), GBP);
    }

    private static Money usd(String amount) {
        return new Money(new BigDecimal(amount), USD);
    }
}
