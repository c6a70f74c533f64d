package app.clientdesk.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.support.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** {@code /api/v1/services} as a script holding the owner's API token sees it. */
class ServicesApiIT extends IntegrationTest {

    @Autowired Services services;

    TestWorkspace ws;
    String ownerToken;

    static final String RETAINER = """
            {"name": "Inbox care", "description": "Zero inbox", "deliverables": ["Daily triage", "Weekly report"],
             "model": "RETAINER", "includedHours": "12:30", "taxName": "VAT", "taxPercent": 7.5,
             "prices": [{"currency": "JPY", "amount": 150000, "overageRate": "8000"},
                        {"currency": "bhd", "amount": "75.5"}]}""";

    @BeforeEach
    void workspace() {
        ws = newWorkspace();
        ownerToken = tokenFor(ws.owner());
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String token, String body) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token).accept(MediaType.APPLICATION_JSON)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions call(MockHttpServletRequestBuilder request, String token) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token).accept(MediaType.APPLICATION_JSON));
    }

    private String create(String body) throws Exception {
        return JsonPath.read(send(post("/api/v1/services"), ownerToken, body).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");
    }

    @Test
    void aCreatedServiceAnswersWithMoneyAsStringsInTheCurrencysDecimals() throws Exception {
        String json = send(post("/api/v1/services"), ownerToken, RETAINER)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("Inbox care"))
                .andExpect(jsonPath("$.deliverables", contains("Daily triage", "Weekly report")))
                .andExpect(jsonPath("$.model").value("RETAINER"))
                .andExpect(jsonPath("$.includedMinutes").value(750))
                .andExpect(jsonPath("$.includedHours").value("12:30"))
                .andExpect(jsonPath("$.taxName").value("VAT"))
                .andExpect(jsonPath("$.taxPercent").value("7.5"))
                .andExpect(jsonPath("$.prices", hasSize(2)))
                .andExpect(jsonPath("$.prices[0].currency").value("BHD"))
                .andExpect(jsonPath("$.prices[0].amount").value("75.500"))
                .andExpect(jsonPath("$.prices[0].overageRate").value(nullValue()))
                .andExpect(jsonPath("$.prices[1].currency").value("JPY"))
                .andExpect(jsonPath("$.prices[1].amount").value("150000"))
                .andExpect(jsonPath("$.prices[1].overageRate").value("8000"))
                .andExpect(jsonPath("$.archived").value(false))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(json, "$.id");
        assertThat(json).contains("\"amount\":\"150000\"", "\"amount\":\"75.500\"");

        call(get("/api/v1/services/" + id), ownerToken).andExpect(status().isOk())
                .andExpect(jsonPath("$.prices[1].amount").value("150000"));
        call(get("/api/v1/services"), ownerToken).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].name", contains("Inbox care")));
    }

    @Test
    void badInputIs422WithEachFieldAndSavesNothing() throws Exception {
        send(post("/api/v1/services"), ownerToken, """
                {"name": "", "model": "HOURLY", "includedHours": "10",
                 "prices": [{"currency": "JPY", "amount": "15000.5"}, {"currency": "JPY", "amount": "1"},
                            {"currency": "EUR", "amount": "10", "overageRate": "12"}, {"currency": "XXY", "amount": "1"}]}""")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("name", "includedHours",
                        "prices[0].amount", "prices[1].currency", "prices[2].overageRate", "prices[3].currency")))
                .andExpect(jsonPath("$.errors[?(@.field == 'prices[0].amount')].message")
                        .value(contains("Not an amount in JPY: use digits, with no decimals.")))
                .andExpect(jsonPath("$.errors[?(@.field == 'prices[1].currency')].message")
                        .value(contains("There is already a price in JPY; one price a currency.")));
        send(post("/api/v1/services"), ownerToken, "[1, 2]").andExpect(status().isUnprocessableContent());
        send(post("/api/v1/services"), ownerToken, "{\"name\": \"Logo\", \"model\": \"FIXED\", "
                + "\"prices\": [{\"currency\": \"EUR\", \"amount\": true}]}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("prices[0].amount"));
        send(post("/api/v1/services"), ownerToken, "{\"name\": \"Logo\", \"model\": \"FIXED\", \"prices\": []}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("prices"));

        assertThat(services.list(ws.owner(), true)).isEmpty();
    }

    @Test
    void aPatchChangesWhatItSendsAndAServiceThatStopsBeingARetainerLosesItsHours() throws Exception {
        String id = create(RETAINER);

        send(patch("/api/v1/services/" + id), ownerToken, "{\"description\": null, \"taxPercent\": \"8\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Inbox care"))
                .andExpect(jsonPath("$.description").value(""))
                .andExpect(jsonPath("$.taxPercent").value("8"))
                .andExpect(jsonPath("$.includedHours").value("12:30"))
                .andExpect(jsonPath("$.prices[1].overageRate").value("8000"));

        send(patch("/api/v1/services/" + id), ownerToken, "{\"model\": \"HOURLY\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.model").value("HOURLY"))
                .andExpect(jsonPath("$.includedMinutes").value(nullValue()))
                .andExpect(jsonPath("$.prices[1].overageRate").value(nullValue()));

        send(patch("/api/v1/services/" + id), ownerToken, "{\"prices\": [{\"currency\": \"BRL\", \"amount\": \"95,5\"}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.prices[*].currency", contains("BRL")))
                .andExpect(jsonPath("$.prices[0].amount").value("95.50"));

        send(patch("/api/v1/services/" + id), ownerToken, "{\"name\": 12}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void deleteArchivesAndAnotherWorkspaceOrAMemberGetsNothing() throws Exception {
        String id = create(RETAINER);
        String otherToken = tokenFor(newWorkspace().owner());
        String memberToken = tokenFor(addMember(ws));

        call(get("/api/v1/services/" + id), otherToken).andExpect(status().isNotFound());
        send(patch("/api/v1/services/" + id), otherToken, "{\"name\": \"Stolen\"}").andExpect(status().isNotFound());
        call(delete("/api/v1/services/" + id), otherToken).andExpect(status().isNotFound());
        call(get("/api/v1/services"), otherToken).andExpect(jsonPath("$.items", hasSize(0)));
        call(get("/api/v1/services/" + UUID.randomUUID()), ownerToken).andExpect(status().isNotFound());
        call(get("/api/v1/services"), memberToken).andExpect(status().isForbidden());
        call(get("/api/v1/services/" + id), memberToken).andExpect(status().isForbidden());

        call(delete("/api/v1/services/" + id), ownerToken).andExpect(status().isNoContent());
        call(get("/api/v1/services/" + id), ownerToken).andExpect(jsonPath("$.archived").value(true))
                .andExpect(jsonPath("$.name").value("Inbox care"));
        call(get("/api/v1/services"), ownerToken).andExpect(jsonPath("$.items", hasSize(0)));
        call(get("/api/v1/services?archived=true"), ownerToken).andExpect(jsonPath("$.items", hasSize(1)));
    }

    @Test
    void theApiDescriptionListsTheServicesRoutes() throws Exception {
        mvc.perform(get("/api/v1/openapi.json")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/services'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/services'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/services/{serviceId}'].patch").exists())
                .andExpect(jsonPath("$.paths['/api/v1/services/{serviceId}'].delete").exists());
    }

    @Test
    void theLocationOfACreatedServiceReadsIt() throws Exception {
        String location = send(post("/api/v1/services"), ownerToken, RETAINER).andExpect(status().isCreated())
                .andExpect(header().exists(HttpHeaders.LOCATION)).andReturn().getResponse().getHeader(HttpHeaders.LOCATION);
        call(get(location), ownerToken).andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Inbox care"));
    }
}
