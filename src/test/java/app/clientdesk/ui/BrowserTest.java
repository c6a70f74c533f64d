package app.clientdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.identity.NewWorkspace;
import app.clientdesk.identity.Workspaces;
import app.clientdesk.support.TestDatabase;
import app.clientdesk.support.TestDatabaseConfiguration;
import app.clientdesk.ui.pages.ClientsPage;
import app.clientdesk.ui.pages.SignInPage;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every {@code *UIT}: the whole application on a real port and an in-memory H2, driven by a
 * real Chromium through Playwright. One browser per test class, a fresh context (cookies, storage) and
 * page per test, so tests never share a session. A failed test leaves a screenshot and the page's HTML
 * in {@code <build dir>/ui-failures/}. Every test also fails if the page logged a console error, which
 * is how a Content-Security-Policy violation or a broken script shows up.
 *
 * <p>The browser is {@code /usr/bin/chromium}, or {@code CLIENTDESK_TEST_CHROMIUM}. Where there is no
 * such file the tests are skipped with a message, so {@code ./mvnw verify} passes on machines without
 * a browser. They are also skipped in the PostgreSQL run of Failsafe: they test screens, not SQL, and
 * every {@code *IT} already runs there.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
@ExtendWith({BrowserTest.ChromiumAvailable.class, BrowserTest.EvidenceOnFailure.class})
public abstract class BrowserTest {

    public static final String PASSWORD = "correct horse battery";
    static final String DEFAULT_CHROMIUM = "/usr/bin/chromium";
    /**
     * A form the server refuses comes back with status 422 by design, and Chromium logs every 4xx
     * response as a console error. Only that one is expected; a 403, 404 or 500 still fails the test.
     */
    private static final String REFUSED_FORM = "the server responded with a status of 422";

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort protected int port;
    @Autowired protected Workspaces workspaces;

    protected BrowserContext context;
    protected Page page;
    private final List<String> consoleErrors = new ArrayList<>();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @BeforeAll
    static void launchBrowser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium())
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void closeBrowser() {
        if (playwright != null) {
            playwright.close(); // closes the browser too
        }
    }

    @BeforeEach
    void openPage() {
        context = newContext("en-US", 1280, 800);
        page = newPage(context);
    }

    @AfterEach
    void noConsoleErrorsOnThePagesVisited() {
        if (context != null) {
            context.close();
        }
        assertThat(consoleErrors).as("errors in the browser console (CSP violations, broken scripts)").isEmpty();
    }

    /** A new, empty browser: no cookies, the given language in Accept-Language and navigator.language. */
    protected BrowserContext newContext(String locale, int width, int height) {
        return browser.newContext(new Browser.NewContextOptions()
                .setLocale(locale)
                .setTimezoneId("America/Sao_Paulo")
                .setViewportSize(width, height));
    }

    /** A phone-sized browser (390×844, touch, mobile viewport rules), in English. */
    protected BrowserContext newPhoneContext() {
        return newPhoneContext("en-US");
    }

    /** A phone-sized browser (390×844, touch, mobile viewport rules) in the given language. */
    protected BrowserContext newPhoneContext(String locale) {
        return browser.newContext(new Browser.NewContextOptions()
                .setLocale(locale)
                .setTimezoneId("America/Sao_Paulo")
                .setViewportSize(390, 844)
                .setIsMobile(true)
                .setHasTouch(true)
                .setDeviceScaleFactor(1));
    }

    /** A page whose console errors and uncaught exceptions make the test fail. */
    protected Page newPage(BrowserContext in) {
        Page p = in.newPage();
        p.setDefaultTimeout(10_000);
        p.onConsoleMessage(message -> {
            if ("error".equals(message.type()) && !message.text().contains(REFUSED_FORM)) {
                consoleErrors.add(p.url() + ": " + message.text());
            }
        });
        p.onPageError(error -> consoleErrors.add(p.url() + ": uncaught " + error));
        return p;
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    protected static String uniqueEmail(String who) {
        return who + "+" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    /** A workspace made behind the scenes (English, São Paulo), its owner signed in on {@link #page}. */
    protected ClientsPage signInAsNewOwner() {
        return signInAsNewOwner(uniqueEmail("owner"));
    }

    /** A workspace made behind the scenes, its owner (with this email) signed in on {@link #page}. */
    protected ClientsPage signInAsNewOwner(String email) {
        newWorkspaceOwnedBy(email);
        return SignInPage.open(page, baseUrl()).signIn(email, PASSWORD);
    }

    /** A workspace (English, São Paulo, BRL) whose owner signs in with this email and {@link #PASSWORD}. */
    protected void newWorkspaceOwnedBy(String email) {
        workspaces.create(new NewWorkspace("Test VA " + UUID.randomUUID().toString().substring(0, 6), "Olga Owner",
                email, PASSWORD, "BRL", "America/Sao_Paulo", "en"));
    }

    static Path chromium() {
        String override = System.getenv("CLIENTDESK_TEST_CHROMIUM");
        return Paths.get(override == null || override.isBlank() ? DEFAULT_CHROMIUM : override);
    }

    /** The build folder ({@code target}, or whatever {@code -Dcd.build.dir} names): test-classes' parent. */
    static Path buildDirectory() {
        try {
            Path classes = Paths.get(BrowserTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent();
        } catch (URISyntaxException e) {
            return Paths.get("target");
        }
    }

    /** Skips browser tests where no Chromium is installed, and in the PostgreSQL run. */
    static class ChromiumAvailable implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (TestDatabase.postgresRequested()) {
                return ConditionEvaluationResult.disabled("Browser tests run once, on H2; skipped in the PostgreSQL run");
            }
            Path chromium = chromium();
            if (!Files.isExecutable(chromium)) {
                if (System.getenv("CLIENTDESK_TEST_REQUIRE_BROWSER") != null) {
                    // CI sets this: there a missing browser is a broken machine, not a reason to skip.
                    throw new IllegalStateException("CLIENTDESK_TEST_REQUIRE_BROWSER is set but there is no Chromium at "
                            + chromium);
                }
                return ConditionEvaluationResult.disabled("Browser tests skipped: no Chromium at " + chromium
                        + " (install it with apt-get install chromium, or set CLIENTDESK_TEST_CHROMIUM)");
            }
            return ConditionEvaluationResult.enabled("Chromium at " + chromium);
        }
    }

    /** Runs before {@code @AfterEach}, while the page is still open. */
    static class EvidenceOnFailure implements AfterTestExecutionCallback {
        @Override
        public void afterTestExecution(ExtensionContext context) {
            if (context.getExecutionException().isEmpty()
                    || !(context.getTestInstance().orElse(null) instanceof BrowserTest test) || test.page == null
                    || test.page.isClosed()) {
                return;
            }
            Path folder = buildDirectory().resolve("ui-failures");
            String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
            try {
                Files.createDirectories(folder);
                test.page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve(name + ".png")).setFullPage(true));
                Files.writeString(folder.resolve(name + ".html"), test.page.content(), StandardCharsets.UTF_8);
                System.err.println("UI failure evidence: " + folder.resolve(name + ".png") + " (url " + test.page.url() + ")");
            } catch (IOException | RuntimeException e) {
                System.err.println("Could not save UI failure evidence: " + e);
            }
        }
    }
}
