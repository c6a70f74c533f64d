package app.clientdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.ui.pages.TaskFormPage;
import app.clientdesk.ui.pages.TaskPage;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A VA's weekly task: made once, completed, and the next week's one is there. Quick add from the keyboard. */
class RecurringTaskUIT extends BrowserTest {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
            .withLocale(Locale.ENGLISH);

    @Autowired Clients clients;
    @Autowired UserDetailsService people;

    @Test
    void completingAWeeklyTaskBringsUpNextWeeksOne() {
        ClientId client = signInWithAClient();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

        TaskFormPage form = TaskFormPage.openNew(page, baseUrl(), client.toString())
                .title("Weekly social media report")
                .due(today)
                .repeatWeeklyOn(today.getDayOfWeek())
                .checklist("Export insights", "Write summary");
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("/tmp/task-form.png")).setFullPage(true));
        TaskPage task = form.create();

        assertThat(task.heading()).isEqualTo("Weekly social media report");
        assertThat(task.notice()).isEqualTo("Task “Weekly social media report” is added.");
        assertThat(task.due()).isEqualTo(DATE.format(today));
        assertThat(task.repeats()).startsWith("Every week on ");
        task.toggleChecklistItem("Export insights");
        assertThat(task.checklistCount()).isEqualTo("1 of 2 done");
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("/tmp/task-page.png")).setFullPage(true));

        // Work that needs no approval could be completed at once; this report goes to the client first,
        // and the owner approves it on the client's behalf.
        assertThat(task.offersComplete()).isTrue();
        task.moveTo("Waiting on client (Client approval)");
        assertThat(task.notice()).isEqualTo("Moved to “Waiting on client”.");
        task.approveOnTheClientsBehalf();

        assertThat(task.notice()).isEqualTo("Approved; the task moved on to “Done”.");
        assertThat(task.nextOccurrence()).contains("Weekly social media report", DATE.format(today.plusWeeks(1)));
        task.openNextOccurrence();
        assertThat(task.heading()).isEqualTo("Weekly social media report");
        assertThat(task.due()).isEqualTo(DATE.format(today.plusWeeks(1)));
        assertThat(task.checklistCount()).as("the checklist comes along, unticked").isEqualTo("0 of 2 done");
    }

    @Test
    void pressingNOpensQuickAddAnywhere() {
        signInWithAClient();

        page.locator("main").click();
        page.keyboard().press("n");
        page.getByLabel("Title").first().fill("Call Eleanor about the lease");
        page.locator("#quick-client").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Thames Legal"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add task")).click();

        page.locator(".quick-created").waitFor();
        assertThat(page.locator(".quick-created").innerText()).contains("Task “Call Eleanor about the lease” is added.");
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("/tmp/task-quick.png")));
        page.waitForNavigation(() -> page.locator(".quick-created a").click());
        assertThat(page.locator("main h1").innerText()).isEqualTo("Call Eleanor about the lease");
    }

    private ClientId signInWithAClient() {
        String email = uniqueEmail("owner");
        signInAsNewOwner(email);
        CurrentUser owner = (CurrentUser) people.loadUserByUsername(email);
        return clients.create(owner, new ClientInput("Thames Legal", "ACTIVE", "Europe/London", "GBP", "en-GB", "GB",
                null, null, null, List.of(new ClientInput.Day("MONDAY", "09:00", "17:00")), "8", "EMAIL", "CHAT",
                "VIDEO", "EMAIL", null, null, List.of(), List.of()));
    }
}
