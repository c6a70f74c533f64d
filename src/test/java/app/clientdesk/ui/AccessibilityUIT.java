package app.clientdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.ui.pages.SignInPage;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitUntilState;
import com.microsoft.playwright.Locator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * axe-core (WCAG 2.2 A and AA, and axe's best practices) over every main screen of a workspace holding
 * the demo data, in English and Portuguese on a laptop and in Portuguese on a phone. Any serious or
 * critical violation fails, listed with the page and the elements. One browser; one context per
 * language and width, signed in once.
 */
class AccessibilityUIT extends BrowserTest {

    private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa",
            "best-practice");
    private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

    /** Screens reached from the header and the user menu, and the forms they lead to. */
    private static final List<String> SCREENS = List.of("/my-work", "/board", "/matrix", "/batches", "/calendar",
            "/clients", "/clients/new", "/projects", "/tasks/new", "/time", "/time/entries", "/time/entries/new",
            "/time/reports", "/time/rates", "/time/import", "/billing/invoices", "/billing/invoices/new",
            "/billing/services", "/billing/retainers", "/billing/recurring", "/billing/expenses", "/billing/reports",
            "/billing/exchange-rates", "/billing/settings", "/members", "/settings/account", "/settings/timer",
            "/settings/tokens", "/settings/workspace", "/settings/outbox", "/templates", "/workflows", "/plan",
            "/plan/auto", "/plan/capacity", "/plan/templates", "/plan/calendar");

    /** Detail screens: the first link of its kind on a list screen. */
    private static final List<List<String>> DETAILS = List.of(
            List.of("/clients", "a.client-name"),
            List.of("/projects", "main a[href^='/projects/']:not([href$='/new'])"),
            List.of("/my-work", "main a[href^='/tasks/']:not([href$='/new'])"),
            List.of("/billing/invoices", "main a[href^='/billing/invoices/']:not([href$='/new'])"));

    @Test
    void everyMainScreenPassesAxeInBothLanguagesAndOnAPhone() {
        String email = uniqueEmail("owner");
        newWorkspaceOwnedBy(email);
        page.setDefaultTimeout(60_000); // the demo data takes a while on a busy machine
        SignInPage.open(page, baseUrl()).signIn(email, PASSWORD).loadDemoData();
        context.close();

        List<String> violations = new ArrayList<>();
        violations.addAll(screensOf(newContext("en-US", 1280, 800), "en", email, "en 1280px"));
        violations.addAll(screensOf(newContext("pt-BR", 1366, 768), "pt-BR", email, "pt-BR 1366px"));
        violations.addAll(screensOf(newPhoneContext("pt-BR"), "pt-BR", email, "pt-BR phone"));

        assertThat(violations).as("serious or critical axe-core violations").isEmpty();
    }

    private List<String> screensOf(BrowserContext browser, String language, String email, String where) {
        List<String> found = new ArrayList<>();
        try (browser) {
            Page p = newPage(browser);
            p.setDefaultTimeout(30_000);
            signedOut(p, where, found);
            SignInPage.open(p, baseUrl()).signIn(email, PASSWORD);
            Locator lang = p.locator("form.lang-switch").getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName(language.startsWith("pt") ? "PT" : "EN").setExact(true));
            if (!"true".equals(lang.getAttribute("aria-pressed"))) {
                p.waitForNavigation(lang::click);
            }
            List<String> paths = new ArrayList<>(SCREENS);
            for (List<String> detail : DETAILS) {
                p.navigate(baseUrl() + detail.get(0));
                paths.add(p.locator(detail.get(1)).first().getAttribute("href"));
            }
            for (String path : paths) {
                p.navigate(baseUrl() + path, new Page.NavigateOptions().setWaitUntil(WaitUntilState.LOAD));
                assertThat(p.locator("html").getAttribute("lang")).as(path).isEqualTo(language);
                found.addAll(check(p, where + " " + path));
            }
        }
        return found;
    }

    private void signedOut(Page p, String where, List<String> found) {
        for (String path : List.of("/login", "/signup")) {
            p.navigate(baseUrl() + path);
            found.addAll(check(p, where + " " + path));
        }
    }

    private static List<String> check(Page p, String where) {
        AxeResults results = new AxeBuilder(p).withTags(TAGS).analyze();
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if (FAILING_IMPACTS.contains(rule.getImpact())) {
                String nodes = rule.getNodes().stream().limit(5).map(CheckedNode::getTarget).map(String::valueOf)
                        .collect(Collectors.joining(", "));
                found.add(where + ": " + rule.getId() + " (" + rule.getImpact() + ", " + rule.getNodes().size()
                        + " elements) " + rule.getHelp() + " — " + nodes);
            }
        }
        return found;
    }
}
