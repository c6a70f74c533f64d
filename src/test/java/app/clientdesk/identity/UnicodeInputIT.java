package app.clientdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.clientdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * NUL never reaches the database (PostgreSQL refuses it: a 500 before), through a form or the API; names lose
 * bidirectional overrides and control characters; an email with a look-alike letter is refused.
 */
class UnicodeInputIT extends IntegrationTest {

    @Autowired JdbcClient jdbc;

    @Test
    void aNulInAFormIsAClearErrorInBothLanguagesAndNothingIsSaved() throws Exception {
        String email = uniqueEmail("nul");
        MockHttpServletResponse signUp = mvc.perform(SignUpConfirmationIT.signUp("Nul\u0000 VA", email, PASSWORD))
                .andReturn().getResponse();
        assertThat(signUp.getStatus()).isEqualTo(400);
        assertThat(signUp.getContentAsString()).contains("A character cannot be saved")
                .contains("NUL character (U+0000)");
        assertThat(accounts.findByEmail(email)).isEmpty();

        TestWorkspace ws = newWorkspace();
        MockHttpServletResponse settings = mvc.perform(post("/settings/workspace").with(user(ws.owner())).with(csrf())
                .header("Accept-Language", "pt-BR").param("name", "VA\u0000").param("baseCurrency", "BRL")
                .param("timeZone", "America/Sao_Paulo").param("locale", "en")).andReturn().getResponse();
        assertThat(settings.getStatus()).isEqualTo(400);
        assertThat(settings.getContentAsString()).contains("A character cannot be saved");
        assertThat(workspaces.settings(ws.created().workspaceId()).name()).doesNotContain("\u0000");
    }

    @Test
    void aNulInAnApiBodyOrQueryIs422NamingTheField() throws Exception {
        TestWorkspace ws = newWorkspace();
        String token = tokenFor(ws.owner());

        MockHttpServletResponse body = mvc.perform(post("/api/v1/clients")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Acme\\u0000 Ltd\",\"timeZone\":\"Europe/London\",\"currency\":\"GBP\"}"))
                .andReturn().getResponse();
        assertThat(body.getStatus()).isEqualTo(422);
        assertThat(body.getContentType()).startsWith("application/problem+json");
        assertThat(body.getContentAsString()).contains("\"field\":\"name\"")
                .contains("Remove the NUL character (U+0000)");

        MockHttpServletResponse query = mvc.perform(get("/api/v1/clients").param("q", "a\u0000")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn().getResponse();
        assertThat(query.getStatus()).isEqualTo(422);
        assertThat(query.getContentAsString()).contains("\"field\":\"q\"").contains("Remove the NUL character");
    }

    @Test
    void namesLoseBidiOverridesAndEmailsWithLookAlikeLettersAreRefused() throws Exception {
        String email = uniqueEmail("bidi");
        MockHttpServletResponse created = mvc.perform(post("/signup").with(csrf())
                .param("businessName", "Mallory\u202E VA\u200B").param("ownerName", "Olga\u2066 Owner\u0007")
                .param("ownerEmail", email).param("password", PASSWORD).param("baseCurrency", "USD")
                .param("timeZone", "Europe/London").param("locale", "en")).andReturn().getResponse();
        assertThat(created.getStatus()).isEqualTo(302);
        CurrentUser owner = principal(email);
        assertThat(owner.workspaceName()).isEqualTo("Mallory VA");
        assertThat(owner.displayName()).isEqualTo("Olga Owner");

        MockHttpServletResponse lookAlike = mvc.perform(SignUpConfirmationIT.signUp("Look VA",
                "billing@\u0430pple-" + email.substring(email.indexOf('@') + 1), PASSWORD)).andReturn().getResponse();
        assertThat(lookAlike.getStatus()).isEqualTo(422);
        assertThat(lookAlike.getContentAsString()).contains("Enter an email address such as name@example.com.");
    }
}
