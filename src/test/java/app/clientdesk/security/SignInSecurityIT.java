package app.clientdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.clientdesk.clients.ClientId;
import app.clientdesk.identity.Account;
import app.clientdesk.identity.ApiTokens;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.shared.validation.InvalidInputException;
import app.clientdesk.support.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Signing in, sessions, CSRF, headers, sign-up, API tokens, passwords and invitations, each tried the
 * way a person or an attacker would: through the real filters, with the real session cookie.
 */
// All MockMvc requests come from one address; this class fails sign-ins on purpose and must not trip the
// per-address limit for its other tests. SignInAddressThrottleIT tests that limit on its own.
@TestPropertySource(properties = {"clientdesk.sign-in.max-failures-per-address=1000",
        "clientdesk.base-url=https://desk.example.test/"})
class SignInSecurityIT extends IntegrationTest {

    /**
     * The session cookie's name: CLIENTDESK_SESSION on the embedded server; under MockMvc Spring Boot treats
     * the mock servlet context like a war deployment and Spring Session keeps its default name.
     */
    static final Set<String> SESSION_COOKIES = Set.of("CLIENTDESK_SESSION", "SESSION");
    private static final Pattern HTMX_CSRF =
            Pattern.compile("X-CSRF-TOKEN(?:&#34;|&quot;|\")\\s*:\\s*(?:&#34;|&quot;|\")([^&\"]+)");
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @Autowired JdbcClient jdbc;

    // --- sign-in and throttling

    @Test
    void aWrongPasswordIsRefusedAndTheRightOneSignsIn() throws Exception {
        TestWorkspace ws = newWorkspace();
        String email = ws.created().ownerEmail();

        assertThat(signIn(email, "not the password at all").getRedirectedUrl()).isEqualTo("/login?error=credentials");
        assertThat(signIn("nobody+" + email, PASSWORD).getRedirectedUrl()).isEqualTo("/login?error=credentials");
        assertThat(path(signIn(email, PASSWORD).getRedirectedUrl())).isEqualTo("/");
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword() throws Exception {
        TestWorkspace ws = newWorkspace();
        String email = ws.created().ownerEmail();
        RequestPostProcessor address = newAddress();

        for (int i = 1; i <= 5; i++) {
            assertThat(signIn(email, "wrong guess " + i, address).getRedirectedUrl()).as("failure %d", i)
                    .isEqualTo("/login?error=credentials");
        }
        assertThat(signIn(email, PASSWORD, address).getRedirectedUrl()).isEqualTo("/login?error=throttled");
        // The lock is on the account, wherever the attempt comes from, and whatever the letter case.
        assertThat(signIn(email.toUpperCase(), PASSWORD, newAddress()).getRedirectedUrl())
                .isEqualTo("/login?error=throttled");
        // Someone else at the same address is not locked out by it.
        assertThat(path(signIn(newWorkspace().created().ownerEmail(), PASSWORD, address).getRedirectedUrl()))
                .isEqualTo("/");
    }

    @Test
    void fourFailuresDoNotLockTheAccount() throws Exception {
        String email = newWorkspace().created().ownerEmail();
        RequestPostProcessor address = newAddress();
        for (int i = 1; i <= 4; i++) {
            signIn(email, "wrong guess " + i, address);
        }
        assertThat(path(signIn(email, PASSWORD, address).getRedirectedUrl())).isEqualTo("/");
    }

    @Test
    void signingInGivesANewSessionIdAndTheOldOneStaysSignedOut() throws Exception {
        String email = newWorkspace().created().ownerEmail();
        // The sign-in page starts no session (see SessionsOverHttpIT). A session that exists before sign-in: another person's on a shared computer (or one planted there).
        Cookie before = signedInSession(newWorkspace().created().ownerEmail(), PASSWORD);

        MockHttpServletResponse signedIn = mvc.perform(post("/login").cookie(before).with(csrf())
                .param("email", email).param("password", PASSWORD)).andReturn().getResponse();
        Cookie after = sessionCookie(signedIn);

        assertThat(path(signedIn.getRedirectedUrl())).isEqualTo("/");
        assertThat(after).as("a new session cookie at sign-in").isNotNull();
        assertThat(after.getValue()).isNotEqualTo(before.getValue());
        assertThat(mvc.perform(get("/clients").cookie(after)).andReturn().getResponse().getStatus()).isEqualTo(200);
        MockHttpServletResponse planted = mvc.perform(get("/clients").cookie(before)).andReturn().getResponse();
        assertThat(path(planted.getRedirectedUrl())).as("the pre-sign-in session id is worth nothing")
                .isEqualTo("/login");
    }

    // --- CSRF

    @Test
    void aFormPostWithoutCsrfTokenIsRefusedAndTheHtmxHeaderIsAccepted() throws Exception {
        TestWorkspace ws = newWorkspace();
        ClientId client = createClient(ws, "Csrf Target");
        Cookie session = signedInSession(ws.created().ownerEmail(), PASSWORD);
        String token = htmxCsrfToken(mvc.perform(get("/clients/" + client.value()).cookie(session)).andReturn()
                .getResponse().getContentAsString());

        assertThat(status(post("/clients/" + client.value() + "/archive").cookie(session))).isEqualTo(403);
        assertThat(status(post("/clients/" + client.value() + "/archive").cookie(session)
                .header("X-CSRF-TOKEN", "forged-" + token))).isEqualTo(403);
        assertThat(clients.get(ws.owner(), client).archived()).isFalse();
        assertThat(status(post("/settings/tokens").cookie(session).param("name", "sneaky"))).isEqualTo(403);
        assertThat(apiTokens.of(ws.owner().id())).isEmpty();

        assertThat(status(post("/clients/" + client.value() + "/archive").cookie(session)
                .header("X-CSRF-TOKEN", token))).isEqualTo(302);
        assertThat(clients.get(ws.owner(), client).archived()).isTrue();
        assertThat(status(post("/settings/tokens").cookie(session).header("X-CSRF-TOKEN", token)
                .param("name", "wanted"))).isEqualTo(302);
        assertThat(apiTokens.of(ws.owner().id())).extracting(ApiTokens.Listed::name).containsExactly("wanted");
    }

    // --- headers

    @Test
    void pagesSendSecurityHeaders() throws Exception {
        TestWorkspace ws = newWorkspace();
        List<MockHttpServletResponse> pages = List.of(
                mvc.perform(get("/login")).andReturn().getResponse(),
                mvc.perform(get("/clients").with(user(ws.owner()))).andReturn().getResponse());
        for (MockHttpServletResponse page : pages) {
            assertThat(page.getStatus()).isEqualTo(200);
            String csp = page.getHeader("Content-Security-Policy");
            assertThat(csp).isNotNull();
            List<String> scriptSrc = Arrays.stream(csp.split(";")).map(String::trim)
                    .filter(d -> d.startsWith("script-src ")).findFirst()
                    .map(d -> List.of(d.split("\\s+"))).orElse(List.of());
            assertThat(scriptSrc).as("script-src of %s", csp).contains("'self'")
                    .doesNotContain("'unsafe-inline'", "'unsafe-eval'");
            assertThat(page.getHeader("X-Frame-Options")).isEqualTo("DENY");
            assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(page.getHeader("Referrer-Policy"))
                    .isIn("same-origin", "no-referrer", "strict-origin", "strict-origin-when-cross-origin");
        }
    }

    // --- sign-up

    @Test
    void signUpRefusesAShortPasswordWithAFieldErrorAndCreatesNothing() throws Exception {
        String email = uniqueEmail("short");
        String business = "Short Pass VA " + email;

        MockHttpServletResponse refused = mvc.perform(signUp(business, email, "eleven char")).andReturn()
                .getResponse();

        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("id=\"err-password\"").contains("Use at least 12 characters.")
                .doesNotContain("eleven char");
        assertThat(accounts.findByEmail(email)).isEmpty();
        assertThat(jdbc.sql("select count(*) from workspaces where name = :name").param("name", business)
                .query(Long.class).single()).isZero();

        // The same form with a long enough password opens the workspace: only the password was wrong.
        MockHttpServletResponse created = mvc.perform(signUp(business, email, "twelve chars")).andReturn()
                .getResponse();
        assertThat(created.getRedirectedUrl()).isEqualTo("/signup/check-inbox");
        assertThat(accounts.findByEmail(email)).map(Account::role).contains(Role.OWNER);
    }

    static MockHttpServletRequestBuilder signUp(String business, String email, String password) {
        return post("/signup").with(csrf()).param("businessName", business).param("ownerName", "Olga Owner")
                .param("ownerEmail", email).param("password", password).param("baseCurrency", "USD")
                .param("timeZone", "Europe/London").param("locale", "en");
    }

    // --- API tokens

    @Test
    void theApiWithoutATokenAnswers401AsAProblem() throws Exception {
        for (String authorization : new String[] {null, "Bearer cdt_not-a-real-token", "Basic Zm9vOmJhcg=="}) {
            MockHttpServletRequestBuilder request = get("/api/v1/clients");
            if (authorization != null) {
                request.header(HttpHeaders.AUTHORIZATION, authorization);
            }
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            assertThat(response.getStatus()).as("with %s", authorization).isEqualTo(401);
            assertThat(MediaType.parseMediaType(response.getContentType())
                    .equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON)).as(response.getContentType()).isTrue();
            assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
            assertThat(response.getContentAsString()).contains("\"status\":401");
        }
    }

    @Test
    void aRevokedTokenNoLongerOpensTheApi() throws Exception {
        TestWorkspace ws = newWorkspace();
        createClient(ws, "Token Co");
        Account owner = accounts.find(ws.created().workspaceId(), ws.owner().id()).orElseThrow();
        ApiTokens.Issued issued = apiTokens.create(owner, "script");

        MockHttpServletResponse working = api(issued.token());
        assertThat(working.getStatus()).isEqualTo(200);
        assertThat(working.getContentAsString()).contains("Token Co");

        assertThat(apiTokens.revoke(ws.owner().id(), issued.id())).isTrue();
        assertThat(api(issued.token()).getStatus()).isEqualTo(401);
    }

    @Test
    void aClientContactCannotGetAToken() {
        TestWorkspace ws = newWorkspace();
        CurrentUser contact = addClientContact(ws, createClient(ws, "Contact Co"));
        Account account = accounts.find(ws.created().workspaceId(), contact.id()).orElseThrow();

        assertThatThrownBy(() -> apiTokens.create(account, "mine")).isInstanceOf(InvalidInputException.class);
        assertThat(apiTokens.of(contact.id())).isEmpty();
    }

    private MockHttpServletResponse api(String token) throws Exception {
        return mvc.perform(get("/api/v1/clients").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn()
                .getResponse();
    }

    // --- password change

    @Test
    void changingThePasswordNeedsTheCurrentOne() throws Exception {
        TestWorkspace ws = newWorkspace();
        String email = ws.created().ownerEmail();
        String newPassword = "a brand new passphrase";
        Cookie session = signedInSession(email, PASSWORD);

        MockHttpServletResponse wrong = mvc.perform(post("/settings/password").cookie(session).with(csrf())
                .param("currentPassword", "not my password").param("newPassword", newPassword)
                .param("confirmPassword", newPassword)).andReturn().getResponse();
        assertThat(wrong.getStatus()).isEqualTo(422);
        assertThat(wrong.getContentAsString()).contains("id=\"err-currentPassword\"")
                .contains("That is not your current password.");
        assertThat(path(signIn(email, newPassword).getRedirectedUrl())).isEqualTo("/login");

        MockHttpServletResponse right = mvc.perform(post("/settings/password").cookie(session).with(csrf())
                .param("currentPassword", PASSWORD).param("newPassword", newPassword)
                .param("confirmPassword", newPassword)).andReturn().getResponse();
        assertThat(right.getRedirectedUrl()).isEqualTo("/settings/account");
        assertThat(path(signIn(email, newPassword).getRedirectedUrl())).isEqualTo("/");
        assertThat(signIn(email, PASSWORD).getRedirectedUrl()).isEqualTo("/login?error=credentials");
    }

    // --- invitations

    @Test
    void anInvitationLinkLetsOnePersonJoinOnce() throws Exception {
        TestWorkspace ws = newWorkspace("Invite Team VA", "en");
        String email = uniqueEmail("joiner");
        String link = invite(ws, "Nova Joiner", email);

        MockHttpServletResponse shown = mvc.perform(get(link)).andReturn().getResponse();
        assertThat(shown.getStatus()).isEqualTo(200);
        assertThat(shown.getContentAsString()).contains("Invite Team VA");

        MockHttpServletResponse joined = accept(link, "new member passphrase");
        assertThat(path(joined.getRedirectedUrl())).isEqualTo("/");
        Account member = accounts.findByEmail(email).orElseThrow();
        assertThat(member.role()).isEqualTo(Role.MEMBER);
        assertThat(member.workspaceId()).isEqualTo(ws.created().workspaceId());
        Cookie session = sessionCookie(joined);
        assertThat(session).as("the new member is signed in").isNotNull();
        MockHttpServletResponse clientsPage = mvc.perform(get("/clients").cookie(session)).andReturn().getResponse();
        assertThat(clientsPage.getStatus()).isEqualTo(200);
        assertThat(clientsPage.getContentAsString()).contains("Nova Joiner");

        MockHttpServletResponse again = mvc.perform(get(link)).andReturn().getResponse();
        assertThat(again.getStatus()).isEqualTo(404);
        assertThat(again.getContentAsString()).contains("This invitation cannot be used");
        MockHttpServletResponse reused = accept(link, "an attacker passphrase");
        assertThat(reused.getStatus()).isEqualTo(404);
        assertThat(sessionCookie(reused)).isNull();
        assertThat(path(signIn(email, "an attacker passphrase").getRedirectedUrl())).isEqualTo("/login");
        assertThat(path(signIn(email, "new member passphrase").getRedirectedUrl())).isEqualTo("/");
    }

    @Test
    void anInvitationLinkComesFromTheConfiguredBaseUrlNotFromTheHostHeader() throws Exception {
        TestWorkspace ws = newWorkspace();
        MvcResult result = mvc.perform(post("/members/invitations").with(user(ws.owner())).with(csrf())
                .header(HttpHeaders.HOST, "evil.example").header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https").param("displayName", "Nova").param("email",
                        uniqueEmail("nova"))).andReturn();
        String link = (String) result.getFlashMap().get("invitationLink");
        assertThat(link).startsWith("https://desk.example.test/invitations/").doesNotContain("evil");
    }

    @Test
    void anExpiredInvitationLinkIsRefused() throws Exception {
        TestWorkspace ws = newWorkspace();
        String email = uniqueEmail("late");
        String link = invite(ws, "Late Joiner", email);
        jdbc.sql("update invitations set expires_at = :past where email = :email")
                .param("past", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1)).param("email", email).update();

        MockHttpServletResponse shown = mvc.perform(get(link)).andReturn().getResponse();
        assertThat(shown.getStatus()).isEqualTo(404);
        assertThat(shown.getContentAsString()).contains("This invitation cannot be used");
        assertThat(accept(link, "too late passphrase").getStatus()).isEqualTo(404);
        assertThat(accounts.findByEmail(email)).isEmpty();
    }

    /** The owner invites someone; returns the path of the link the owner passes on. */
    private String invite(TestWorkspace ws, String name, String email) throws Exception {
        MvcResult result = mvc.perform(post("/members/invitations").with(user(ws.owner())).with(csrf())
                .param("displayName", name).param("email", email)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/members");
        Object link = result.getFlashMap().get("invitationLink");
        assertThat(link).as("invitation link").isInstanceOf(String.class);
        return URI.create((String) link).getPath();
    }

    private MockHttpServletResponse accept(String link, String password) throws Exception {
        return mvc.perform(post(link).with(csrf()).param("displayName", "Nova Joiner").param("password", password)
                .param("locale", "en").param("timeZone", "Europe/Berlin")).andReturn().getResponse();
    }

    // --- helpers

    private MockHttpServletResponse signIn(String email, String password, RequestPostProcessor... extra)
            throws Exception {
        MockHttpServletRequestBuilder request = post("/login").with(csrf()).param("email", email)
                .param("password", password);
        for (RequestPostProcessor p : extra) {
            request.with(p);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private Cookie signedInSession(String email, String password) throws Exception {
        MockHttpServletResponse response = signIn(email, password);
        assertThat(path(response.getRedirectedUrl())).as("signed in").isEqualTo("/");
        return Optional.ofNullable(sessionCookie(response)).orElseThrow();
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    /** The CSRF token a page hands to htmx in its hx-headers attribute. */
    static String htmxCsrfToken(String html) {
        Matcher m = HTMX_CSRF.matcher(html);
        assertThat(m.find()).as("the page carries hx-headers with X-CSRF-TOKEN").isTrue();
        return m.group(1);
    }

    /** A request from an address of its own, so that throttling tests do not count each other's failures. */
    static RequestPostProcessor newAddress() {
        String address = "192.0.2." + ADDRESSES.getAndIncrement() % 250;
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    static Cookie sessionCookie(MockHttpServletResponse response) {
        return Arrays.stream(response.getCookies()).filter(c -> SESSION_COOKIES.contains(c.getName())).findFirst()
                .orElse(null);
    }

    static String path(String url) {
        return url == null ? null : URI.create(url).getPath();
    }
}
