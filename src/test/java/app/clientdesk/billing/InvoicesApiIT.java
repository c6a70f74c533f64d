package app.clientdesk.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** {@code /api/v1/invoices} as an accounting script holding the owner's token sees it. */
class InvoicesApiIT extends IntegrationTest {

    @Autowired JdbcClient jdbc;

    TestWorkspace ws;
    CurrentUser owner;
    String token;
    ClientId acme;

    @BeforeEach
    void workspace() {
        clock.set(Instant.parse("2026-11-20T15:00:00Z"));
        ws = newWorkspace();
        owner = ws.owner();
        token = tokenFor(owner);
        acme = createClient(ws, "Acme Ltd");
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String body, String... headers) throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token).accept(MediaType.APPLICATION_JSON);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }

    private long invoiceCount() {
        return jdbc.sql("select count(*) from invoices where workspace_id = :w").param("w", ws.id()).query(Long.class)
                .single();
    }

    private String draftBody() {
        return """
                {"clientId": "%s", "total": "1.00", "lines": [
                  {"description": "Inbox zero", "quantity": "2.5", "unitPrice": "40.10", "taxName": "VAT", "taxRate": 20},
                  {"description": "Travel <script>alert(1)</script>", "quantity": 1, "unitPrice": 12.5}]}"""
                .formatted(acme.value());
    }

    @Test
    void aDraftIsCreatedWithServerTotalsAndMoneyAsExactStrings() throws Exception {
        String json = send(post("/api/v1/invoices"), draftBody())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.number").doesNotExist())
                .andExpect(jsonPath("$.currency").value("GBP"))
                .andExpect(jsonPath("$.subtotal").value("112.75"))
                .andExpect(jsonPath("$.taxTotal").value("20.05"))
                .andExpect(jsonPath("$.total").value("132.80"))
                .andExpect(jsonPath("$.amountPaid").value("0.00"))
                .andExpect(jsonPath("$.amountDue").value("0.00"))
                .andExpect(jsonPath("$.lines[0].net").value("100.25"))
                .andExpect(jsonPath("$.lines[1].description").value("Travel <script>alert(1)</script>"))
                .andExpect(jsonPath("$.taxes[0].name").value("VAT"))
                .andExpect(jsonPath("$.overdue").value(false))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(json, "$.id");

        send(patch("/api/v1/invoices/" + id), """
                {"discountPercent": "10"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines.length()").value(2))
                .andExpect(jsonPath("$.subtotal").value("101.48"));
        send(get("/api/v1/invoices?status=draft"), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].id").value(id));
    }

    @Test
    void creatingAndIssuingWithAnIdempotencyKeyHappenOnce() throws Exception {
        String first = send(post("/api/v1/invoices"), draftBody(), "Idempotency-Key", "batch-7")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String again = send(post("/api/v1/invoices"), draftBody(), "Idempotency-Key", "batch-7")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(first, "$.id");
        assertThat((String) JsonPath.read(again, "$.id")).isEqualTo(id);
        assertThat(invoiceCount()).isEqualTo(1);
        send(post("/api/v1/invoices"), "{\"clientId\": \"%s\"}".formatted(acme.value()), "Idempotency-Key", "batch-7")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));

        send(post("/api/v1/invoices/" + id + "/issue"), null, "Idempotency-Key", "issue-1")
                .andExpect(status().isOk()).andExpect(jsonPath("$.number").value("INV-2026-0001"))
                .andExpect(jsonPath("$.status").value("ISSUED"))
                .andExpect(jsonPath("$.issueDate").value("2026-11-20"))
                .andExpect(jsonPath("$.dueDate").value("2026-12-04"))
                .andExpect(jsonPath("$.amountDue").value("132.80"));
        send(post("/api/v1/invoices/" + id + "/issue"), null, "Idempotency-Key", "issue-1")
                .andExpect(status().isOk()).andExpect(jsonPath("$.number").value("INV-2026-0001"));
        send(post("/api/v1/invoices/" + id + "/issue"), null)
                .andExpect(status().isUnprocessableContent());
        String next = JsonPath.read(send(post("/api/v1/invoices"), draftBody()).andReturn().getResponse()
                .getContentAsString(), "$.id");
        send(post("/api/v1/invoices/" + next + "/issue"), null)
                .andExpect(jsonPath("$.number").value("INV-2026-0002"));
    }

    @Test
    void anIssuedInvoiceCannotChangeAndBadInputIsAProblemNamingItsField() throws Exception {
        String id = JsonPath.read(send(post("/api/v1/invoices"), draftBody()).andReturn().getResponse()
                .getContentAsString(), "$.id");
        send(post("/api/v1/invoices/" + id + "/issue"), null).andExpect(status().isOk());
        send(patch("/api/v1/invoices/" + id), "{\"notes\": \"late change\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("credit note")));
        send(delete("/api/v1/invoices/" + id), null).andExpect(status().isUnprocessableContent());

        send(post("/api/v1/invoices"), """
                {"clientId": "%s", "currency": "ZZZ", "lines": [
                  {"description": "x", "quantity": 1, "unitPrice": "1", "taxName": "VAT", "taxRate": 120}]}"""
                .formatted(acme.value()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("currency")));
        send(post("/api/v1/invoices"), """
                {"clientId": "%s", "lines": [
                  {"description": "x", "quantity": -1, "unitPrice": "1", "taxName": "VAT", "taxRate": 120}]}"""
                .formatted(acme.value()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("lines[0].taxRate")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("lines[0].quantity")));
        send(post("/api/v1/invoices"), "{\"clientId\": \"%s\", \"lines\": 5}".formatted(acme.value()))
                .andExpect(status().isUnprocessableContent());
        assertThat(invoiceCount()).isEqualTo(1);
    }

    @Test
    void paymentsAreRecordedOncePerKeyAndAnOverpaymentMustBeConfirmed() throws Exception {
        String id = JsonPath.read(send(post("/api/v1/invoices"), draftBody()).andReturn().getResponse()
                .getContentAsString(), "$.id");
        send(post("/api/v1/invoices/" + id + "/issue"), null);
        String pay = """
                {"amount": "32.80", "date": "2026-11-20", "method": "paypal", "fee": "1.20"}""";
        send(post("/api/v1/invoices/" + id + "/payments"), pay, "Idempotency-Key", "pay-1")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.amount").value("32.80"))
                .andExpect(jsonPath("$.method").value("PAYPAL"));
        send(post("/api/v1/invoices/" + id + "/payments"), pay, "Idempotency-Key", "pay-1")
                .andExpect(status().isOk());
        send(get("/api/v1/invoices/" + id), null).andExpect(jsonPath("$.amountPaid").value("32.80"))
                .andExpect(jsonPath("$.amountDue").value("100.00"))
                .andExpect(jsonPath("$.status").value("PARTIALLY_PAID"));

        send(post("/api/v1/invoices/" + id + "/payments"), "{\"amount\": \"150.00\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        send(post("/api/v1/invoices/" + id + "/payments"), "{\"amount\": \"150.00\", \"confirmOverpayment\": true}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.amount").value("100.00"))
                .andExpect(jsonPath("$.credit").value("50.00"));
        send(get("/api/v1/invoices/" + id + "/payments"), null).andExpect(jsonPath("$.length()").value(2));
        send(get("/api/v1/invoices/" + id), null).andExpect(jsonPath("$.status").value("PAID"));
    }

    @Test
    void voidingAnswersTheCreditNote() throws Exception {
        String id = JsonPath.read(send(post("/api/v1/invoices"), draftBody()).andReturn().getResponse()
                .getContentAsString(), "$.id");
        send(post("/api/v1/invoices/" + id + "/issue"), null);
        send(post("/api/v1/invoices/" + id + "/void"), "{\"reason\": \"Duplicate\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("CREDIT_NOTE"))
                .andExpect(jsonPath("$.number").value("CN-2026-0001"))
                .andExpect(jsonPath("$.total").value("-132.80"))
                .andExpect(jsonPath("$.creditFor").value(id));
        send(get("/api/v1/invoices/" + id), null).andExpect(jsonPath("$.status").value("VOID"));
        assertThat(List.of(invoiceCount())).containsExactly(2L);
    }

    // --- issue 11: expenses billed through the API ---------------------------------------------------------------

    @Autowired Expenses expenses;

    @Test
    void expensesAreBilledAtCostWhenADraftIsCreatedOrChanged() throws Exception {
        Expense fonts = expenses.create(owner, new ExpenseInput(acme.value().toString(), null, "2026-11-18", "Fonts",
                null, "19.90", null, true), null);
        Expense train = expenses.create(owner, new ExpenseInput(acme.value().toString(), null, "2026-11-19",
                "Train to the client", null, "42.35", null, true), null);

        String json = send(post("/api/v1/invoices"), """
                {"clientId": "%s", "lines": [{"description": "Work", "quantity": 1, "unitPrice": "100.00"}],
                 "expenseIds": ["%s"]}""".formatted(acme.value(), fonts.id()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.lines.length()").value(2))
                .andExpect(jsonPath("$.lines[1].kind").value("EXPENSE"))
                .andExpect(jsonPath("$.lines[1].description").value("Fonts"))
                .andExpect(jsonPath("$.lines[1].net").value("19.90"))
                .andExpect(jsonPath("$.total").value("119.90"))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(json, "$.id");
        assertThat(expenses.get(owner, fonts.id()).invoiced()).as("held by the draft").isTrue();

        send(patch("/api/v1/invoices/" + id), """
                {"expenseIds": ["%s"]}""".formatted(train.id()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines.length()").value(3))
                .andExpect(jsonPath("$.lines[2].description").value("Train to the client"))
                .andExpect(jsonPath("$.total").value("162.25"));

        send(post("/api/v1/invoices/" + id + "/issue"), null).andExpect(status().isOk());
        assertThat(expenses.get(owner, train.id()).invoiceNumber()).isEqualTo("INV-2026-0001");
    }

    @Test
    void anExpenseThatIsNotTheClientsUnbilledOneIsRefusedByNameAndNothingIsMade() throws Exception {
        TestWorkspace other = newWorkspace();
        ClientId theirs = createClient(other, "Their client");
        Expense foreign = expenses.create(other.owner(), new ExpenseInput(theirs.value().toString(), null,
                "2026-11-18", "Their hotel", null, "300.00", null, true), null);
        Expense mine = expenses.create(owner, new ExpenseInput(acme.value().toString(), null, "2026-11-18", "Fonts",
                null, "19.90", null, true), null);

        send(post("/api/v1/invoices"), """
                {"clientId": "%s", "expenseIds": ["%s", "%s"]}""".formatted(acme.value(), mine.id(), foreign.id()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("expenseIds[1]"));
        send(post("/api/v1/invoices"), """
                {"clientId": "%s", "expenseIds": ["not-an-id"]}""".formatted(acme.value()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("expenseIds[0]"));
        assertThat(invoiceCount()).as("no draft left behind").isZero();
        assertThat(expenses.get(owner, mine.id()).invoiced()).isFalse();
        assertThat(expenses.get(other.owner(), foreign.id()).invoiced()).isFalse();
    }
}
