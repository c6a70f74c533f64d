package app.clientdesk.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.billing.DraftInput.LineInput;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.time.RateInput;
import app.clientdesk.time.Rates;
import app.clientdesk.time.Rounding;
import app.clientdesk.time.TimeEntries;
import app.clientdesk.time.TimeEntry;
import app.clientdesk.time.TimeEntryInput;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The invoice screens as the owner uses them: list, draft form, adding time, issuing, payments, voiding, terms. */
class InvoiceScreensIT extends IntegrationTest {

    @Autowired Invoices invoices;
    @Autowired Payments payments;
    @Autowired TimeEntries time;
    @Autowired Rates rates;
    @Autowired JdbcClient jdbc;

    private TestWorkspace ws;
    private CurrentUser owner;
    private ClientId acme;

    @BeforeEach
    void workspace() {
        clock.set(Instant.parse("2026-11-20T15:00:00Z"));
        ws = newWorkspace();
        owner = ws.owner();
        acme = createClient(ws, "Acme Ltd");
    }

    private ClientId client(String name) {
        ClientInput base = clientInput(name, List.of());
        return clients.create(owner, base);
    }

    private Invoice draft(ClientId client, String description, String quantity, String price) {
        return invoices.createDraft(owner, new DraftInput(client.value().toString(), null, null, null, null, null,
                null, List.of(new LineInput(null, description, quantity, null, price, null, null, null))));
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user(owner))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        return request.with(user(owner)).with(csrf());
    }

    @Test
    void theListFiltersByStateClientAndSearchAndShowsWhatIsOutstandingAndHowLate() throws Exception {
        ClientId other = client("Borealis Studio");
        Invoice open = invoices.issue(owner, draft(acme, "Setup", "1", "100.00").id(), null);
        Invoice paid = invoices.issue(owner, draft(other, "Design", "1", "50.00").id(), null);
        payments.record(owner, paid.id(), new PaymentInput("50.00", null, null, null, "BANK", null, null, false), null);
        draft(other, "Next month", "1", "10.00");

        String all = page("/billing/invoices");
        assertThat(all).contains("Invoices 1–3, newest first", "INV-2026-0001", "INV-2026-0002", "Draft", "£100.00");
        assertThat(all).as("outstanding: only the open invoice").contains("data-outstanding>£100.00<");

        String drafts = page("/billing/invoices?tab=draft");
        assertThat(drafts).contains("Invoices 1–1, newest first", "Borealis Studio").doesNotContain("INV-2026-0001");
        assertThat(page("/billing/invoices?tab=paid")).contains("INV-2026-0002").doesNotContain("INV-2026-0001");
        assertThat(page("/billing/invoices?tab=open")).contains("INV-2026-0001").doesNotContain("INV-2026-0002");
        assertThat(page("/billing/invoices?client=" + other.value())).contains("Invoices 1–2, newest first")
                .doesNotContain("INV-2026-0001");
        assertThat(page("/billing/invoices?q=0002")).contains("Invoices 1–1, newest first", "INV-2026-0002");
        assertThat(page("/billing/invoices?q=acme")).contains("Invoices 1–1, newest first", "INV-2026-0001");
        assertThat(page("/billing/invoices?tab=overdue")).contains("No invoice matches.");

        // Net 14 days from 20 Nov: due 4 Dec; on 10 Dec it is 6 days late.
        clock.set(Instant.parse("2026-12-10T15:00:00Z"));
        String overdue = page("/billing/invoices?tab=overdue");
        assertThat(overdue).contains("Invoices 1–1, newest first", "INV-2026-0001", "6 days late", "invoice-late");
        assertThat(page("/billing/invoices/" + open.id())).contains("Overdue · 6 days late");
    }

    @Test
    void aNewInvoiceWithMistakesComesBackWithEachErrorOnItsFieldAndNothingSaved() throws Exception {
        String form = page("/billing/invoices/new?clientId=" + acme.value());
        assertThat(form).contains("name=\"lines[0].description\"", "name=\"lines[2].unitPrice\"",
                "value=\"" + acme.value() + "\" selected");

        String refused = mvc.perform(as(post("/billing/invoices")).param("clientId", acme.value().toString())
                        .param("lines[0].description", "").param("lines[0].quantity", "-1")
                        .param("lines[0].unitPrice", "10").param("lines[1].description", "Ok")
                        .param("lines[1].quantity", "1").param("lines[1].unitPrice", "1.234")
                        .param("netDays", "400"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"err-lines-0--description\"", "Describe the line.",
                "id=\"err-lines-0--quantity\"", "Negative quantities belong on credit notes",
                "id=\"err-lines-1--unitPrice\"", "id=\"err-netDays\"", "value=\"1.234\"");
        assertThat(invoices.list(owner, InvoiceQuery.all()).total()).isZero();

        TestWorkspace br = newWorkspace("VA Brasil", "pt-BR");
        ClientId cliente = clients.create(br.owner(), clientInput("Padaria Sol", List.of()));
        String recusado = mvc.perform(post("/billing/invoices").with(user(br.owner())).with(csrf())
                        .param("clientId", cliente.value().toString()).param("lines[0].description", "")
                        .param("lines[0].quantity", "2").param("lines[0].unitPrice", "10"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(recusado).contains("id=\"err-lines-0--description\"", "Descreva a linha.",
                "Alguns campos precisam de atenção");
    }

    @Test
    void aDraftIsCreatedThenEditedAndTheServersTotalsAreShown() throws Exception {
        MvcResult created = mvc.perform(as(post("/billing/invoices")).param("clientId", acme.value().toString())
                        .param("taxMode", "EXCLUSIVE").param("discountPercent", "10")
                        .param("lines[0].description", "Strategy call").param("lines[0].quantity", "1.5")
                        .param("lines[0].unit", "HOURS").param("lines[0].unitPrice", "80.10")
                        .param("lines[0].taxName", "VAT").param("lines[0].taxPercent", "20")
                        .param("lines[1].description", "").param("lines[1].quantity", "")
                        .param("lines[2].description", "Setup").param("lines[2].quantity", "1")
                        .param("lines[2].unitPrice", "20.00").param("total", "1.00"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/billing/invoices/*"))
                .andExpect(flash().attribute("notice", "Draft invoice for Acme Ltd created.")).andReturn();
        String path = created.getResponse().getRedirectedUrl();
        String show = page(path);
        // 1.5 × 80.10 = 120.15 less 10% = 108.14 (rounded); VAT 21.63; setup 18.00; total 147.77.
        assertThat(show).contains("Invoice (draft)", "Strategy call", "£108.14", "£18.00", "VAT 20%", "£21.63",
                "data-total=\"total\">£147.77<");

        Invoice draft = invoices.list(owner, InvoiceQuery.all()).invoices().get(0).id() == null ? null
                : invoices.get(owner, invoices.list(owner, InvoiceQuery.all()).invoices().get(0).id());
        String edit = page(path + "/edit");
        assertThat(edit).contains("value=\"" + draft.lines().get(0).id() + "\"", "Strategy call");
        mvc.perform(as(post(path)).param("clientId", acme.value().toString()).param("taxMode", "EXCLUSIVE")
                        .param("lines[0].id", draft.lines().get(0).id().toString())
                        .param("lines[0].description", "Strategy call").param("lines[0].quantity", "2")
                        .param("lines[0].unit", "HOURS").param("lines[0].unitPrice", "80.10")
                        .param("lines[0].taxName", "VAT").param("lines[0].taxPercent", "20")
                        .param("lines[1].id", draft.lines().get(1).id().toString())
                        .param("lines[1].description", "Setup").param("lines[1].quantity", "1")
                        .param("lines[1].unitPrice", "20.00").param("lines[1].remove", "true"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(path));
        Invoice edited = invoices.get(owner, draft.id());
        assertThat(edited.lines()).hasSize(1);
        assertThat(edited.total().plain()).as("2 × 80.10 = 160.20 + VAT 32.04").isEqualTo("192.24");
        assertThat(page(path)).contains("£192.24").doesNotContain("Setup");
    }

    @Test
    void unbilledTimeIsPickedGroupedAndExplainedThenIssuedAndPaidOnceForADoubleClick() throws Exception {
        rates.set(owner, new RateInput("CLIENT", acme.value().toString(), "GBP", "60"));
        time.setRounding(owner, acme, new Rounding(Rounding.Mode.UP, 15, Rounding.Scope.ENTRY));
        TimeEntry a = log("2026-11-16T09:00:00Z", "2026-11-16T10:07:00Z");
        TimeEntry b = log("2026-11-17T09:00:00Z", "2026-11-17T09:20:00Z");
        TimeEntry c = log("2026-11-18T09:00:00Z", "2026-11-18T09:30:00Z");
        Invoice draft = invoices.createDraft(owner, new DraftInput(acme.value().toString(), null, null, null, null,
                null, null, List.of()));
        String base = "/billing/invoices/" + draft.id();

        String picker = page(base + "/time?from=2026-11-01&to=2026-11-20");
        assertThat(picker).contains("Billable time is rounded up to 15 minutes per entry.", "1:07", "0:20", "0:30",
                "value=\"" + a.id().value() + "\"", "3 entries, 1:57 h that can be billed");

        mvc.perform(as(post(base + "/time")).param("from", "2026-11-01").param("to", "2026-11-20")
                        .param("grouping", "TASK").param("entryIds", "not-an-id"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(as(post(base + "/time")).param("from", "2026-11-01").param("to", "2026-11-20")
                        .param("grouping", "DAY").param("entryIds", a.id().value().toString())
                        .param("entryIds", b.id().value().toString()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(base))
                .andExpect(flash().attribute("notice", "Added 2 entries as 2 lines."));
        String show = page(base);
        assertThat(show).as("time lines in h:mm with their rounding").contains("1:15", "0:30", "1:07 h tracked");
        assertThat(page(base + "/time")).contains("Already on this draft.");

        mvc.perform(as(post(base + "/issue")).param("issueDate", "2026-11-20"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "Invoice INV-2026-0001 issued."));
        String issued = page(base);
        assertThat(issued).contains("Invoice INV-2026-0001", "Record payment", "name=\"requestKey\"", "£105.00")
                .doesNotContain(base + "/edit");
        assertThat(time.get(owner, c.id()).locked()).as("the entry left unticked stays unbilled").isFalse();
        assertThat(page(base + "/edit")).as("a bookmarked edit of an issued invoice shows it, saying why")
                .contains("This invoice is issued and cannot be changed.").doesNotContain("name=\"lines[0].description\"");
        assertThat(page(base + "/time")).contains("This invoice is issued and cannot be changed.");

        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            mvc.perform(as(post(base + "/payments")).param("requestKey", key).param("amount", "105.00")
                            .param("currency", "GBP").param("date", "2026-11-20").param("method", "BANK"))
                    .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(base));
        }
        assertThat(payments.ofInvoice(owner, draft.id())).as("a double submit records one payment").hasSize(1);
        assertThat(invoices.get(owner, draft.id()).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(page(base)).contains("data-invoice-status>Paid<", "Bank transfer", "Payment of 105.00 GBP");
    }

    @Test
    void aPaymentAboveWhatIsDueAsksToConfirmAndRecordsTheExtraAsCredit() throws Exception {
        Invoice issued = invoices.issue(owner, draft(acme, "Setup", "1", "100.00").id(), null);
        String base = "/billing/invoices/" + issued.id();
        String key = UUID.randomUUID().toString();
        String asked = mvc.perform(as(post(base + "/payments")).param("requestKey", key).param("amount", "120.00")
                        .param("currency", "GBP").param("method", "WISE"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(asked).contains("Only 100.00 GBP is due.", "name=\"confirmOverpayment\"", "value=\"120.00\"",
                "value=\"" + key + "\"");
        assertThat(payments.ofInvoice(owner, issued.id())).isEmpty();

        mvc.perform(as(post(base + "/payments")).param("requestKey", key).param("amount", "120.00")
                        .param("currency", "GBP").param("method", "WISE").param("confirmOverpayment", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "Payment of £100.00 recorded; £20.00 kept as the client's credit."));
        assertThat(payments.credit(owner, acme)).extracting(m -> m.plain()).containsExactly("20.00");
        assertThat(page("/clients/" + acme.value())).contains("data-client-credit", "£20.00");
    }

    @Test
    void voidingIssuesACreditNoteAndTheTwoLinkToEachOther() throws Exception {
        Invoice issued = invoices.issue(owner, draft(acme, "Setup", "1", "100.00").id(), null);
        String base = "/billing/invoices/" + issued.id();
        mvc.perform(as(post(base + "/void")).param("reason", "Wrong client <b>oops</b>"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(base))
                .andExpect(flash().attribute("notice", "Invoice INV-2026-0001 voided by credit note CN-2026-0001."));
        String show = page(base);
        assertThat(show).contains("data-invoice-status>Void<", "Voided by credit note", "CN-2026-0001")
                .doesNotContain("Record payment");
        Invoice credit = invoices.get(owner, invoices.get(owner, issued.id()).creditedBy());
        String note = page("/billing/invoices/" + credit.id());
        assertThat(note).contains("Credit note CN-2026-0001", "Credit note for invoice", "INV-2026-0001",
                "Wrong client &lt;b&gt;oops&lt;/b&gt;", "-£100.00");
        mvc.perform(as(post(base + "/void"))).andExpect(status().isUnprocessableContent());
    }

    @Test
    void aDraftGetsADepositAtTheClientsPercentAndCanBeDeleted() throws Exception {
        mvc.perform(as(post("/billing/clients/" + acme.value() + "/terms")).param("netDays", "30")
                        .param("depositPercent", "50"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/clients/" + acme.value() + "#billing"))
                .andExpect(flash().attribute("notice", "Payment terms of Acme Ltd saved."));
        String clientPage = page("/clients/" + acme.value());
        assertThat(clientPage).contains("id=\"billing\"", "name=\"netDays\" value=\"30\"",
                "name=\"depositPercent\" value=\"50\"", "New invoice for this client");

        String refused = mvc.perform(as(post("/billing/clients/" + acme.value() + "/terms")).param("netDays", "x")
                        .param("depositPercent", "100"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"err-netDays\"", "id=\"err-depositPercent\"",
                "A deposit is a percentage above 0 and below 100, with at most 2 decimals.");

        Invoice work = draft(acme, "Website", "1", "2000.00");
        String base = "/billing/invoices/" + work.id();
        assertThat(page(base)).contains("name=\"depositPercent\" inputmode=\"decimal\" value=\"50\"");
        MvcResult deposit = mvc.perform(as(post(base + "/deposit")).param("depositPercent", ""))
                .andExpect(status().is3xxRedirection()).andReturn();
        String depositPage = page(deposit.getResponse().getRedirectedUrl());
        assertThat(depositPage).contains("Deposit invoice (draft)", "£1,000.00", "final invoice");
        assertThat(page(base)).contains("Deposit invoice", "£1,000.00");
        assertThat(invoices.get(owner, work.id()).netDays()).as("the client's net days").isEqualTo(30);

        mvc.perform(as(post(deposit.getResponse().getRedirectedUrl() + "/delete")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(base));
        mvc.perform(as(post(base + "/delete"))).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/billing/invoices"));
        assertThat(invoices.find(owner, work.id())).isEmpty();
    }

    @Test
    void aMemberSeesNoBillingOnTheClientPage() throws Exception {
        CurrentUser member = addMember(ws);
        ClientId theirs = createClient(ws, "Member Client", member.id());
        String asMember = mvc.perform(get("/clients/" + theirs.value()).with(user(member))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(asMember).doesNotContain("id=\"billing\"");
        mvc.perform(get("/billing/invoices").with(user(member))).andExpect(status().isForbidden());
    }

    private TimeEntry log(String start, String end) {
        return time.create(owner, TimeEntryInput.ofInstants(acme.value().toString(), null, null, start, end, true,
                "Inbox", List.of()));
    }
}
