package app.clientdesk.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.clients.ClientId;
import app.clientdesk.support.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** An API client that retries (with an Idempotency-Key) gets the first result every time, and never a 500. */
class ApiRetriesIT extends IntegrationTest {

    @Autowired Invoices invoices;
    @Autowired JdbcClient jdbc;

    TestWorkspace ws;
    String token;
    Invoice issued;

    @BeforeEach
    void anIssuedInvoice() {
        clock.set(Instant.parse("2026-11-20T15:00:00Z"));
        ws = newWorkspace();
        token = tokenFor(ws.owner());
        ClientId acme = createClient(ws, "Acme Ltd");
        issued = invoices.issue(ws.owner(), invoices.createDraft(ws.owner(), new DraftInput(acme.value().toString(),
                null, null, null, null, null, null, List.of(new DraftInput.LineInput(null, "Inbox", "1", "ITEMS",
                        "100.00", null, null, null)))).id(), null);
    }

    private MockHttpServletRequestBuilder api(MockHttpServletRequestBuilder request, String body, String key) {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token).accept(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", key);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return request;
    }

    private ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request);
    }

    @Test
    void twentySendsWithOneKeyAtOnceAllAnswerTheFirstMessage() throws Exception {
        int calls = 20;
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < calls; i++) {
                Callable<MockHttpServletResponse> call = () -> {
                    start.await();
                    return mvc.perform(api(post("/api/v1/invoices/" + issued.id() + "/send"),
                            "{\"to\": \"ap@acme.example\"}", "send-once")).andReturn().getResponse();
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            List<String> messageIds = new ArrayList<>();
            for (Future<MockHttpServletResponse> answer : answers) {
                MockHttpServletResponse response = answer.get(120, TimeUnit.SECONDS);
                assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(202);
                messageIds.add(JsonPath.read(response.getContentAsString(), "$.messageId"));
            }
            assertThat(messageIds).as("every answer is the first result").containsOnly(messageIds.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from mail_outbox where workspace_id = :w")
                .param("w", ws.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherPaymentIsRefused() throws Exception {
        String first = perform(api(post("/api/v1/invoices/" + issued.id() + "/payments"), "{\"amount\": \"40.00\"}",
                "pay-1")).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        perform(api(post("/api/v1/invoices/" + issued.id() + "/payments"), "{\"amount\": 40.00}", "pay-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(JsonPath.<String>read(first, "$.id")));
        perform(api(post("/api/v1/invoices/" + issued.id() + "/payments"), "{\"amount\": \"60.00\"}", "pay-1"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        assertThat(jdbc.sql("select count(*) from payments where invoice_id = :i").param("i", issued.id().value())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aFeeLargerThanThePaymentIsRefused() throws Exception {
        perform(api(post("/api/v1/invoices/" + issued.id() + "/payments"), "{\"amount\": \"40.00\", \"fee\": \"40.01\"}",
                "fee-1"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("fee"));
        perform(api(post("/api/v1/invoices/" + issued.id() + "/payments"), "{\"amount\": \"40.00\", \"fee\": \"40.00\"}",
                "fee-2"))
                .andExpect(status().isCreated());
    }
}
