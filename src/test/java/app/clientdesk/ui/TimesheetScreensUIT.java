package app.clientdesk.ui;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.time.RateInput;
import app.clientdesk.time.Rates;
import app.clientdesk.time.TimeEntries;
import app.clientdesk.time.TimeEntry;
import app.clientdesk.time.TimeEntryInput;
import app.clientdesk.ui.pages.SignInPage;
import app.clientdesk.ui.pages.TimesheetPage;
import app.clientdesk.work.ProjectId;
import app.clientdesk.work.ProjectInput;
import app.clientdesk.work.Projects;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.TaskInput;
import app.clientdesk.work.Tasks;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Pictures of the timesheet, the entry form and the entries list, at 1280 and 390 pixels wide, in English
 * and Portuguese, for people to look at (into {@code <build dir>/ui-review/timesheet-*.png}). Taken only
 * when screenshots are asked for, as in {@link ScreenshotsUIT}. It does check one thing: no page is wider
 * than the screen.
 */
@EnabledIf(value = "app.clientdesk.ui.ScreenshotsUIT#screenshotsRequested",
        disabledReason = "screenshots are taken only with -Dclientdesk.screenshots=true or CLIENTDESK_SCREENSHOTS=1")
class TimesheetScreensUIT extends BrowserTest {

    @Autowired Clients clients;
    @Autowired Projects projects;
    @Autowired Tasks tasks;
    @Autowired TimeEntries entries;
    @Autowired Rates rates;
    @Autowired Accounts accounts;
    @Autowired UserDetailsService people;

    private String entryId;

    @Test
    void theTimeScreensInBothLanguagesAndSizes() throws IOException {
        String email = uniqueEmail("marina");
        newWorkspaceOwnedBy(email);
        seed((CurrentUser) people.loadUserByUsername(email));
        SignInPage.open(page, baseUrl()).signIn(email, PASSWORD);
        shots(page, "desktop");
        // A refused cell and a refused form.
        TimesheetPage sheet = TimesheetPage.open(page, baseUrl());
        sheet.type("Thames Legal", 0, "1:00").press("Enter");
        PlaywrightAssertions.assertThat(sheet.error()).isVisible();
        review(page, "timesheet-refused-en");
        page.navigate(baseUrl() + "/time/entries/new");
        page.locator("#startTime").fill("10:00");
        page.locator("#endTime").fill("09:00");
        page.waitForNavigation(() -> page.locator("form.entry-form button[type=submit]").click());
        review(page, "entry-form-errors-en");

        page.waitForNavigation(() -> page.locator("form.lang-switch button[value='pt-BR']").click());
        shots(page, "desktop");

        BrowserContext phone = newPhoneContext();
        try {
            Page onPhone = newPage(phone);
            SignInPage.open(onPhone, baseUrl()).signIn(email, PASSWORD);
            shots(onPhone, "phone");
            onPhone.waitForNavigation(() -> onPhone.locator("form.lang-switch button[value=en]").click());
            shots(onPhone, "phone");
        } finally {
            phone.close();
        }
    }

    private void shots(Page on, String size) throws IOException {
        String lang = on.locator("html").getAttribute("lang").startsWith("pt") ? "pt" : "en";
        on.navigate(baseUrl() + "/time");
        check(on);
        review(on, "timesheet-" + size + "-" + lang);
        on.navigate(baseUrl() + "/time/entries/new");
        check(on);
        review(on, "entry-form-" + size + "-" + lang);
        on.navigate(baseUrl() + "/time/entries/" + entryId + "/edit");
        review(on, "entry-locked-" + size + "-" + lang);
        on.navigate(baseUrl() + "/time/entries");
        check(on);
        review(on, "entries-" + size + "-" + lang);
    }

    private static void check(Page on) {
        boolean fits = (Boolean) on.evaluate(
                "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth");
        if (!fits) {
            Object wide = on.evaluate("""
                    () => [document.documentElement.scrollWidth, document.documentElement.clientWidth,
                        document.body.scrollWidth].concat(Array.from(document.querySelectorAll('body *'))
                        .filter(e => !e.closest('.mainnav') && !e.closest('.sheet-scroll'))
                        .map(e => [e.tagName + '.' + e.className + '#' + e.id, Math.round(e.getBoundingClientRect().right),
                            e.scrollWidth, e.clientWidth])
                        .filter(x => x[1] > document.documentElement.clientWidth || x[2] > x[3] + 1)
                        .slice(0, 12).map(x => x.join(' ')))
                    """);
            throw new AssertionError(on.url() + " is wider than the screen: " + wide);
        }
    }

    private void seed(CurrentUser owner) {
        ClientId thames = client(owner, "Thames Legal");
        ClientId harbour = client(owner, "Harbour Wellness Studio");
        ClientId kiwi = client(owner, "Kiwi Coffee Roasters");
        rates.set(owner, new RateInput("CLIENT", thames.value().toString(), "GBP", "55"));
        ProjectId launch = projects.create(owner, new ProjectInput(harbour.value().toString(), "Spring launch", "ACTIVE",
                null, null, null, null, null));
        TaskId newsletter = tasks.create(owner, new TaskInput("Weekly newsletter", null, harbour.value().toString(),
                launch.value().toString(), null, false, false, null, null, null, null, null, "email", null, null,
                List.of(), null, null, List.of()));
        String email = uniqueEmail("joana");
        accounts.add(owner.workspaceId(), Role.MEMBER, "Joana Lima", email, PASSWORD, "pt-BR", "America/Sao_Paulo", null);

        LocalDate monday = TimeEntries.weekOf(LocalDate.now(ZoneId.of("America/Sao_Paulo")));
        log(owner, thames, null, monday, "09:00", monday, "10:30", true, "Contract review", List.of("legal"));
        log(owner, thames, null, monday, "14:00", monday, "15:00", true, "Calls with the paralegal", List.of("calls"));
        log(owner, harbour, newsletter, monday.plusDays(1), "09:00", monday.plusDays(1), "11:15", true,
                "Draft and images", List.of("newsletter", "design"));
        log(owner, kiwi, null, monday.plusDays(1), "22:30", monday.plusDays(2), "00:45", false,
                "Late call with Auckland", List.of());
        log(owner, thames, null, monday.plusDays(2), "10:00", monday.plusDays(2), "12:00", true, null, List.of());
        log(owner, harbour, newsletter, monday.plusDays(3), "09:00", monday.plusDays(3), "09:45", true, null, List.of());
        TimeEntry invoiced = log(owner, thames, null, monday.minusDays(7), "09:00", monday.minusDays(7), "12:00", true,
                "Billed last month", List.of());
        entries.lockForInvoice(owner.workspaceId(), List.of(invoiced.id()), UUID.randomUUID(), "INV-2026-0042");
        entryId = invoiced.id().toString();
    }

    private TimeEntry log(CurrentUser owner, ClientId client, TaskId task, LocalDate date, String from, LocalDate to,
            String until, boolean billable, String note, List<String> tags) {
        return entries.create(owner, TimeEntryInput.ofLocal(client.value().toString(), null,
                task == null ? null : task.value().toString(), date.toString(), from, to.toString(), until, null,
                billable, note, tags));
    }

    private ClientId client(CurrentUser owner, String name) {
        return clients.create(owner, new ClientInput(name, "ACTIVE", "Europe/London", "GBP", "en-GB", "GB", null, null,
                null, List.of(new ClientInput.Day("MONDAY", "09:00", "17:00")), "8", "EMAIL", "CHAT", "VIDEO", "EMAIL",
                null, null, List.of(), List.of()));
    }

    private static void review(Page on, String name) throws IOException {
        Path folder = buildDirectory().resolve("ui-review");
        Files.createDirectories(folder);
        on.evaluate("() => document.activeElement && document.activeElement.blur && document.activeElement.blur()");
        on.mouse().move(0, 0);
        on.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve(name + ".png")).setFullPage(true));
    }
}
