package app.clientdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.clientdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The per-address limit on its own, set low so a few failures reach it: someone guessing across many
 * accounts from one address is stopped even though no single account reached its own limit.
 */
@TestPropertySource(properties = "clientdesk.sign-in.max-failures-per-address=3")
class SignInAddressThrottleIT extends IntegrationTest {

    @Test
    void failuresAcrossAccountsFromOneAddressBlockThatAddressOnly() throws Exception {
        RequestPostProcessor guesser = SignInSecurityIT.newAddress();
        RequestPostProcessor elsewhere = SignInSecurityIT.newAddress();
        String victim = newWorkspace().created().ownerEmail();
        assertThat(signIn(victim, PASSWORD, guesser)).as("before any failure").isEqualTo("/");

        for (int i = 1; i <= 3; i++) {
            assertThat(signIn(newWorkspace().created().ownerEmail(), "wrong guess", guesser)).as("failure %d", i)
                    .isEqualTo("/login?error=credentials");
        }

        assertThat(signIn(victim, PASSWORD, guesser)).isEqualTo("/login?error=throttled");
        assertThat(signIn(victim, PASSWORD, elsewhere)).as("the account itself is not locked").isEqualTo("/");
    }

    private String signIn(String email, String password, RequestPostProcessor address) throws Exception {
        String url = mvc.perform(post("/login").with(csrf()).with(address).param("email", email)
                .param("password", password)).andReturn().getResponse().getRedirectedUrl();
        return SignInSecurityIT.path(url) + (url != null && url.contains("?") ? url.substring(url.indexOf('?')) : "");
    }
}
