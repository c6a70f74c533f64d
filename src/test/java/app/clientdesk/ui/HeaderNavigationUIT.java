package app.clientdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.ui.pages.SignInPage;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The header on a laptop (1366 px) and on a phone (390 px), in both languages: the navigation is one row or
 * a menu, never two rows or a strip cut off at the screen's edge; every section is reachable, by keyboard
 * too; amounts in the client page's tiles stay on one line.
 */
class HeaderNavigationUIT extends BrowserTest {

    private static final List<String> SECTIONS_EN = List.of("Today", "My work", "Board", "Matrix", "Batches",
            "Planner", "Clients", "Projects", "Time", "Billing", "Team");
    private static final List<String> SECTIONS_PT = List.of("Hoje", "Meu trabalho", "Quadro", "Matriz", "Lotes",
            "Agenda", "Clientes", "Projetos", "Tempo", "Faturamento", "Equipe");

    @Test
    void onALaptopTheWholeNavigationIsOneRowInBothLanguages() {
        String email = uniqueEmail("owner");
        newWorkspaceOwnedBy(email);
        context.close();
        for (String language : List.of("en", "pt-BR")) {
            try (BrowserContext laptop = newContext(language.equals("en") ? "en-US" : "pt-BR", 1366, 768)) {
                Page p = newPage(laptop);
                signIn(p, email, language);
                Locator nav = p.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName(navName(language)));
                assertThat(nav.isVisible()).as(language + ": the navigation shows without a menu").isTrue();
                assertThat(p.locator("[data-nav-toggle]").isVisible()).as(language + ": no menu button").isFalse();
                List<Double> tops = linkTops(nav);
                assertThat(tops).as(language + ": every section's link").hasSize(12);
                assertThat(tops.stream().distinct().count()).as(language + ": links on one row").isEqualTo(1);
                assertThat(headerHeight(p)).as(language + ": the header is one row tall").isLessThan(70);
                assertThat(fitsWidth(p)).isTrue();
            }
        }
    }

    @Test
    void onAPhoneTheNavigationIsAMenuThatOpensByKeyboardAndClosesWithEscape() {
        String email = uniqueEmail("owner");
        newWorkspaceOwnedBy(email);
        context.close();
        for (String language : List.of("en", "pt-BR")) {
            try (BrowserContext phone = newPhoneContext(language.equals("en") ? "en-US" : "pt-BR")) {
                Page p = newPage(phone);
                signIn(p, email, language);
                Locator toggle = p.locator("[data-nav-toggle]");
                Locator nav = p.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName(navName(language)));
                assertThat(toggle.isVisible()).as(language + ": a menu button").isTrue();
                assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
                assertThat(nav.isVisible()).as(language + ": the navigation is folded away").isFalse();
                assertThat(headerHeight(p)).as(language + ": the header is one row on a phone").isLessThan(70);
                assertThat(fitsWidth(p)).as(language + ": nothing sticks out sideways").isTrue();

                toggle.focus();
                p.keyboard().press("Enter");
                assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
                List<String> sections = language.equals("en") ? SECTIONS_EN : SECTIONS_PT;
                for (String section : sections) {
                    Locator link = nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(section).setExact(true));
                    assertThat(link.isVisible()).as(language + ": " + section + " shows in the open menu").isTrue();
                    assertThat(inViewport(link)).as(language + ": " + section + " is on screen, not cut off").isTrue();
                }
                p.keyboard().press("Tab");
                assertThat((String) p.evaluate("() => document.activeElement.textContent.trim()"))
                        .as("Tab goes from the button into the menu").isEqualTo(sections.get(0));
                p.keyboard().press("Escape");
                assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
                assertThat(nav.isVisible()).isFalse();
                assertThat((Boolean) p.evaluate("() => document.activeElement.hasAttribute('data-nav-toggle')"))
                        .as("Escape gives focus back to the menu button").isTrue();

                toggle.click();
                p.waitForNavigation(() -> nav.getByRole(AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName(sections.get(sections.size() - 2)).setExact(true)).click());
                assertThat(p.url()).endsWith("/billing/invoices");
            }
        }
    }

    @Test
    void theUserMenuButtonIsNamedForTheUserAtEveryWidth() {
        signInAsNewOwner();
        for (int width : List.of(1920, 1440, 1280, 390)) {
            page.setViewportSize(width, 800);
            // Below 1441 px only the avatar shows; the name must stay for screen readers (not display:none).
            PlaywrightAssertions.assertThat(page.locator(".usermenu summary")).hasAccessibleName("Olga Owner");
        }
    }

    @Test
    void theClientPagesAmountTileKeepsTheAmountOnOneLine() {
        String email = uniqueEmail("owner");
        newWorkspaceOwnedBy(email);
        page.setDefaultTimeout(60_000); // the demo data takes a while on a busy machine
        SignInPage.open(page, baseUrl()).signIn(email, PASSWORD).loadDemoData().openClient("Harbour Wellness Studio");
        String client = page.url();
        for (int width : List.of(1366, 1280, 1024, 390)) {
            page.setViewportSize(width, 800);
            page.navigate(client);
            Locator tiles = page.locator(".client-time .time-stats dd");
            assertThat(tiles.count()).isGreaterThanOrEqualTo(4);
            for (int i = 0; i < tiles.count(); i++) {
                Locator tile = tiles.nth(i);
                Number lines = (Number) tile.evaluate(
                        "e => { const r = document.createRange(); r.selectNodeContents(e); return r.getClientRects().length; }");
                assertThat(lines.intValue()).as("'%s' at %d px is on one line", tile.innerText(), width).isEqualTo(1);
            }
            assertThat(tiles.last().innerText()).startsWith("A$");
        }
    }

    private void signIn(Page p, String email, String language) {
        SignInPage.open(p, baseUrl()).signIn(email, PASSWORD);
        Locator button = p.locator("form.lang-switch").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName(language.equals("en") ? "EN" : "PT").setExact(true));
        if (!"true".equals(button.getAttribute("aria-pressed"))) {
            p.waitForNavigation(button::click);
        }
    }

    private static String navName(String language) {
        return language.equals("en") ? "Main" : "Principal";
    }

    @SuppressWarnings("unchecked")
    private static List<Double> linkTops(Locator nav) {
        return ((List<Number>) nav.evaluate("n => [...n.querySelectorAll('a')].map(a => Math.round(a.getBoundingClientRect().top))"))
                .stream().map(Number::doubleValue).toList();
    }

    private static double headerHeight(Page p) {
        return ((Number) p.evaluate("() => document.querySelector('header.topbar').getBoundingClientRect().height")).doubleValue();
    }

    private static boolean fitsWidth(Page p) {
        return (Boolean) p.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth");
    }

    private static boolean inViewport(Locator l) {
        return (Boolean) l.evaluate("e => { const r = e.getBoundingClientRect(); return r.left >= 0 && r.right <= innerWidth && r.top >= 0; }");
    }
}
