package app.clientdesk.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The clients screens as a signed-in person uses them: the form, the list with htmx search, the demo. */
class ClientsWebIT extends IntegrationTest {

    @Test
    void ownerCreatesAClientAndLandsOnItsPageWithANotice() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addMember(ws);

        MvcResult result = mvc.perform(validForm(post("/clients").with(user(ws.owner())).with(csrf()),
                        "memberIds", member.id().toString()))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("notice", "Thames Legal Partners is added."))
                .andReturn();

        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).matches("/clients/[0-9a-f-]{36}");
        ClientId id = new ClientId(UUID.fromString(location.substring("/clients/".length())));
        Client saved = clients.get(ws.owner(), id);
        assertThat(saved.memberIds()).containsExactly(member.id().value());
        assertThat(saved.businessHours().days()).containsOnlyKeys(DayOfWeek.MONDAY);

        ZonedDateTime london = ZonedDateTime.now(ZoneId.of("Europe/London"));
        boolean open = london.getDayOfWeek() == DayOfWeek.MONDAY && !london.toLocalTime().isBefore(LocalTime.of(9, 0))
                && london.toLocalTime().isBefore(LocalTime.of(17, 0));
        // Post/Redirect/Get: the browser follows the redirect with its session cookie and sees the notice once.
        // (Under MockMvc there is no embedded server, so the cookie has Spring Session's default name.)
        Cookie[] session = result.getResponse().getCookies();
        assertThat(session).as("session cookie carrying the flash notice").isNotEmpty();
        mvc.perform(get(location).with(user(ws.owner())).cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<h1>Thames Legal Partners</h1>"),
                        containsString("Eleanor Hughes"),
                        containsString("e.hughes@thameslegal.example"),
                        containsString("Europe/London"),
                        containsString(open ? ">Open</span>" : ">Closed</span>"),
                        containsString("Thames Legal Partners is added."),
                        containsString(member.email()))));
        mvc.perform(get(location).with(user(ws.owner())).cookie(session))
                .andExpect(content().string(not(containsString("Thames Legal Partners is added."))));
    }

    @Test
    void anInvalidFormComesBackWithEachErrorBesideItsFieldAndNothingIsSaved() throws Exception {
        TestWorkspace ws = newWorkspace();

        mvc.perform(validForm(post("/clients").with(user(ws.owner())).with(csrf()),
                        "name", "  ",
                        "timeZone", "Mars/Olympus",
                        "days[0].start", "17:00", "days[0].end", "09:00",
                        "contacts[0].email", "not-an-email"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(
                        containsString("Some fields need your attention. Nothing was saved."),
                        containsString("<p class=\"field-error\" id=\"err-name\">Fill this in.</p>"),
                        containsString("<p class=\"field-error\" id=\"err-timeZone\">"
                                + "Choose a time zone by its IANA name, such as America/Sao_Paulo.</p>"),
                        containsString("The day must end after it starts."),
                        containsString("Enter an email address such as name@example.com."),
                        containsString("value=\"Mars/Olympus\""),
                        containsString("value=\"not-an-email\""))));

        assertThat(clients.hasAny(ws.created().workspaceId())).isFalse();
    }

    @Test
    void errorsOfALaterDayAndContactRowLandBesideThatRow() throws Exception {
        TestWorkspace ws = newWorkspace();

        String page = mvc.perform(validForm(post("/clients").with(user(ws.owner())).with(csrf()),
                        "days[2].open", "true", "days[2].start", "18:00", "days[2].end", "08:00",
                        "contacts[1].name", "Second Person", "contacts[1].email", "second@"))
                .andExpect(status().isUnprocessableContent())
                .andReturn().getResponse().getContentAsString();

        // Wednesday is the third row of the form but the second day sent; the error belongs to the third row.
        assertThat(page)
                .containsPattern("<input id=\"days-2-end\"[^>]*value=\"08:00\"[^>]*aria-invalid=\"true\"")
                .containsPattern("<input id=\"contacts-1-email\"[^>]*value=\"second@\"[^>]*aria-invalid=\"true\"")
                .containsPattern("<input id=\"days-0-end\"[^>]*value=\"17:00\"(?![^>]*aria-invalid=\"true\")[^>]*>");
        assertThat(clients.hasAny(ws.created().workspaceId())).isFalse();
    }

    @Test
    void htmxSearchGetsOnlyTheRows() throws Exception {
        TestWorkspace ws = newWorkspace();
        createClient(ws, "Thames Legal Partners");
        createClient(ws, "Hudson Street Bakery");

        mvc.perform(get("/clients").param("q", "thames").header("HX-Request", "true").with(user(ws.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("Thames Legal Partners"),
                        containsString("1 client"),
                        not(containsString("Hudson Street Bakery")),
                        not(containsString("<html")),
                        not(containsString("<form")))));
        mvc.perform(get("/clients").param("q", "thames").with(user(ws.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<html"), containsString("Thames Legal Partners"),
                        not(containsString("Hudson Street Bakery")))));
        mvc.perform(get("/clients").param("q", "nothing like this").header("HX-Request", "true").with(user(ws.owner())))
                .andExpect(content().string(containsString("No client matches.")));
    }

    @Test
    void aPortugueseSpeakerSeesTheListInPortuguese() throws Exception {
        TestWorkspace ws = newWorkspace("Ana Souza Assistência", "pt-BR");
        createClient(ws, "Thames Legal Partners");

        mvc.perform(get("/clients").with(user(ws.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("<html lang=\"pt-BR\">"),
                        containsString("<h1>Clientes</h1>"),
                        containsString("Novo cliente"),
                        containsString("1 cliente"),
                        not(containsString("New client")))));
    }

    @Test
    void anEmptyWorkspaceOffersTheDemoWhichLoadsFourClientsAroundTheWorld() throws Exception {
        TestWorkspace ws = newWorkspace();

        mvc.perform(get("/clients").with(user(ws.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("No clients yet"), containsString("action=\"/demo\""),
                        containsString("Load demo data"))));

        mvc.perform(post("/demo").with(user(ws.owner())).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/clients"))
                .andExpect(flash().attribute("notice", org.hamcrest.Matchers.startsWith("Demo clients are loaded.")));

        assertThat(clients.search(ws.owner(), new ClientQuery(null, null, false, 0, 50)).clients())
                .extracting(c -> c.zone().getId())
                .containsExactlyInAnyOrder("Australia/Sydney", "Europe/London", "America/New_York",
                        "America/Sao_Paulo");
        mvc.perform(get("/clients").with(user(ws.owner())))
                .andExpect(content().string(allOf(containsString("Harbour Wellness Studio"),
                        containsString("Thames Legal Partners"), containsString("Hudson Street Bakery"),
                        containsString("Café Paulista Exportadora"), not(containsString("Load demo data")))));

        mvc.perform(post("/demo").with(user(ws.owner())).with(csrf())).andExpect(status().isFound());
        assertThat(clients.search(ws.owner(), new ClientQuery(null, null, false, 0, 50)).total())
                .as("a second click adds nothing").isEqualTo(4);
    }

    @Test
    void aMemberSeesAnAssignedClientButCannotCreateClients() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addMember(ws);
        ClientId assigned = createClient(ws, "Assigned Co", member.id());
        ClientId other = createClient(ws, "Other Co");

        mvc.perform(get("/clients/" + assigned).with(user(member)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h1>Assigned Co</h1>"),
                        not(containsString("/clients/" + assigned + "/edit")))));
        mvc.perform(get("/clients").with(user(member)))
                .andExpect(content().string(allOf(containsString("Assigned Co"), not(containsString("Other Co")),
                        not(containsString("href=\"/clients/new\"")))));
        mvc.perform(get("/clients/" + other).with(user(member))).andExpect(status().isNotFound());
        mvc.perform(get("/clients/new").with(user(member))).andExpect(status().isForbidden());
        mvc.perform(validForm(post("/clients").with(user(member)).with(csrf()))).andExpect(status().isForbidden());
        mvc.perform(post("/demo").with(user(member)).with(csrf())).andExpect(status().isForbidden());

        assertThat(clients.search(ws.owner(), new ClientQuery(null, null, false, 0, 50)).total()).isEqualTo(2);
    }

    /**
     * The fields of the real form, filled in as a person would for a London law firm open on Mondays;
     * {@code changes} are name-value pairs that replace or add fields.
     */
    private static MockHttpServletRequestBuilder validForm(MockHttpServletRequestBuilder request, String... changes) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "Thames Legal Partners");
        fields.put("status", "ACTIVE");
        fields.put("timeZone", "Europe/London");
        fields.put("currency", "GBP");
        fields.put("locale", "en-GB");
        fields.put("responseTimeHours", "8");
        fields.put("days[0].open", "true");
        fields.put("days[0].start", "09:00");
        fields.put("days[0].end", "17:00");
        fields.put("contacts[0].name", "Eleanor Hughes");
        fields.put("contacts[0].email", "e.hughes@thameslegal.example");
        fields.put("primaryContact", "0");
        for (int i = 0; i < changes.length; i += 2) {
            fields.put(changes[i], changes[i + 1]);
        }
        fields.forEach(request::param);
        return request;
    }
}
