package app.clientdesk.billing.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.clients.ClientInput;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.NewWorkspace;
import app.clientdesk.identity.WorkspaceCreated;
import app.clientdesk.ui.BrowserTest;
import app.clientdesk.ui.pages.SignInPage;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An owner records an expense with its receipt, finds it in the list with its total and downloads the receipt.
 * With {@code -Dclientdesk.screenshots=true} the list and the form (empty, and refused with errors) are also
 * photographed at 1280 and 390 pixels, in English and Portuguese, into {@code -Dexpenses.shots=DIR} (by default
 * {@code /tmp/shots-expenses}).
 */
class ExpensesUIT extends BrowserTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired Clients clients;

    static boolean screenshotsRequested() {
        return Boolean.getBoolean("clientdesk.screenshots") || "1".equals(System.getenv("CLIENTDESK_SCREENSHOTS"));
    }

    /** A workspace with two clients (GBP and JPY); returns the owner's email. */
    private String workspaceWithClients() {
        String email = uniqueEmail("olga");
        WorkspaceCreated created = workspaces.create(new NewWorkspace("Olga VA " + UUID.randomUUID().toString()
                .substring(0, 4), "Olga Owner", email, PASSWORD, "BRL", "America/Sao_Paulo", "en"));
        clients.create(created.workspaceId(), client("Acme Ltd", "GBP"));
        clients.create(created.workspaceId(), client("Tokyo Design KK", "JPY"));
        return email;
    }

    private static ClientInput client(String name, String currency) {
        return new ClientInput(name, "ACTIVE", "Europe/London", currency, "en-GB", "GB", null, null, null,
                List.of(new ClientInput.Day("MONDAY", "09:00", "17:00")), "8", "EMAIL", "CHAT", "VIDEO", "EMAIL", null,
                null, List.of(), List.of());
    }

    private void fill(Page p, String client, String description, String amount) {
        p.selectOption("#clientId", new com.microsoft.playwright.options.SelectOption().setLabel(client));
        p.fill("#description", description);
        p.fill("#spentOn", "2026-11-20");
        p.fill("#category", "Software");
        p.fill("#amount", amount);
    }

    @Test
    void anOwnerRecordsAnExpenseWithItsReceiptAndDownloadsItAgain() {
        String email = workspaceWithClients();
        SignInPage.open(page, baseUrl()).signIn(email, PASSWORD);
        page.navigate(baseUrl() + "/billing/expenses");
        page.click("main a.button.primary");
        fill(page, "Acme Ltd", "Icon set licence", "49.90");
        page.setInputFiles("#receipt", new FilePayload("icons.pdf", "application/pdf", PDF));
        page.click("form.expense-form button[type=submit]");

        assertThat(page.url()).endsWith("/billing/expenses");
        assertThat(page.locator(".expense-description").innerText()).isEqualTo("Icon set licence");
        assertThat(page.locator(".expense-amount").innerText()).isEqualTo("£49.90");
        assertThat(page.locator("[data-total=GBP]").innerText()).isEqualTo("£49.90");
        Download download = page.waitForDownload(() -> page.click("a.expense-receipt"));
        assertThat(download.suggestedFilename()).isEqualTo("icons.pdf");
    }

    @Test
    void aReceiptJustOverTheLimitGetsThePlainReasonBesideItsField() {
        String email = workspaceWithClients();
        SignInPage.open(page, baseUrl()).signIn(email, PASSWORD);
        page.navigate(baseUrl() + "/billing/expenses/new");
        fill(page, "Acme Ltd", "Scanned invoice", "12.00");
        byte[] big = new byte[10 * 1024 * 1024 + 512 * 1024];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        page.setInputFiles("#receipt", new FilePayload("scan.pdf", "application/pdf", big));
        page.click("form.expense-form button[type=submit]");

        assertThat(page.locator("#err-receipt").innerText()).isEqualTo("The receipt is larger than 10 MB: scan it at "
                + "a lower resolution or save it as a smaller PDF.");
        assertThat(page.locator("#description").inputValue()).isEqualTo("Scanned invoice");
    }

    @Test
    @EnabledIf(value = "screenshotsRequested", disabledReason = "only with -Dclientdesk.screenshots=true")
    void screensForReview() throws IOException {
        Path folder = Paths.get(System.getProperty("expenses.shots", "/tmp/shots-expenses"));
        Files.createDirectories(folder);
        for (String language : new String[] {"EN", "PT"}) {
            for (int width : new int[] {1280, 390}) {
                String email = workspaceWithClients();
                BrowserContext ctx = width == 1280 ? newContext("en-US", 1280, 800) : newPhoneContext();
                Page p = newPage(ctx);
                SignInPage.open(p, baseUrl()).signIn(email, PASSWORD);
                if (language.equals("PT")) {
                    p.navigate(baseUrl() + "/billing/expenses");
                    p.locator("button[name=lang][value=pt-BR]").click();
                    p.waitForLoadState();
                }
                String prefix = folder.resolve(language.toLowerCase() + "-" + width + "-").toString();
                p.navigate(baseUrl() + "/billing/expenses");
                shoot(p, prefix + "1-empty.png");
                p.navigate(baseUrl() + "/billing/expenses/new");
                shoot(p, prefix + "2-form.png");
                fill(p, "Acme Ltd", "Hotel <b>two nights</b>", "12.345");
                p.selectOption("#currency", "EUR");
                p.setInputFiles("#receipt", new FilePayload("notes.pdf", "application/pdf",
                        "not a pdf".getBytes(StandardCharsets.US_ASCII)));
                p.click("form.expense-form button[type=submit]");
                shoot(p, prefix + "3-refused.png");
                p.navigate(baseUrl() + "/billing/expenses/new");
                fill(p, "Acme Ltd", "Icon set licence for the new website", "49.90");
                p.setInputFiles("#receipt", new FilePayload("icons.pdf", "application/pdf", PDF));
                p.click("form.expense-form button[type=submit]");
                p.navigate(baseUrl() + "/billing/expenses/new");
                fill(p, "Tokyo Design KK", "Shinkansen to Osaka", "14200");
                p.click("form.expense-form button[type=submit]");
                p.navigate(baseUrl() + "/billing/expenses/new");
                fill(p, "Acme Ltd", "Coffee with the team", "8.50");
                p.selectOption("#currency", "EUR");
                p.uncheck("input[name=billable]");
                p.click("form.expense-form button[type=submit]");
                shoot(p, prefix + "4-list.png");
                p.click(".expense-table tbody tr:first-child .entry-row-actions a");
                shoot(p, prefix + "5-edit.png");
                ctx.close();
            }
        }
    }

    private static void shoot(Page p, String file) {
        p.screenshot(new Page.ScreenshotOptions().setPath(Paths.get(file)).setFullPage(true));
    }
}
