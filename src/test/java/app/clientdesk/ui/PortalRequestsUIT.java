package app.clientdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.clients.Clients;
import app.clientdesk.clients.Contact;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.portal.PortalAccess;
import app.clientdesk.requests.Reply;
import app.clientdesk.requests.RequestDetail;
import app.clientdesk.requests.RequestId;
import app.clientdesk.requests.Requests;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A client contact signs in to the portal with the emailed link, submits a request with a file (a past desired
 * date is refused first: the typed text stays and the page asks for the file again), sees it in the list, reads
 * the VA's question and answers it, on a desktop and on a phone; a second client's contact cannot open the
 * request nor its file. Screenshots go to {@code <build dir>/ui-review/portal-request*.png}.
 */
class PortalRequestsUIT extends BrowserTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+(/portal/link/[A-Za-z0-9_-]+)");

    @Autowired Clients clients;
    @Autowired PortalAccess portal;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;
    @Autowired Requests requests;

    @Test
    void aContactSubmitsARequestWithAFileFollowsItAndAnotherClientsContactCannotOpenIt() throws Exception {
        String ownerEmail = uniqueEmail("ana");
        newWorkspaceOwnedBy(ownerEmail);
        CurrentUser owner = (CurrentUser) users.loadUserByUsername(ownerEmail);
        ClientId harbour = client(owner, "Harbour Wellness Studio", "Grace Harbour", uniqueEmail("grace"));
        ClientId other = client(owner, "Northwind Bakery", "Nora North", uniqueEmail("nora"));
        Contact grace = clients.get(owner, harbour).contacts().get(0);
        Contact nora = clients.get(owner, other).contacts().get(0);
        portal.invite(owner, harbour, grace.id());
        portal.invite(owner, other, nora.id());
        Path brief = buildDirectory().resolve("ui-review-files").resolve("newsletter-brief.pdf");
        Files.createDirectories(brief.getParent());
        Files.writeString(brief, "%PDF-1.4 newsletter brief", StandardCharsets.US_ASCII);

        // Grace signs in with the link and starts a request from the portal's home.
        page.navigate(baseUrl() + linkTo(grace.email()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL("**/portal/password?welcome");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Not now")).click();
        page.waitForURL("**/portal");
        assertThat(page.locator("[data-portal-open-requests]").textContent()).contains("No open requests");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New request")).click();
        page.waitForURL("**/portal/requests/new");
        assertThat(page.locator(".portal-brand").textContent()).contains(owner.workspaceName());
        assertThat(page.locator("#attachments-hint").textContent()).contains("Up to 10 files", "10 MB");
        shot(page, "portal-request-form", true);

        // A past desired date is refused: what she typed stays, she is asked to choose the file again.
        page.getByLabel("Subject").fill("Spring newsletter");
        page.getByLabel("Details").fill("Three subject lines and a draft for our customer list, please.");
        page.getByLabel("Attachments (optional)").setInputFiles(brief);
        page.getByLabel("Desired date (optional)").fill("2020-01-15");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the request")).click();
        page.waitForSelector("[data-portal-files-again]");
        assertThat(page.locator("#err-desiredDate").textContent()).contains("cannot be in the past");
        assertThat(page.getByLabel("Subject").inputValue()).isEqualTo("Spring newsletter");
        assertThat(page.getByLabel("Details").inputValue()).startsWith("Three subject lines");
        assertThat((String) page.evaluate("() => document.activeElement.id")).as("focus on the mistake")
                .isEqualTo("desiredDate");
        shot(page, "portal-request-form-error", true);
        page.getByLabel("Desired date (optional)").fill("2099-03-01");
        page.getByLabel("Attachments (optional)").setInputFiles(brief);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the request")).click();
        page.waitForURL(Pattern.compile(".*/portal/requests/[0-9a-f-]{36}$"));
        assertThat(page.locator(".notice").textContent()).contains("Your request #1 was sent");
        assertThat(page.locator("[data-portal-file]").textContent()).contains("newsletter-brief.pdf");
        String requestPath = URI.create(page.url()).getPath();
        RequestId id = new RequestId(UUID.fromString(requestPath.substring(requestPath.lastIndexOf('/') + 1)));
        APIResponse file = page.request().get(baseUrl() + page.locator("[data-portal-file]").getAttribute("href"));
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.text()).isEqualTo("%PDF-1.4 newsletter brief");

        // The VA asks a question (and keeps a note Grace never sees); Grace sees that it waits on her and answers.
        requests.reply(owner, id, Reply.note("Internal: check last year's list"));
        requests.reply(owner, id, Reply.answer("Should it go to the whole list or only to members?", true));
        page.reload();
        assertThat(page.locator("[data-portal-waiting-you]").textContent()).contains("waiting for your answer");
        assertThat(page.content()).doesNotContain("Internal: check");
        shot(page, "portal-request", true);
        page.getByLabel("Message").fill("Only to members, thank you.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the message")).click();
        page.waitForURL("**" + requestPath + "#latest");
        assertThat(page.locator("[data-portal-message]").last().textContent()).contains("Only to members");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Requests").setExact(true)).click();
        page.waitForURL("**/portal/requests");
        assertThat(page.locator("[data-portal-request]").count()).isEqualTo(1);
        assertThat(page.locator("[data-portal-request]").textContent()).contains("#1", "Spring newsletter",
                "In progress");
        shot(page, "portal-requests", true);

        // On a phone: the list, the request and the form fit the screen.
        portal.requestLink(grace.email());
        BrowserContext phone = newPhoneContext();
        Page onPhone = newPage(phone);
        onPhone.navigate(baseUrl() + linkTo(grace.email()));
        onPhone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        onPhone.waitForURL("**/portal/password?welcome");
        for (String[] view : List.of(new String[] {"/portal/requests", "portal-requests-phone"},
                new String[] {requestPath, "portal-request-phone"},
                new String[] {"/portal/requests/new", "portal-request-form-phone"},
                new String[] {"/portal", "portal-home-requests-phone"})) {
            onPhone.navigate(baseUrl() + view[0]);
            assertThat((Boolean) onPhone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no sideways scrolling on a phone at " + view[0]).isTrue();
            shot(onPhone, view[1], true);
        }
        phone.close();

        // Nora, a contact of another client of the same VA, cannot open Grace's request nor its file.
        BrowserContext noraBrowser = newContext("en-US", 1280, 800);
        Page noraPage = newPage(noraBrowser);
        noraPage.navigate(baseUrl() + linkTo(nora.email()));
        noraPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        noraPage.waitForURL("**/portal/password?welcome");
        noraPage.navigate(baseUrl() + "/portal/requests");
        assertThat(noraPage.locator("[data-portal-request]").count()).isZero();
        assertThat(noraPage.content()).doesNotContain("Spring newsletter");
        RequestDetail detail = requests.get(owner, id);
        UUID fileId = detail.messages().get(0).attachments().get(0).id();
        for (String path : List.of(requestPath, requestPath + "/attachments/" + fileId)) {
            APIResponse refused = noraPage.request().get(baseUrl() + path);
            assertThat(refused.status()).as(path).isEqualTo(404);
            assertThat(refused.text()).doesNotContain("Spring newsletter", "newsletter brief");
        }
        noraBrowser.close();
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
