package app.clientdesk.security;

import static app.clientdesk.security.SignInSecurityIT.newAddress;
import static app.clientdesk.security.SignInSecurityIT.path;
import static app.clientdesk.security.SignInSecurityIT.sessionCookie;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.clientdesk.support.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** "Forgot password" as a person (or a stranger) uses it: the form, the email in the outbox, the link. */
class PasswordResetIT extends IntegrationTest {

    private static final Pattern LINK = Pattern.compile("(https?://\\S+/password/reset/[A-Za-z0-9_-]+)");
    private static final String NEW_PASSWORD = "a remembered passphrase";

    @Autowired JdbcClient jdbc;

    @Test
    void theEmailedLinkSetsANewPasswordOnceAndSignsOutEveryBrowser() throws Exception {
        String email = newWorkspace().created().ownerEmail();
        Cookie oldBrowser = sessionCookie(mvc.perform(post("/login").with(csrf()).with(newAddress())
                .param("email", email).param("password", PASSWORD)).andReturn().getResponse());
        assertThat(mvc.perform(get("/clients").cookie(oldBrowser)).andReturn().getResponse().getStatus()).isEqualTo(200);

        MvcResult asked = askForLink(email, newAddress());
        assertThat(asked.getResponse().getRedirectedUrl()).isEqualTo("/password/forgot");
        List<String> bodies = mailsTo(email);
        assertThat(bodies).hasSize(1);
        Matcher link = LINK.matcher(bodies.get(0));
        assertThat(link.find()).as(bodies.get(0)).isTrue();
        String path = URI.create(link.group(1)).getPath();

        assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).isEqualTo(200);
        MockHttpServletResponse mismatch = reset(path, NEW_PASSWORD, "something else entirely");
        assertThat(mismatch.getStatus()).isEqualTo(422);
        MockHttpServletResponse done = reset(path, NEW_PASSWORD, NEW_PASSWORD);
        assertThat(done.getRedirectedUrl()).isEqualTo("/login");

        MockHttpServletResponse ended = mvc.perform(get("/clients").cookie(oldBrowser)).andReturn().getResponse();
        assertThat(path(ended.getRedirectedUrl())).as("the browser signed in before the reset").isEqualTo("/login");
        assertThat(signIn(email, PASSWORD)).isEqualTo("/login?error=credentials");
        assertThat(signIn(email, NEW_PASSWORD)).isEqualTo("/");

        MockHttpServletResponse again = reset(path, "a third passphrase here", "a third passphrase here");
        assertThat(again.getStatus()).as("the link works once").isEqualTo(404);
        assertThat(again.getContentAsString()).contains("This link cannot be used");
        assertThat(signIn(email, NEW_PASSWORD)).isEqualTo("/");
    }

    @Test
    void theAnswerIsTheSameWhetherOrNotTheEmailHasAnAccount() throws Exception {
        String email = newWorkspace().created().ownerEmail();
        String nobody = uniqueEmail("nobody");

        MvcResult known = askForLink(email, newAddress());
        MvcResult unknown = askForLink(nobody, newAddress());

        assertThat(unknown.getResponse().getStatus()).isEqualTo(known.getResponse().getStatus());
        assertThat(unknown.getResponse().getRedirectedUrl()).isEqualTo(known.getResponse().getRedirectedUrl());
        assertThat(Map.copyOf(unknown.getFlashMap())).isEqualTo(Map.copyOf(known.getFlashMap())).isNotEmpty();
        assertThat(mailsTo(email)).hasSize(1);
        assertThat(mailsTo(nobody)).isEmpty();
    }

    @Test
    void aLinkOlderThanAnHourIsRefused() throws Exception {
        String email = newWorkspace().created().ownerEmail();
        // Stopped at a whole millisecond: the outbox stores times to the microsecond (rounding), and a message queued
        // at a stopped instant with nanoseconds could be stored a hair later than "now" and not be due yet.
        clock.set(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        askForLink(email, newAddress());
        Matcher link = LINK.matcher(mailsTo(email).get(0));
        assertThat(link.find()).isTrue();
        String path = URI.create(link.group(1)).getPath();

        clock.advance(Duration.ofMinutes(61));

        assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(reset(path, NEW_PASSWORD, NEW_PASSWORD).getStatus()).isEqualTo(404);
        clock.reset();
        assertThat(signIn(email, PASSWORD)).isEqualTo("/");
    }

    @Test
    void theFormIsLimitedPerAddressAndPerEmail() throws Exception {
        RequestPostProcessor address = newAddress();
        for (int i = 1; i <= 10; i++) {
            assertThat(askForLink(uniqueEmail("flood"), address).getResponse().getStatus()).as("request %d", i)
                    .isEqualTo(302);
        }
        MockHttpServletResponse eleventh = askForLink(uniqueEmail("flood"), address).getResponse();
        assertThat(eleventh.getStatus()).isEqualTo(429);
        assertThat(eleventh.getContentAsString()).contains("Too many requests from here.");

        // One inbox is not flooded from many addresses either: three links an hour at most.
        String email = newWorkspace().created().ownerEmail();
        for (int i = 1; i <= 5; i++) {
            askForLink(email, newAddress());
        }
        assertThat(mailsTo(email)).hasSize(3);
    }

    private MvcResult askForLink(String email, RequestPostProcessor address) throws Exception {
        return mvc.perform(post("/password/forgot").with(csrf()).with(address).param("email", email)).andReturn();
    }

    private MockHttpServletResponse reset(String path, String password, String confirm) throws Exception {
        return mvc.perform(post(path).with(csrf()).param("password", password).param("confirmPassword", confirm))
                .andReturn().getResponse();
    }

    private String signIn(String email, String password) throws Exception {
        String url = mvc.perform(post("/login").with(csrf()).with(newAddress()).param("email", email)
                .param("password", password)).andReturn().getResponse().getRedirectedUrl();
        return url != null && url.contains("?error") ? url : path(url);
    }

    private List<String> mailsTo(String email) {
        return jdbc.sql("select body_text from mail_outbox where recipients like :to and reference = 'password-reset'")
                .param("to", "%" + email + "%").query(String.class).list();
    }
}
