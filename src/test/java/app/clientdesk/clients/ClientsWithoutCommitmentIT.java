package app.clientdesk.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.clientdesk.sla.SlaPolicy;
import app.clientdesk.support.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A client may have no response-time commitment: the form's empty field, the API's null, no clock. */
class ClientsWithoutCommitmentIT extends IntegrationTest {

    @Test
    void theFormOffersNoCommitmentAndShowsIt() throws Exception {
        TestWorkspace ws = newWorkspace();
        String form = mvc.perform(get("/clients/new").with(user(ws.owner()))).andReturn().getResponse()
                .getContentAsString();
        assertThat(form).contains("placeholder=\"No commitment\"")
                .contains("counted in business hours of your workspace’s working calendar")
                .contains("<a href=\"/settings/calendar\">Working calendar</a>")
                .contains("Leave it empty for no commitment");

        MockHttpServletResponse saved = mvc.perform(post("/clients").with(user(ws.owner())).with(csrf())
                .param("name", "Quiet Studio").param("status", "ACTIVE").param("timeZone", "Europe/London")
                .param("currency", "GBP").param("locale", "en-GB").param("responseTimeHours", "")
                .param("days[0].open", "true").param("days[0].start", "09:00").param("days[0].end", "17:00"))
                .andReturn().getResponse();
        assertThat(saved.getStatus()).isEqualTo(302);
        String location = saved.getRedirectedUrl();
        ClientId id = new ClientId(UUID.fromString(location.substring("/clients/".length())));
        Client client = clients.get(ws.owner(), id);
        assertThat(client.responseTimeHours()).isNull();
        assertThat(SlaPolicy.commitment(client)).isEmpty();

        assertThat(page(ws, location)).contains("No commitment");
        assertThat(page(ws, "/clients")).contains("No commitment");
        assertThat(page(ws, location + "/edit")).contains("name=\"responseTimeHours\" type=\"number\" min=\"1\" "
                + "max=\"720\" step=\"1\" value=\"\"");

        // And back to a commitment; a wrong one is still refused.
        mvc.perform(post(location).with(user(ws.owner())).with(csrf()).param("name", "Quiet Studio")
                .param("status", "ACTIVE").param("timeZone", "Europe/London").param("currency", "GBP")
                .param("locale", "en-GB").param("responseTimeHours", "0")
                .param("days[0].open", "true").param("days[0].start", "09:00").param("days[0].end", "17:00"));
        assertThat(clients.get(ws.owner(), id).responseTimeHours()).isNull();
    }

    @Test
    void thePortugueseFormSaysTheSame() throws Exception {
        TestWorkspace ws = newWorkspace("VA Brasil", "pt-BR");
        assertThat(page(ws, "/clients/new")).contains("placeholder=\"Sem prazo combinado\"")
                .contains("calendário de trabalho do seu espaço")
                .contains("Deixe em branco para não combinar prazo");
    }

    @Test
    void theApiTakesNullAsNoCommitmentAndLeavesAnAbsentFieldAsItWas() throws Exception {
        TestWorkspace ws = newWorkspace();
        String token = tokenFor(ws.owner());

        String created = mvc.perform(json(post("/api/v1/clients"), token, """
                {"name": "Quiet Studio", "timeZone": "Europe/London", "currency": "GBP", "responseTimeHours": null}"""))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.id");
        assertThat((Object) JsonPath.read(created, "$.responseTimeHours")).isNull();
        assertThat(created).contains("\"responseTimeHours\":null");

        // Left out in a PATCH: kept (still none).
        String renamed = patched(token, id, "{\"name\": \"Quiet Studio Ltd\"}");
        assertThat((Object) JsonPath.read(renamed, "$.responseTimeHours")).isNull();
        assertThat((Integer) JsonPath.read(patched(token, id, "{\"responseTimeHours\": 6}"), "$.responseTimeHours"))
                .isEqualTo(6);
        assertThat((Integer) JsonPath.read(patched(token, id, "{\"name\": \"Quiet\"}"), "$.responseTimeHours"))
                .isEqualTo(6);
        assertThat((Object) JsonPath.read(patched(token, id, "{\"responseTimeHours\": null}"), "$.responseTimeHours"))
                .isNull();
        String list = mvc.perform(auth(get("/api/v1/clients"), token)).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("\"responseTimeHours\":null");

        // Left out in a POST: the usual 24 hours.
        String usual = mvc.perform(json(post("/api/v1/clients"), token, """
                {"name": "Busy Studio", "timeZone": "Europe/London", "currency": "GBP"}"""))
                .andReturn().getResponse().getContentAsString();
        assertThat((Integer) JsonPath.read(usual, "$.responseTimeHours")).isEqualTo(24);
        assertThat(SlaPolicy.commitment(clients.get(ws.owner(), new ClientId(UUID.fromString(
                JsonPath.read(usual, "$.id")))))).contains(Duration.ofHours(24));

        // Out of range or not a whole number: a problem, nothing saved.
        for (String bad : new String[] {"0", "721", "\"eight\"", "4.5"}) {
            MockHttpServletResponse refused = mvc.perform(json(patch("/api/v1/clients/" + id), token,
                    "{\"responseTimeHours\": " + bad + "}")).andReturn().getResponse();
            assertThat(refused.getStatus()).as(bad).isIn(400, 422);
            assertThat(refused.getContentType()).as(bad).startsWith("application/problem+json");
        }
        assertThat(clients.get(ws.owner(), new ClientId(UUID.fromString(id))).responseTimeHours()).isNull();
    }

    private String patched(String token, String id, String body) throws Exception {
        MockHttpServletResponse response = mvc.perform(json(patch("/api/v1/clients/" + id), token, body)).andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(body).isEqualTo(200);
        return response.getContentAsString();
    }

    private String page(TestWorkspace ws, String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(user(ws.owner()))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    private static MockHttpServletRequestBuilder auth(MockHttpServletRequestBuilder request, String token) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token).accept(MediaType.APPLICATION_JSON);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String token,
            String body) {
        return auth(request, token).contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
