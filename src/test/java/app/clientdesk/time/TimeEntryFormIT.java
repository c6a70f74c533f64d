package app.clientdesk.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.TaskInput;
import app.clientdesk.work.Tasks;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Entries typed by hand in the entry form: new, edit, delete, and the errors a person can make. */
class TimeEntryFormIT extends IntegrationTest {

    @Autowired TimeEntries entries;
    @Autowired Tasks tasks;

    TestWorkspace ws;
    CurrentUser owner;
    CurrentUser member;
    ClientId client;

    @BeforeEach
    void workspace() {
        ws = newWorkspace();
        owner = ws.owner();
        member = addMember(ws);
        client = createClient(ws, "Gamma Ltd", member.id());
        clock.set(Instant.parse("2026-12-02T15:00:00Z"));
    }

    private MockHttpServletRequestBuilder form(String url, String date, String start, String endDate, String end,
            String zone) {
        return post(url).with(csrf()).param("clientId", client.value().toString()).param("date", date)
                .param("startTime", start).param("endDate", endDate).param("endTime", end).param("zone", zone);
    }

    private List<TimeEntry> all(CurrentUser who) {
        return entries.search(who, TimeQuery.between(LocalDate.parse("2020-01-01"), LocalDate.parse("2030-01-01")));
    }

    private Document page(MockHttpServletResponse response) throws Exception {
        return Jsoup.parse(response.getContentAsString());
    }

    @Test
    void theNewEntryFormIsPrefilledWithTheDayAndThePersonsZone() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/time/entries/new").param("date", "2026-12-04")
                .with(user(member))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        Document html = page(response);
        assertThat(html.selectFirst("#date").attr("value")).isEqualTo("2026-12-04");
        assertThat(html.selectFirst("#endDate").attr("value")).isEqualTo("2026-12-04");
        assertThat(html.selectFirst("#zone").attr("value")).isEqualTo("America/Sao_Paulo");
        assertThat(html.selectFirst("input[name=billable]").hasAttr("checked")).isTrue();
        assertThat(html.select("#clientId option")).extracting(o -> o.text()).contains("Gamma Ltd");
        // Only the owner chooses the person and sets a rate.
        assertThat(html.select("#userId, #rate")).isEmpty();
        assertThat(page(mvc.perform(get("/time/entries/new").with(user(owner))).andReturn().getResponse())
                .select("#userId, #rate")).hasSize(2);
    }

    @Test
    void anEntryAcrossMidnightIsSavedWithItsTrueLengthAndTheFlashSaysSo() throws Exception {
        MvcResult result = mvc.perform(form("/time/entries", "2026-12-01", "22:00", "2026-12-02", "01:15",
                "America/Sao_Paulo").param("note", "Launch night").param("tags", "launch, urgent").param("billable", "true")
                .with(user(member)))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/time?week=2026-11-30");
        assertThat(result.getFlashMap().get("notice")).isEqualTo("Logged 3:15 for Gamma Ltd on Tue, Dec 1, 2026.");
        TimeEntry saved = all(member).get(0);
        assertThat(saved.durationSeconds()).isEqualTo(3 * 3600 + 15 * 60);
        assertThat(saved.localDate()).isEqualTo(LocalDate.parse("2026-12-01"));
        assertThat(saved.note()).isEqualTo("Launch night");
        assertThat(saved.tags()).containsExactly("launch", "urgent");
        assertThat(saved.userId()).isEqualTo(member.id());
    }

    @Test
    void aSpringForwardNightCountsTheHourThatWasLived() throws Exception {
        MvcResult result = mvc.perform(form("/time/entries", "2027-03-14", "01:30", "", "03:30", "America/New_York")
                .with(user(owner))).andReturn();

        assertThat(result.getFlashMap().get("notice")).asString().startsWith("Logged 1:00 for Gamma Ltd");
        TimeEntry saved = all(owner).get(0);
        assertThat(saved.durationSeconds()).isEqualTo(3600);
        assertThat(saved.zone().getId()).isEqualTo("America/New_York");

        Document sheet = page(mvc.perform(get("/time?week=2027-03-14").with(user(owner))).andReturn().getResponse());
        assertThat(sheet.selectFirst("#week-total").text()).isEqualTo("1:00");
        assertThat(sheet.selectFirst(".entry-zone").text()).isEqualTo("America/New_York");
        Document edit = page(mvc.perform(get("/time/entries/" + saved.id() + "/edit").with(user(owner)))
                .andReturn().getResponse());
        assertThat(edit.selectFirst("#entry-duration").text()).isEqualTo("1:00");
        assertThat(edit.selectFirst("#startTime").attr("value")).isEqualTo("01:30");
        assertThat(edit.selectFirst("#endTime").attr("value")).isEqualTo("03:30");
    }

    @Test
    void everyMistakeIsShownBesideItsFieldAndNothingIsSaved() throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/time/entries").with(csrf()).with(user(owner))
                .param("clientId", "").param("date", "2026-12-01").param("startTime", "10:00")
                .param("endTime", "09:00").param("breakMinutes", "ten").param("zone", "Mars/Olympus")
                .param("note", "Kept as typed")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(422);
        Document html = page(response);
        assertThat(html.selectFirst(".form-alert").text()).contains("Nothing was saved");
        assertThat(html.selectFirst("#clientId").attr("aria-invalid")).isEqualTo("true");
        assertThat(html.selectFirst("#err-clientId").text()).isEqualTo("Choose a client or a task.");
        assertThat(html.selectFirst("#breakMinutes").attr("aria-describedby")).isEqualTo("err-breakMinutes");
        assertThat(html.selectFirst("#err-breakMinutes").text()).contains("whole minutes");
        assertThat(html.selectFirst("#err-zone").text()).contains("time zone");
        assertThat(html.selectFirst("#note").text()).isEqualTo("Kept as typed");
        assertThat(all(owner)).isEmpty();

        MockHttpServletResponse backwards = mvc.perform(form("/time/entries", "2026-12-01", "10:00", "", "09:00",
                "America/Sao_Paulo").with(user(owner))).andReturn().getResponse();
        assertThat(backwards.getStatus()).isEqualTo(422);
        assertThat(page(backwards).selectFirst("#err-endTime").text()).isEqualTo("The end must be after the start.");
    }

    @Test
    void anOverlapIsShownOnTheStart() throws Exception {
        mvc.perform(form("/time/entries", "2026-12-01", "09:00", "", "10:00", "America/Sao_Paulo").with(user(owner)));

        MockHttpServletResponse response = mvc.perform(form("/time/entries", "2026-12-01", "09:30", "", "11:00",
                "America/Sao_Paulo").with(user(owner))).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(page(response).selectFirst("#err-startTime").text()).contains("overlaps your entry");
        assertThat(all(owner)).hasSize(1);
    }

    @Test
    void editingChangesTheEntryAndATaskBringsItsClient() throws Exception {
        TaskId task = tasks.create(owner, new TaskInput("Newsletter", null, client.value().toString(), null, null,
                false, false, null, null, null, null, null, null, null, null, List.of(), null, null, List.of()));
        TimeEntry e = entries.create(member, TimeEntryInput.ofLocal(client.value().toString(), null, null,
                "2026-12-01", "09:00", null, "10:00", null, true, "Draft", List.of("old")));

        Document edit = page(mvc.perform(get("/time/entries/" + e.id() + "/edit").with(user(member))).andReturn()
                .getResponse());
        assertThat(edit.selectFirst("#note").text()).isEqualTo("Draft");
        assertThat(edit.selectFirst("#tags").attr("value")).isEqualTo("old");
        assertThat(edit.select("button[type=submit]").eachText()).contains("Save", "Delete this entry");

        MvcResult saved = mvc.perform(form("/time/entries/" + e.id(), "2026-12-01", "09:00", "", "10:30",
                "America/Sao_Paulo").param("taskId", task.value().toString()).param("note", "").param("tags", "")
                .param("back", "/time/entries?clientId=" + client.value()).with(user(member))).andReturn();

        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/time/entries?clientId=" + client.value());
        assertThat(saved.getFlashMap().get("notice")).asString().startsWith("Saved: 1:30 for Gamma Ltd");
        TimeEntry changed = entries.get(member, e.id());
        assertThat(changed.taskId()).isEqualTo(task);
        assertThat(changed.billable()).isFalse();
        assertThat(changed.note()).isNull();
        assertThat(changed.tags()).isEmpty();
    }

    @Test
    void anInvoicedEntrySaysWhyAndOffersNoSave() throws Exception {
        TimeEntry e = entries.create(owner, TimeEntryInput.ofLocal(client.value().toString(), null, null,
                "2026-12-01", "09:00", null, "10:00", null, true, null, null));
        entries.lockForInvoice(ws.created().workspaceId(), List.of(e.id()), UUID.randomUUID(), "INV-2026-0042");

        Document edit = page(mvc.perform(get("/time/entries/" + e.id() + "/edit").with(user(owner))).andReturn()
                .getResponse());
        assertThat(edit.selectFirst(".entry-locked").text()).contains("invoice INV-2026-0042", "credit note");
        assertThat(edit.select("main button[type=submit]")).isEmpty();
        assertThat(edit.selectFirst("fieldset.entry-fields").hasAttr("disabled")).isTrue();

        MockHttpServletResponse refused = mvc.perform(form("/time/entries/" + e.id(), "2026-12-01", "09:00", "",
                "11:00", "America/Sao_Paulo").with(user(owner))).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(page(refused).selectFirst(".form-alert").text()).contains("INV-2026-0042");
        MockHttpServletResponse notDeleted = mvc.perform(post("/time/entries/" + e.id() + "/delete").with(csrf())
                .with(user(owner))).andReturn().getResponse();
        assertThat(notDeleted.getStatus()).isEqualTo(422);
        assertThat(entries.get(owner, e.id()).durationSeconds()).isEqualTo(3600);
    }

    @Test
    void deletingGoesBackWhereThePersonCameFromButNeverOffSite() throws Exception {
        TimeEntry e = entries.create(owner, TimeEntryInput.ofLocal(client.value().toString(), null, null,
                "2026-12-01", "09:00", null, "10:00", null, true, null, null));
        TimeEntry f = entries.create(owner, TimeEntryInput.ofLocal(client.value().toString(), null, null,
                "2026-12-01", "11:00", null, "12:00", null, true, null, null));

        MvcResult deleted = mvc.perform(post("/time/entries/" + e.id() + "/delete").param("back", "/time/entries")
                .with(csrf()).with(user(owner))).andReturn();
        assertThat(deleted.getResponse().getRedirectedUrl()).isEqualTo("/time/entries");
        assertThat(deleted.getFlashMap().get("notice")).isEqualTo("Deleted the entry of 1:00 for Gamma Ltd.");
        assertThat(entries.find(owner, e.id())).isEmpty();

        MvcResult offSite = mvc.perform(post("/time/entries/" + f.id() + "/delete")
                .param("back", "//evil.example/time").with(csrf()).with(user(owner))).andReturn();
        assertThat(offSite.getResponse().getRedirectedUrl()).isEqualTo("/time?week=2026-11-30");
    }

    @Test
    void theOwnerLogsTimeForAMemberAtAnAgreedRate() throws Exception {
        MvcResult result = mvc.perform(form("/time/entries", "2026-12-01", "09:00", "", "10:00", "America/Sao_Paulo")
                .param("userId", member.id().value().toString()).param("rate", "42,5").with(user(owner))).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/time?week=2026-11-30&user=" + member.id().value());
        TimeEntry saved = all(member).get(0);
        assertThat(saved.userId()).isEqualTo(member.id());
        assertThat(saved.rate()).as("the member does not see the rate").isNull();
        saved = entries.get(owner, saved.id());
        assertThat(saved.rate().plain()).isEqualTo("42.50");
        assertThat(saved.rateSource()).isEqualTo(RateScope.ENTRY);

        // A member who slips the fields in is still logging their own time at the rules' rate.
        mvc.perform(form("/time/entries", "2026-12-02", "09:00", "", "10:00", "America/Sao_Paulo")
                .param("userId", owner.id().value().toString()).param("rate", "999").with(user(member)));
        assertThat(all(owner).stream().filter(x -> x.userId().equals(owner.id()))).isEmpty();
        assertThat(all(owner)).allSatisfy(x -> assertThat(x.rate() == null || !x.rate().plain().equals("999.00")).isTrue());
    }
}
