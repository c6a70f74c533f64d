package app.clientdesk.mail.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.mail.MailAttachment;
import app.clientdesk.mail.Outbox;
import app.clientdesk.mail.OutgoingMail;
import app.clientdesk.ui.BrowserTest;
import app.clientdesk.ui.pages.SignInPage;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The owner's outbox in a browser, before mail is set up: the banner says what to set, the messages wait, a
 * failed one is retried, the invoice PDF downloads. Leaves pictures at desktop and phone width, in English and
 * Portuguese, in {@code <build dir>/ui-review/outbox-*.png}; and no page is wider than the screen.
 */
class OutboxUIT extends BrowserTest {

    private static final byte[] PDF = "%PDF-1.4 invoice".getBytes(StandardCharsets.US_ASCII);

    @Autowired Outbox outbox;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService people;

    @Test
    void theOwnerRetriesAFailedEmailAndDownloadsItsPdf() throws IOException {
        String email = uniqueEmail("ana");
        newWorkspaceOwnedBy(email);
        CurrentUser owner = (CurrentUser) people.loadUserByUsername(email);
        seed(owner.workspaceId());
        SignInPage.open(page, baseUrl()).signIn(email, PASSWORD);

        page.navigate(baseUrl() + "/settings/outbox");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("Mail is not set up"))).isVisible();
        fitsTheScreen(page);
        review(page, "outbox-desktop-en");

        Locator failed = row(page, "Reminder: invoice INV-2026-0003 is overdue");
        assertThat(failed).containsText("Gave up after 8 tries");
        page.waitForNavigation(() -> failed.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).click());
        assertThat(page.locator(".notice")).containsText("will be sent as soon as mail is set up");
        assertThat(row(page, "Reminder: invoice INV-2026-0003 is overdue")).containsText("Waiting: mail is not set up");

        Download download = page.waitForDownload(() -> row(page, "Invoice INV-2026-0001 from Ana Souza VA")
                .getByText("INV-2026-0001.pdf").click());
        assertThat(download.suggestedFilename()).isEqualTo("INV-2026-0001.pdf");
        assertThat(Files.readAllBytes(download.path())).isEqualTo(PDF);

        page.waitForNavigation(() -> page.locator("form.lang-switch button[value='pt-BR']").click());
        page.navigate(baseUrl() + "/settings/outbox");
        assertThat(page.locator("h1")).hasText("Caixa de saída");
        review(page, "outbox-desktop-pt");

        BrowserContext phone = newPhoneContext();
        try {
            Page onPhone = newPage(phone);
            SignInPage.open(onPhone, baseUrl()).signIn(email, PASSWORD);
            onPhone.navigate(baseUrl() + "/settings/outbox");
            fitsTheScreen(onPhone);
            review(onPhone, "outbox-phone");
        } finally {
            phone.close();
        }
    }

    private void seed(WorkspaceId workspace) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        UUID invoice = tx.execute(s -> outbox.enqueue(workspace, new OutgoingMail(
                List.of("finance@thameslegal.co.uk", "maria.lopes@thameslegal.co.uk"), "ana@anasouza.example",
                "Invoice INV-2026-0001 from Ana Souza VA", "Hello,\n\nplease find the invoice attached.", null,
                List.of(new MailAttachment("INV-2026-0001.pdf", "application/pdf", PDF)), "invoice:" + UUID.randomUUID())));
        UUID sent = tx.execute(s -> outbox.enqueue(workspace, OutgoingMail.text(List.of("ops@brightbakery.example"),
                "Invoice INV-2026-0002 from Ana Souza VA", "Hello")));
        UUID stuck = tx.execute(s -> outbox.enqueue(workspace, OutgoingMail.text(List.of("accounts@nordwind.example"),
                "Reminder: invoice INV-2026-0003 is overdue", "Hello")));
        jdbc.sql("update mail_outbox set status = 'SENT', attempts = 1, sent_at = created_at where id = :id")
                .param("id", sent).update();
        jdbc.sql("""
                update mail_outbox set status = 'FAILED', attempts = 8,
                    last_error = 'Couldn''t connect to host, port: smtp.example.com, 587; timeout 10000 — Connection refused'
                where id = :id""").param("id", stuck).update();
        assertThat(invoice).isNotNull();
    }

    private static Locator row(Page on, String subject) {
        return on.locator("tr.mail-row").filter(new Locator.FilterOptions().setHasText(subject));
    }

    private static void fitsTheScreen(Page on) {
        Object fits = on.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth");
        assertThat(fits).as("the page is no wider than the screen").isEqualTo(true);
    }

    private static void review(Page on, String name) throws IOException {
        Path folder = buildDirectory().resolve("ui-review");
        Files.createDirectories(folder);
        on.mouse().move(0, 0);
        on.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve(name + ".png")).setFullPage(true));
    }

    private static Path buildDirectory() {
        try {
            return Paths.get(OutboxUIT.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            return Paths.get("target");
        }
    }
}
