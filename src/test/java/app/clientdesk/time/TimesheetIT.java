package app.clientdesk.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.work.ProjectId;
import app.clientdesk.work.ProjectInput;
import app.clientdesk.work.Projects;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The weekly timesheet as a person uses it: which week and which days they see in their own zone, and what
 * typing a total into a cell does to their entries.
 */
class TimesheetIT extends IntegrationTest {

    static final LocalDate TUESDAY = LocalDate.parse("2026-12-01");
    static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    @Autowired TimeEntries entries;
    @Autowired Projects projects;

    TestWorkspace ws;
    CurrentUser owner;
    ClientId client;
    ClientId other;

    @BeforeEach
    void workspace() {
        ws = newWorkspace();
        owner = ws.owner();
        client = createClient(ws, "Gamma Ltd");
        other = createClient(ws, "Delta Co");
        clock.set(Instant.parse("2026-12-02T15:00:00Z")); // Wednesday in São Paulo
    }

    private TimeEntry log(CurrentUser who, ClientId c, LocalDate date, String from, LocalDate endDate, String to,
            String zone) {
        return entries.create(who, TimeEntryInput.ofLocal(c.value().toString(), null, null, date.toString(), from,
                endDate.toString(), to, zone, true, null, null));
    }

    private TimeEntry log(ClientId c, String from, String to) {
        return log(owner, c, TUESDAY, from, TUESDAY, to, "America/Sao_Paulo");
    }

    private MockHttpServletResponse cell(CurrentUser who, ClientId c, LocalDate date, String duration) throws Exception {
        return mvc.perform(post("/time/cells").with(user(who)).with(csrf()).header("HX-Request", "true")
                .param("clientId", c.value().toString()).param("projectId", "").param("taskId", "")
                .param("date", date.toString()).param("duration", duration)).andReturn().getResponse();
    }

    private List<TimeEntry> tuesday(CurrentUser who) {
        return entries.week(who, who.id(), TimeEntries.weekOf(TUESDAY)).stream()
                .filter(e -> e.localDate().equals(TUESDAY)).toList();
    }

    private Document page(CurrentUser who, String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url).with(user(who))).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    private static Document fragment(MockHttpServletResponse response) throws Exception {
        return Jsoup.parse(response.getContentAsString(), "", Parser.xmlParser());
    }

    private static String rowId(ClientId c) {
        return "r-" + c.value() + "-0-0";
    }

    private static LocalTime localStart(TimeEntry e) {
        return e.localStart().toLocalTime();
    }

    // --- editing a cell ------------------------------------------------------------------------------

    @Test
    void aLargerTotalAddsOneEntryRightAfterTheLastOfThatDayAndTheTotalsFollow() throws Exception {
        log(other, "09:00", "10:15");

        MockHttpServletResponse response = cell(owner, client, TUESDAY, "1:30");

        assertThat(response.getStatus()).isEqualTo(200);
        Document html = fragment(response);
        assertThat(html.selectFirst("#" + rowId(client) + "-1-in").attr("value")).isEqualTo("1:30");
        assertThat(html.selectFirst("#" + rowId(client) + "-total").text()).isEqualTo("1:30");
        assertThat(html.selectFirst("#day-total-1").text()).isEqualTo("2:45");
        assertThat(html.selectFirst("#week-total").text()).isEqualTo("2:45");
        assertThat(html.selectFirst("#sheet-summary [data-total=billable]").text()).isEqualTo("2:45");
        assertThat(html.selectFirst("#week-entries").text()).contains("Gamma Ltd", "Delta Co");

        TimeEntry added = tuesday(owner).stream().filter(e -> e.clientId().equals(client)).findFirst().orElseThrow();
        assertThat(localStart(added)).isEqualTo(LocalTime.of(10, 15));
        assertThat(added.localEnd().toLocalTime()).isEqualTo(LocalTime.of(11, 45));
        assertThat(added.zone()).isEqualTo(SAO_PAULO);
    }

    @Test
    void anEmptyDayStartsAtNineInThePersonsZoneAndEveryWayOfTypingWorks() throws Exception {
        assertThat(cell(owner, client, TUESDAY, "1,5").getStatus()).isEqualTo(200);
        TimeEntry first = tuesday(owner).get(0);
        assertThat(localStart(first)).isEqualTo(LocalTime.of(9, 0));
        assertThat(first.durationSeconds()).isEqualTo(90 * 60);

        assertThat(cell(owner, client, TUESDAY, "2h").getStatus()).isEqualTo(200);
        assertThat(cell(owner, client, TUESDAY, "150m").getStatus()).isEqualTo(200);
        assertThat(cell(owner, client, TUESDAY, "2.75").getStatus()).isEqualTo(200);
        assertThat(tuesday(owner)).extracting(TimeEntry::durationSeconds)
                .containsExactly(90 * 60L, 30 * 60L, 30 * 60L, 15 * 60L);
        assertThat(tuesday(owner)).extracting(e -> localStart(e).toString())
                .containsExactly("09:00", "10:30", "11:00", "11:30");
    }

    @Test
    void aSmallerTotalShortensTheOnlyEntryAndZeroDeletesIt() throws Exception {
        TimeEntry e = log(client, "09:00", "11:00");

        assertThat(cell(owner, client, TUESDAY, "0:45").getStatus()).isEqualTo(200);
        TimeEntry shortened = entries.get(owner, e.id());
        assertThat(shortened.start()).isEqualTo(e.start());
        assertThat(shortened.durationSeconds()).isEqualTo(45 * 60);

        MockHttpServletResponse cleared = cell(owner, client, TUESDAY, "");
        assertThat(cleared.getStatus()).isEqualTo(200);
        assertThat(entries.find(owner, e.id())).isEmpty();
        assertThat(fragment(cleared).selectFirst("#week-total").text()).isEqualTo("0:00");
    }

    @Test
    void theSameTotalAsShownChangesNothing() throws Exception {
        TimeEntry e = entries.create(owner, TimeEntryInput.ofInstants(client.value().toString(), null, null,
                "2026-12-01T12:00:00Z", "2026-12-01T13:29:40Z", true, null, null));

        assertThat(cell(owner, client, TUESDAY, "1:30").getStatus()).isEqualTo(200);

        assertThat(tuesday(owner)).extracting(TimeEntry::id).containsExactly(e.id());
        assertThat(entries.get(owner, e.id()).durationSeconds()).isEqualTo(89 * 60 + 40);
    }

    @Test
    void aSmallerTotalOverSeveralEntriesIsRefusedAndPointsToThatDaysEntries() throws Exception {
        log(client, "09:00", "10:00");
        log(client, "14:00", "15:00");

        MockHttpServletResponse response = cell(owner, client, TUESDAY, "1:00");

        assertThat(response.getStatus()).isEqualTo(422);
        Document html = fragment(response);
        var input = html.selectFirst("#" + rowId(client) + "-1-in");
        assertThat(input.attr("value")).isEqualTo("1:00");
        assertThat(input.attr("aria-invalid")).isEqualTo("true");
        assertThat(input.attr("aria-describedby")).isEqualTo("sheet-error-text");
        assertThat(html.selectFirst("#sheet-error-text").text()).contains("several entries");
        assertThat(html.selectFirst("#sheet-error a").attr("href")).isEqualTo("#day-2026-12-01");
        assertThat(tuesday(owner)).extracting(TimeEntry::durationSeconds).containsExactly(3600L, 3600L);
    }

    @Test
    void anInvoicedEntrySaysWhyItCannotChange() throws Exception {
        TimeEntry e = log(client, "09:00", "11:00");
        entries.lockForInvoice(ws.created().workspaceId(), List.of(e.id()), UUID.randomUUID(), "INV-2026-0042");

        MockHttpServletResponse response = cell(owner, client, TUESDAY, "1:00");

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(fragment(response).selectFirst("#sheet-error-text").text())
                .contains("invoice INV-2026-0042", "void the invoice");
        assertThat(entries.get(owner, e.id()).durationSeconds()).isEqualTo(7200);
    }

    @Test
    void unreadableAndImpossibleTotalsAreRefused() throws Exception {
        MockHttpServletResponse typo = cell(owner, client, TUESDAY, "an hour");
        assertThat(typo.getStatus()).isEqualTo(422);
        assertThat(fragment(typo).selectFirst("#sheet-error-text").text()).contains("1:30, 1.5, 90m or 2h");

        MockHttpServletResponse tooMuch = cell(owner, client, TUESDAY, "25:00");
        assertThat(tooMuch.getStatus()).isEqualTo(422);
        assertThat(fragment(tooMuch).selectFirst("#sheet-error-text").text()).contains("24 hours");
        assertThat(tuesday(owner)).isEmpty();
    }

    @Test
    void withNoRoomAfterTheLastEntryTheNewOneGoesInTheDaysFirstFreeGap() throws Exception {
        log(other, "08:00", "20:00");
        // Tomorrow's early work leaves no room after 20:00 for five hours.
        log(owner, other, TUESDAY.plusDays(1), "00:00", TUESDAY.plusDays(1), "06:00", "America/Sao_Paulo");

        assertThat(cell(owner, client, TUESDAY, "5:00").getStatus()).isEqualTo(200);

        TimeEntry added = tuesday(owner).stream().filter(e -> e.clientId().equals(client)).findFirst().orElseThrow();
        assertThat(localStart(added)).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(added.durationSeconds()).isEqualTo(5 * 3600);
    }

    @Test
    void aFullDayRefusesMoreTime() throws Exception {
        log(other, "00:00", "12:00");
        log(other, "12:00", "23:30");
        log(owner, other, TUESDAY.plusDays(1), "00:00", TUESDAY.plusDays(1), "01:00", "America/Sao_Paulo");

        MockHttpServletResponse response = cell(owner, client, TUESDAY, "1:00");

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(fragment(response).selectFirst("#sheet-error-text").text()).contains("no free time left");
        assertThat(tuesday(owner)).hasSize(2);
    }

    @Test
    void withoutJavaScriptASavedCellReturnsToTheWeekAndARefusedOneShowsThePage() throws Exception {
        MockHttpServletResponse saved = mvc.perform(post("/time/cells").with(user(owner)).with(csrf())
                .param("clientId", client.value().toString()).param("date", "2026-12-03").param("duration", "2h"))
                .andReturn().getResponse();
        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(saved.getRedirectedUrl()).startsWith("/time?week=2026-11-30").contains("#" + rowId(client));

        MockHttpServletResponse refused = mvc.perform(post("/time/cells").with(user(owner)).with(csrf())
                .param("clientId", client.value().toString()).param("date", "2026-12-03").param("duration", "soon"))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        Document html = Jsoup.parse(refused.getContentAsString());
        assertThat(html.selectFirst("h1").text()).isEqualTo("Timesheet");
        assertThat(html.selectFirst("#" + rowId(client) + "-3-in").attr("value")).isEqualTo("soon");
        assertThat(html.selectFirst("#sheet-error-text").text()).isNotBlank();
    }

    // --- the week a person sees ------------------------------------------------------------------------

    @Test
    void theWeekShowsRowsDaysAndTotalsWithTodayMarked() throws Exception {
        ProjectId site = projects.create(owner, new ProjectInput(client.value().toString(), "Website", "ACTIVE", null,
                null, null, null, null));
        entries.create(owner, TimeEntryInput.ofLocal(client.value().toString(), site.value().toString(), null,
                "2026-11-30", "09:00", null, "10:30", null, true, "Hero copy", List.of("copy")));
        entries.create(owner, TimeEntryInput.ofLocal(other.value().toString(), null, null,
                "2026-12-02", "13:00", null, "13:45", null, false, null, null));

        Document html = page(owner, "/time?week=2026-12-02");

        assertThat(html.select("thead th.day-head .dow")).extracting(e -> e.text())
                .containsExactly("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
        assertThat(html.selectFirst("th[aria-current=date] .dom").text()).isEqualTo("2");
        assertThat(html.select("tbody th.row-head .row-client")).extracting(e -> e.text())
                .containsExactly("Delta Co", "Gamma Ltd");
        assertThat(html.selectFirst("tbody th.row-head .row-sub").parent().text()).isEqualTo("Gamma Ltd Website");
        assertThat(html.selectFirst("#day-total-0").text()).isEqualTo("1:30");
        assertThat(html.selectFirst("#day-total-2").text()).isEqualTo("0:45");
        assertThat(html.selectFirst("#week-total").text()).isEqualTo("2:15");
        assertThat(html.selectFirst("[data-total=billable]").text()).isEqualTo("1:30");
        assertThat(html.selectFirst("[data-total=nonBillable]").text()).isEqualTo("0:45");
        assertThat(html.selectFirst("#day-2026-11-30").text()).contains("Hero copy", "copy", "Website", "Billable");
        assertThat(html.selectFirst("#day-2026-12-02").text()).contains("Not billable");
        assertThat(html.select("a[rel=prev]").attr("href")).isEqualTo("/time?week=2026-11-23");
        assertThat(html.select("a[rel=next]").attr("href")).isEqualTo("/time?week=2026-12-07");
    }

    @Test
    void dayHeadersFollowTheViewersLanguage() throws Exception {
        String email = uniqueEmail("ana");
        accounts.add(ws.created().workspaceId(), Role.MEMBER, "Ana", email, PASSWORD, "pt-BR", "America/Sao_Paulo",
                null);
        Document html = page(principal(email), "/time?week=2026-12-02");
        assertThat(html.selectFirst("h1").text()).isEqualTo("Planilha de horas");
        assertThat(html.select("thead th.day-head .dow").first().text()).startsWith("seg");
    }

    @Test
    void anEntryAcrossMidnightCountsOnTheDayItStarted() throws Exception {
        log(owner, client, TUESDAY, "22:00", TUESDAY.plusDays(1), "01:15", "America/Sao_Paulo");

        Document html = page(owner, "/time?week=2026-12-01");

        assertThat(html.selectFirst("#" + rowId(client) + "-1-in").attr("value")).isEqualTo("3:15");
        assertThat(html.selectFirst("#" + rowId(client) + "-2-in").attr("value")).isEmpty();
        assertThat(html.selectFirst("#day-2026-12-01 .entry-span").text()).isEqualTo("10:00 PM–1:15 AM (+1 day)");
    }

    @Test
    void inAucklandThisWeekAndTodayAreAucklands() throws Exception {
        CurrentUser kiwi = person("Pacific/Auckland");
        // Sunday 29 November, 12:00 UTC, is already Monday 30 November, 01:00, in Auckland.
        clock.set(Instant.parse("2026-11-29T12:00:00Z"));
        ClientId kiwiClient = createClient(ws, "Kiwi Co", kiwi.id());
        entries.create(kiwi, TimeEntryInput.ofInstants(kiwiClient.value().toString(), null, null,
                "2026-11-29T11:30:00Z", "2026-11-29T11:45:00Z", true, null, null));

        Document html = page(kiwi, "/time");

        assertThat(html.selectFirst(".sheet-week").text()).startsWith("Nov 30, 2026");
        assertThat(html.selectFirst("th[aria-current=date] .dow").text()).isEqualTo("Mon");
        assertThat(html.selectFirst("#" + rowId(kiwiClient) + "-0-in").attr("value")).isEqualTo("0:15");
        assertThat(html.selectFirst("#week-entries .entry-span").text()).isEqualTo("12:30 AM–12:45 AM");
    }

    @Test
    void inLosAngelesLateSundayBelongsToTheWeekItIsStillIn() throws Exception {
        CurrentUser angeleno = person("America/Los_Angeles");
        // Monday 7 December, 06:00 UTC, is still Sunday 6 December, 22:00, in Los Angeles.
        clock.set(Instant.parse("2026-12-07T06:00:00Z"));
        ClientId laClient = createClient(ws, "Venice Beach Yoga", angeleno.id());
        entries.create(angeleno, TimeEntryInput.ofInstants(laClient.value().toString(), null, null,
                "2026-12-07T07:30:00Z", "2026-12-07T08:00:00Z", true, null, null));

        Document html = page(angeleno, "/time");

        assertThat(html.selectFirst(".sheet-week").text()).startsWith("Nov 30, 2026");
        assertThat(html.selectFirst("th[aria-current=date] .dow").text()).isEqualTo("Sun");
        assertThat(html.selectFirst("#" + rowId(laClient) + "-6-in").attr("value")).isEqualTo("0:30");

        // A cell typed on Saturday starts at 09:00 Los Angeles time, and the next week stays empty.
        assertThat(cell(angeleno, laClient, LocalDate.parse("2026-12-05"), "1:00").getStatus()).isEqualTo(200);
        TimeEntry added = entries.search(angeleno, TimeQuery.between(LocalDate.parse("2026-12-05"),
                LocalDate.parse("2026-12-05"))).get(0);
        assertThat(added.start()).isEqualTo(Instant.parse("2026-12-05T17:00:00Z"));
        assertThat(page(angeleno, "/time?week=2026-12-07").select("tbody .cell")).isEmpty();
    }

    private CurrentUser person(String zone) {
        String email = uniqueEmail("far");
        accounts.add(ws.created().workspaceId(), Role.MEMBER, "Far Away", email, PASSWORD, "en", zone, null);
        return principal(email);
    }

    // --- whose week, and rows added by hand -------------------------------------------------------------

    @Test
    void theOwnerSeesAMembersWeekAndAMemberOnlyTheirOwn() throws Exception {
        CurrentUser member = addMember(ws);
        ClientId theirs = createClient(ws, "Member Client", member.id());
        log(member, theirs, TUESDAY, "09:00", TUESDAY, "10:00", "America/Sao_Paulo");

        Document html = page(owner, "/time?week=2026-12-01&user=" + member.id().value());
        assertThat(html.selectFirst("h1").text()).isEqualTo("Timesheet of Member");
        assertThat(html.selectFirst("#week-total").text()).isEqualTo("1:00");
        assertThat(html.selectFirst("input[name=user]").attr("value")).isEqualTo(member.id().value().toString());

        // The owner types into the member's week: the entry is the member's.
        assertThat(mvc.perform(post("/time/cells").with(user(owner)).with(csrf()).header("HX-Request", "true")
                .param("user", member.id().value().toString()).param("clientId", theirs.value().toString())
                .param("date", "2026-12-02").param("duration", "0:30")).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        assertThat(entries.week(member, member.id(), TimeEntries.weekOf(TUESDAY))).hasSize(2);

        assertThat(mvc.perform(get("/time").param("user", owner.id().value().toString()).with(user(member)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/time").param("user", UUID.randomUUID().toString()).with(user(owner)))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void aRowAddedByHandStaysInTheLinkUntilItHasTime() throws Exception {
        MockHttpServletResponse added = mvc.perform(get("/time").with(user(owner)).param("week", "2026-12-01")
                .param("addClient", client.value().toString()).param("addProject", "").param("addTask", ""))
                .andReturn().getResponse();
        assertThat(added.getStatus()).isEqualTo(302);
        String link = added.getRedirectedUrl();
        assertThat(link).contains("rows=");

        Document html = page(owner, link.substring(0, link.indexOf('#')));
        assertThat(html.select("tbody th.row-head .row-client")).extracting(e -> e.text()).containsExactly("Gamma Ltd");
        assertThat(html.selectFirst("#" + rowId(client) + "-0-in").attr("value")).isEmpty();
        assertThat(html.selectFirst("#" + rowId(client) + "-0 input[name=rows]").attr("value"))
                .isEqualTo(client.value() + ".-.-");
    }
}
