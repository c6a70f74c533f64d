package app.clientdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The embedded server on a real port, with the real session cookie and the real Tomcat: what MockMvc cannot
 * show (concurrent requests of one browser, forwarded headers, the Host header a client sends).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "clientdesk.sign-in.max-failures-per-address=3")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SessionsOverHttpIT extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    @Order(0)
    void theSignInPageStartsNoSessionAndItsFormStillNeedsItsOwnCookie() throws Exception {
        String email = newWorkspace().created().ownerEmail();
        long rows = sessionRows();
        Browser browser = new Browser();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> page = browser.get("/login");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().allValues("Set-Cookie")).as("cookies of the sign-in page")
                    .noneMatch(cookie -> cookie.startsWith("CLIENTDESK_SESSION=") || cookie.startsWith("SESSION="));
        }
        assertThat(sessionRows()).as("session rows after 5 visits of the sign-in page").isEqualTo(rows);

        // The page's token alone is worth nothing: another browser, without the page's cookie, is refused.
        String token = browser.csrf("/login");
        Browser stranger = new Browser();
        assertThat(stranger.post("/login", Map.of("_csrf", token, "email", email, "password", PASSWORD)).statusCode())
                .isEqualTo(403);
        assertThat(sessionRows()).isEqualTo(rows);

        HttpResponse<String> signedIn = browser.post("/login", Map.of("_csrf", token, "email", email,
                "password", PASSWORD));
        assertThat(signedIn.headers().firstValue("Location")).get().asString().endsWith("/");
        assertThat(sessionRows()).as("sign-in starts the session").isEqualTo(rows + 1);
        assertThat(browser.get("/settings/account").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(0)
    void aVisitorsCookieTokenNeverStandsInForASignedInPersonsToken() throws Exception {
        String email = newWorkspace().created().ownerEmail();
        Browser victim = new Browser();
        victim.signIn(email, PASSWORD);
        // Before the victim's session has a token of its own (no form shown since sign-in), a neighbouring host
        // plants an attacker's visitor cookie and the attacker's form posts the matching field.
        Browser attacker = new Browser();
        String field = attacker.csrf("/login");
        HttpCookie planted = attacker.cookies().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("CLIENTDESK_CSRF")).findFirst().orElseThrow();
        victim.cookies().add(URI.create("http://localhost:" + port + "/"), planted);
        assertThat(victim.post("/settings/account", Map.of("_csrf", field, "displayName", "Planted", "locale", "en",
                "timeZone", "Europe/London")).statusCode()).as("a planted cookie and its field").isEqualTo(403);
        assertThat(victim.get("/settings/account").body()).doesNotContain("Planted");
    }

    private long sessionRows() {
        return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
    }

    @Test
    @Order(1)
    void twentyPostsOfOneFormFromOneBrowserAtOnceAllSucceed() throws Exception {
        String email = newWorkspace().created().ownerEmail();
        Browser browser = new Browser();
        assertThat(browser.signIn(email, PASSWORD).headers().firstValue("Location"))
                .as("a path, not a URL built from the Host header").contains("/");
        String csrf = browser.csrf("/settings/account");

        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> posts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String name = "Owner " + i;
            posts.add(pool.submit(() -> {
                start.await();
                return browser.post("/settings/account", Map.of("_csrf", csrf, "displayName", name, "locale", "en",
                        "timeZone", "Europe/London")).statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> post : posts) {
            statuses.add(post.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(statuses).as("statuses of 20 saves at once").allMatch(status -> status == 302);
        assertThat(browser.get("/settings/account").statusCode()).as("the session still works").isEqualTo(200);
    }

    @Test
    @Order(2)
    void aRedirectNeverNamesAForgedHost() throws Exception {
        String response = raw("GET /settings/account HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example\r\n"
                + "X-Forwarded-Proto: https\r\nConnection: close\r\n\r\n");
        String location = response.lines().filter(l -> l.regionMatches(true, 0, "Location:", 0, 9)).findFirst()
                .orElseThrow();
        assertThat(location).doesNotContain("evil").endsWith("/login");
    }

    @Test
    @Order(3)
    void aForwardedForHeaderFromAnUntrustedAddressDoesNotEscapeTheAddressLimit() throws Exception {
        // Runs last: it uses up the loopback address's failures.
        for (int i = 1; i <= 3; i++) {
            Browser guesser = new Browser();
            guesser.forwardedFor = "203.0.113." + i;
            assertThat(guesser.signIn(newWorkspace().created().ownerEmail(), "wrong guess").headers()
                    .firstValue("Location")).get().asString().endsWith("/login?error=credentials");
        }
        Browser another = new Browser();
        another.forwardedFor = "203.0.113.99";
        assertThat(another.signIn(newWorkspace().created().ownerEmail(), PASSWORD).headers().firstValue("Location"))
                .get().asString().endsWith("/login?error=throttled");
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** One browser: its own cookies, shared by every request it sends, at once or not. */
    private final class Browser {
        final CookieManager jar = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(jar)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        String forwardedFor;

        java.net.CookieStore cookies() {
            return jar.getCookieStore();
        }

        HttpResponse<String> signIn(String email, String password) throws Exception {
            String csrf = csrf("/login");
            return post("/login", Map.of("_csrf", csrf, "email", email, "password", password));
        }

        String csrf(String path) throws Exception {
            Matcher m = CSRF.matcher(get(path).body());
            assertThat(m.find()).as("a CSRF field on " + path).isTrue();
            return m.group(1);
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            String body = new LinkedHashMap<>(form).entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(60));
            if (forwardedFor != null) {
                builder.header("X-Forwarded-For", forwardedFor);
            }
            return builder;
        }
    }
}
