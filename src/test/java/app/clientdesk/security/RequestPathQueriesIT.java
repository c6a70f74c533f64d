package app.clientdesk.security;

import static app.clientdesk.security.SignInSecurityIT.newAddress;
import static app.clientdesk.security.SignInSecurityIT.path;
import static app.clientdesk.security.SignInSecurityIT.sessionCookie;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.clientdesk.support.IntegrationTest;
import app.clientdesk.support.QueryCounts;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The fixed cost of a request, pinned in statements (issue 12): the health check and static files read and
 * write nothing in the database, with or without a session cookie; a signed-in page pays a small, fixed number
 * of statements for its session, its person and its header. (The sign-in page, which stores no session either,
 * is shown over real HTTP in SessionsOverHttpIT.)
 */
class RequestPathQueriesIT extends IntegrationTest {

    /**
     * The session (one read: no second read when Spring Session commits it, no write unless it changed), the
     * header's running timer and the header's notifications bell (one count of the person's unread notifications,
     * capped at 100, on the index notifications_unread_ix: a bell that must be right on every page, from any app node,
     * cannot be kept in the session or a per-node cache); the person and the workspace come with the session. The
     * account page shows only what the session holds, so this is the whole cost of a signed-in page before its own
     * queries.
     */
    static final int SIGNED_IN_FIXED_STATEMENTS = 3;

    @Autowired JdbcClient jdbc;

    @Test
    void healthAndStaticFilesTouchNeitherTheSessionStoreNorTheDatabase() throws Exception {
        Cookie session = signedIn();
        long rows = sessionRows();
        for (Cookie[] cookies : new Cookie[][] {{}, {session}, {new Cookie("CLIENTDESK_SESSION", "no-such-session")}}) {
            for (String url : new String[] {"/actuator/health", "/css/app.css", "/js/views.js", "/favicon.ico"}) {
                MockHttpServletRequestBuilder request = get(url);
                if (cookies.length > 0) {
                    request.cookie(cookies);
                }
                QueryCounts.Counts counts = QueryCounts.during(() -> mvc.perform(request).andReturn());
                assertThat(counts.statements()).as("%s with cookies %s: %s", url, cookies.length, counts).isZero();
            }
        }
        assertThat(sessionRows()).isEqualTo(rows);
    }

    @Test
    void theSessionlessPathsWriteNoCookieAndOnlyTheHealthCheckSaysNoStore() throws Exception {
        Cookie session = signedIn();
        for (String url : new String[] {"/actuator/health", "/css/app.css", "/js/views.js", "/favicon.ico",
                "/robots.txt"}) {
            for (Cookie[] cookies : new Cookie[][] {{}, {session}}) {
                MockHttpServletRequestBuilder request = get(url);
                if (cookies.length > 0) {
                    request.cookie(cookies);
                }
                MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
                assertThat(response.getStatus()).as("%s is open to anyone", url).isNotIn(302, 401, 403);
                assertThat(response.getHeaders("Set-Cookie")).as("%s writes no cookie", url).isEmpty();
                assertThat(response.getHeader("Content-Security-Policy")).as(url).isNotBlank();
                assertThat(response.getHeader("X-Content-Type-Options")).as(url).isEqualTo("nosniff");
                String cache = String.valueOf(response.getHeader("Cache-Control"));
                if (url.startsWith("/actuator/")) {
                    assertThat(cache).as(url).contains("no-store");
                } else {
                    assertThat(cache).as(url).doesNotContain("no-store");
                }
            }
        }
        // A path that only starts like one of them is an ordinary page: the sign-in door, with no-store.
        MockHttpServletResponse near = mvc.perform(get("/actuator/healthz")).andReturn().getResponse();
        assertThat(near.getStatus()).isNotEqualTo(200);
        assertThat(String.valueOf(near.getHeader("Cache-Control"))).contains("no-store");
    }

    @Test
    void aSignedInPageCostsAFixedFewStatements() throws Exception {
        Cookie session = signedIn();
        // The first page after sign-in may write the session (its CSRF token, a flash); the following ones only read.
        mvc.perform(get("/settings/account").cookie(session)).andReturn();
        for (int i = 0; i < 3; i++) {
            String url = "/settings/account";
            QueryCounts.Counts counts = QueryCounts.during(() -> {
                MockHttpServletResponse page = mvc.perform(get(url).cookie(session)).andReturn().getResponse();
                assertThat(page.getStatus()).as(url).isEqualTo(200);
                return page;
            });
            assertThat(counts.statements()).as("%s: %s", url, counts).isLessThanOrEqualTo(SIGNED_IN_FIXED_STATEMENTS);
            assertThat(counts.sql()).as("%s writes nothing: %s", url, counts)
                    .noneMatch(sql -> sql.trim().toLowerCase().matches("^(update|insert|delete|merge).*"));
        }
    }

    private Cookie signedIn() throws Exception {
        String email = newWorkspace().created().ownerEmail();
        MockHttpServletResponse response = mvc.perform(post("/login").with(csrf()).with(newAddress())
                .param("email", email).param("password", PASSWORD)).andReturn().getResponse();
        assertThat(path(response.getRedirectedUrl())).as("signed in").isEqualTo("/");
        return sessionCookie(response);
    }

    private long sessionRows() {
        return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
    }
}
