package app.clientdesk.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.work.ProjectId;
import app.clientdesk.work.ProjectInput;
import app.clientdesk.work.Projects;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.TaskInput;
import app.clientdesk.work.Tasks;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The rates page, "which rate applies?", and time and billing on a client's page, as the owner and a member use them. */
class RatesWebIT extends IntegrationTest {

    @Autowired Rates rates;
    @Autowired TimeEntries entries;
    @Autowired Projects projects;
    @Autowired Tasks tasks;

    TestWorkspace ws;
    CurrentUser owner;
    CurrentUser member;
    ClientId gamma;
    ProjectId site;

    @BeforeEach
    void workspace() {
        ws = newWorkspace();
        owner = ws.owner();
        member = addMember(ws);
        gamma = createClient(ws, "Gamma Ltd", member.id());
        site = projects.create(owner, new ProjectInput(gamma.toString(), "Website", "ACTIVE", null, null, null, null,
                null));
    }

    private MockHttpServletRequestBuilder setRate(String scope, String key, String currency, String amount) {
        return post("/time/rates").with(user(owner)).with(csrf()).param("scope", scope).param("key", key)
                .param("currency", currency).param("amount", amount);
    }

    private String page(CurrentUser who, String path) throws Exception {
        return mvc.perform(get(path).with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    /** The HTML of one section of the rates page. */
    private static String section(String page, String id) {
        Matcher m = Pattern.compile("(?s)<section class=\"card rate-section\" id=\"" + id + "\".*?</section>").matcher(page);
        assertThat(m.find()).as("section %s", id).isTrue();
        return m.group();
    }

    @Test
    void theOwnerSetsARateForEachKindOfThingAndSeesThemListed() throws Exception {
        String notice = (String) mvc.perform(setRate("WORKSPACE", "", "GBP", "50"))
                .andExpect(status().isFound()).andExpect(r -> assertThat(r.getResponse().getRedirectedUrl())
                        .isEqualTo("/time/rates"))
                .andReturn().getFlashMap().get("notice");
        assertThat(notice).isEqualTo("Rate set: the workspace default in GBP, £50.00 an hour. It applies to new entries.");
        mvc.perform(setRate("CLIENT", gamma.toString(), "GBP", "60")).andExpect(status().isFound());
        mvc.perform(setRate("PROJECT", site.toString(), "GBP", "70,5")).andExpect(status().isFound());
        mvc.perform(setRate("TASK_TYPE", "Bookkeeping", "GBP", "80")).andExpect(status().isFound());
        mvc.perform(setRate("MEMBER", member.id().toString(), "USD", "25")).andExpect(status().isFound());

        String page = page(owner, "/time/rates");
        assertThat(section(page, "rates-workspace")).contains("GBP", "£50.00").doesNotContain("No default rate yet");
        assertThat(section(page, "rates-client")).contains("<a href=\"/clients/" + gamma + "\">Gamma Ltd</a>", "£60.00");
        assertThat(section(page, "rates-project")).contains("Gamma Ltd · Website", "£70.50");
        assertThat(section(page, "rates-task-type")).contains("Bookkeeping", "£80.00");
        assertThat(section(page, "rates-member")).contains("Member", "$25.00");
        assertThat(page).contains("the most specific rate wins", "Changing a rate affects new entries only",
                "href=\"/time/entries\"");
        assertThat(rates.all(owner)).hasSize(5);
    }

    @Test
    void settingTheSameThingAndCurrencyAgainReplacesItAndSaysSo() throws Exception {
        mvc.perform(setRate("CLIENT", gamma.toString(), "GBP", "60")).andExpect(status().isFound());
        MvcResult again = mvc.perform(setRate("CLIENT", gamma.toString(), "GBP", "65")).andExpect(status().isFound())
                .andReturn();

        assertThat(again.getFlashMap().get("notice")).isEqualTo("Rate for Gamma Ltd changed from £60.00 to £65.00 an hour."
                + " New entries get the new rate; logged entries keep theirs.");
        assertThat(rates.all(owner)).singleElement().satisfies(r -> assertThat(r.hourly().plain()).isEqualTo("65.00"));
        assertThat(section(page(owner, "/time/rates"), "rates-client"))
                .contains("Setting a rate for a client that already has one replaces it.");
    }

    @Test
    void aClientsRateLeftWithoutACurrencyIsInTheClientsCurrency() throws Exception {
        mvc.perform(setRate("CLIENT", gamma.toString(), "", "60")).andExpect(status().isFound());
        assertThat(rates.all(owner)).singleElement()
                .satisfies(r -> assertThat(r.hourly().currency().getCurrencyCode()).isEqualTo("GBP"));
    }

    @Test
    void aRefusedRateShowsItsErrorsOnItsOwnFormAndLeavesTheOthersAlone() throws Exception {
        String page = mvc.perform(setRate("CLIENT", gamma.toString(), "EUR", "60"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();

        String client = section(page, "rates-client");
        assertThat(client).contains("id=\"err-currency\">Rates for Gamma Ltd are in GBP, the client's currency.</p>",
                "value=\"60\"", "aria-invalid=\"true\"");
        assertThat(section(page, "rates-project")).doesNotContain("field-error", "aria-invalid=\"true\"");
        assertThat(section(page, "rates-workspace")).doesNotContain("field-error").contains("value=\"\"");
        assertThat(page).contains("The rate was not set. Nothing was saved.", "href=\"#rates-client\"");

        String amount = mvc.perform(setRate("WORKSPACE", "", "JPY", "10.5"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(section(amount, "rates-workspace")).contains("id=\"err-amount\">Give the hourly rate as an amount of "
                + "zero or more, with at most 0 decimals.</p>", "value=\"10.5\"");

        String member = mvc.perform(setRate("MEMBER", "not-an-id", "GBP", "10"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(section(member, "rates-member")).contains("id=\"err-key\">There is no such member.</p>");

        String type = mvc.perform(setRate("TASK_TYPE", " ", "GBP", "10"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(section(type, "rates-task-type")).contains("id=\"err-key\">Give the task type (up to 60 characters).</p>");

        String nonsense = mvc.perform(setRate("GALAXY", "", "GBP", "10"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(nonsense).contains("Choose what the rate is for.");
        assertThat(rates.all(owner)).isEmpty();
    }

    @Test
    void aClientIsTypedByItsNameAsTheListOffersItOrNotAtAll() throws Exception {
        ClientId other = createClient(ws, "Gamma Studio");
        String page = page(owner, "/time/rates");
        assertThat(page).contains("<option value=\"Gamma Ltd (GBP)\" data-currency=\"GBP\"></option>",
                "list=\"rate-clients\"");

        mvc.perform(setRate("CLIENT", "Gamma Ltd (GBP)", "", "60")).andExpect(status().isFound());
        mvc.perform(setRate("CLIENT", "  gamma studio ", "gbp", "55")).andExpect(status().isFound());
        assertThat(rates.all(owner)).extracting(r -> r.key() + " " + r.hourly().currency().getCurrencyCode() + " "
                + r.hourly().plain()).containsExactlyInAnyOrder(gamma + " GBP 60.00", other + " GBP 55.00");

        String near = mvc.perform(setRate("CLIENT", "Gamma", "GBP", "70"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(section(near, "rates-client")).contains("id=\"err-key\">No current client is named “Gamma”. Did you "
                + "mean Gamma Ltd (GBP), Gamma Studio (GBP)?</p>", "value=\"Gamma\"", "value=\"70\"");
        String none = mvc.perform(setRate("CLIENT", "Zeta", "GBP", "70"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(section(none, "rates-client")).contains("id=\"err-key\">No current client is named “Zeta”.");
        String currency = mvc.perform(setRate("WORKSPACE", "", "XYZ", "70"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(section(currency, "rates-workspace")).contains("id=\"err-currency\">Choose a currency from the list.",
                "value=\"XYZ\"");
        assertThat(rates.all(owner)).hasSize(2);

        // The tester and the project form take the name too; a name of no client is said so.
        String answer = mvc.perform(get("/time/rates/preview").with(user(owner)).header("HX-Request", "true")
                .param("clientId", "gamma ltd")).andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("<strong>£60.00</strong> an hour");
        assertThat(mvc.perform(get("/time/rates/preview").with(user(owner)).header("HX-Request", "true")
                .param("clientId", "Zeta")).andReturn().getResponse().getContentAsString())
                .contains("There is no such client.");
        assertThat(mvc.perform(get("/time/rates").with(user(owner)).param("projectClient", "Gamma Ltd (GBP)"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains(">Website (GBP)</option>", "id=\"rates-project-client\" name=\"projectClient\"",
                        "value=\"Gamma Ltd (GBP)\"");
    }

    @Test
    void removingARateTakesItOffTheList() throws Exception {
        Rate rate = rates.set(owner, new RateInput("CLIENT", gamma.toString(), "GBP", "60"));
        String page = page(owner, "/time/rates");
        assertThat(page).contains("action=\"/time/rates/" + rate.id() + "/delete\"",
                "data-confirm=\"Remove the rate for Gamma Ltd (£60.00 an hour)?");

        MvcResult removed = mvc.perform(post("/time/rates/" + rate.id() + "/delete").with(user(owner)).with(csrf()))
                .andExpect(status().isFound()).andReturn();

        assertThat(removed.getFlashMap().get("notice")).isEqualTo("Rate removed: Gamma Ltd, £60.00 an hour. New entries "
                + "get the next rate that applies; logged entries keep theirs.");
        assertThat(rates.all(owner)).isEmpty();
        assertThat(section(page(owner, "/time/rates"), "rates-client")).contains("No client has its own rate yet.");
        mvc.perform(post("/time/rates/" + rate.id() + "/delete").with(user(owner)).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theTesterShowsTheRateANewEntryGetsAndWhy() throws Exception {
        TaskId task = tasks.create(owner, new TaskInput("Books", null, gamma.toString(), site.toString(), null, false,
                false, null, null, null, null, null, "Bookkeeping", null, null, List.of(), null, null, List.of()));
        rates.set(owner, new RateInput("WORKSPACE", null, "GBP", "50"));
        rates.set(owner, new RateInput("WORKSPACE", null, "USD", "40"));
        rates.set(owner, new RateInput("CLIENT", gamma.toString(), "GBP", "60"));
        rates.set(owner, new RateInput("PROJECT", site.toString(), "GBP", "70"));

        String answer = mvc.perform(get("/time/rates/preview").with(user(owner)).header("HX-Request", "true")
                        .param("clientId", gamma.toString()).param("projectId", site.toString())
                        .param("taskType", "bookkeeping").param("userId", owner.id().toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(answer).doesNotContain("<html").contains("<strong>£70.00</strong> an hour",
                "Rule that applies: <strong>Project</strong> — Website", "no rate in GBP", "overridden",
                "Left out because they are not in GBP:", "Workspace default: $40.00");
        assertThat(stepOf(answer, "Project")).contains("state-applies");
        assertThat(stepOf(answer, "Client")).contains("state-overridden", "£60.00");

        // What the tester says is what a new entry gets.
        TimeEntry entry = entries.create(owner, TimeEntryInput.ofInstants(null, null, task.toString(),
                "2026-11-02T09:00:00Z", "2026-11-02T10:00:00Z", true, null, null));
        assertThat(entry.rate().plain()).isEqualTo("70.00");
        assertThat(entry.rateSource()).isEqualTo(RateScope.PROJECT);

        rates.set(owner, new RateInput("TASK_TYPE", "Bookkeeping", "GBP", "80"));
        String byType = mvc.perform(get("/time/rates/preview").with(user(owner)).header("HX-Request", "true")
                .param("clientId", gamma.toString()).param("projectId", site.toString()).param("taskType", "BOOKKEEPING")
                .param("userId", owner.id().toString())).andReturn().getResponse().getContentAsString();
        assertThat(byType).contains("<strong>£80.00</strong>", "Rule that applies: <strong>Task type</strong> — BOOKKEEPING");
        TimeEntry typed = entries.create(owner, TimeEntryInput.ofInstants(null, null, task.toString(),
                "2026-11-03T09:00:00Z", "2026-11-03T10:00:00Z", true, null, null));
        assertThat(typed.rate().plain()).isEqualTo("80.00");

        // Without htmx the whole page comes back, the answer in place and the choices kept.
        String full = page(owner, "/time/rates/preview?clientId=" + gamma + "&taskType=Bookkeeping");
        assertThat(full).contains("<h1>Rates</h1>", "<strong>£80.00</strong>", "value=\"Bookkeeping\"");
    }

    @Test
    void theTesterSaysWhenNoRateApplies() throws Exception {
        String answer = mvc.perform(get("/time/rates/preview").with(user(owner)).header("HX-Request", "true")
                .param("clientId", gamma.toString())).andReturn().getResponse().getContentAsString();
        assertThat(answer).contains("No rate applies", "New entries for Gamma Ltd get no rate. Set a workspace default in GBP");
        String nothing = mvc.perform(get("/time/rates/preview").with(user(owner)).header("HX-Request", "true"))
                .andReturn().getResponse().getContentAsString();
        assertThat(nothing).contains("Choose a client to see the rate its new entries get.");
    }

    @Test
    void membersCannotSeeOrChangeRates() throws Exception {
        mvc.perform(get("/time/rates").with(user(member))).andExpect(status().isForbidden());
        mvc.perform(get("/time/rates/preview").with(user(member)).param("clientId", gamma.toString()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/time/rates").with(user(member)).with(csrf()).param("scope", "CLIENT")
                .param("key", gamma.toString()).param("currency", "GBP").param("amount", "1"))
                .andExpect(status().isForbidden());
        assertThat(rates.all(owner)).isEmpty();
    }

    // --- the client's page ---------------------------------------------------------------------------

    private void log(CurrentUser who, String date, String from, String to, boolean billable) {
        entries.create(who, TimeEntryInput.ofLocal(gamma.toString(), null, null, date, from, null, to,
                "America/Sao_Paulo", billable, null, null));
    }

    /** The client page's "Time and billing" section. */
    private String timeSection(CurrentUser who) throws Exception {
        String page = page(who, "/clients/" + gamma);
        Matcher m = Pattern.compile("(?s)<section class=\"card client-time\" id=\"time-and-billing\".*?</section>")
                .matcher(page);
        assertThat(m.find()).as("the time and billing section").isTrue();
        return m.group();
    }

    @Test
    void theOwnerSeesThisMonthsTimeAndChangesTheRoundingWhichIsThenShownWithAnExample() throws Exception {
        clock.set(Instant.parse("2026-11-20T15:00:00Z"));
        rates.set(owner, new RateInput("CLIENT", gamma.toString(), "GBP", "60"));
        log(owner, "2026-11-10", "09:00", "09:07", true);
        log(owner, "2026-11-10", "10:00", "11:00", true);
        log(owner, "2026-11-11", "09:00", "09:30", false);
        log(owner, "2026-10-31", "22:00", "23:00", true); // last month

        String before = timeSection(owner);
        assertThat(before).contains("This month (November 2026)", "<dt>Tracked</dt><dd>1:37</dd>",
                "<dt>Billable</dt><dd>1:07</dd>", "<dt>Billed after rounding</dt><dd>1:07</dd>",
                "<dt>Amount</dt><dd>£67.00</dd>", "<strong>£60.00</strong> an hour", "this client's own rate",
                "Billable time is not rounded: it is billed as tracked, to the second.",
                "action=\"/time/clients/" + gamma + "/rounding\"");

        MvcResult saved = mvc.perform(post("/time/clients/" + gamma + "/rounding").with(user(owner)).with(csrf())
                        .param("mode", "UP").param("minutes", "15").param("scope", "ENTRY"))
                .andExpect(status().isFound()).andReturn();
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/clients/" + gamma + "#time-and-billing");
        assertThat(saved.getFlashMap().get("notice"))
                .isEqualTo("Rounding for Gamma Ltd saved. Billable time is rounded up to 15 minutes per entry.");

        String after = timeSection(owner);
        assertThat(after).contains("Billable time is rounded up to 15 minutes per entry.",
                "For example, an entry of 0:07 is billed as 0:15.",
                // 0:07 → 0:15 and 1:00 stays: 1:15 at £60 an hour.
                "<dt>Billed after rounding</dt><dd>1:15</dd>", "<dt>Amount</dt><dd>£75.00</dd>",
                "<option value=\"UP\" selected>", "<option value=\"15\" selected>15 minutes</option>",
                "value=\"ENTRY\" checked");

        mvc.perform(post("/time/clients/" + gamma + "/rounding").with(user(owner)).with(csrf())
                .param("mode", "NEAREST").param("minutes", "6").param("scope", "DAY")).andExpect(status().isFound());
        assertThat(timeSection(owner)).contains(
                "Billable time is rounded to the nearest 6 minutes on each task's daily total.",
                "For example, a task's entries of one day that add up to 1:02 are billed as 1:00, and 1:03 as 1:06.",
                // one day of 1:07 without a task: 1:06.
                "<dt>Billed after rounding</dt><dd>1:06</dd>");
        assertThat(entries.rounding(owner, gamma)).isEqualTo(new Rounding(Rounding.Mode.NEAREST, 6, Rounding.Scope.DAY));
    }

    @Test
    void aMemberSeesTheRuleInWordsAndTheirOwnTimeButNoFormAndCannotChangeIt() throws Exception {
        clock.set(Instant.parse("2026-11-20T15:00:00Z"));
        entries.setRounding(owner, gamma, new Rounding(Rounding.Mode.DOWN, 6, Rounding.Scope.ENTRY));
        log(member, "2026-11-12", "09:00", "09:50", true);
        log(owner, "2026-11-12", "09:00", "12:00", true);

        String section = timeSection(member);
        assertThat(section).contains("Your own time for this client.", "<dt>Tracked</dt><dd>0:50</dd>",
                "<dt>Billed after rounding</dt><dd>0:48</dd>",
                "Billable time is rounded down to 6 minutes per entry.",
                "For example, an entry of 0:03 is billed as 0:00.")
                .doesNotContain("<form", "Amount", "Hourly rate", "£");

        mvc.perform(post("/time/clients/" + gamma + "/rounding").with(user(member)).with(csrf())
                .param("mode", "NONE").param("minutes", "1").param("scope", "ENTRY")).andExpect(status().isForbidden());
        assertThat(entries.rounding(owner, gamma)).isEqualTo(new Rounding(Rounding.Mode.DOWN, 6, Rounding.Scope.ENTRY));
    }

    @Test
    void aRoundingTheListsDoNotOfferIsRefusedWithItsErrors() throws Exception {
        String page = mvc.perform(post("/time/clients/" + gamma + "/rounding").with(user(owner)).with(csrf())
                        .param("mode", "SIDEWAYS").param("minutes", "7").param("scope", "ENTRY"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<h1>Rounding for Gamma Ltd</h1>", "Choose how to round from the list.",
                "Choose a step of 1, 5, 6, 10, 15 or 30 minutes.");
        assertThat(entries.rounding(owner, gamma)).isEqualTo(Rounding.NONE);
    }

    @Test
    void thePortugueseWordsForTheRule() throws Exception {
        TestWorkspace pt = newWorkspace("VA Brasil", "pt-BR");
        ClientId client = createClient(pt, "Cliente Ômega");
        entries.setRounding(pt.owner(), client, new Rounding(Rounding.Mode.UP, 15, Rounding.Scope.DAY));
        String page = page(pt.owner(), "/clients/" + client);
        assertThat(page).contains("Tempo e faturamento",
                "O tempo faturável é arredondado para cima, em múltiplos de 15 minutos, no total diário de cada tarefa.",
                "Por exemplo, os lançamentos de uma tarefa num dia que somam 0:07 são faturados como 0:15.");
    }

    private static String stepOf(String answer, String scope) {
        Matcher m = Pattern.compile("(?s)<li class=\"rate-step [^\"]*\">\\s*<span class=\"rate-step-what\"><span "
                + "class=\"rate-step-scope\">" + scope + "</span>.*?</li>").matcher(answer);
        assertThat(m.find()).as("step %s", scope).isTrue();
        return m.group();
    }
}
