package app.clientdesk.shared;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.billing.BillingSetup;
import app.clientdesk.billing.DraftInput;
import app.clientdesk.billing.Invoice;
import app.clientdesk.billing.Invoices;
import app.clientdesk.clients.ClientId;
import app.clientdesk.support.IntegrationTest;
import jakarta.servlet.RequestDispatcher;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Requests that answered 500 (or an error that said the wrong thing) though nothing was wrong on our side: each
 * now answers the client's mistake in words, as a problem detail under /api.
 */
class ApiErrorAnswersIT extends IntegrationTest {

    @Autowired Invoices invoices;
    @Autowired BillingSetup billingSetup;

    TestWorkspace ws;
    String token;
    ClientId acme;

    @BeforeEach
    void workspace() {
        clock.set(Instant.parse("2026-11-20T15:00:00Z"));
        ws = newWorkspace();
        token = tokenFor(ws.owner());
        acme = createClient(ws, "Acme Ltd");
    }

    private ResultActions api(MockHttpServletRequestBuilder request, String body) throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token).accept(MediaType.APPLICATION_JSON);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }

    private Invoice issued() {
        return invoices.issue(ws.owner(), invoices.createDraft(ws.owner(), new DraftInput(acme.value().toString(),
                null, null, null, null, null, null, List.of(new DraftInput.LineInput(null, "Inbox", "1", "ITEMS",
                        "100.00", null, null, null)))).id(), null);
    }

    @Test
    void aHugeJsonNumberInAMoneyFieldIsAFieldErrorNotAFailure() throws Exception {
        api(post("/api/v1/invoices"), """
                {"clientId": "%s", "lines": [{"description": "Inbox", "quantity": 1, "unitPrice": 1e400}]}"""
                .formatted(acme.value()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].unitPrice"));
        api(post("/api/v1/invoices/" + issued().id() + "/payments"), "{\"amount\": 1e400}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        api(post("/api/v1/services"), """
                {"name": "Care", "model": "FIXED", "prices": [{"currency": "GBP", "amount": -1e400}]}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("prices[0].amount"));
        api(post("/api/v1/expenses"), """
                {"clientId": "%s", "spentOn": "2026-11-20", "description": "Domain", "amount": 1e400}"""
                .formatted(acme.value()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        api(post("/api/v1/time-entries"), """
                {"clientId": "%s", "start": "2026-11-20T09:00:00Z", "end": "2026-11-20T10:00:00Z", "rate": 1e400}"""
                .formatted(acme.value()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("rate"));
    }

    @Test
    void anExponentTooLargeToWriteOutIsRefusedAtOnce() throws Exception {
        api(post("/api/v1/invoices"), """
                {"clientId": "%s", "lines": [{"description": "Inbox", "quantity": 1, "unitPrice": 1e999999999}]}"""
                .formatted(acme.value()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].unitPrice"));
    }

    @Test
    void theBillingSettingsFormWithoutItsCheckboxSavesTheBoxAsUnticked() throws Exception {
        mvc.perform(post("/billing/settings").with(user(ws.owner())).with(csrf())
                        .param("invoicePattern", "INV-{yyyy}-{seq:4}").param("creditNotePattern", "CN-{yyyy}-{seq:4}")
                        .param("netDays", "14").param("taxMode", "EXCLUSIVE"))
                .andExpect(status().is3xxRedirection());
        org.assertj.core.api.Assertions.assertThat(billingSetup.get(ws.owner()).showBaseTotal()).isFalse();
    }

    @Test
    void theErrorPathCalledDirectlyIsNotFound() throws Exception {
        mvc.perform(get("/error").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
        mvc.perform(get("/error").accept(MediaType.APPLICATION_JSON)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aMethodTheApiDoesNotServeIsA405Problem() throws Exception {
        api(put("/api/v1/clients/" + acme.value()), "{\"name\": \"Acme\"}")
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.ALLOW, containsString("PATCH")))
                .andExpect(jsonPath("$.status").value(405))
                .andExpect(jsonPath("$.detail", not(containsString("JSON"))));
    }

    @Test
    void errorsRaisedBeforeAControllerSayWhatHappened() throws Exception {
        mvc.perform(post("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 413)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/clients")
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.detail", not(containsString("JSON"))))
                .andExpect(jsonPath("$.detail", containsString("larger")));
        mvc.perform(post("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 405)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/clients")
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.title").value("Method not allowed"))
                .andExpect(jsonPath("$.detail", not(containsString("JSON"))));
    }
}
