package app.clientdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.clientdesk.billing.DraftInput;
import app.clientdesk.billing.DraftInput.LineInput;
import app.clientdesk.billing.InvoiceId;
import app.clientdesk.billing.Invoices;
import app.clientdesk.clients.Client;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.clients.Contact;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.mail.OutboxDelivery;
import app.clientdesk.support.IntegrationTest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The client portal's door as a contact and the VA use it, end to end: the VA invites a contact from the client's
 * page, the email leaves through the outbox to a real SMTP server (GreenMail) under the workspace's name, in the
 * contact's language, with a link built from the configured base URL; the contact follows it and is signed in
 * (a real session in the session store), the link works once and for 15 minutes, a password works after, and a
 * removed contact loses every session at once.
 */
class PortalAccessIT extends IntegrationTest {

    private static final int SMTP_PORT = freePort();
    private static final String BASE = "https://desk.portal-test.example";
    private static final Pattern LINK = Pattern.compile("(https?://\\S+/portal/link/[A-Za-z0-9_-]+)");
    private static final Set<String> SESSION_COOKIES = Set.of("CLIENTDESK_SESSION", "SESSION");
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);
    private static final String NEW_PASSWORD = "my portal passphrase";

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    @DynamicPropertySource
    static void mailAndBase(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("clientdesk.base-url", () -> BASE);
    }

    @Autowired OutboxDelivery delivery;
    @Autowired Invoices invoices;
    @Autowired JdbcClient jdbc;

    private TestWorkspace ws;
    private ClientId clientId;
    private Contact contact;
    private Contact other;

    @BeforeEach
    void aClientWithTwoContacts() {
        ws = newWorkspace("Ana Assistência Virtual " + UUID.randomUUID().toString().substring(0, 4), "pt-BR");
        clientId = clients.create(ws.owner(), input("Acme Portal Ltda", List.of(
                new ClientInput.ContactInput(null, "Carla Cliente", uniqueEmail("carla"), null, "CEO", true),
                new ClientInput.ContactInput(null, "Otto Other", uniqueEmail("otto"), null, null, false))));
        List<Contact> contacts = clients.get(ws.owner(), clientId).contacts();
        contact = contacts.get(0);
        other = contacts.get(1);
    }

    @Test
    void anInvitedContactSignsInOnceWithTheLinkAndAReusedOrExpiredLinkOffersANewOne() throws Exception {
        assertThat(page("/clients/" + clientId.value())).contains("Portal do cliente", "Não convidado");

        MockHttpServletResponse invited = mvc.perform(post(invitePath(contact)).with(user(ws.owner())).with(csrf())
                .header("Host", "evil.example").header("X-Forwarded-Host", "evil.example")).andReturn().getResponse();
        assertThat(invited.getRedirectedUrl()).isEqualTo("/clients/" + clientId.value() + "#portal");
        assertThat(smtp.getReceivedMessages()).as("nothing leaves inside the transaction").noneMatch(m -> to(m, contact));

        delivery.deliverDue();
        MimeMessage mail = onlyMailTo(contact);
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertThat(from.getPersonal()).as("sender name").isEqualTo(ws.owner().workspaceName());
        assertThat(mail.getSubject()).isEqualTo(ws.owner().workspaceName() + " convida você para o portal do cliente");
        String body = text(mail);
        assertThat(body).contains("Olá, Carla Cliente", "Acme Portal Ltda", "15 minutos").doesNotContain("evil.example");
        String link = link(body);
        assertThat(link).startsWith(BASE + "/portal/link/");
        assertThat(body).contains(BASE + "/portal/sign-in");
        assertThat(page("/clients/" + clientId.value())).contains("Convidado", "nunca entrou");

        // Following the link shows one button (a mail scanner's GET uses nothing up); pressing it signs in.
        String path = URI.create(link).getPath();
        assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).isEqualTo(200);
        MockHttpServletResponse used = mvc.perform(post(path).with(csrf())).andReturn().getResponse();
        assertThat(used.getRedirectedUrl()).isEqualTo("/portal/password?welcome");
        Cookie session = sessionCookie(used);
        assertThat(session).as("a session cookie").isNotNull();
        MockHttpServletResponse home = mvc.perform(get("/portal").cookie(session)).andReturn().getResponse();
        assertThat(home.getStatus()).isEqualTo(200);
        assertThat(home.getContentAsString()).contains("Olá, Carla Cliente", "Acme Portal Ltda",
                ws.owner().workspaceName(), "lang=\"pt-BR\"");
        assertThat(principalName(session)).isEqualTo(contact.email());
        assertThat(page("/clients/" + clientId.value())).contains("Ativo", "Último acesso");

        // The same link again: refused, saying why, with a form for a new one.
        MockHttpServletResponse reused = mvc.perform(post(path).with(csrf()).header("Accept-Language", "pt-BR"))
                .andReturn().getResponse();
        assertThat(reused.getStatus()).isEqualTo(410);
        assertThat(reused.getContentAsString()).contains("Este link de acesso já foi usado", "/portal/sign-in/link");
        assertThat(sessionCookie(reused)).isNull();
        assertThat(mvc.perform(get(path).header("Accept-Language", "pt-BR")).andReturn().getResponse()
                .getContentAsString()).contains("já foi usado");

        // A new link, asked for on the sign-in page, expires after 15 minutes.
        // Stopped at a whole millisecond: the outbox stores times to the microsecond (rounding), and a message queued
        // at a stopped instant with nanoseconds could be stored a hair later than "now" and not be due yet.
        clock.set(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        askForLink(contact.email(), newAddress());
        delivery.deliverDue();
        List<MimeMessage> mails = mailsTo(contact);
        assertThat(mails).hasSize(2);
        MimeMessage second = mails.get(1);
        assertThat(second.getSubject()).isEqualTo("Seu link de acesso a " + ws.owner().workspaceName());
        String secondPath = URI.create(link(text(second))).getPath();
        clock.advance(Duration.ofMinutes(16));
        MockHttpServletResponse expired = mvc.perform(get(secondPath).header("Accept-Language", "pt-BR")).andReturn()
                .getResponse();
        assertThat(expired.getStatus()).isEqualTo(410);
        assertThat(expired.getContentAsString()).contains("Este link de acesso expirou", "Enviar um novo link");
        MockHttpServletResponse expiredPost = mvc.perform(post(secondPath).with(csrf())).andReturn().getResponse();
        assertThat(expiredPost.getStatus()).isEqualTo(410);
        assertThat(sessionCookie(expiredPost)).isNull();
        assertThat(mvc.perform(get("/portal/link/" + "x".repeat(43))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void theLinkRequestAnswersTheSameForAnUnknownEmailAndIsThrottled() throws Exception {
        invite(contact);
        String nobody = uniqueEmail("nobody");
        MvcResult known = askForLink(contact.email(), newAddress());
        MvcResult unknown = askForLink(nobody, newAddress());
        MvcResult staff = askForLink(ws.owner().email(), newAddress());
        assertThat(unknown.getResponse().getStatus()).isEqualTo(known.getResponse().getStatus()).isEqualTo(302);
        assertThat(unknown.getResponse().getRedirectedUrl()).isEqualTo(known.getResponse().getRedirectedUrl());
        assertThat(Map.copyOf(unknown.getFlashMap())).isEqualTo(Map.copyOf(known.getFlashMap()))
                .isEqualTo(Map.copyOf(staff.getFlashMap())).isNotEmpty();
        assertThat(links(contact.email())).as("the invitation and the asked link").isEqualTo(2);
        assertThat(links(ws.owner().email())).as("no portal link for the VA").isZero();

        // One inbox is not flooded from many addresses: three links an hour at most.
        for (int i = 0; i < 5; i++) {
            askForLink(contact.email(), newAddress());
        }
        assertThat(links(contact.email())).isEqualTo(1 + 3);
        // One address cannot ask for many inboxes: ten an hour, then a visible "wait".
        RequestPostProcessor address = newAddress();
        for (int i = 0; i < 10; i++) {
            assertThat(askForLink(uniqueEmail("flood"), address).getResponse().getStatus()).isEqualTo(302);
        }
        MockHttpServletResponse refused = askForLink(uniqueEmail("flood"), address).getResponse();
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentAsString()).contains("Pedidos demais a partir daqui");
    }

    @Test
    void afterTheFirstLinkTheContactChoosesAPasswordAndSignsInWithIt() throws Exception {
        Cookie session = signInWithLink(contact);
        MockHttpServletResponse tooShort = mvc.perform(post("/portal/password").cookie(session).with(csrf())
                .param("password", "short").param("confirmPassword", "short")).andReturn().getResponse();
        assertThat(tooShort.getStatus()).isEqualTo(422);
        assertThat(tooShort.getContentAsString()).contains("12");
        MockHttpServletResponse saved = mvc.perform(post("/portal/password").cookie(session).with(csrf())
                .param("password", NEW_PASSWORD).param("confirmPassword", NEW_PASSWORD)).andReturn().getResponse();
        assertThat(saved.getRedirectedUrl()).isEqualTo("/portal");

        MockHttpServletResponse signedIn = passwordSignIn(contact.email(), NEW_PASSWORD);
        assertThat(signedIn.getRedirectedUrl()).isEqualTo("/portal");
        assertThat(mvc.perform(get("/portal/invoices").cookie(sessionCookie(signedIn))).andReturn().getResponse()
                .getStatus()).isEqualTo(200);

        MockHttpServletResponse wrong = passwordSignIn(contact.email(), "not the passphrase at all");
        assertThat(wrong.getStatus()).isEqualTo(401);
        assertThat(wrong.getContentAsString()).contains("não correspondem");
        // The VA's own password does not open the portal: the portal is for contacts.
        MockHttpServletResponse owner = passwordSignIn(ws.owner().email(), PASSWORD);
        assertThat(owner.getStatus()).isEqualTo(401);
        assertThat(sessionCookie(owner)).isNull();
        // Before a password is chosen, none works (the account was opened with random bytes nobody knows).
        invite(other);
        assertThat(passwordSignIn(other.email(), PASSWORD).getStatus()).isEqualTo(401);
    }

    @Test
    void removingAContactEndsTheirSessionsAtOnceAndDeletesNothing() throws Exception {
        Cookie carla = signInWithLink(contact);
        Cookie otto = signInWithLink(other);
        assertThat(mvc.perform(get("/portal").cookie(carla)).andReturn().getResponse().getStatus()).isEqualTo(200);
        UUID carlaUser = jdbc.sql("select user_id from portal_access where contact_id = :c").param("c", contact.id())
                .query(UUID.class).single();

        // The VA saves the client without Carla.
        Client client = clients.get(ws.owner(), clientId);
        clients.update(ws.owner(), clientId, input(client.name(), List.of(new ClientInput.ContactInput(other.id(),
                other.name(), other.email(), null, null, true))));

        MockHttpServletResponse ended = mvc.perform(get("/portal").cookie(carla)).andReturn().getResponse();
        assertThat(ended.getStatus()).isEqualTo(302);
        assertThat(ended.getRedirectedUrl()).isEqualTo("/portal/sign-in");
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = :e")
                .param("e", contact.email()).query(Long.class).single()).isZero();
        assertThat(mvc.perform(get("/portal").cookie(otto)).andReturn().getResponse().getStatus())
                .as("the other contact stays signed in").isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from users where id = :u and disabled_at is not null")
                .param("u", carlaUser).query(Long.class).single()).as("the account is kept, closed").isEqualTo(1);
        askForLink(contact.email(), newAddress());
        assertThat(links(contact.email())).as("a removed contact gets no new link").isEqualTo(1);

        // Closing access from the client's page ends Otto's sessions the same way.
        MockHttpServletResponse closed = mvc.perform(post("/clients/" + clientId.value() + "/contacts/" + other.id()
                + "/portal/close").with(user(ws.owner())).with(csrf())).andReturn().getResponse();
        assertThat(closed.getStatus()).isEqualTo(302);
        assertThat(mvc.perform(get("/portal").cookie(otto)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/portal/sign-in");
        assertThat(page("/clients/" + clientId.value())).contains("Acesso encerrado");
        // Invited again, Otto gets in again with the same account.
        Cookie again = signInWithLink(other);
        assertThat(mvc.perform(get("/portal").cookie(again)).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void theContactSeesTheirClientsIssuedInvoicesOnlyAndAnotherClientsIdIsNotFound() throws Exception {
        InvoiceId issued = invoices.issue(ws.owner(), draft(clientId, "Monthly support", "250.00"), null).id();
        InvoiceId stillDraft = draft(clientId, "Not yet billed", "999.00");
        ClientId otherClient = clients.create(ws.owner(), input("Other Client SA", List.of(
                new ClientInput.ContactInput(null, "Someone Else", uniqueEmail("else"), null, null, true))));
        InvoiceId othersInvoice = invoices.issue(ws.owner(), draft(otherClient, "Secret work", "777.00"), null).id();
        Cookie session = signInWithLink(contact);

        String list = mvc.perform(get("/portal/invoices").cookie(session)).andReturn().getResponse()
                .getContentAsString();
        assertThat(list).contains("/portal/invoices/" + issued.value(), "250,00")
                .doesNotContain(stillDraft.value().toString(), othersInvoice.value().toString(), "999,00", "777,00");
        MockHttpServletResponse view = mvc.perform(get("/portal/invoices/" + issued.value()).cookie(session))
                .andReturn().getResponse();
        assertThat(view.getStatus()).isEqualTo(200);
        assertThat(view.getContentAsString()).contains("Monthly support");
        MockHttpServletResponse pdf = mvc.perform(get("/portal/invoices/" + issued.value() + "/pdf").cookie(session))
                .andReturn().getResponse();
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(new String(pdf.getContentAsByteArray(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        for (InvoiceId refused : List.of(stillDraft, othersInvoice, new InvoiceId(UUID.randomUUID()))) {
            for (String suffix : List.of("", "/pdf")) {
                MockHttpServletResponse r = mvc.perform(get("/portal/invoices/" + refused.value() + suffix)
                        .cookie(session)).andReturn().getResponse();
                assertThat(r.getStatus()).as("%s%s", refused, suffix).isEqualTo(404);
                assertThat(r.getContentAsString()).doesNotContain("Secret work", "Not yet billed");
            }
        }
        // The contact is kept out of the VA's screens and API.
        for (String path : List.of("/clients", "/clients/" + clientId.value(), "/board", "/billing/invoices")) {
            MockHttpServletResponse r = mvc.perform(get(path).cookie(session)).andReturn().getResponse();
            assertThat(r.getRedirectedUrl()).as(path).isEqualTo("/portal");
        }
        assertThat(mvc.perform(get("/api/v1/clients").cookie(session)).andReturn().getResponse().getStatus())
                .isEqualTo(401);
    }

    @Test
    void theVaChoosesTheContactsLanguageAndItIsKeptForTheirNextInvitation() throws Exception {
        assertThat(mvc.perform(post(invitePath(other)).with(user(ws.owner())).with(csrf()).param("language", "en"))
                .andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(page("/clients/" + clientId.value())).contains("<option value=\"en\" selected>");
        invite(other);
        List<String> subjects = jdbc.sql("""
                select subject from mail_outbox where recipients = :to order by created_at, id""")
                .param("to", other.email()).query(String.class).list();
        assertThat(subjects).hasSize(2).allSatisfy(subject -> assertThat(subject)
                .isEqualTo(ws.owner().workspaceName() + " invites you to their client portal"));
        Cookie session = signInWithLink(other);
        assertThat(mvc.perform(get("/portal").cookie(session)).andReturn().getResponse().getContentAsString())
                .contains("lang=\"en\"", "Hello, Otto Other");
    }

    private InvoiceId draft(ClientId client, String what, String price) {
        return invoices.createDraft(ws.owner(), new DraftInput(client.value().toString(), null, null, null, null, null,
                null, List.of(new LineInput(null, what, "1", null, price, null, null, null)))).id();
    }

    private Cookie signInWithLink(Contact who) throws Exception {
        invite(who);
        delivery.deliverDue();
        List<MimeMessage> mails = mailsTo(who);
        String path = URI.create(link(text(mails.get(mails.size() - 1)))).getPath();
        MockHttpServletResponse used = mvc.perform(post(path).with(csrf())).andReturn().getResponse();
        assertThat(used.getStatus()).isEqualTo(302);
        return sessionCookie(used);
    }

    private void invite(Contact who) throws Exception {
        Map<String, Object> flash = Map.copyOf(mvc.perform(post(invitePath(who)).with(user(ws.owner())).with(csrf()))
                .andReturn().getFlashMap());
        assertThat(flash.values()).as("the notice").anySatisfy(v -> assertThat(v.toString())
                .contains("O convite está a caminho."));
    }

    private String invitePath(Contact who) {
        return "/clients/" + clientId.value() + "/contacts/" + who.id() + "/portal/invite";
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(user(ws.owner()))).andReturn().getResponse().getContentAsString();
    }

    private MvcResult askForLink(String email, RequestPostProcessor address) throws Exception {
        return mvc.perform(post("/portal/sign-in/link").with(csrf()).with(address).param("email", email)
                .header("Accept-Language", "pt-BR")).andReturn();
    }

    private MockHttpServletResponse passwordSignIn(String email, String password) throws Exception {
        return mvc.perform(post("/portal/sign-in").with(csrf()).with(newAddress()).param("email", email)
                .param("password", password).header("Accept-Language", "pt-BR")).andReturn().getResponse();
    }

    private int links(String email) {
        return jdbc.sql("select count(*) from portal_links l join users u on u.id = l.user_id where u.email = :e")
                .param("e", email).query(Integer.class).single();
    }

    private String principalName(Cookie session) {
        return jdbc.sql("select principal_name from spring_session where session_id = :id")
                .param("id", new String(java.util.Base64.getDecoder().decode(session.getValue()),
                        java.nio.charset.StandardCharsets.UTF_8))
                .query(String.class).optional().orElse("(no session " + session.getValue() + ")");
    }

    private static ClientInput input(String name, List<ClientInput.ContactInput> contacts) {
        return new ClientInput(name, "ACTIVE", "America/Sao_Paulo", "BRL", "pt-BR", "BR", null, null, null,
                List.of(new ClientInput.Day("MONDAY", "09:00", "17:00")), "8", "EMAIL", "CHAT", "VIDEO", "EMAIL",
                null, null, contacts, List.of());
    }

    private List<MimeMessage> mailsTo(Contact who) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m, who)).toList();
    }

    private MimeMessage onlyMailTo(Contact who) {
        List<MimeMessage> mails = mailsTo(who);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private static boolean to(MimeMessage message, Contact who) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(who.email()));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage message) throws Exception {
        Object content = message.getContent();
        return content instanceof String s ? s : new String(message.getInputStream().readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String link(String body) {
        Matcher m = LINK.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    private static Cookie sessionCookie(MockHttpServletResponse response) {
        return Arrays.stream(response.getCookies()).filter(c -> SESSION_COOKIES.contains(c.getName())).findFirst()
                .orElse(null);
    }

    private static RequestPostProcessor newAddress() {
        String address = "198.51.100." + ADDRESSES.getAndIncrement() % 250;
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
