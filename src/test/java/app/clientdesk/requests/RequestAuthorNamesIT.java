package app.clientdesk.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.clients.Contact;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.support.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Who wrote each message, by name, wherever the conversation shows: a contact writing in the portal or by email
 * goes by the name the VA keeps for them (a rename shows at once), and a sender who is no contact (assigned from
 * the review list) by the name their mail gave, else their address.
 */
class RequestAuthorNamesIT extends IntegrationTest {

    @Autowired Requests requests;

    private TestWorkspace ws;
    private ClientId client;
    private UUID paulaId;
    private String paulaEmail;
    private CurrentUser paulaInPortal;
    private CurrentUser colleagueInPortal;
    /** The reply token the emails carry: none opens a new request. */
    private String thread;

    @BeforeEach
    void aClientWhoseContactPaulaHasAPortalLogin() {
        ws = newWorkspace();
        paulaEmail = uniqueEmail("paula");
        client = clients.create(ws.owner(), new ClientInput("Harbour Wellness", "ACTIVE", "Europe/London", "GBP",
                "en-GB", "GB", null, null, null, List.of(new ClientInput.Day("MONDAY", "09:00", "17:00")), "8",
                "EMAIL", "CHAT", "VIDEO", "EMAIL", null, null,
                List.of(new ClientInput.ContactInput(null, "Paula Pereira", paulaEmail, null, "CEO", true)),
                List.of()));
        paulaId = clients.get(ws.owner(), client).contacts().stream().map(Contact::id).findFirst().orElseThrow();
        // The login's own display name differs from the contact's: the name the VA keeps is the one shown.
        accounts.add(ws.created().workspaceId(), Role.CLIENT, "pp", paulaEmail, PASSWORD, "en", "Europe/London",
                client.value());
        paulaInPortal = principal(paulaEmail);
        colleagueInPortal = addClientContact(ws, client);
    }

    @Test
    void portalAndEmailMessagesShowTheirAuthorsNamesToTheVaTheClientAndTheApi() throws Exception {
        RequestId id = requests.submitFromPortal(paulaInPortal, new PortalSubmission("Spring newsletter",
                "Can we send it on Monday?", null, List.of()));
        // The emails answer the request: its reply token is in their address or subject.
        thread = requests.get(ws.owner(), id).request().replyToken();
        requests.receiveEmail(ws.created().workspaceId(), email(paulaId, paulaEmail, null, "<p1@mail.test>",
                "Also the summer one", "Re: Spring newsletter"));
        requests.receiveEmail(ws.created().workspaceId(), email(null, "rita@agency.test", "Rita Moreno",
                "<r1@mail.test>", "I handle their design", "Re: Spring newsletter"));
        requests.receiveEmail(ws.created().workspaceId(), email(null, "noname@agency.test", null,
                "<n1@mail.test>", "Forwarded", "Re: Spring newsletter"));

        assertThat(requests.get(ws.owner(), id).messages()).extracting(m -> m.author().name())
                .containsExactly("Paula Pereira", "Paula Pereira", "Rita Moreno", null);

        String va = page("/requests/" + id.value(), ws.owner());
        assertThat(va).contains("Paula Pereira", "Rita Moreno", "rita@agency.test", "noname@agency.test");

        // Paula sees her own messages as hers; her colleague sees them by her name, and Rita's by Rita's.
        assertThat(page("/portal/requests/" + id.value(), paulaInPortal)).contains("Rita Moreno");
        assertThat(page("/portal/requests/" + id.value(), colleagueInPortal)).contains("Paula Pereira",
                "Rita Moreno", "noname@agency.test");

        String token = tokenFor(ws.owner());
        mvc.perform(get("/api/v1/requests/" + id.value()).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.author.name").value("Paula Pereira"))
                .andExpect(jsonPath("$.messages[*].author.name").value(contains("Paula Pereira", "Paula Pereira",
                        "Rita Moreno", null)))
                .andExpect(jsonPath("$.messages[3].author.email").value("noname@agency.test"));
    }

    @Test
    void aRequestOpenedByEmailIsShownByItsSendersName() throws Exception {
        Requests.Intake fromRita = requests.receiveEmail(ws.created().workspaceId(), email(null,
                "rita@agency.test", "Rita Moreno", "<r2@mail.test>", "New banner please", "Banner"));
        assertThat(requests.get(ws.owner(), fromRita.request()).request().author().name())
                .isEqualTo("Rita Moreno");
        assertThat(page("/requests/" + fromRita.request().value(), ws.owner())).contains("Rita Moreno");
    }

    @Test
    void aRenamedContactIsShownByTheNewName() throws Exception {
        RequestId id = requests.receiveEmail(ws.created().workspaceId(), email(paulaId, paulaEmail, null,
                "<p3@mail.test>", "Hello", "Question")).request();
        var before = clients.get(ws.owner(), client);
        clients.update(ws.owner(), client, new ClientInput(before.name(), "ACTIVE", "Europe/London", "GBP", "en-GB",
                "GB", null, null, null, List.of(new ClientInput.Day("MONDAY", "09:00", "17:00")), "8", "EMAIL",
                "CHAT", "VIDEO", "EMAIL", null, null,
                List.of(new ClientInput.ContactInput(paulaId, "Paula Lima", paulaEmail, null, "CEO",
                        true)), List.of()));
        assertThat(page("/requests/" + id.value(), ws.owner())).contains("Paula Lima").doesNotContain("Pereira");
    }

    private EmailSubmission email(UUID contact, String from, String fromName, String messageId, String text,
            String subject) {
        return new EmailSubmission(client, contact, from, subject, text, null, messageId, null, List.of(), thread,
                List.of(), fromName);
    }

    private String page(String path, CurrentUser who) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(user(who))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }
}
