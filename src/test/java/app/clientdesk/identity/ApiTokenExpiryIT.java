package app.clientdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.clientdesk.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;

/** API tokens may expire; the tokens page shows when, and when each was last used; an expired one is refused. */
class ApiTokenExpiryIT extends IntegrationTest {

    @Autowired JdbcClient jdbc;

    @Test
    void aTokenMadeForThirtyDaysWorksUntilThenAndIsRefusedAfterwardsSayingSo() throws Exception {
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        TestWorkspace ws = newWorkspace();
        MvcResult made = mvc.perform(post("/settings/tokens").with(user(ws.owner())).with(csrf())
                .param("name", "Zapier").param("expiresInDays", "30")).andReturn();
        String token = (String) made.getFlashMap().get("newToken");

        assertThat(api(token).getStatus()).isEqualTo(200);
        String page = mvc.perform(get("/settings/tokens").with(user(ws.owner()))).andReturn().getResponse()
                .getContentAsString();
        // The workspace's zone is São Paulo (UTC-3): 09:00 UTC on 31 December is 06:00 there.
        assertThat(page).contains("<th>Expires</th>").contains("Dec 31, 2026, 6:00")
                .contains("Dec 1, 2026, 6:00").as("last used, just now")
                .doesNotContain("data-label=\"Last used\">Never<");

        clock.set(Instant.parse("2026-12-31T08:59:59Z"));
        assertThat(api(token).getStatus()).isEqualTo(200);

        clock.set(Instant.parse("2026-12-31T09:00:00Z"));
        MockHttpServletResponse expired = api(token);
        assertThat(expired.getStatus()).isEqualTo(401);
        assertThat(expired.getContentType()).startsWith("application/problem+json");
        assertThat(expired.getContentAsString()).contains("\"title\":\"Token expired\"");
        String later = mvc.perform(get("/settings/tokens").with(user(ws.owner()))).andReturn().getResponse()
                .getContentAsString();
        assertThat(later).contains("Expired on Dec 31, 2026, 6:00");
    }

    @Test
    void aTokenWithoutExpiryNeverExpiresAndSaysSo() throws Exception {
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        TestWorkspace ws = newWorkspace();
        String token = tokenFor(ws.owner());
        clock.set(Instant.parse("2036-12-01T09:00:00Z"));
        assertThat(api(token).getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/settings/tokens").with(user(ws.owner()))).andReturn().getResponse()
                .getContentAsString()).contains("data-label=\"Expires\">Never</td>");
    }

    @Test
    void anExpiryOutsideOneDayToTenYearsIsAFieldError() throws Exception {
        TestWorkspace ws = newWorkspace();
        for (String days : new String[] {"0", "3651", "soon"}) {
            MockHttpServletResponse refused = mvc.perform(post("/settings/tokens").with(user(ws.owner())).with(csrf())
                    .param("name", "Script").param("expiresInDays", days)).andReturn().getResponse();
            assertThat(refused.getStatus()).as(days).isEqualTo(422);
            assertThat(refused.getContentAsString()).contains("Choose a number of days from 1 to 3650, or never.");
        }
    }

    @Test
    void lastUseIsWrittenAtMostOnceAMinute() throws Exception {
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        TestWorkspace ws = newWorkspace();
        String token = tokenFor(ws.owner());
        api(token);
        clock.set(Instant.parse("2026-12-01T09:00:59Z"));
        api(token);
        assertThat(lastUsed(token)).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
        clock.set(Instant.parse("2026-12-01T09:01:01Z"));
        api(token);
        assertThat(lastUsed(token)).isEqualTo(Instant.parse("2026-12-01T09:01:01Z"));
    }

    private Instant lastUsed(String token) {
        return jdbc.sql("select last_used_at from api_tokens where token_hash = :h")
                .param("h", app.clientdesk.identity.internal.TokenStore.hash(token))
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).single();
    }

    private MockHttpServletResponse api(String token) throws Exception {
        return mvc.perform(get("/api/v1/clients").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn()
                .getResponse();
    }
}
