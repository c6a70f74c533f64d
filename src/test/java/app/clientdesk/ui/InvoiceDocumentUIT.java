package app.clientdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.billing.DraftInput;
import app.clientdesk.billing.DraftInput.LineInput;
import app.clientdesk.billing.Invoice;
import app.clientdesk.billing.Invoices;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The owner fills in the billing settings and uploads a logo, then opens an invoice as the client will see
 * it, on a desktop and on a phone. Screenshots go to {@code <build dir>/ui-review/documents-*.png}.
 */
class InvoiceDocumentUIT extends BrowserTest {

    @Autowired Clients clients;
    @Autowired Invoices invoices;
    @Autowired UserDetailsService users;

    @Test
    void theOwnerSetsUpWhatInvoicesPrintAndSeesTheInvoiceAsTheClientWill() throws Exception {
        String email = uniqueEmail("ana");
        signInAsNewOwner(email);
        page.navigate(baseUrl() + "/billing/settings");
        page.getByLabel("Invoice numbers").fill("AS-{yyyy}-{seq:4}");
        page.getByLabel("Default tax name").fill("ISS");
        page.getByLabel("Default tax rate (%)").fill("5");
        page.getByLabel("Business details").fill("Ana Souza Assistência Virtual Ltda\nRua das Flores 10, São Paulo SP\n"
                + "CNPJ 12.345.678/0001-90");
        page.getByLabel("Payment instructions").fill("Bank: Banco Exemplo · agência 0001 · conta 12345-6\n"
                + "Pix: financeiro@anasouza.com.br\nPayPal: ana@anasouza.com.br\nWise: @anasouza");
        page.getByLabel("Reminder schedule (days from the due date)").fill("-3, 0, 7, 14, 30");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Save settings")).click();
        assertThat(page.locator(".notice").textContent()).contains("Billing settings saved.");
        assertThat(page.getByLabel("Reminder schedule (days from the due date)").inputValue())
                .isEqualTo("-3, 0, 7, 14, 30");

        page.getByLabel("Upload a logo").setInputFiles(new FilePayload("logo.png", "image/png", logo()));
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Upload").setExact(true)).click();
        assertThat(page.locator(".notice").textContent()).contains("Logo saved");
        com.microsoft.playwright.APIResponse served = page.request().get(baseUrl() + "/billing/settings/logo");
        assertThat(served.status() + " " + served.headers().get("content-type") + " " + served.body().length)
                .isEqualTo("200 image/png " + logo().length);
        page.waitForFunction("() => { const i = document.querySelector('img.logo-preview'); "
                + "return i && i.complete && i.naturalWidth > 0; }");
        shot(page, "documents-settings", true);

        CurrentUser owner = (CurrentUser) users.loadUserByUsername(email);
        ClientId client = clients.create(owner, new ClientInput("Harbour Wellness Studio", "ACTIVE", "Europe/London",
                "GBP", "en-GB", "GB", null, "12 Quay Street\nBristol BS1 4DJ\nUnited Kingdom", "GB 123 4567 89",
                List.of(), "8", "EMAIL", "CHAT", "VIDEO", "EMAIL", null, null,
                List.of(new ClientInput.ContactInput(null, "Grace Harbour", "grace@harbour.example", null, "Owner",
                        true)), List.of()));
        Invoice draft = invoices.createDraft(owner, new DraftInput(client.value().toString(), null, null, null, null,
                "Thank you, Grace — it was a pleasure working with you this month.", null, List.of(
                        new LineInput(null, "Inbox and calendar management (November)", "12.5", "HOURS", "38.00", null,
                                "VAT", "20"),
                        new LineInput(null, "Newsletter design and send", "2", null, "120.00", "10", "VAT", "20"),
                        new LineInput(null, "<script>alert(1)</script> booking tool subscription", "1", null, "15.00",
                                null, null, null))));
        Invoice issued = invoices.issue(owner, draft.id(), null);

        page.navigate(baseUrl() + "/billing/invoices/" + issued.id() + "/view");
        assertThat(page.locator("h1.doc-title").textContent()).isEqualTo("Invoice");
        assertThat(page.locator(".doc-meta").textContent()).contains(issued.number());
        assertThat(page.locator(".doc-lines").textContent()).contains("<script>alert(1)</script> booking tool");
        assertThat(page.locator(".doc-total td").textContent()).isEqualTo("£" + issued.total().plain());
        assertThat(page.locator("a.doc-button.primary").getAttribute("href")).endsWith("/pdf");
        shot(page, "documents-view", true);

        BrowserContext phone = newPhoneContext();
        Page small = newPage(phone);
        SignInPageLogin.signIn(small, baseUrl(), email);
        small.navigate(baseUrl() + "/billing/invoices/" + issued.id() + "/view");
        int overflow = ((Number) small.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue();
        assertThat(overflow).as("the page does not scroll sideways on a phone").isLessThanOrEqualTo(0);
        shot(small, "documents-view-phone", true);
        phone.close();
    }

    private static byte[] logo() {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(360, 90,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new java.awt.Color(0x0f766e));
        g.fillRoundRect(0, 10, 70, 70, 18, 18);
        g.setColor(java.awt.Color.WHITE);
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 40));
        g.drawString("AS", 9, 60);
        g.setColor(new java.awt.Color(0x1f2933));
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 30));
        g.drawString("Ana Souza", 85, 55);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(img, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void shot(Page on, String name, boolean full) throws Exception {
        Path folder = buildDirectory().resolve("ui-review");
        Files.createDirectories(folder);
        on.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve(name + ".png")).setFullPage(full));
    }

    /** Signs in on another page (a phone) with the same owner. */
    private static final class SignInPageLogin {
        static void signIn(Page on, String base, String email) {
            app.clientdesk.ui.pages.SignInPage.open(on, base).signIn(email, PASSWORD);
        }
    }
}
