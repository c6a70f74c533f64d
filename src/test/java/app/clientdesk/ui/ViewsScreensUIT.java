package app.clientdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.ui.pages.SignInPage;
import app.clientdesk.ui.pages.ViewsPage;
import app.clientdesk.work.TaskInput;
import app.clientdesk.work.Tasks;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Every view of the day on a desktop and on a phone, with work of several clients: nothing sticks out
 * sideways on the phone, and screenshots land in /tmp/views-*.png for a person to look at.
 */
class ViewsScreensUIT extends BrowserTest {

    private static final List<String> VIEWS = List.of("my-work", "board", "matrix", "batches", "calendar");

    @Autowired Clients clients;
    @Autowired Tasks tasks;
    @Autowired UserDetailsService users;

    @Test
    void everyViewFitsADesktopAndAPhone() {
        String email = uniqueEmail("owner");
        newWorkspaceOwnedBy(email);
        ViewsFixture fixture = new ViewsFixture(clients, tasks, users);
        CurrentUser owner = fixture.owner(email);
        ClientId bakery = fixture.client(owner, "Harbour Bakery", "Australia/Sydney");
        ClientId legal = fixture.client(owner, "Thames Legal Partners", "Europe/London");
        ClientId studio = fixture.client(owner, "Brooklyn Yoga Studio", "America/New_York");
        LocalDate today = LocalDate.now(ZoneId.of("America/Sao_Paulo"));
        fixture.task(owner, bakery, "Reply to the supplier about the flour order", true, true, today.toString(), "email", "15");
        fixture.task(owner, bakery, "Schedule next week's Instagram posts", false, true, today.plusDays(2).toString(), "social", "90");
        fixture.task(owner, legal, "Prepare the monthly invoice pack", false, true, today.minusDays(3).toString(), "admin", "60");
        fixture.task(owner, legal, "Book the partners' travel to Edinburgh", true, false, today.plusDays(9).toString(), "travel", "45");
        fixture.task(owner, studio, "Update the class timetable on the website", false, false, null, null, null);
        fixture.task(owner, studio, "Answer new member emails", true, false, today.toString(), "email", "30");
        tasks.create(owner, new TaskInput("Call with the studio owner", null, studio.toString(), null, null, true, true,
                today.plusDays(1).toString(), "09:30", "America/New_York", "30", null, "meeting", null, null, List.of(),
                null, null, List.of("Agenda", "Notes", "Follow-up")));
        SignInPage.open(page, baseUrl()).signIn(email, PASSWORD);

        for (String view : VIEWS) {
            ViewsPage.open(page, baseUrl() + "/" + view);
            page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("/tmp/views-" + view + ".png")).setFullPage(true));
        }

        BrowserContext phone = newPhoneContext();
        Page small = newPage(phone);
        SignInPage.open(small, baseUrl()).signIn(email, PASSWORD);
        for (String view : VIEWS) {
            ViewsPage onPhone = ViewsPage.open(small, baseUrl() + "/" + view);
            small.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("/tmp/views-" + view + "-phone.png"))
                    .setFullPage(true));
            assertThat(onPhone.fitsTheScreenWidth()).as(view + " on a phone").isTrue();
        }
        phone.close();
    }
}
