package app.clientdesk.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** The expenses screens as the owner uses them, in English and in Brazilian Portuguese. */
class ExpensesWebIT extends IntegrationTest {

    @Autowired Expenses expenses;

    private Document page(CurrentUser who, String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(user(who))).andReturn().getResponse().getContentAsString());
    }

    private static MockMultipartHttpServletRequestBuilder expenseForm(String url, ClientId client, String amount,
            String description, MockMultipartFile receipt) {
        MockMultipartHttpServletRequestBuilder form = multipart(url).file(receipt);
        form.param("clientId", client.value().toString()).param("spentOn", "2026-11-20")
                .param("description", description).param("category", "Software").param("amount", amount)
                .param("currency", "").param("billable", "true");
        return form;
    }

    @Test
    void theOwnerRecordsAnExpenseWithItsReceiptAndSeesItListedWithItsTotal() throws Exception {
        TestWorkspace ws = newWorkspace();
        ClientId acme = createClient(ws, "Acme Ltd");
        Document empty = page(ws.owner(), "/billing/expenses");
        assertThat(empty.select(".billing-nav a[aria-current=page]").text()).isEqualTo("Expenses");
        assertThat(empty.select(".empty-state").text()).contains("No expenses yet");

        Document form = page(ws.owner(), "/billing/expenses/new");
        assertThat(form.select("form.expense-form").attr("enctype")).isEqualTo("multipart/form-data");
        assertThat(form.select("#spentOn").val()).matches("\\d{4}-\\d{2}-\\d{2}");

        MvcResult saved = mvc.perform(expenseForm("/billing/expenses", acme, "49,90", "Fonts <script>x()</script>",
                        new MockMultipartFile("receipt", "fonts.pdf", "application/pdf", ExpensesIT.PDF))
                .with(user(ws.owner())).with(csrf())).andReturn();
        assertThat(saved.getResponse().getStatus()).isEqualTo(302);
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/billing/expenses");
        assertThat(saved.getFlashMap().values()).anySatisfy(v -> assertThat(v.toString()).contains("saved"));

        String html = mvc.perform(get("/billing/expenses").with(user(ws.owner()))).andReturn().getResponse()
                .getContentAsString();
        assertThat(html).contains("Fonts &lt;script&gt;x()&lt;/script&gt;").doesNotContain("<script>x()");
        Document list = Jsoup.parse(html);
        assertThat(list.select(".expense-table tbody tr")).hasSize(1);
        assertThat(list.select(".expense-amount").text()).isEqualTo("£49.90");
        assertThat(list.select("[data-total=GBP]").text()).isEqualTo("£49.90");
        Expense expense = expenses.list(ws.owner(), ExpenseQuery.all()).items().get(0);
        assertThat(list.select("a.expense-receipt").attr("href"))
                .isEqualTo("/billing/expenses/" + expense.id() + "/receipt");

        Document edit = page(ws.owner(), "/billing/expenses/" + expense.id() + "/edit");
        assertThat(edit.select("#amount").val()).isEqualTo("49.90");
        assertThat(edit.select(".expense-current-receipt").text()).contains("fonts.pdf");
    }

    @Test
    void aBadReceiptAndABadAmountAreExplainedBesideTheirFieldsAndNothingIsSaved() throws Exception {
        TestWorkspace ws = newWorkspace();
        ClientId acme = createClient(ws, "Acme Ltd");
        MockHttpServletResponse response = mvc.perform(expenseForm("/billing/expenses", acme, "12.345", "Fonts",
                        new MockMultipartFile("receipt", "fonts.pdf", "application/pdf",
                                "MZ not a pdf".getBytes(StandardCharsets.US_ASCII)))
                .with(user(ws.owner())).with(csrf())).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(422);
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.select("#err-receipt").text())
                .isEqualTo("A receipt must be a PDF or an image (PNG, JPEG, GIF or WebP); this file is neither.");
        assertThat(page.select("#err-amount").text())
                .isEqualTo("GBP has 2 decimals: enter at most 2 digits after the point.");
        assertThat(page.select("#description").val()).isEqualTo("Fonts");
        assertThat(expenses.list(ws.owner(), ExpenseQuery.all()).total()).isZero();
    }

    @Test
    void anExpenseOnAnInvoiceShowsWhichAndCannotBeChangedOrDeleted() throws Exception {
        TestWorkspace ws = newWorkspace();
        ClientId acme = createClient(ws, "Acme Ltd");
        Expense taxi = expenses.create(ws.owner(), ExpensesIT.input(acme, "10", "Taxi"), null);
        expenses.markInvoiced(ws.created().workspaceId(), List.of(taxi.id()), java.util.UUID.randomUUID(),
                "INV-2026-0042");

        Document list = page(ws.owner(), "/billing/expenses");
        assertThat(list.select(".expense-state .badge-locked").text()).isEqualTo("On invoice INV-2026-0042");
        assertThat(page(ws.owner(), "/billing/expenses?unbilled=true").select(".expense-table")).isEmpty();

        Document edit = page(ws.owner(), "/billing/expenses/" + taxi.id() + "/edit");
        assertThat(edit.select(".entry-locked").text()).contains("invoice INV-2026-0042");
        assertThat(edit.select("fieldset[disabled]")).hasSize(1);
        assertThat(edit.select("form.expense-form button[type=submit]")).isEmpty();
        assertThat(edit.select("form[action$=/delete]")).isEmpty();

        MockHttpServletResponse refused = mvc.perform(post("/billing/expenses/" + taxi.id() + "/delete")
                .with(user(ws.owner())).with(csrf())).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(expenses.get(ws.owner(), taxi.id()).description()).isEqualTo("Taxi");
    }

    @Test
    void inPortugueseTheScreensAndTheirErrorsAreInPortuguese() throws Exception {
        TestWorkspace ws = newWorkspace("Ana Souza Assistência", "pt-BR");
        ClientId acme = clients.create(ws.owner(), ExpensesIT.withCurrency("Loja Azul", "BRL"));
        Document empty = page(ws.owner(), "/billing/expenses");
        assertThat(empty.select("h1").text()).isEqualTo("Despesas");
        assertThat(empty.select(".empty-state").text()).startsWith("Nenhuma despesa ainda.");

        MockMultipartHttpServletRequestBuilder form = multipart("/billing/expenses");
        form.param("clientId", acme.value().toString()).param("spentOn", "2026-11-20").param("description", "Hotel")
                .param("amount", "300").param("currency", "USD").param("billable", "true");
        MockHttpServletResponse response = mvc.perform(form.with(user(ws.owner())).with(csrf())).andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(422);
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.select("h1").text()).isEqualTo("Nova despesa");
        assertThat(page.select("#err-currency").text()).isEqualTo("Uma despesa faturável é cobrada na fatura de "
                + "Loja Azul, que é em BRL: informe o valor em BRL ou desmarque “Cobrar esta despesa do cliente”.");

        form = multipart("/billing/expenses");
        form.param("clientId", acme.value().toString()).param("spentOn", "2026-11-20").param("description", "Hotel")
                .param("amount", "1234,5").param("currency", "").param("billable", "true");
        mvc.perform(form.with(user(ws.owner())).with(csrf())).andReturn();
        Document list = page(ws.owner(), "/billing/expenses");
        assertThat(list.select(".expense-amount").text()).isEqualTo("R$ 1.234,50");
        assertThat(list.select(".expense-state .badge-billable").text()).isEqualTo("Faturável");
    }

    @Test
    void aMemberIsRefusedTheExpensesScreens() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addMember(ws);
        assertThat(mvc.perform(get("/billing/expenses").with(user(member))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }
}
