package app.clientdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.billing.DraftInput;
import app.clientdesk.billing.DraftInput.LineInput;
import app.clientdesk.billing.InvoiceId;
import app.clientdesk.billing.Invoices;
import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.clients.Clients;
import app.clientdesk.clients.Contact;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.portal.PortalAccess;
import app.clientdesk.work.Attachments;
import app.clientdesk.work.StageKind;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.TaskInput;
import app.clientdesk.work.Tasks;
import app.clientdesk.work.Workflows;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A client contact signs in to the portal with the emailed link, sees their invoices and opens one as a web page
 * and as a PDF, approves a deliverable and asks for changes on another, on a desktop and on a phone; a second
 * client's contact cannot reach the first client's invoice nor its deliverable's file.
 * Screenshots go to {@code <build dir>/ui-review/portal-*.png}.
 */
class PortalUIT extends BrowserTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+(/portal/link/[A-Za-z0-9_-]+)");

    @Autowired Clients clients;
    @Autowired Invoices invoices;
    @Autowired PortalAccess portal;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired Tasks tasks;
    @Autowired Workflows workflows;
    @Autowired Attachments attachments;

    @Test
    void aContactSignsInWithTheLinkAndOpensTheirInvoiceAndAnotherClientsContactCannot() throws Exception {
        String ownerEmail = uniqueEmail("ana");
        newWorkspaceOwnedBy(ownerEmail);
        CurrentUser owner = (CurrentUser) users.loadUserByUsername(ownerEmail);
        ClientId harbour = client(owner, "Harbour Wellness Studio", "Grace Harbour", uniqueEmail("grace"));
        ClientId other = client(owner, "Northwind Bakery", "Nora North", uniqueEmail("nora"));
        InvoiceId invoice = invoices.issue(owner, invoices.createDraft(owner, new DraftInput(harbour.value().toString(),
                null, null, null, null, null, null, List.of(new LineInput(null, "Inbox and calendar management",
                        "12.5", "HOURS", "38.00", null, null, null)))).id(), null).id();
        TaskId newsletter = waitingForApproval(owner, harbour, "Spring newsletter",
                "Three subject lines and the **final draft** for your list.");
        java.util.UUID draftFile = attachments.add(owner, newsletter, "newsletter-final-draft.pdf",
                new java.io.ByteArrayInputStream("%PDF-1.4 newsletter".getBytes(StandardCharsets.US_ASCII))).id();
        TaskId banner = waitingForApproval(owner, harbour, "Website banner", "A banner for the summer offer.");
        Contact grace = clients.get(owner, harbour).contacts().get(0);
        Contact nora = clients.get(owner, other).contacts().get(0);
        portal.invite(owner, harbour, grace.id());
        portal.invite(owner, other, nora.id());

        // Grace follows the emailed link, signs in, and skips choosing a password for now.
        page.navigate(baseUrl() + linkTo(grace.email()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL("**/portal/password?welcome");
        shot(page, "portal-password", false);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Not now")).click();
        page.waitForURL("**/portal");
        assertThat(page.locator("h1").textContent()).contains("Grace Harbour");
        assertThat(page.locator(".portal-brand").textContent()).contains(owner.workspaceName());
        assertThat(page.locator("[data-portal-due]").textContent()).contains("475.00");
        assertThat(page.locator("[data-portal-waiting]").textContent()).contains("2 deliverables wait");
        shot(page, "portal-home", true);

        // Grace reviews the deliverables waiting for her, downloads the draft, and approves the newsletter.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Review and approve")).click();
        page.waitForURL("**/portal/approvals");
        assertThat(page.locator("[data-portal-approval]").count()).isEqualTo(2);
        Locator card = page.locator("[data-portal-approval='" + newsletter.value() + "']");
        assertThat(card.textContent()).contains("Spring newsletter", "final draft", "newsletter-final-draft.pdf");
        APIResponse draft = page.request().get(baseUrl() + card.locator("[data-portal-file]").getAttribute("href"));
        assertThat(draft.status()).isEqualTo(200);
        assertThat(draft.text()).isEqualTo("%PDF-1.4 newsletter");
        shot(page, "portal-approvals", true);
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve")).click();
        page.waitForURL("**/portal/approvals");
        assertThat(page.locator(".notice").textContent()).contains("Approved");
        assertThat(page.locator("[data-portal-approval]").count()).isEqualTo(1);
        assertThat(tasks.get(owner, newsletter).stage().kind()).isEqualTo(StageKind.DONE);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Home")).click();
        page.waitForURL("**/portal");
        assertThat(page.locator("[data-portal-waiting]").textContent()).contains("1 deliverable waits");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See your invoices")).click();
        page.waitForURL("**/portal/invoices");
        assertThat(page.locator("[data-portal-invoice]").count()).isEqualTo(1);
        shot(page, "portal-invoices", true);
        page.locator("[data-portal-invoice] a").first().click();
        page.waitForURL("**/portal/invoices/" + invoice.value());
        assertThat(page.locator(".doc-sheet").textContent()).contains("Inbox and calendar management");
        shot(page, "portal-invoice", true);
        String pdfHref = page.locator("a.doc-button.primary").getAttribute("href");
        APIResponse pdf = page.request().get(baseUrl() + pdfHref);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        // On a phone, Grace asks for a new link on the sign-in page.
        BrowserContext phone = newPhoneContext();
        Page onPhone = newPage(phone);
        onPhone.navigate(baseUrl() + "/portal/invoices");
        onPhone.waitForURL("**/portal/sign-in");
        shot(onPhone, "portal-sign-in-phone", true);
        onPhone.getByLabel("Email").first().fill(grace.email());
        onPhone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Email me a link")).click();
        assertThat(onPhone.locator(".notice").textContent()).contains("a sign-in link is on its way");
        onPhone.navigate(baseUrl() + linkTo(grace.email()));
        onPhone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        onPhone.waitForURL("**/portal/password?welcome");
        onPhone.navigate(baseUrl() + "/portal/invoices");
        assertThat(onPhone.locator("[data-portal-invoice]").count()).isEqualTo(1);
        assertThat((Boolean) onPhone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling on a phone").isTrue();
        shot(onPhone, "portal-invoices-phone", true);
        onPhone.navigate(baseUrl() + "/portal");
        shot(onPhone, "portal-home-phone", true);

        // On the phone, she asks for changes on the banner: without a word she is asked for one.
        onPhone.navigate(baseUrl() + "/portal/approvals");
        shot(onPhone, "portal-approvals-phone", true);
        Locator bannerCard = onPhone.locator("[data-portal-approval='" + banner.value() + "']");
        bannerCard.locator("summary").click();
        bannerCard.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send the request for changes"))
                .click();
        assertThat(onPhone.locator(".field-error").textContent()).contains("Say what should change");
        assertThat((Boolean) onPhone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling on a phone").isTrue();
        shot(onPhone, "portal-approvals-changes-phone", true);
        onPhone.getByLabel("What should change?").fill("Please use the blue from our logo.");
        onPhone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the request for changes")).click();
        onPhone.waitForURL("**/portal/approvals");
        assertThat(onPhone.locator(".notice").textContent()).contains("request for changes was sent");
        assertThat(onPhone.locator("[data-portal-approvals-none]").count()).isEqualTo(1);
        assertThat(tasks.comments(owner, banner)).extracting(app.clientdesk.work.Comment::body)
                .containsExactly("Please use the blue from our logo.");
        phone.close();

        // Nora, a contact of another client of the same VA, cannot reach Grace's invoice by its id.
        BrowserContext noraBrowser = newContext("en-US", 1280, 800);
        Page noraPage = newPage(noraBrowser);
        noraPage.navigate(baseUrl() + linkTo(nora.email()));
        noraPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        noraPage.waitForURL("**/portal/password?welcome");
        noraPage.navigate(baseUrl() + "/portal/invoices");
        assertThat(noraPage.locator("[data-portal-invoice]").count()).isZero();
        assertThat(noraPage.content()).doesNotContain("Harbour", "Inbox and calendar management");
        for (String path : List.of("/portal/invoices/" + invoice.value(), "/portal/invoices/" + invoice.value() + "/pdf")) {
            APIResponse refused = noraPage.request().get(baseUrl() + path);
            assertThat(refused.status()).as(path).isEqualTo(404);
            assertThat(refused.text()).doesNotContain("Inbox and calendar management");
        }
        assertThat(noraPage.request().get(baseUrl() + "/portal/approvals/" + banner.value() + "/attachments/"
                + draftFile).status()).isEqualTo(404);
        noraBrowser.close();
    }

    /** A task of the client, moved by the owner into its workflow's client-approval stage. */
    private TaskId waitingForApproval(CurrentUser owner, ClientId client, String title, String description) {
        TaskId id = tasks.create(owner, new TaskInput(title, description, client.value().toString(), null, null, false,
                false, null, null, null, null, null, null, null, null, List.of(), null, null, List.of()));
        tasks.move(owner, id, workflows.get(owner.workspaceId(), tasks.get(owner, id).workflowId()).stages().stream()
                .filter(s -> s.kind() == StageKind.CLIENT_APPROVAL).findFirst().orElseThrow().id(), null);
        return id;
    }

    private ClientId client(CurrentUser owner, String name, String contact, String email) {
        return clients.create(owner, new ClientInput(name, "ACTIVE", "Europe/London", "GBP", "en-GB", "GB", null,
                null, null, List.of(), "8", "EMAIL", "CHAT", "VIDEO", "EMAIL", null, null,
                List.of(new ClientInput.ContactInput(null, contact, email, null, "Owner", true)), List.of()));
    }

    /** The path of the newest portal link mailed to the email (the outbox holds it; no SMTP server here). */
    private String linkTo(String email) {
        String body = jdbc.sql("""
                select body_text from mail_outbox where recipients = :to and reference like 'portal-%'
                order by created_at desc, id fetch first 1 rows only""").param("to", email).query(String.class).single();
        Matcher m = LINK.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return URI.create("http://x" + m.group(1)).getPath();
    }

    private static void shot(Page on, String name, boolean full) throws Exception {
        Path folder = buildDirectory().resolve("ui-review");
        Files.createDirectories(folder);
        on.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve(name + ".png")).setFullPage(full));
    }
}
