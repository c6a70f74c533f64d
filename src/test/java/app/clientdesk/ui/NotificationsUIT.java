package app.clientdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.WorkspaceId;
import app.clientdesk.notifications.Notice;
import app.clientdesk.notifications.Notifications;
import app.clientdesk.ui.pages.SignInPage;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The bell and the notifications page in a real browser, on a desktop and on a phone: the count in the header, the
 * link it is, marking one read in place (the bell follows), and nothing wider than the screen. Leaves pictures in
 * {@code <build dir>/notifications-screens/} to look at.
 */
class NotificationsUIT extends BrowserTest {

    private static final Path SHOTS = Paths.get(System.getProperty("clientdesk.build.dir", "target"),
            "notifications-screens");

    @Autowired Notifications notifications;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService users;

    @Test
    void theBellCountsAndThePageMarksReadOnADesktopAndOnAPhone() {
        String email = uniqueEmail("owner");
        newWorkspaceOwnedBy(email);
        CurrentUser owner = (CurrentUser) users.loadUserByUsername(email);
        WorkspaceId ws = owner.workspaceId();
        notifications.notify(ws, owner.id(), Notice.of("request.breached", "notifications.request.breached",
                "Quarterly report numbers", "Harbour Wellness Studio").linkTo("/clients"));
        for (String request : new String[] {"Logo files for the new website", "Invoice question",
                "Can we move Thursday's call to Friday morning, or early next week if that is easier for you?"}) {
            notifications.notify(ws, owner.id(), Notice.of("request.atRisk", "notifications.request.atRisk", request,
                    "Harbour Wellness Studio", "Mon, 7 Dec 2026, 15:00 (Sao Paulo)").linkTo("/clients"));
        }

        SignInPage.open(page, baseUrl()).signIn(email, PASSWORD);
        page.navigate(baseUrl() + "/settings/account");
        assertThat(page.locator("#bell").getAttribute("aria-label")).isEqualTo("Notifications, 4 unread");
        assertThat(page.locator("#bell .bell-count").textContent()).isEqualTo("4");
        shot(page, "header-desktop");

        page.locator("#bell").click();
        page.waitForURL("**/notifications");
        assertThat(page.locator(".notification.is-unread").count()).isEqualTo(4);
        shot(page, "page-desktop");

        page.locator(".notification").first().getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).click();
        page.locator(".notification.is-read").first().waitFor();
        assertThat(page.locator("#bell").getAttribute("aria-label")).isEqualTo("Notifications, 3 unread");
        assertThat(page.url()).endsWith("/notifications");
        shot(page, "page-desktop-one-read");

        BrowserContext phone = newPhoneContext();
        try {
            Page onPhone = newPage(phone);
            SignInPage.open(onPhone, baseUrl()).signIn(email, PASSWORD);
            onPhone.navigate(baseUrl() + "/notifications");
            assertThat(onPhone.locator("#bell").isVisible()).isTrue();
            assertThat((Boolean) onPhone.evaluate(
                    "document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                    .as("nothing wider than the phone").isTrue();
            shot(onPhone, "page-phone");
            onPhone.locator("form[action='/notifications/read'] button").click();
            onPhone.waitForURL("**/notifications");
            assertThat(onPhone.locator("#bell").getAttribute("aria-label")).isEqualTo("Notifications, none unread");
            shot(onPhone, "page-phone-all-read");
        } finally {
            phone.close();
        }
    }

    private static void shot(Page on, String name) {
        on.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
