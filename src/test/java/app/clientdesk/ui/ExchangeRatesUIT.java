package app.clientdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.ui.pages.SignInPage;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * The exchange-rates page in a browser: importing the ECB's daily file, the convert check answering in place,
 * a typed rate; at desktop and phone width. Leaves pictures in /tmp/shots-exchange (or $CLIENTDESK_SHOTS).
 */
class ExchangeRatesUIT extends BrowserTest {

    static final Path SHOTS = Paths.get(System.getenv().getOrDefault("CLIENTDESK_SHOTS", "/tmp/shots-exchange"));

    private static Path resource(String name) throws Exception {
        return Paths.get(ExchangeRatesUIT.class.getResource("/exchange/" + name).toURI());
    }

    private static boolean fits(Page p) {
        return (Boolean) p.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth");
    }

    @Test
    void theOwnerImportsTheEcbFileConvertsAndTypesARate() throws Exception {
        String email = uniqueEmail("owner");
        signInAsNewOwner(email);
        page.navigate(baseUrl() + "/billing/exchange-rates");
        assertThat(page.locator("h1").textContent()).isEqualTo("Exchange rates");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("exchange-empty-desktop.png")).setFullPage(true));

        page.setInputFiles("#import-file", resource("eurofxref.zip"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import rates")).click();
        assertThat(page.locator(".notice").textContent()).startsWith("Imported 30 rates over one day");
        assertThat(page.locator("tr[data-currency=USD]").textContent()).contains("USD", "via EUR");

        page.fill("#convert-amount", "1500");
        page.selectOption("#convert-from", "USD");
        page.selectOption("#convert-to", "BRL");
        page.fill("#convert-date", "2026-11-30");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Convert").setExact(true)).click();
        assertThat(page.locator("[data-exchange-answer]").textContent()).contains("R$7,979.15");
        assertThat(page.url()).as("answered in place by htmx").endsWith("/billing/exchange-rates");

        page.fill("#rate-day", "2026-11-28");
        page.selectOption("#rate-base", "USD");
        page.selectOption("#rate-quote", "BRL");
        page.fill("#rate-rate", "5,25");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save rate")).click();
        assertThat(page.locator(".notice").textContent()).isEqualTo("Rate saved: 1 USD = 5.25 BRL, of Nov 28, 2026.");
        page.fill("#convert-amount", "100");
        page.selectOption("#convert-from", "USD");
        page.selectOption("#convert-to", "BRL");
        page.fill("#convert-date", "2026-11-30");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Convert").setExact(true)).click();
        assertThat(page.locator("[data-exchange-answer]").textContent()).contains("R$525.00");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("exchange-desktop.png")).setFullPage(true));

        BrowserContext phone = newPhoneContext();
        try {
            Page onPhone = newPage(phone);
            SignInPage.open(onPhone, baseUrl()).signIn(email, PASSWORD);
            onPhone.navigate(baseUrl() + "/billing/exchange-rates");
            assertThat(fits(onPhone)).as("exchange-rates page at 390px").isTrue();
            onPhone.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("exchange-phone.png")).setFullPage(true));
            onPhone.navigate(baseUrl() + "/billing/exchange-rates/USD-BRL");
            assertThat(fits(onPhone)).as("pair history at 390px").isTrue();
            onPhone.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("exchange-history-phone.png")).setFullPage(true));
        } finally {
            phone.close();
        }
    }
}
