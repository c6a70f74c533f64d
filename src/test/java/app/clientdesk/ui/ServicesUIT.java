package app.clientdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.billing.ServiceInput;
import app.clientdesk.billing.Services;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.ui.pages.ServiceFormPage;
import app.clientdesk.ui.pages.SignInPage;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The owner adds a retainer priced in two currencies with the form's "Add a price", and the catalogue and form fit
 * a phone. With {@code CLIENTDESK_SCREENSHOTS=1} (or {@code -Dclientdesk.screenshots=true}) it leaves pictures in
 * {@code /tmp/shots-services/} (1280 and 390 wide).
 */
class ServicesUIT extends BrowserTest {

    @Autowired Services services;
    @Autowired UserDetailsService users;

    @Test
    void theOwnerAddsARetainerInTwoCurrenciesWithTheAddAPriceButton() throws IOException {
        String email = uniqueEmail("olga");
        signInAsNewOwner(email);

        ServiceFormPage form = ServiceFormPage.open(page, baseUrl());
        // Hourly at first: no included hours, one empty price row in the workspace's currency.
        assertThat(form.includedHours().isVisible()).isFalse();
        assertThat(form.priceRows().count()).isEqualTo(1);
        shot(page, "form-desktop");

        form.name("Inbox care").deliverables("Daily triage\nWeekly report").billed("Monthly retainer");
        assertThat(form.includedHours().isVisible()).isTrue();
        form.includedHours().fill("20");
        form.price(0, "BRL", "1500", "95");
        form.addPrice().price(1, "JPY", "150000", "");
        form.addPrice().addPrice(); // beyond the rows the server sent: a copy of the last one
        assertThat(form.priceRows().count()).isEqualTo(4);
        shot(page, "form-retainer-desktop");
        form.save();

        assertThat(page.url()).endsWith("/billing/services");
        assertThat(form.notice()).contains("Service Inbox care created.");
        String row = page.locator(".services-table tbody tr").first().innerText();
        assertThat(row).contains("Inbox care", "Monthly retainer", "20 h included a month", "R$1,500.00 a month",
                "then R$95.00 an hour", "¥150,000 a month", "2 deliverables");

        // Its edit page: the two prices, one empty row, and "Add a price" for more.
        page.locator(".service-name", new Page.LocatorOptions().setHasText("Inbox care")).click();
        page.waitForURL("**/edit");
        page.waitForLoadState();
        assertThat(form.priceRows().count()).isEqualTo(3);
        page.navigate(baseUrl() + "/billing/services");

        CurrentUser owner = (CurrentUser) users.loadUserByUsername(email);
        services.create(owner, new ServiceInput("Brand logo and style guide", "Three concepts, two rounds of changes "
                + "and the final files in every format.", "Three concepts\nTwo rounds of changes\nFinal files", "FIXED", "",
                "ISS", "5", List.of(new ServiceInput.Price("BRL", "3200", null), new ServiceInput.Price("USD", "650", null),
                        new ServiceInput.Price("BHD", "245.750", null))));
        services.create(owner, new ServiceInput("Bookkeeping", "", "", "HOURLY", "", "", "",
                List.of(new ServiceInput.Price("BRL", "120", null), new ServiceInput.Price("EUR", "35", null))));
        page.reload();
        shot(page, "list-desktop");

        BrowserContext phone = newPhoneContext();
        Page onPhone = newPage(phone);
        SignInPage.open(onPhone, baseUrl()).signIn(email, PASSWORD);
        onPhone.navigate(baseUrl() + "/billing/services");
        assertThat(overflows(onPhone)).as("the list is wider than the phone").isFalse();
        shot(onPhone, "list-phone");
        onPhone.locator(".service-name", new Page.LocatorOptions().setHasText("Inbox care")).click();
        onPhone.waitForURL("**/edit");
        onPhone.waitForLoadState();
        assertThat(onPhone.locator("[data-price-row]:visible").count()).isEqualTo(3);
        assertThat(onPhone.locator("#includedHours").inputValue()).isEqualTo("20:00");
        assertThat(overflows(onPhone)).as("the form is wider than the phone").isFalse();
        shot(onPhone, "form-phone");
        phone.close();
    }

    private static boolean overflows(Page on) {
        return (Boolean) on.evaluate("() => document.documentElement.scrollWidth > window.innerWidth + 1");
    }

    private static void shot(Page on, String name) throws IOException {
        if (!Boolean.getBoolean("clientdesk.screenshots") && System.getenv("CLIENTDESK_SCREENSHOTS") == null) {
            return;
        }
        Path folder = Paths.get("/tmp/shots-services");
        Files.createDirectories(folder);
        on.evaluate("() => document.activeElement && document.activeElement.blur && document.activeElement.blur()");
        on.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve(name + ".png")).setFullPage(true));
    }
}
