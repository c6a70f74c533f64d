package app.clientdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.clients.Contact;
import app.clientdesk.support.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Archiving a client closes its contacts' portal at once: their sessions end, their links stop working, neither a
 * password nor a new link lets them in, and they are told why in their language; nothing is deleted. Bringing the
 * client back lets them in again, except a contact whose access the VA had closed.
 */
class PortalArchivedClientIT extends IntegrationTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+(/portal/link/[A-Za-z0-9_-]+)");
    private static final Set<String> SESSION_COOKIES = Set.of("CLIENTDESK_SESSION", "SESSION");
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);
    private static final String CARLA_PASSWORD = "carla portal passphrase";

    @Autowired PortalAccess access;
    @Autowired JdbcClient jdbc;

    @Test
    void archivingEndsTheContactsSessionsAndSignInUntilTheClientIsBroughtBack() throws Exception {
        TestWorkspace ws = newWorkspace();
        ClientId client = clients.create(ws.owner(), new ClientInput("Acme Archive Ltda", "ACTIVE", "Europe/London",
                "GBP", "en-GB", "GB", null, null, null, List.of(), "8", "EMAIL", "CHAT", "VIDEO", "EMAIL", null, null,
                List.of(new ClientInput.ContactInput(null, "Carla Client", uniqueEmail("carla"), null, null, true),
                        new ClientInput.ContactInput(null, "Otto Other", uniqueEmail("otto"), null, null, false),
                        new ClientInput.ContactInput(null, "Vera Closed", uniqueEmail("vera"), null, null, false)),
                List.of()));
        List<Contact> contacts = clients.get(ws.owner(), client).contacts();
        Contact carla = contacts.get(0);
        Contact otto = contacts.get(1);
        Contact vera = contacts.get(2);
        ClientId other = createClient(ws, "Still Active Client");
        Contact stays = clients.get(ws.owner(), other).contacts().get(0);

        Cookie carlaSession = signInWithLink(ws, client, carla);
        assertThat(mvc.perform(post("/portal/password").cookie(carlaSession).with(csrf())
                .param("password", CARLA_PASSWORD).param("confirmPassword", CARLA_PASSWORD)).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/portal");
        Cookie staysSession = signInWithLink(ws, other, stays);
        access.invite(ws.owner(), client, otto.id());
        String ottosUnusedLink = linkTo(otto.email());
        Cookie veraSession = signInWithLink(ws, client, vera);
        access.close(ws.owner(), client, vera.id());

        MockHttpServletResponse archived = mvc.perform(post("/clients/" + client.value() + "/archive")
                .with(user(ws.owner())).with(csrf())).andReturn().getResponse();
        assertThat(archived.getStatus()).isEqualTo(302);

        // Carla's session ended at once; another client's contact is not touched.
        assertThat(mvc.perform(get("/portal").cookie(carlaSession)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/portal/sign-in");
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = :e")
                .param("e", carla.email()).query(Long.class).single()).isZero();
        assertThat(mvc.perform(get("/portal").cookie(staysSession)).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(get("/portal").cookie(veraSession)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/portal/sign-in");

        // Her password is refused with the reason, in her language; a wrong one still says only "wrong".
        MockHttpServletResponse refused = passwordSignIn(carla.email(), CARLA_PASSWORD, "pt-BR");
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString()).contains("O acesso da sua empresa ao portal está pausado");
        assertThat(sessionCookie(refused)).isNull();
        MockHttpServletResponse english = passwordSignIn(carla.email(), CARLA_PASSWORD, "en");
        assertThat(english.getContentAsString()).contains("Portal access for your company is paused");
        MockHttpServletResponse wrong = passwordSignIn(carla.email(), "not her passphrase at all", "en");
        assertThat(wrong.getStatus()).isEqualTo(401);
        assertThat(wrong.getContentAsString()).doesNotContain("paused");

        // Otto's link, sent before, no longer signs in, and says why; asking for a new one sends nothing.
        MockHttpServletResponse link = mvc.perform(get(ottosUnusedLink).header("Accept-Language", "en")).andReturn()
                .getResponse();
        assertThat(link.getStatus()).isEqualTo(403);
        assertThat(link.getContentAsString()).contains("Your portal access is paused");
        MockHttpServletResponse used = mvc.perform(post(ottosUnusedLink).with(csrf())).andReturn().getResponse();
        assertThat(used.getStatus()).isEqualTo(403);
        assertThat(sessionCookie(used)).isNull();
        int ottosLinks = links(otto.email());
        mvc.perform(post("/portal/sign-in/link").with(csrf()).with(newAddress()).param("email", otto.email()));
        assertThat(links(otto.email())).isEqualTo(ottosLinks);

        // Inviting again while archived is refused (it would open the door again).
        MockHttpServletResponse invite = mvc.perform(post("/clients/" + client.value() + "/contacts/" + otto.id()
                + "/portal/invite").with(user(ws.owner())).with(csrf())).andReturn().getResponse();
        assertThat(invite.getStatus()).isEqualTo(302);
        assertThat(links(otto.email())).isEqualTo(ottosLinks);

        // Nothing was deleted: the contacts, their accounts and their access are all kept.
        assertThat(clients.get(ws.owner(), client).contacts()).extracting(Contact::id)
                .containsExactly(carla.id(), otto.id(), vera.id());
        assertThat(jdbc.sql("select count(*) from portal_access where client_id = :c").param("c", client.value())
                .query(Long.class).single()).isEqualTo(3);
        assertThat(access.statuses(ws.owner(), clients.get(ws.owner(), client))).extracting(PortalAccess.Status::state)
                .containsOnly(PortalAccess.State.CLOSED);

        // Brought back: Carla signs in with her password again, Otto gets a link again; Vera stays closed.
        assertThat(mvc.perform(post("/clients/" + client.value() + "/restore").with(user(ws.owner())).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(302);
        MockHttpServletResponse back = passwordSignIn(carla.email(), CARLA_PASSWORD, "en");
        assertThat(back.getRedirectedUrl()).isEqualTo("/portal");
        assertThat(mvc.perform(get("/portal").cookie(sessionCookie(back))).andReturn().getResponse()
                .getContentAsString()).contains("Acme Archive Ltda");
        mvc.perform(post("/portal/sign-in/link").with(csrf()).with(newAddress()).param("email", otto.email()));
        assertThat(links(otto.email())).isEqualTo(ottosLinks + 1);
        assertThat(mvc.perform(post(linkTo(otto.email())).with(csrf())).andReturn().getResponse().getStatus())
                .isEqualTo(302);
        mvc.perform(post("/portal/sign-in/link").with(csrf()).with(newAddress()).param("email", vera.email()));
        assertThat(jdbc.sql("select count(*) from users where email = :e and disabled_at is not null")
                .param("e", vera.email()).query(Long.class).single()).as("closed by the VA, still closed").isEqualTo(1);
        assertThat(access.statuses(ws.owner(), clients.get(ws.owner(), client))).extracting(PortalAccess.Status::state)
                .containsExactly(PortalAccess.State.ACTIVE, PortalAccess.State.ACTIVE, PortalAccess.State.CLOSED);
    }

    private Cookie signInWithLink(TestWorkspace ws, ClientId client, Contact who) throws Exception {
        access.invite(ws.owner(), client, who.id());
        MockHttpServletResponse used = mvc.perform(post(linkTo(who.email())).with(csrf())).andReturn().getResponse();
        assertThat(used.getStatus()).isEqualTo(302);
        return sessionCookie(used);
    }

    /** The path of the newest portal link queued for the email. */
    private String linkTo(String email) {
        String body = jdbc.sql("""
                select body_text from mail_outbox where recipients = :to and reference like 'portal-%'
                order by created_at desc, id fetch first 1 rows only""").param("to", email).query(String.class).single();
        Matcher m = LINK.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return URI.create("http://x" + m.group(1)).getPath();
    }

    private int links(String email) {
        return jdbc.sql("select count(*) from portal_links l join users u on u.id = l.user_id where u.email = :e")
                .param("e", email).query(Integer.class).single();
    }

    private MockHttpServletResponse passwordSignIn(String email, String password, String language) throws Exception {
        return mvc.perform(post("/portal/sign-in").with(csrf()).with(newAddress()).param("email", email)
                .param("password", password).header("Accept-Language", language)).andReturn().getResponse();
    }

    private static Cookie sessionCookie(MockHttpServletResponse response) {
        return Arrays.stream(response.getCookies()).filter(c -> SESSION_COOKIES.contains(c.getName())).findFirst()
                .orElse(null);
    }

    private static RequestPostProcessor newAddress() {
        String address = "203.0.113." + ADDRESSES.getAndIncrement() % 250;
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
