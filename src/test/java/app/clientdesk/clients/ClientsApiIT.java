package app.clientdesk.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import com.jayway.jsonpath.JsonPath;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** {@code /api/v1/clients} as a script holding a personal API token sees it. */
class ClientsApiIT extends IntegrationTest {

    private static final String SYDNEY_CLIENT = """
            {"name": "Harbour Wellness Studio", "timeZone": "Australia/Sydney", "currency": "AUD",
             "locale": "en-AU", "country": "AU", "responseTimeHours": 4,
             "businessHours": [
               {"day": "MONDAY", "start": "08:00", "end": "16:00"},
               {"day": "TUESDAY", "start": "08:00", "end": "16:00"},
               {"day": "WEDNESDAY", "start": "08:00", "end": "16:00"},
               {"day": "THURSDAY", "start": "08:00", "end": "16:00"},
               {"day": "FRIDAY", "start": "08:00", "end": "16:00"}],
             "contacts": [
               {"name": "Jack Nguyen", "email": "jack@harbourwellness.example", "role": "Studio manager"},
               {"name": "Olivia Bennett", "email": "Olivia@HarbourWellness.example", "phone": "+61 2 9000 1234",
                "primary": true}]}
            """;

    @Test
    void ownerCreatesAClientAndGetsItBackWithItsLocalTimeAndLocation() throws Exception {
        TestWorkspace ws = newWorkspace();
        String token = tokenFor(ws.owner());

        MvcResult created = mvc.perform(json(post("/api/v1/clients"), token, SYDNEY_CLIENT))
                .andExpect(status().isCreated())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.name").value("Harbour Wellness Studio"))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.timeZone").value("Australia/Sydney"))
                .andExpect(jsonPath("$.currency").value("AUD"))
                .andExpect(jsonPath("$.locale").value("en-AU"))
                .andExpect(jsonPath("$.country").value("AU"))
                .andExpect(jsonPath("$.responseTimeHours").value(4))
                .andExpect(jsonPath("$.archived").value(false))
                .andExpect(jsonPath("$.businessHours", hasSize(5)))
                .andExpect(jsonPath("$.businessHours[0].day").value("MONDAY"))
                .andExpect(jsonPath("$.businessHours[0].start").value("08:00"))
                .andExpect(jsonPath("$.businessHours[0].end").value("16:00"))
                .andExpect(jsonPath("$.contacts", hasSize(2)))
                .andExpect(jsonPath("$.contacts[0].name").value("Jack Nguyen"))
                .andExpect(jsonPath("$.contacts[0].primary").value(false))
                .andExpect(jsonPath("$.contacts[1].name").value("Olivia Bennett"))
                .andExpect(jsonPath("$.contacts[1].email").value("olivia@harbourwellness.example"))
                .andExpect(jsonPath("$.contacts[1].primary").value(true))
                .andReturn();

        String body = created.getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.id");
        assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo("/api/v1/clients/" + id);

        ZoneId sydney = ZoneId.of("Australia/Sydney");
        OffsetDateTime localTime = OffsetDateTime.parse(JsonPath.read(body, "$.localTime"));
        assertThat(localTime.getOffset()).as("offset of Sydney at that moment")
                .isEqualTo(sydney.getRules().getOffset(localTime.toInstant()));
        assertThat(Duration.between(localTime.toInstant(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
        ZonedDateTime there = localTime.atZoneSameInstant(sydney);
        boolean weekday = there.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue();
        boolean expectedOpen = weekday && !there.toLocalTime().isBefore(LocalTime.of(8, 0))
                && there.toLocalTime().isBefore(LocalTime.of(16, 0));
        assertThat((Boolean) JsonPath.read(body, "$.openNow")).isEqualTo(expectedOpen);

        mvc.perform(auth(get("/api/v1/clients/" + id), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.name").value("Harbour Wellness Studio"))
                .andExpect(jsonPath("$.contacts[1].phone").value("+61 2 9000 1234"));
    }

    @Test
    void listIsSearchedByTextAndFilteredByStatus() throws Exception {
        TestWorkspace ws = newWorkspace();
        String token = tokenFor(ws.owner());
        createClient(ws, "Thames Legal Partners");
        createClient(ws, "Hudson Street Bakery");
        mvc.perform(json(post("/api/v1/clients"), token, """
                {"name": "Café Paulista", "status": "LEAD", "timeZone": "America/Sao_Paulo", "currency": "BRL",
                 "contacts": [{"name": "Beatriz Costa", "email": "beatriz@cafepaulista.example"}]}
                """)).andExpect(status().isCreated());

        mvc.perform(auth(get("/api/v1/clients"), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[*].name").value(org.hamcrest.Matchers.contains("Café Paulista",
                        "Hudson Street Bakery", "Thames Legal Partners")));
        mvc.perform(auth(get("/api/v1/clients").param("q", "THAMES"), token))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].name").value("Thames Legal Partners"))
                .andExpect(jsonPath("$.items[0].primaryContact.email").value("primary@example.com"));
        mvc.perform(auth(get("/api/v1/clients").param("q", "beatriz@"), token))
                .andExpect(jsonPath("$.items[*].name").value(org.hamcrest.Matchers.contains("Café Paulista")));
        mvc.perform(auth(get("/api/v1/clients").param("status", "lead"), token))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].status").value("LEAD"));
        mvc.perform(auth(get("/api/v1/clients").param("status", "ACTIVE").param("q", "bakery"), token))
                .andExpect(jsonPath("$.items[*].name").value(org.hamcrest.Matchers.contains("Hudson Street Bakery")));
        mvc.perform(auth(get("/api/v1/clients").param("status", "VIP"), token))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
    }

    @Test
    void patchChangesOnlyTheFieldsGivenAndKeepsContacts() throws Exception {
        TestWorkspace ws = newWorkspace();
        String token = tokenFor(ws.owner());
        String id = createViaApi(token, SYDNEY_CLIENT);
        String before = mvc.perform(auth(get("/api/v1/clients/" + id), token)).andReturn().getResponse()
                .getContentAsString();

        mvc.perform(json(patch("/api/v1/clients/" + id), token, "{\"name\": \"Harbour Wellness & Spa\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Harbour Wellness & Spa"));

        String after = mvc.perform(auth(get("/api/v1/clients/" + id), token)).andReturn().getResponse()
                .getContentAsString();
        assertThat((String) JsonPath.read(after, "$.name")).isEqualTo("Harbour Wellness & Spa");
        for (String unchanged : List.of("$.timeZone", "$.currency", "$.locale", "$.country", "$.responseTimeHours",
                "$.businessHours", "$.contacts", "$.channels", "$.status")) {
            assertThat((Object) JsonPath.read(after, unchanged)).as(unchanged)
                    .isEqualTo(JsonPath.read(before, unchanged));
        }
    }

    @Test
    void patchWithContactsReplacesThem() throws Exception {
        TestWorkspace ws = newWorkspace();
        String token = tokenFor(ws.owner());
        String id = createViaApi(token, SYDNEY_CLIENT);

        mvc.perform(json(patch("/api/v1/clients/" + id), token,
                        "{\"contacts\": [{\"name\": \"Zoe Park\", \"email\": \"zoe@harbourwellness.example\"}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contacts", hasSize(1)))
                .andExpect(jsonPath("$.contacts[0].name").value("Zoe Park"))
                .andExpect(jsonPath("$.contacts[0].primary").value(true))
                .andExpect(jsonPath("$.name").value("Harbour Wellness Studio"));

        assertThat(clients.get(ws.owner(), new ClientId(UUID.fromString(id))).contacts())
                .extracting(Contact::name).containsExactly("Zoe Park");
    }

    @Test
    void invalidPatchChangesNothing() throws Exception {
        TestWorkspace ws = newWorkspace();
        String token = tokenFor(ws.owner());
        String id = createViaApi(token, SYDNEY_CLIENT);

        mvc.perform(json(patch("/api/v1/clients/" + id), token, "{\"name\": \"New name\", \"currency\": \"US$\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("currency"));

        Client client = clients.get(ws.owner(), new ClientId(UUID.fromString(id)));
        assertThat(client.name()).isEqualTo("Harbour Wellness Studio");
        assertThat(client.currency().getCurrencyCode()).isEqualTo("AUD");
    }

    @Test
    void deleteArchivesTheClient() throws Exception {
        TestWorkspace ws = newWorkspace();
        String token = tokenFor(ws.owner());
        String id = createViaApi(token, SYDNEY_CLIENT);

        mvc.perform(auth(delete("/api/v1/clients/" + id), token)).andExpect(status().isNoContent());

        mvc.perform(auth(get("/api/v1/clients"), token))
                .andExpect(jsonPath("$.total").value(0))
                .andExpect(jsonPath("$.items", hasSize(0)));
        mvc.perform(auth(get("/api/v1/clients").param("archived", "true"), token))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.items[0].archived").value(true));
        mvc.perform(auth(get("/api/v1/clients/" + id), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.archived").value(true));
    }

    static Stream<Arguments> invalidClients() {
        String longName = "x".repeat(161);
        return Stream.of(
                Arguments.of("unknown time zone", """
                        {"name": "A", "timeZone": "Mars/Olympus", "currency": "USD"}""",
                        "timeZone", "Choose a time zone by its IANA name, such as America/Sao_Paulo."),
                Arguments.of("fixed offset as time zone", """
                        {"name": "A", "timeZone": "+03:00", "currency": "USD"}""",
                        "timeZone", "Choose a time zone by its IANA name, such as America/Sao_Paulo."),
                Arguments.of("unknown currency", """
                        {"name": "A", "timeZone": "Europe/London", "currency": "XYZ"}""",
                        "currency", "Choose a currency by its ISO 4217 code, such as USD, BRL or JPY."),
                Arguments.of("invalid contact email", """
                        {"name": "A", "timeZone": "Europe/London", "currency": "GBP",
                         "contacts": [{"name": "Ann", "email": "ann.example.com"}]}""",
                        "contacts[0].email", "Enter an email address such as name@example.com."),
                Arguments.of("business day ending before it starts", """
                        {"name": "A", "timeZone": "Europe/London", "currency": "GBP",
                         "businessHours": [{"day": "MONDAY", "start": "17:00", "end": "09:00"}]}""",
                        "businessHours[0].end", "The day must end after it starts."),
                Arguments.of("name too long", """
                        {"name": "%s", "timeZone": "Europe/London", "currency": "GBP"}""".formatted(longName),
                        "name", "Use at most 160 characters."),
                Arguments.of("missing name", """
                        {"timeZone": "Europe/London", "currency": "GBP"}""",
                        "name", "Fill this in."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidClients")
    void invalidInputIsAProblemListingTheFieldAndNothingIsSaved(String what, String json, String field,
            String message) throws Exception {
        TestWorkspace ws = newWorkspace();

        mvc.perform(json(post("/api/v1/clients"), tokenFor(ws.owner()), json))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(422))
                .andExpect(jsonPath("$.title").value("Invalid input"))
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(message));

        assertThat(clients.hasAny(ws.created().workspaceId())).as("a client was saved").isFalse();
    }

    @Test
    void everyBrokenRuleIsListedAtOnce() throws Exception {
        TestWorkspace ws = newWorkspace();

        mvc.perform(json(post("/api/v1/clients"), tokenFor(ws.owner()), """
                        {"name": "", "timeZone": "Nowhere", "currency": "US$", "website": "localhost",
                         "businessHours": [{"day": "MONDAY", "start": "18:00", "end": "08:00"}],
                         "contacts": [{"name": "Ann", "email": "bad"}, {"name": "Bob", "primary": true},
                                      {"name": "Cy", "primary": true}]}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("name",
                        "timeZone", "currency", "website", "businessHours[0].end", "contacts[0].email",
                        "contacts")));
        assertThat(clients.hasAny(ws.created().workspaceId())).isFalse();
    }

    @Test
    void malformedJsonIsABadRequestProblem() throws Exception {
        TestWorkspace ws = newWorkspace();
        String token = tokenFor(ws.owner());

        mvc.perform(json(post("/api/v1/clients"), token, "{\"name\": \"Unclosed"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Malformed request"));
        mvc.perform(json(post("/api/v1/clients"), token, "{\"name\": \"A\", \"responseTimeHours\": \"soon\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(clients.hasAny(ws.created().workspaceId())).isFalse();
    }

    @Test
    void aBodyOverTheLimitIsRefusedUnread() throws Exception {
        TestWorkspace ws = newWorkspace();
        String huge = "{\"name\": \"" + "a".repeat(2 * 1024 * 1024) + "\", \"timeZone\": \"UTC\", \"currency\": \"USD\"}";

        mvc.perform(json(post("/api/v1/clients"), tokenFor(ws.owner()), huge))
                .andExpect(status().isPayloadTooLarge());
        assertThat(clients.hasAny(ws.created().workspaceId())).isFalse();
    }

    @Test
    void unknownIdsAndOtherWorkspacesClientsAreNotFound() throws Exception {
        TestWorkspace ws = newWorkspace();
        String token = tokenFor(ws.owner());
        TestWorkspace stranger = newWorkspace();
        ClientId theirs = createClient(stranger, "Someone Else's Client");

        for (String path : List.of("/api/v1/clients/" + UUID.randomUUID(), "/api/v1/clients/" + theirs,
                "/api/v1/clients/not-a-uuid")) {
            mvc.perform(auth(get(path), token))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.title").value("Not found"));
        }
        mvc.perform(json(patch("/api/v1/clients/" + theirs), token, "{\"name\": \"Mine now\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(auth(delete("/api/v1/clients/" + theirs), token)).andExpect(status().isNotFound());

        Client untouched = clients.get(stranger.owner(), theirs);
        assertThat(untouched.name()).isEqualTo("Someone Else's Client");
        assertThat(untouched.archived()).isFalse();
    }

    @Test
    void aMemberSeesOnlyAssignedClientsAndChangesNone() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addMember(ws);
        ClientId assigned = createClient(ws, "Assigned Co", member.id());
        ClientId other = createClient(ws, "Other Co");
        String token = tokenFor(member);

        mvc.perform(auth(get("/api/v1/clients"), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(assigned.toString()));
        mvc.perform(auth(get("/api/v1/clients/" + assigned), token)).andExpect(status().isOk());
        mvc.perform(auth(get("/api/v1/clients/" + other), token)).andExpect(status().isNotFound());

        mvc.perform(json(post("/api/v1/clients"), token, SYDNEY_CLIENT))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Forbidden"));
        mvc.perform(json(patch("/api/v1/clients/" + assigned), token, "{\"name\": \"Renamed\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(auth(delete("/api/v1/clients/" + assigned), token)).andExpect(status().isForbidden());

        assertThat(clients.search(ws.owner(), new ClientQuery(null, null, false, 0, 50)).clients())
                .extracting(ClientSummary::name).containsExactly("Assigned Co", "Other Co");
    }

    @Test
    void errorsAreInTheCallersLanguage() throws Exception {
        TestWorkspace ws = newWorkspace("Ana Souza Assistência", "pt-BR");

        mvc.perform(json(post("/api/v1/clients"), tokenFor(ws.owner()), """
                        {"name": "Cliente", "timeZone": "Mars/Olympus", "currency": "BRL",
                         "businessHours": [{"day": "MONDAY", "start": "17:00", "end": "09:00"}]}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("Dados inválidos"))
                .andExpect(jsonPath("$.errors[0].field").value("timeZone"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("Escolha um fuso horário pelo nome IANA, como America/Sao_Paulo."))
                .andExpect(jsonPath("$.errors[1].message").value("O dia precisa terminar depois de começar."));
        mvc.perform(auth(get("/api/v1/clients/" + UUID.randomUUID()), tokenFor(ws.owner())))
                .andExpect(jsonPath("$.title").value("Não encontrado"));
    }
    @Test
    void theListPagesWithLimitAndOffsetLikeEveryOtherList() throws Exception {
        TestWorkspace ws = newWorkspace();
        String token = tokenFor(ws.owner());
        createClient(ws, "Alpha");
        createClient(ws, "Bravo");
        createClient(ws, "Charlie");
        mvc.perform(auth(get("/api/v1/clients").param("limit", "2"), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].name").value(org.hamcrest.Matchers.contains("Alpha", "Bravo")))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.limit").value(2))
                .andExpect(jsonPath("$.offset").value(0))
                .andExpect(jsonPath("$.hasMore").value(true));
        mvc.perform(auth(get("/api/v1/clients").param("limit", "2").param("offset", "1"), token))
                .andExpect(jsonPath("$.items[*].name").value(org.hamcrest.Matchers.contains("Bravo", "Charlie")))
                .andExpect(jsonPath("$.hasMore").value(false));
        mvc.perform(auth(get("/api/v1/clients").param("offset", "3"), token))
                .andExpect(jsonPath("$.items").isEmpty())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.hasMore").value(false));
        mvc.perform(auth(get("/api/v1/clients").param("limit", "201").param("offset", "-1"), token))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("limit", "offset")));
    }

    @Test
    void theApiDescribesItself() throws Exception {
        mvc.perform(get("/api/v1/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.openapi").exists())
                .andExpect(jsonPath("$.paths['/api/v1/clients'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/clients'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/clients/{clientId}'].patch").exists());

        String swaggerUi = mvc.perform(get("/api/v1/docs"))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(swaggerUi).contains("swagger-ui");
        mvc.perform(get(swaggerUi))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("swagger-ui")));
    }

    private String createViaApi(String token, String json) throws Exception {
        String body = mvc.perform(json(post("/api/v1/clients"), token, json)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private static MockHttpServletRequestBuilder auth(MockHttpServletRequestBuilder request, String token) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token).accept(MediaType.APPLICATION_JSON);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String token,
            String body) {
        return auth(request, token).contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
