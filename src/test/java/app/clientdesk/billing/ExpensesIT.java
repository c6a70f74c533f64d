package app.clientdesk.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.shared.validation.Violation;
import app.clientdesk.shared.web.NotFoundException;
import app.clientdesk.support.IntegrationTest;
import app.clientdesk.work.ProjectId;
import app.clientdesk.work.ProjectInput;
import app.clientdesk.work.Projects;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Expenses with receipts: the rules, the receipt on disk with its row, the lock of an invoice, and the API. */
class ExpensesIT extends IntegrationTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired Expenses expenses;
    @Autowired Projects projects;
    @Autowired JdbcClient jdbc;

    TestWorkspace ws;
    CurrentUser owner;
    ClientId acme;
    ClientId tokyo;

    @BeforeEach
    void workspace() {
        ws = newWorkspace();
        owner = ws.owner();
        acme = createClient(ws, "Acme Ltd");
        tokyo = clients.create(owner, withCurrency("Tokyo KK", "JPY"));
    }

    static ClientInput withCurrency(String name, String currency) {
        ClientInput c = clientInput(name, List.of());
        return new ClientInput(c.name(), c.status(), "Asia/Tokyo", currency, c.locale(), c.country(), c.website(),
                c.billingAddress(), c.taxId(), c.businessHours(), c.responseTimeHours(), c.channelFormalRequest(),
                c.channelQuickQuestion(), c.channelMeeting(), c.channelReport(), c.culturalNotes(), c.notes(), c.contacts(), c.memberIds());
    }

    static ExpenseInput input(ClientId client, String amount, String description) {
        return new ExpenseInput(client.value().toString(), null, "2026-11-20", description, "Software", amount, null,
                true);
    }

    static ExpenseReceiptUpload file(String name, byte[] bytes) {
        return new ExpenseReceiptUpload(name, new ByteArrayInputStream(bytes));
    }

    private List<String> errors(Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            return e.violations().stream().map(v -> v.field() + ":" + v.messageKey()).toList();
        }
        throw new AssertionError("no rule was broken");
    }

    private long rows() {
        return jdbc.sql("select count(*) from expenses where workspace_id = :w").param("w", ws.id())
                .query(Long.class).single();
    }

    // --- rules and receipts -------------------------------------------------------------------------

    @Test
    void anExpenseWithAReceiptIsSavedInTheClientsCurrencyAndItsReceiptDownloads() throws Exception {
        Expense saved = expenses.create(owner, input(acme, "49.9", "Stock photos"), file("receipt.pdf", PDF));

        assertThat(saved.amount().plain()).isEqualTo("49.90");
        assertThat(saved.amount().currency().getCurrencyCode()).isEqualTo("GBP");
        assertThat(saved.receipt()).isEqualTo(new Expense.Receipt("receipt.pdf", "application/pdf", PDF.length));
        Expenses.StoredReceipt stored = expenses.receipt(owner, saved.id());
        assertThat(Files.readAllBytes(stored.file())).isEqualTo(PDF);

        mvc.perform(get("/billing/expenses/" + saved.id() + "/receipt").with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(owner)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/pdf"))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString("attachment")))
                .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, containsString("receipt.pdf")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void aFileThatIsNeitherAPdfNorAnImageIsRefusedAndNothingIsSaved() {
        byte[] script = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        assertThat(errors(() -> expenses.create(owner, input(acme, "10", "Taxi"), file("receipt.pdf", script))))
                .containsExactly("receipt:expenses.receipt.kind");
        assertThat(rows()).isZero();
    }

    @Test
    void aReceiptOverTenMegabytesIsRefusedSayingTheLimit() {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        try {
            expenses.create(owner, input(acme, "10", "Printing"), file("scan.pdf", big));
            throw new AssertionError("accepted");
        } catch (InvalidInputException e) {
            assertThat(e.violations()).containsExactly(Violation.of("receipt", "expenses.receipt.tooLarge", 10L));
        }
        assertThat(rows()).isZero();
    }

    @Test
    void theReceiptsErrorComesWithTheFieldsErrorsAndNoFileIsLeft() throws Exception {
        ExpenseInput bad = new ExpenseInput(acme.value().toString(), null, "", "", null, "-3", null, true);
        assertThat(errors(() -> expenses.create(owner, bad, file("x.txt", "hello".getBytes(StandardCharsets.UTF_8)))))
                .containsExactlyInAnyOrder("spentOn:expenses.date.required", "description:expenses.description.required",
                        "amount:expenses.amount.invalid", "receipt:expenses.receipt.kind");
    }

    @Test
    void anAmountMustBeExactToItsCurrencyAndAboveZero() {
        assertThat(errors(() -> expenses.create(owner, input(tokyo, "1500.5", "Train"), null)))
                .containsExactly("amount:expenses.amount.noDecimals");
        assertThat(errors(() -> expenses.create(owner, input(acme, "12.345", "Train"), null)))
                .containsExactly("amount:expenses.amount.decimals");
        assertThat(errors(() -> expenses.create(owner, input(acme, "0.00", "Train"), null)))
                .containsExactly("amount:expenses.amount.positive");

        Expense yen = expenses.create(owner, input(tokyo, "1500", "Train"), null);
        assertThat(yen.amount().plain()).isEqualTo("1500");
        assertThat(yen.amount().currency().getCurrencyCode()).isEqualTo("JPY");
    }

    @Test
    void aBillableExpenseMustBeInTheClientsCurrencyAnUnbilledOneMayNot() {
        ExpenseInput inEuros = new ExpenseInput(acme.value().toString(), null, "2026-11-20", "Hotel", null, "120",
                "EUR", true);
        assertThat(errors(() -> expenses.create(owner, inEuros, null))).containsExactly("currency:expenses.currency.notClients");
        assertThat(errors(() -> expenses.create(owner, new ExpenseInput(acme.value().toString(), null, "2026-11-20",
                "Hotel", null, "120", "XYZ", false), null))).containsExactly("currency:expenses.currency.invalid");

        Expense own = expenses.create(owner, new ExpenseInput(acme.value().toString(), null, "2026-11-20", "Hotel",
                null, "120", "EUR", false), null);
        assertThat(own.amount().toString()).isEqualTo("120.00 EUR");
        assertThat(own.billable()).isFalse();
    }

    @Test
    void theClientAndProjectMustBeOfTheWorkspaceAndFitTogether() {
        ClientId other = createClient(newWorkspace(), "Elsewhere");
        assertThat(errors(() -> expenses.create(owner, input(other, "10", "Taxi"), null)))
                .containsExactly("clientId:expenses.client.unknown");
        ProjectId site = projects.create(owner, new ProjectInput(tokyo.value().toString(), "Site", "ACTIVE", null, null,
                null, null, null));
        assertThat(errors(() -> expenses.create(owner, new ExpenseInput(acme.value().toString(),
                site.value().toString(), "2026-11-20", "Taxi", null, "10", null, true), null)))
                .containsExactly("projectId:expenses.project.otherClient");
        assertThat(errors(() -> expenses.create(owner, new ExpenseInput(null, null, "2026-11-20",
                "x".repeat(501), null, "10", null, true), null)))
                .containsExactlyInAnyOrder("clientId:expenses.client.required", "description:validation.tooLong");
    }

    @Test
    void aReplacedReceiptIsTheNewOneAndARemovedOneIsGone() throws Exception {
        Expense saved = expenses.create(owner, input(acme, "10", "Taxi"), file("first.pdf", PDF));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0};
        Expense changed = expenses.update(owner, saved.id(), new ExpenseInput(null, null, null, "Taxi home", null,
                null, null, null), file("second.png", png), false);
        assertThat(changed.description()).isEqualTo("Taxi home");
        assertThat(changed.receipt()).isEqualTo(new Expense.Receipt("second.png", "image/png", png.length));
        assertThat(Files.readAllBytes(expenses.receipt(owner, saved.id()).file())).isEqualTo(png);

        // A refused change keeps the receipt that was there.
        assertThatThrownBy(() -> expenses.update(owner, saved.id(), new ExpenseInput(null, null, null, "", null, null,
                null, null), file("third.pdf", PDF), false)).isInstanceOf(InvalidInputException.class);
        assertThat(Files.readAllBytes(expenses.receipt(owner, saved.id()).file())).isEqualTo(png);

        java.nio.file.Path file = expenses.receipt(owner, saved.id()).file();
        Expense without = expenses.update(owner, saved.id(), new ExpenseInput(null, null, null, null, null, null, null,
                null), null, true);
        assertThat(without.receipt()).isNull();
        assertThat(file).doesNotExist();
        assertThatThrownBy(() -> expenses.receipt(owner, saved.id())).isInstanceOf(NotFoundException.class);
    }

    // --- invoicing ------------------------------------------------------------------------------------

    @Test
    void anExpenseOnAnInvoiceCannotChangeOrGoUntilTheInvoiceReleasesIt() {
        Expense taxi = expenses.create(owner, input(acme, "10", "Taxi"), file("taxi.pdf", PDF));
        Expense lunch = expenses.create(owner, input(acme, "25", "Lunch"), null);
        expenses.create(owner, new ExpenseInput(acme.value().toString(), null, "2026-11-21", "Own", null, "5", null,
                false), null);
        expenses.create(owner, input(tokyo, "900", "Train"), null);
        assertThat(expenses.unbilled(ws.created().workspaceId(), acme)).extracting(Expense::description)
                .containsExactly("Taxi", "Lunch");

        UUID invoice = UUID.randomUUID();
        assertThat(expenses.markInvoiced(ws.created().workspaceId(), List.of(taxi.id()), invoice, "INV-2026-0007"))
                .isEqualTo(1);
        // Another invoice cannot take it; the same one may set its number again.
        assertThat(expenses.markInvoiced(ws.created().workspaceId(), List.of(taxi.id(), lunch.id()), UUID.randomUUID(),
                null)).isEqualTo(1);
        assertThat(expenses.markInvoiced(ws.created().workspaceId(), List.of(taxi.id()), invoice, "INV-2026-0007"))
                .isEqualTo(1);
        assertThat(expenses.unbilled(ws.created().workspaceId(), acme)).isEmpty();

        try {
            expenses.update(owner, taxi.id(), new ExpenseInput(null, null, null, "Taxi!", null, null, null, null));
            throw new AssertionError("changed");
        } catch (InvalidInputException e) {
            assertThat(e.violations()).containsExactly(Violation.of("", "expenses.onInvoice", "INV-2026-0007"));
        }
        assertThat(errors(() -> expenses.delete(owner, taxi.id()))).containsExactly(":expenses.onInvoice");
        assertThat(errors(() -> expenses.delete(owner, lunch.id()))).containsExactly(":expenses.onDraftInvoice");
        assertThat(expenses.get(owner, taxi.id()).description()).isEqualTo("Taxi");

        assertThat(expenses.release(ws.created().workspaceId(), invoice)).isEqualTo(1);
        assertThat(expenses.get(owner, taxi.id()).invoiced()).isFalse();
        assertThat(expenses.unbilled(ws.created().workspaceId(), acme)).extracting(Expense::description)
                .containsExactly("Taxi");
        java.nio.file.Path receipt = expenses.receipt(owner, taxi.id()).file();
        expenses.delete(owner, taxi.id());
        assertThat(receipt).doesNotExist();
    }

    @Test
    void anotherWorkspaceSeesNothingAndAMemberIsRefused() throws Exception {
        Expense saved = expenses.create(owner, input(acme, "10", "Taxi"), file("taxi.pdf", PDF));
        TestWorkspace other = newWorkspace();
        assertThatThrownBy(() -> expenses.get(other.owner(), saved.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> expenses.receipt(other.owner(), saved.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> expenses.delete(other.owner(), saved.id())).isInstanceOf(NotFoundException.class);
        assertThat(expenses.markInvoiced(other.created().workspaceId(), List.of(saved.id()), UUID.randomUUID(), "X"))
                .isZero();
        assertThat(expenses.list(other.owner(), ExpenseQuery.all()).total()).isZero();
        assertThatThrownBy(() -> expenses.list(addMember(ws), ExpenseQuery.all()))
                .isInstanceOf(AccessDeniedException.class);

        String token = tokenFor(other.owner());
        call(get("/api/v1/expenses/" + saved.id()), token).andExpect(status().isNotFound());
        call(delete("/api/v1/expenses/" + saved.id()), token).andExpect(status().isNotFound());
        assertThat(expenses.get(owner, saved.id())).isNotNull();
    }

    @Test
    void theListFiltersAndTotalsEachCurrencyApart() {
        expenses.create(owner, input(acme, "10.10", "A"), null);
        expenses.create(owner, new ExpenseInput(acme.value().toString(), null, "2026-10-01", "B", null, "5", "EUR",
                false), null);
        expenses.create(owner, input(tokyo, "1000", "C"), null);
        ExpenseList all = expenses.list(owner, ExpenseQuery.all());
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.totals()).extracting(Object::toString).containsExactly("5.00 EUR", "10.10 GBP", "1000 JPY");

        ExpenseList november = expenses.list(owner, new ExpenseQuery(acme.value(),
                java.time.LocalDate.parse("2026-11-01"), null, null, true, 50, 0));
        assertThat(november.items()).extracting(Expense::description).containsExactly("A");
    }

    // --- API ------------------------------------------------------------------------------------------

    private ResultActions call(MockHttpServletRequestBuilder request, String token) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token).accept(MediaType.APPLICATION_JSON));
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String token, String body) throws Exception {
        return call(request.contentType(MediaType.APPLICATION_JSON).content(body), token);
    }

    @Test
    void theApiWritesMoneyAsAStringWithTheCurrencysDecimals() throws Exception {
        String token = tokenFor(owner);
        String json = send(post("/api/v1/expenses"), token, """
                {"clientId": "%s", "spentOn": "2026-11-20", "description": "Domain <b>renewal</b>", "amount": "12.5"}"""
                .formatted(acme.value())).andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, containsString("/api/v1/expenses/")))
                .andExpect(jsonPath("$.amount").value("12.50"))
                .andExpect(jsonPath("$.currency").value("GBP"))
                .andExpect(jsonPath("$.billable").value(true))
                .andExpect(jsonPath("$.description").value("Domain <b>renewal</b>"))
                .andExpect(jsonPath("$.receipt").doesNotExist())
                .andExpect(jsonPath("$.locked").value(false))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(json, "$.id");

        send(post("/api/v1/expenses"), token, """
                {"clientId": "%s", "spentOn": "2026-11-21", "description": "Shinkansen", "amount": 14200}"""
                .formatted(tokyo.value())).andExpect(status().isCreated())
                .andExpect(jsonPath("$.amount").value("14200"))
                .andExpect(jsonPath("$.currency").value("JPY"));

        send(patch("/api/v1/expenses/" + id), token, """
                {"category": "Hosting", "amount": "13"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.amount").value("13.00"))
                .andExpect(jsonPath("$.category").value("Hosting"))
                .andExpect(jsonPath("$.description").value("Domain <b>renewal</b>"));

        call(get("/api/v1/expenses?clientId=" + acme.value()), token)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.totals[0].amount").value("13.00"))
                .andExpect(jsonPath("$.totals[0].currency").value("GBP"));

        expenses.markInvoiced(ws.created().workspaceId(), List.of(UUID.fromString(id)), UUID.randomUUID(), "INV-7");
        call(get("/api/v1/expenses/" + id), token).andExpect(jsonPath("$.invoiceNumber").value("INV-7"))
                .andExpect(jsonPath("$.locked").value(true));
        send(patch("/api/v1/expenses/" + id), token, "{\"amount\": \"14\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message", containsString("INV-7")));
        call(delete("/api/v1/expenses/" + id), token).andExpect(status().isUnprocessableContent());
    }

    @Test
    void badInputIsA422ProblemNamingEachField() throws Exception {
        String token = tokenFor(owner);
        send(post("/api/v1/expenses"), token, """
                {"clientId": "%s", "spentOn": "20/11/2026", "description": "", "amount": "1500.5", "currency": "JPY"}"""
                .formatted(tokyo.value()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, containsString("application/problem+json")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("spentOn")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("description")))
                .andExpect(jsonPath("$.errors[*].message", hasItem("JPY has no decimals: enter a whole amount, such as 1500.")));
        send(post("/api/v1/expenses"), token, """
                {"clientId": "%s", "spentOn": "2026-11-20", "description": "Hotel", "amount": "100", "currency": "EUR"}"""
                .formatted(acme.value()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("currency"))
                .andExpect(jsonPath("$.errors[0].message", containsString("Acme Ltd’s invoice, which is in GBP")));
        send(post("/api/v1/expenses"), token, "{\"billable\": \"yes\", \"amount\": [1]}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("billable")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("amount")));
        call(get("/api/v1/expenses?from=tomorrow&limit=0"), token).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("limit")));
        assertThat(rows()).isZero();
    }

    @Test
    void aMembersTokenIsRefused() throws Exception {
        call(get("/api/v1/expenses"), tokenFor(addMember(ws))).andExpect(status().isForbidden());
    }
}
