package app.clientdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.clientdesk.mail.MailRefused;
import app.clientdesk.mail.Outbox;
import app.clientdesk.mail.OutgoingMail;
import app.clientdesk.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-up tells no stranger whether an address has an account, and a new owner confirms the address (a link
 * through the outbox) before the workspace may mail anyone else.
 */
class SignUpConfirmationIT extends IntegrationTest {

    private static final Pattern LINK = Pattern.compile("(http\\S+/confirm-email/)([A-Za-z0-9_-]+)");

    @Autowired JdbcClient jdbc;
    @Autowired Outbox outbox;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void signUpAnswersTheSameForANewAndAKnownAddressAndMailsTheHolderInstead() throws Exception {
        String email = uniqueEmail("known");
        MvcResult first = mvc.perform(signUp("First VA " + email, email, PASSWORD)).andReturn();
        MvcResult again = mvc.perform(signUp("Second VA " + email, email, "another long password"))
                .andReturn();

        for (MvcResult answer : List.of(first, again)) {
            assertThat(answer.getResponse().getStatus()).isEqualTo(302);
            assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/signup/check-inbox");
        }
        String page1 = checkInbox(first);
        String page2 = checkInbox(again);
        assertThat(page1).contains("Check your inbox", "We sent a message to " + email);
        assertThat(withoutCsrf(page2)).isEqualTo(withoutCsrf(page1));

        assertThat(jdbc.sql("select count(*) from workspaces where name = :n").param("n", "Second VA " + email)
                .query(Long.class).single()).as("no second workspace").isZero();
        assertThat(messagesTo(email)).extracting(Message::subject)
                .containsExactly("Confirm your email address for Clientdesk", "You already have a Clientdesk account");
        assertThat(messagesTo(email).get(1).text()).contains("http://localhost:8080/login")
                .contains("Forgot your password?");

        // A stranger repeating the sign-up does not flood the holder's inbox: one notice an hour.
        mvc.perform(signUp("Third VA " + email, email, "another long password")).andReturn();
        assertThat(messagesTo(email)).hasSize(2);
        clock.set(Instant.now().plus(Duration.ofMinutes(61)));
        mvc.perform(signUp("Fourth VA " + email, email, "another long password")).andReturn();
        assertThat(messagesTo(email)).hasSize(3);
    }

    @Test
    void aNewOwnerMailsOnlyThemselvesUntilTheLinkConfirmsTheAddress() throws Exception {
        String email = uniqueEmail("new");
        mvc.perform(signUp("Confirming VA " + email, email, PASSWORD)).andReturn();
        CurrentUser owner = principal(email);
        WorkspaceId ws = owner.workspaceId();

        assertThatThrownBy(() -> enqueue(ws, "client@example.com")).isInstanceOf(MailRefused.class)
                .satisfies(e -> assertThat(((MailRefused) e).violations().get(0).messageKey())
                        .isEqualTo("mail.error.unconfirmed"));
        enqueue(ws, email); // to the owner: fine

        Matcher link = LINK.matcher(messagesTo(email).get(0).text());
        assertThat(link.find()).isTrue();
        assertThat(link.group(1)).isEqualTo("http://localhost:8080/confirm-email/");
        MvcResult confirmed = mvc.perform(get("/confirm-email/" + link.group(2))).andReturn();
        assertThat(confirmed.getResponse().getRedirectedUrl()).isEqualTo("/login");
        assertThat(notice(confirmed)).contains("Your email address is confirmed.");

        enqueue(ws, "client@example.com"); // now anyone

        MvcResult twice = mvc.perform(get("/confirm-email/" + link.group(2))).andReturn();
        assertThat(notice(twice)).contains("expired or was already used");
        MvcResult forged = mvc.perform(get("/confirm-email/not-a-token")).andReturn();
        assertThat(notice(forged)).contains("expired or was already used");
    }

    @Test
    void anExpiredLinkConfirmsNothing() throws Exception {
        String email = uniqueEmail("late");
        clock.set(Instant.parse("2026-12-01T10:00:00Z"));
        mvc.perform(signUp("Late VA " + email, email, PASSWORD)).andReturn();
        Matcher link = LINK.matcher(messagesTo(email).get(0).text());
        assertThat(link.find()).isTrue();

        clock.set(Instant.parse("2026-12-04T10:00:01Z"));
        mvc.perform(get("/confirm-email/" + link.group(2))).andReturn();
        assertThatThrownBy(() -> enqueue(principal(email).workspaceId(), "client@example.com"))
                .isInstanceOf(MailRefused.class);
    }

    @Test
    void anUnconfirmedOwnerSeesABannerAndCanHaveTheLinkSentAgain() throws Exception {
        String email = uniqueEmail("banner");
        clock.set(Instant.parse("2026-12-01T10:00:00Z"));
        mvc.perform(signUp("Banner VA " + email, email, PASSWORD)).andReturn();
        CurrentUser owner = principal(email);

        String page = mvc.perform(get("/clients").with(user(owner))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"confirm-banner\"").contains("Confirm your email address (" + email + ")")
                .contains("Resend the link");

        clock.set(Instant.parse("2026-12-01T10:05:00Z"));
        MvcResult resent = mvc.perform(post("/settings/confirm-email").with(user(owner)).with(csrf())
                .param("back", "/clients")).andReturn();
        assertThat(resent.getResponse().getRedirectedUrl()).isEqualTo("/clients");
        assertThat(notice(resent)).isEqualTo("We sent a new confirmation link to " + email + ".");
        // Pressed again at once: one more message, not two.
        mvc.perform(post("/settings/confirm-email").with(user(owner)).with(csrf())).andReturn();
        assertThat(messagesTo(email)).hasSize(2);


        String confirmedOwner = mvc.perform(get("/clients").with(user(newWorkspace().owner()))).andReturn()
                .getResponse().getContentAsString();
        assertThat(confirmedOwner).as("operator-made workspaces count as confirmed").doesNotContain("confirm-banner");
    }

    static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder signUp(String business,
            String email, String password) {
        return post("/signup").with(csrf()).param("businessName", business).param("ownerName", "Olga Owner")
                .param("ownerEmail", email).param("password", password).param("baseCurrency", "USD")
                .param("timeZone", "Europe/London").param("locale", "en");
    }

    private void enqueue(WorkspaceId ws, String to) {
        new TransactionTemplate(transactions).executeWithoutResult(s ->
                outbox.enqueue(ws, OutgoingMail.text(List.of(to), "Hello", "Hello")));
    }

    record Message(String subject, String text) {
    }

    private List<Message> messagesTo(String email) {
        return jdbc.sql("select subject, body_text from mail_outbox where recipients = :to order by created_at, subject")
                .param("to", email).query((rs, n) -> new Message(rs.getString(1), rs.getString(2))).list();
    }

    private String checkInbox(MvcResult answer) throws Exception {
        // The flash attribute lives in the real session store: follow the redirect with the session's cookie.
        jakarta.servlet.http.Cookie[] cookies = answer.getResponse().getCookies();
        assertThat(cookies).isNotEmpty();
        return mvc.perform(get("/signup/check-inbox").cookie(cookies)).andReturn().getResponse()
                .getContentAsString();
    }

    private static String withoutCsrf(String page) {
        return page.replaceAll("value=\"[A-Za-z0-9_-]{20,}\"", "value=\"…\"")
                .replaceAll("&#34;[A-Za-z0-9_-]{20,}&#34;", "…");
    }

    private static String notice(MvcResult result) {
        return String.valueOf(result.getFlashMap().get("notice"));
    }
}
