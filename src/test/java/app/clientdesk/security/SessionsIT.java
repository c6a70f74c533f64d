package app.clientdesk.security;

import static app.clientdesk.security.SignInSecurityIT.newAddress;
import static app.clientdesk.security.SignInSecurityIT.path;
import static app.clientdesk.security.SignInSecurityIT.sessionCookie;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Sessions in the real session store (Spring Session's tables), through the real filters: who keeps one,
 * who loses it, and who never gets one; and guessing limits that a stranger cannot turn against the owner.
 */
class SessionsIT extends IntegrationTest {

    @Autowired JdbcClient jdbc;

    // --- ending sessions

    @Test
    void aDisabledMembersOpenBrowserIsSignedOutAtOnce() throws Exception {
        TestWorkspace ws = newWorkspace();
        CurrentUser member = addMember(ws);
        Cookie browser = signedIn(member.email(), PASSWORD, newAddress());
        assertThat(status(get("/clients").cookie(browser))).isEqualTo(200);

        MockHttpServletResponse disabled = mvc.perform(post("/members/" + member.id().value() + "/disable")
                .with(user(ws.owner())).with(csrf())).andReturn().getResponse();
        assertThat(disabled.getRedirectedUrl()).isEqualTo("/members");

        MockHttpServletResponse page = mvc.perform(get("/clients").cookie(browser)).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(302);
        assertThat(path(page.getRedirectedUrl())).isEqualTo("/login");
        MockHttpServletResponse save = mvc.perform(post("/settings/account").cookie(browser).with(csrf())
                .param("displayName", "Still here").param("locale", "en").param("timeZone", "Europe/London"))
                .andReturn().getResponse();
        assertThat(save.getStatus()).as("a form post of the ended session saves nothing").isEqualTo(302);
        assertThat(path(save.getRedirectedUrl())).isEqualTo("/login");
        assertThat(principal(member.email()).displayName()).isEqualTo("Member");
        assertThat(sessionsOf(member.email())).isZero();
    }

    @Test
    void changingThePasswordEndsThePersonsOtherSessionsAndKeepsThisOne() throws Exception {
        TestWorkspace ws = newWorkspace();
        String email = ws.created().ownerEmail();
        Cookie laptop = signedIn(email, PASSWORD, newAddress());
        Cookie phone = signedIn(email, PASSWORD, newAddress());
        assertThat(sessionsOf(email)).isEqualTo(2);

        String newPassword = "a brand new passphrase";
        MockHttpServletResponse changed = mvc.perform(post("/settings/password").cookie(laptop).with(csrf())
                .param("currentPassword", PASSWORD).param("newPassword", newPassword)
                .param("confirmPassword", newPassword)).andReturn().getResponse();
        assertThat(changed.getRedirectedUrl()).isEqualTo("/settings/account");

        assertThat(status(get("/clients").cookie(laptop))).as("the browser that changed it").isEqualTo(200);
        MockHttpServletResponse other = mvc.perform(get("/clients").cookie(phone)).andReturn().getResponse();
        assertThat(path(other.getRedirectedUrl())).as("the other browser").isEqualTo("/login");
        assertThat(sessionsOf(email)).isEqualTo(1);
    }

    // --- anonymous requests

    @Test
    void requestsWithoutACookieStoreNoSession() throws Exception {
        long before = sessionRows();
        for (int i = 0; i < 5; i++) {
            for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] {
                    get("/actuator/health"), get("/css/app.css"), get("/api/v1/clients"),
                    get("/api/v1/clients").header(HttpHeaders.AUTHORIZATION, "Bearer cdt_nonsense"),
                    get("/clients"), get("/")}) {
                var result = mvc.perform(request).andReturn();
                MockHttpServletResponse response = result.getResponse();
                String uri = result.getRequest().getRequestURI();
                assertThat(response.getStatus()).as(uri).isLessThan(500);
                assertThat(sessionCookie(response)).as("a session cookie for %s", uri).isNull();
            }
        }
        assertThat(sessionRows()).as("session rows after 30 anonymous requests").isEqualTo(before);

        // Nor does the sign-in form, whose CSRF token waits in a cookie of its own: shown over real HTTP in
        // SessionsOverHttpIT, because MockMvc's csrf() swaps the filter's token store for a session-based one.
    }

    @Test
    void thePageAskedForBeforeSignInOpensAfterItWithoutASessionBefore() throws Exception {
        String email = newWorkspace().created().ownerEmail();
        MockHttpServletResponse refused = mvc.perform(get("/settings/account")).andReturn().getResponse();
        assertThat(path(refused.getRedirectedUrl())).isEqualTo("/login");
        assertThat(sessionCookie(refused)).isNull();
        Cookie[] remembered = refused.getCookies();

        MockHttpServletResponse signedIn = mvc.perform(post("/login").cookie(remembered).with(csrf())
                .with(newAddress()).param("email", email).param("password", PASSWORD)).andReturn().getResponse();
        assertThat(path(signedIn.getRedirectedUrl())).isEqualTo("/settings/account");
    }

    // --- host header

    @Test
    void redirectsNeverNameTheHostARequestClaims() throws Exception {
        String email = newWorkspace().created().ownerEmail();
        MockHttpServletResponse refused = mvc.perform(get("/settings/account").header(HttpHeaders.HOST, "evil.example")
                .header("X-Forwarded-Host", "evil.example")).andReturn().getResponse();
        assertThat(refused.getRedirectedUrl()).isEqualTo("/login");

        MockHttpServletResponse signedIn = mvc.perform(post("/login").cookie(refused.getCookies()).with(csrf())
                .with(newAddress()).header(HttpHeaders.HOST, "evil.example").header("X-Forwarded-Host", "evil.example")
                .param("email", email).param("password", PASSWORD)).andReturn().getResponse();
        assertThat(signedIn.getRedirectedUrl()).isEqualTo("/settings/account");
    }

    // --- throttling

    @Test
    void aStrangerGuessingCannotLockOutTheOwnerOnABrowserTheyUsedBefore() throws Exception {
        String email = newWorkspace().created().ownerEmail();
        MockHttpServletResponse first = signIn(email, PASSWORD, newAddress());
        Cookie device = Arrays.stream(first.getCookies()).filter(c -> c.getName().equals("CLIENTDESK_DEVICE"))
                .findFirst().orElseThrow();

        RequestPostProcessor stranger = newAddress();
        for (int i = 1; i <= 5; i++) {
            signIn(email, "guess " + i, stranger);
        }
        assertThat(signIn(email, PASSWORD, newAddress()).getRedirectedUrl())
                .as("the right password from an unknown browser waits").isEqualTo("/login?error=throttled");
        assertThat(signIn(email, "guess 6", newAddress(), device).getRedirectedUrl())
                .as("a wrong password from the known browser is still wrong").isEqualTo("/login?error=credentials");
        assertThat(path(signIn(email, PASSWORD, newAddress(), device).getRedirectedUrl()))
                .as("the owner on their own browser").isEqualTo("/");
        Cookie forged = new Cookie("CLIENTDESK_DEVICE", device.getValue() + "x");
        assertThat(signIn(email, PASSWORD, newAddress(), forged).getRedirectedUrl()).isEqualTo("/login?error=throttled");
    }

    @Test
    void theWaitAfterFailuresPassesWithTime() throws Exception {
        String email = newWorkspace().created().ownerEmail();
        clock.set(clock.instant());
        RequestPostProcessor address = newAddress();
        for (int i = 1; i <= 5; i++) {
            signIn(email, "guess " + i, address);
        }
        assertThat(signIn(email, PASSWORD, address).getRedirectedUrl()).isEqualTo("/login?error=throttled");
        clock.advance(Duration.ofMinutes(2));
        assertThat(signIn(email, PASSWORD, address).getRedirectedUrl()).isEqualTo("/login?error=throttled");
        clock.advance(Duration.ofMinutes(2));
        assertThat(path(signIn(email, PASSWORD, address).getRedirectedUrl())).isEqualTo("/");
    }

    @Test
    void theCurrentPasswordOnThePasswordFormCannotBeGuessedWithoutLimit() throws Exception {
        TestWorkspace ws = newWorkspace();
        String email = ws.created().ownerEmail();
        Cookie session = signedIn(email, PASSWORD, newAddress());
        String newPassword = "the thief's own passphrase";
        for (int i = 1; i <= 5; i++) {
            assertThat(changePassword(session, "guess " + i, newPassword).getStatus()).isEqualTo(422);
        }
        MockHttpServletResponse sixth = changePassword(session, PASSWORD, newPassword);
        assertThat(sixth.getStatus()).isEqualTo(422);
        assertThat(sixth.getContentAsString()).contains("Too many wrong passwords.");
        assertThat(path(signIn(email, PASSWORD, newAddress()).getRedirectedUrl())).as("password unchanged")
                .isEqualTo("/");
    }

    private MockHttpServletResponse changePassword(Cookie session, String current, String newPassword)
            throws Exception {
        return mvc.perform(post("/settings/password").cookie(session).with(csrf()).param("currentPassword", current)
                .param("newPassword", newPassword).param("confirmPassword", newPassword)).andReturn().getResponse();
    }

    // --- helpers

    private MockHttpServletResponse signIn(String email, String password, RequestPostProcessor address,
            Cookie... cookies) throws Exception {
        MockHttpServletRequestBuilder request = post("/login").with(csrf()).with(address).param("email", email)
                .param("password", password);
        if (cookies.length > 0) {
            request.cookie(cookies);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private Cookie signedIn(String email, String password, RequestPostProcessor address) throws Exception {
        MockHttpServletResponse response = signIn(email, password, address);
        assertThat(path(response.getRedirectedUrl())).as("signed in").isEqualTo("/");
        return sessionCookie(response);
    }

    private int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private long sessionsOf(String email) {
        return jdbc.sql("select count(*) from spring_session where principal_name = :email").param("email", email)
                .query(Long.class).single();
    }

    private long sessionRows() {
        return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
    }
}
