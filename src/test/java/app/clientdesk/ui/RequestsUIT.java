package app.clientdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.requests.ManualSubmission;
import app.clientdesk.requests.NewAttachment;
import app.clientdesk.requests.RequestId;
import app.clientdesk.requests.Requests;
import app.clientdesk.ui.pages.SignInPage;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The VA opens the request inbox, narrows it to one client by typing its name (suggestions come as they type, the
 * list swaps in place), opens a request, replies to
 * the client and turns the request into a task; the inbox and the request's page also on a phone.
 * Screenshots go to {@code <build dir>/ui-review/requests-*.png}.
 */
class RequestsUIT extends BrowserTest {

    @Autowired Clients clients;
    @Autowired Requests requests;
    @Autowired UserDetailsService users;

    @Test
    void aVaFiltersTheInboxRepliesAndConvertsARequest() throws Exception {
        String email = uniqueEmail("ana");
        signInAsNewOwner(email);
        CurrentUser owner = (CurrentUser) users.loadUserByUsername(email);
        ClientId harbour = client(owner, "Harbour Wellness Studio", "Australia/Sydney");
        ClientId bakery = client(owner, "Northwind Bakery", "Europe/London");
        RequestId flyer = requests.submitManually(owner, new ManualSubmission(harbour.value().toString(),
                "Print flyers for the open day", "Two hundred A5 flyers, the design is attached.", null,
                List.of(new NewAttachment("flyer-design.pdf",
                        new ByteArrayInputStream("%PDF-1.4 flyer".getBytes(StandardCharsets.US_ASCII))))));
        requests.submitManually(owner, new ManualSubmission(bakery.value().toString(), "Update the opening hours",
                "On the website and on Google.", null, List.of()));
        requests.submitManually(owner, new ManualSubmission(harbour.value().toString(), "Book the yoga teacher",
                "For Saturday mornings in January.", null, List.of()));

        page.navigate(baseUrl() + "/requests");
        assertThat(page.locator(".requests-table tbody tr").count()).isEqualTo(3);
        assertThat(page.locator("[data-sla]").first().textContent()).isNotBlank();
        shot(page, "requests-inbox", true);

        // The client filter suggests clients as the VA types; the whole name (or a suggestion picked) narrows the list.
        page.getByLabel("Client").pressSequentially("harb");
        page.waitForCondition(() -> page.locator("#request-clients option").count() == 1);
        assertThat(page.locator("#request-clients option").getAttribute("value")).isEqualTo("Harbour Wellness Studio");
        page.getByLabel("Client").fill("Harbour Wellness Studio");
        page.waitForURL("**/requests?client=" + harbour.value() + "**");
        page.waitForCondition(() -> page.locator(".requests-table tbody tr").count() == 2);
        assertThat(page.locator("#request-results").textContent()).doesNotContain("Northwind Bakery");
        // Emptying the field shows every client again; a reload keeps the chosen client in the field.
        page.getByLabel("Client").fill("");
        page.waitForCondition(() -> page.locator(".requests-table tbody tr").count() == 3);
        page.getByLabel("Client").fill("Harbour Wellness Studio");
        page.waitForCondition(() -> page.locator(".requests-table tbody tr").count() == 2);
        page.reload();
        assertThat(page.getByLabel("Client").inputValue()).isEqualTo("Harbour Wellness Studio");
        assertThat(page.locator(".requests-table tbody tr").count()).isEqualTo(2);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Print flyers for the open day")).click();
        page.waitForURL("**/requests/" + flyer.value());
        assertThat(page.locator("#conversation").textContent()).contains("Two hundred A5 flyers", "flyer-design.pdf");
        assertThat(page.locator(".request-due").textContent()).contains("Sydney", "Sao Paulo");

        page.getByLabel("Message").fill("Thanks! I will send you a proof by Thursday.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        page.waitForURL("**/requests/" + flyer.value() + "#conversation");
        assertThat(page.locator(".notice").textContent()).contains("Reply sent");
        assertThat(page.locator(".request-message").count()).isEqualTo(2);
        assertThat(page.locator("[data-sla]").first().getAttribute("data-sla")).isEqualTo("MET");

        page.getByLabel("Task title").fill("Flyers for the open day");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Convert to task")).click();
        page.waitForURL("**/requests/" + flyer.value() + "#task");
        assertThat(page.locator(".notice").textContent()).contains("Task created");
        assertThat(page.locator(".request-task a").textContent()).isEqualTo("Flyers for the open day");
        shot(page, "requests-request", true);

        page.locator(".request-task a").click();
        page.waitForURL("**/tasks/**");
        assertThat(page.locator(".task-request").textContent()).contains("Print flyers for the open day");

        BrowserContext phone = newPhoneContext();
        Page onPhone = newPage(phone);
        SignInPage.open(onPhone, baseUrl()).signIn(email, PASSWORD);
        onPhone.navigate(baseUrl() + "/requests");
        noSidewaysScrolling(onPhone);
        shot(onPhone, "requests-inbox-phone", true);
        onPhone.navigate(baseUrl() + "/requests/" + flyer.value());
        noSidewaysScrolling(onPhone);
        shot(onPhone, "requests-request-phone", true);
        phone.close();
    }

    private static void noSidewaysScrolling(Page on) {
        assertThat((Boolean) on.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling on a phone: " + on.url()).isTrue();
    }

    private ClientId client(CurrentUser owner, String name, String zone) {
        return clients.create(owner, new ClientInput(name, "ACTIVE", zone, "BRL", "en-GB", "GB", null, null, null,
                List.of(new ClientInput.Day("MONDAY", "09:00", "17:00")), "8", "EMAIL", "CHAT", "VIDEO", "EMAIL",
                null, null, List.of(new ClientInput.ContactInput(null, "Contact of " + name, uniqueEmail("contact"),
                        null, null, true)), List.of()));
    }

    private static void shot(Page on, String name, boolean full) throws Exception {
        Path folder = buildDirectory().resolve("ui-review");
        Files.createDirectories(folder);
        on.evaluate("() => { if (document.activeElement && document.activeElement.blur) document.activeElement.blur(); window.scrollTo(0, 0); }");
        on.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve(name + ".png")).setFullPage(full));
    }
}
