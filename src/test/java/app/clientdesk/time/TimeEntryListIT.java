package app.clientdesk.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.work.ProjectId;
import app.clientdesk.work.ProjectInput;
import app.clientdesk.work.Projects;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;

/** The entries list: its filters, its page and totals, and the owner's re-rate of the entries chosen. */
class TimeEntryListIT extends IntegrationTest {

    @Autowired TimeEntries entries;
    @Autowired Rates rates;
    @Autowired Projects projects;

    TestWorkspace ws;
    CurrentUser owner;
    CurrentUser member;
    ClientId gamma;
    ClientId delta;
    ProjectId site;

    @BeforeEach
    void workspace() {
        ws = newWorkspace();
        owner = ws.owner();
        member = addMember(ws);
        gamma = createClient(ws, "Gamma Ltd", member.id());
        delta = createClient(ws, "Delta Co");
        site = projects.create(owner, new ProjectInput(gamma.value().toString(), "Website", "ACTIVE", null, null, null,
                null, null));
        clock.set(Instant.parse("2026-12-10T15:00:00Z"));
    }

    private TimeEntry log(CurrentUser who, ClientId c, ProjectId project, String date, String from, String to,
            boolean billable, String... tags) {
        return entries.create(who, TimeEntryInput.ofLocal(c.value().toString(),
                project == null ? null : project.value().toString(), null, date, from, null, to, null, billable, null,
                List.of(tags)));
    }

    private Document list(CurrentUser who, String query) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/time/entries?" + query).with(user(who))).andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    private static List<String> works(Document html) {
        return html.select("td.entry-work .entry-client").eachText();
    }

    @Test
    void everyFilterNarrowsTheListAndItsTotals() throws Exception {
        log(owner, gamma, site, "2026-12-01", "09:00", "10:00", true, "calls");
        log(owner, gamma, null, "2026-12-02", "09:00", "09:30", false);
        log(owner, delta, null, "2026-12-03", "09:00", "11:00", true, "Calls", "research");
        log(member, gamma, null, "2026-12-04", "09:00", "09:15", true);

        // Without a period the list shows its first page and no totals (they would read all history).
        Document all = list(owner, "");
        assertThat(works(all)).hasSize(4);
        assertThat(all.selectFirst(".result-count").text()).isEqualTo("1–4");
        assertThat(all.select("[data-total]")).isEmpty();
        assertThat(all.selectFirst(".totals-hint").text()).contains("Choose a period");
        Document december = list(owner, "from=2026-12-01&to=2026-12-31");
        assertThat(december.selectFirst(".result-count").text()).isEqualTo("1–4 of 4");
        assertThat(december.selectFirst("[data-total=tracked]").text()).isEqualTo("3:45");
        assertThat(december.selectFirst("[data-total=billable]").text()).isEqualTo("3:15");

        assertThat(works(list(owner, "from=2026-12-02&to=2026-12-03"))).containsExactly("Delta Co", "Gamma Ltd");
        assertThat(works(list(owner, "clientId=" + delta.value()))).containsExactly("Delta Co");
        assertThat(works(list(owner, "projectId=" + site.value()))).containsExactly("Gamma Ltd");
        assertThat(works(list(owner, "userId=" + member.id().value()))).hasSize(1);
        Document notBillable = list(owner, "billable=false&from=2026-12-01&to=2026-12-31");
        assertThat(works(notBillable)).hasSize(1);
        assertThat(notBillable.selectFirst("[data-total=tracked]").text()).isEqualTo("0:30");
        assertThat(notBillable.selectFirst("[data-total=billable]").text()).isEqualTo("0:00");
        Document calls = list(owner, "tag=CALLS&from=2026-11-01&to=2026-12-31");
        assertThat(works(calls)).containsExactly("Delta Co", "Gamma Ltd");
        assertThat(calls.selectFirst("[data-total=tracked]").text()).isEqualTo("3:00");
        assertThat(calls.selectFirst("#f-tag").attr("value")).isEqualTo("CALLS");

        // A member sees their own entries only, and no person filter.
        Document mine = list(member, "userId=" + owner.id().value());
        assertThat(works(mine)).containsExactly("Gamma Ltd");
        assertThat(mine.select("#f-user")).isEmpty();
        assertThat(mine.select("#rerate-form, input[name=ids]")).isEmpty();
    }

    @Test
    void aLongListComesInPagesWithItsPlace() throws Exception {
        for (int day = 1; day <= 3; day++) {
            for (int hour = 0; hour < 20; hour++) {
                log(owner, gamma, null, "2026-11-0" + day, "%02d:00".formatted(hour), "%02d:30".formatted(hour), true);
            }
        }

        Document first = list(owner, "clientId=" + gamma.value());
        assertThat(works(first)).hasSize(50);
        assertThat(first.selectFirst(".result-count").text()).isEqualTo("1–50");
        assertThat(first.select(".pager a[rel=prev]")).isEmpty();
        String next = first.selectFirst(".pager a[rel=next]").attr("href");
        assertThat(next).startsWith("/time/entries?clientId=" + gamma.value() + "&olderThan=").endsWith("&page=2");

        Document second = list(owner, next.substring(next.indexOf('?') + 1));
        assertThat(works(second)).hasSize(10);
        assertThat(second.selectFirst(".result-count").text()).isEqualTo("51–60");
        assertThat(second.select(".pager a[rel=next]")).isEmpty();
        assertThat(dates(first)).last().isEqualTo("Nov 1, 2026");
        assertThat(dates(second)).containsOnly("Nov 1, 2026");
        // Going back shows the first page again, exactly.
        String previous = second.selectFirst(".pager a[rel=prev]").attr("href");
        Document back = list(owner, previous.substring(previous.indexOf('?') + 1));
        assertThat(edits(back)).isEqualTo(edits(first));
        assertThat(back.select(".pager a[rel=prev]")).isEmpty();

        // With a period the count and totals of the whole selection come along.
        Document november = list(owner, "clientId=" + gamma.value() + "&from=2026-11-01&to=2026-11-30");
        assertThat(november.selectFirst(".result-count").text()).isEqualTo("1–50 of 60");
        assertThat(november.selectFirst("[data-total=tracked]").text()).isEqualTo("30:00");
    }

    private static List<String> dates(Document html) {
        return html.select("td.entry-date").eachText();
    }

    private static List<String> edits(Document html) {
        return html.select("td.entry-row-actions a").eachAttr("href").stream()
                .map(h -> h.substring(0, h.indexOf("/edit"))).toList();
    }

    @Test
    void theOwnerReRatesTheChosenEntriesAndInvoicedOnesStayAsTheyWere() throws Exception {
        rates.set(owner, new RateInput("CLIENT", gamma.value().toString(), "GBP", "50"));
        TimeEntry a = log(owner, gamma, null, "2026-12-01", "09:00", "10:00", true);
        TimeEntry b = log(member, gamma, null, "2026-12-01", "09:00", "10:00", true);
        TimeEntry invoiced = log(owner, gamma, null, "2026-12-02", "09:00", "10:00", true);
        TimeEntry untouched = log(owner, gamma, null, "2026-12-03", "09:00", "10:00", true);
        entries.lockForInvoice(ws.created().workspaceId(), List.of(invoiced.id()), UUID.randomUUID(), "INV-1");
        rates.set(owner, new RateInput("CLIENT", gamma.value().toString(), "GBP", "60"));

        Document html = list(owner, "");
        assertThat(html.selectFirst("#rerate-hint").text()).contains("rate in force today");
        assertThat(html.select("input[name=ids][form=rerate-form]")).hasSize(4);

        MvcResult result = mvc.perform(post("/time/entries/rerate").with(csrf()).with(user(owner))
                .param("ids", a.id().toString(), b.id().toString(), invoiced.id().toString())
                .param("back", "/time/entries?clientId=" + gamma.value())).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/time/entries?clientId=" + gamma.value());
        assertThat(result.getFlashMap().get("notice")).isEqualTo("2 entries re-rated, 1 locked left alone.");
        assertThat(entries.get(owner, a.id()).rate().plain()).isEqualTo("60.00");
        assertThat(entries.get(owner, b.id()).rate().plain()).isEqualTo("60.00");
        assertThat(entries.get(owner, invoiced.id()).rate().plain()).isEqualTo("50.00");
        assertThat(entries.get(owner, untouched.id()).rate().plain()).isEqualTo("50.00");
    }

    @Test
    void onlyTheOwnerReRates() throws Exception {
        TimeEntry mine = log(member, gamma, null, "2026-12-01", "09:00", "10:00", true);

        assertThat(mvc.perform(post("/time/entries/rerate").with(csrf()).with(user(member))
                .param("ids", mine.id().toString())).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/time/entries/rerate").with(csrf()).with(user(owner))).andReturn().getFlashMap()
                .get("notice")).isEqualTo("Select the entries to re-rate first.");
    }
}
