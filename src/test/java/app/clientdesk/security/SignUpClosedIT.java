package app.clientdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import app.clientdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;

/** A private install: sign-up is closed, so only the admin command makes workspaces. */
@TestPropertySource(properties = "clientdesk.signup.enabled=false")
class SignUpClosedIT extends IntegrationTest {

    @Test
    void theSignUpPageSaysClosedWithNotFound() throws Exception {
        MockHttpServletResponse page = mvc.perform(get("/signup")).andReturn().getResponse();

        assertThat(page.getStatus()).isEqualTo(404);
        assertThat(page.getContentAsString()).contains("This Clientdesk installation is private.")
                .doesNotContain("name=\"ownerEmail\"");
    }

    @Test
    void postingTheSignUpFormCreatesNothing() throws Exception {
        String email = uniqueEmail("closed");

        MockHttpServletResponse response = mvc.perform(
                SignInSecurityIT.signUp("Closed Door VA", email, "a long enough passphrase")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(SignInSecurityIT.sessionCookie(response)).isNull();
        assertThat(accounts.findByEmail(email)).isEmpty();
    }
}
