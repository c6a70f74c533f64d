package app.clientdesk.billing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.billing.DraftInput;
import app.clientdesk.billing.RecurringInput;
import app.clientdesk.billing.RecurringInvoice;
import app.clientdesk.billing.RetainerInput;
import app.clientdesk.billing.Retainers;
import app.clientdesk.billing.RecurringInvoices;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.ui.BrowserTest;
import app.clientdesk.ui.pages.SignInPage;
import app.clientdesk.time.TimeEntries;
import app.clientdesk.time.TimeEntryInput;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The owner looks at the retainers, recurring invoices and a client's burn-down, on a desktop and a phone. */
class RetainersUIT extends BrowserTest {

    @Autowired Clients clients;
    @Autowired Retainers retainers;
    @Autowired RecurringInvoices recurring;
    @Autowired TimeEntries time;
    @Autowired UserDetailsService users;
    @Autowired Clock clock;

    @Test
    void theOwnerSeesRetainersRecurringInvoicesAndTheBurnDown() {
        String email = uniqueEmail("owner");
        signInAsNewOwner(email);
        CurrentUser owner = (CurrentUser) users.loadUserByUsername(email);
        ClientId client = clients.create(owner, new ClientInput("Acme Ltd", "ACTIVE", "Europe/London", "GBP", "en-GB",
                "GB", null, null, null, List.of(new ClientInput.Day("MONDAY", "09:00", "17:00")), "8", "EMAIL", "CHAT",
                "VIDEO", "EMAIL", null, null, List.of(), List.of()));
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/London")));
        retainers.create(owner, new RetainerInput(client.value().toString(), "Support, 20 h a month", "1500.00", "20",
                "90.00", "true", "2", "1", "VAT", "20", today.withDayOfMonth(1).toString(), null),
                app.clientdesk.billing.Retainers.PastPeriods.BILL_NOW);
        RecurringInvoice hosting = recurring.create(owner, new RecurringInput(client.value().toString(), "Hosting",
                "1", "MONTH", today.plusDays(3).toString(), null, "true", null,
                List.of(new DraftInput.LineInput(null, "Managed hosting", "1", null, "49.00", null, "VAT", "20"),
                        new DraftInput.LineInput(null, "Backups", "2", null, "5.00", null, null, null))));
        String day = today.toString();
        time.create(owner, TimeEntryInput.ofInstants(client.value().toString(), null, null, day + "T08:00:00Z",
                day + "T12:30:00Z", true, "Inbox and calls", List.of()));

        for (boolean phone : List.of(false, true)) {
            BrowserContext ctx = phone ? newPhoneContext() : context;
            Page p = phone ? newPage(ctx) : page;
            if (phone) {
                SignInPage.open(p, baseUrl()).signIn(email, PASSWORD);
            }
            String suffix = phone ? "-390" : "-desktop";
            p.navigate(baseUrl() + "/billing/retainers");
            assertThat(p.content()).contains("Support, 20 h a month");
            shot(p, "retainers-list" + suffix);
            p.navigate(baseUrl() + "/billing/retainers/new");
            p.fill("#monthlyFee", "10.123");
            p.fill("#includedHours", "lots");
            p.fill("#issueDay", "40");
            p.click("button.primary");
            assertThat(p.content()).contains("Enter a day from 1 to 31");
            shot(p, "retainers-form-errors" + suffix);
            p.navigate(baseUrl() + "/billing/recurring");
            assertThat(p.content()).contains("Hosting");
            shot(p, "recurring-list" + suffix);
            p.navigate(baseUrl() + "/billing/recurring/" + hosting.id() + "/edit");
            shot(p, "recurring-form" + suffix);
            p.navigate(baseUrl() + "/clients/" + client.value());
            assertThat(p.content()).contains("of 20 hours used");
            p.locator("#retainers").scrollIntoViewIfNeeded();
            shot(p, "client-burndown" + suffix);
            if (phone) {
                ctx.close();
            }
        }
    }

    private static void shot(Page p, String name) {
        p.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("/tmp/shots-retainers/" + name + ".png"))
                .setFullPage(true));
    }
}
