package app.clientdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.time.TimeEntries;
import app.clientdesk.time.TimeEntryInput;
import app.clientdesk.ui.pages.TimesheetPage;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Filling in the week's timesheet from the keyboard, as a VA does on a Friday afternoon. */
class TimesheetUIT extends BrowserTest {

    private static final String CLIENT = "Thames Legal";

    @Autowired Clients clients;
    @Autowired TimeEntries entries;
    @Autowired UserDetailsService people;

    @Test
    void aCellTypedByKeyboardSavesUpdatesTheTotalsAndIsStillThereAfterAReload() {
        signInWithAnHourOnMonday();
        TimesheetPage sheet = TimesheetPage.open(page, baseUrl());
        assertThat(sheet.cellValue(CLIENT, 0)).isEqualTo("1:00");

        sheet.type(CLIENT, 2, "1:30").press("Enter");

        sheet.waitForWeekTotal("2:30");
        PlaywrightAssertions.assertThat(sheet.rowTotal(CLIENT)).hasText("2:30");
        PlaywrightAssertions.assertThat(sheet.summary("billable")).hasText("2:30");
        assertThat(sheet.cellValue(CLIENT, 2)).isEqualTo("1:30");
        assertThat(sheet.focused(sheet.cell(CLIENT, 2))).as("focus stays in the saved cell").isTrue();

        // Tab saves a change and moves on; Escape puts a cell back without saving.
        sheet.press("Tab");
        page.keyboard().type("45m");
        sheet.press("Tab");
        sheet.waitForWeekTotal("3:15");
        assertThat(sheet.focused(sheet.cell(CLIENT, 4))).as("Tab moved on to Friday").isTrue();
        page.keyboard().type("8");
        sheet.press("Escape");
        assertThat(sheet.cellValue(CLIENT, 4)).isEmpty();

        sheet.reload();
        assertThat(sheet.cellValue(CLIENT, 2)).isEqualTo("1:30");
        assertThat(sheet.cellValue(CLIENT, 3)).isEqualTo("0:45");
        assertThat(sheet.cellValue(CLIENT, 4)).isEmpty();
        PlaywrightAssertions.assertThat(sheet.weekTotal()).hasText("3:15");
        PlaywrightAssertions.assertThat(page.locator("#week-entries")).containsText("Thames Legal");
    }

    @Test
    void aRefusedCellSaysWhyBesideTheGrid() {
        signInWithAnHourOnMonday();
        TimesheetPage sheet = TimesheetPage.open(page, baseUrl());

        sheet.type(CLIENT, 1, "an hour").press("Enter");

        PlaywrightAssertions.assertThat(sheet.error()).containsText("1:30, 1.5, 90m or 2h");
        PlaywrightAssertions.assertThat(sheet.cell(CLIENT, 1)).hasAttribute("aria-invalid", "true");
        PlaywrightAssertions.assertThat(sheet.weekTotal()).hasText("1:00");

        sheet.type(CLIENT, 1, "2h").press("Enter");
        sheet.waitForWeekTotal("3:00");
        PlaywrightAssertions.assertThat(sheet.error()).hasCount(0);
    }

    @Test
    void theEntryFormShowsTheTrueDurationAsItIsTyped() {
        signInWithAnHourOnMonday();
        page.navigate(baseUrl() + "/time/entries/new?date=2027-03-14");
        page.locator("#clientId").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(CLIENT));
        page.locator("#zone").fill("America/New_York");
        page.locator("#startTime").fill("01:30");
        page.locator("#endTime").fill("03:30");
        // The clocks go forward at 02:00 that night: two hours on the clock, one lived.
        PlaywrightAssertions.assertThat(page.locator("#entry-duration")).hasText("1:00");
        page.locator("#endDate").fill("2027-03-15");
        PlaywrightAssertions.assertThat(page.locator("#entry-duration")).hasText("—");
        page.locator("#endDate").fill("2027-03-14");
        page.locator("#breakMinutes").fill("15");
        PlaywrightAssertions.assertThat(page.locator("#entry-duration")).hasText("0:45");

        page.waitForNavigation(() -> page.locator("form.entry-form button[type=submit]").click());
        assertThat(page.locator(".notice").innerText()).startsWith("Logged 0:45 for Thames Legal");
        assertThat(page.url()).contains("/time?week=2027-03-08");
    }

    @Test
    void onAPhoneTheGridScrollsInsideItsBoxAndThePageDoesNot() {
        String email = signInWithAnHourOnMonday();
        com.microsoft.playwright.BrowserContext phone = newPhoneContext();
        try {
            com.microsoft.playwright.Page onPhone = newPage(phone);
            app.clientdesk.ui.pages.SignInPage.open(onPhone, baseUrl()).signIn(email, PASSWORD);
            TimesheetPage sheet = TimesheetPage.open(onPhone, baseUrl());

            assertThat(sheet.fitsTheScreenWidth()).as("the page needs no sideways scrolling").isTrue();
            assertThat((Boolean) onPhone.evaluate("() => { const box = document.querySelector('.sheet-scroll');"
                    + " return box.scrollWidth > box.clientWidth; }")).as("the grid scrolls in its own box").isTrue();
            sheet.type(CLIENT, 6, "0:30").press("Enter");
            sheet.waitForWeekTotal("1:30");
            assertThat(sheet.fitsTheScreenWidth()).isTrue();
        } finally {
            phone.close();
        }
    }

    private String signInWithAnHourOnMonday() {
        String email = uniqueEmail("owner");
        signInAsNewOwner(email);
        CurrentUser owner = (CurrentUser) people.loadUserByUsername(email);
        ClientId client = clients.create(owner, new ClientInput(CLIENT, "ACTIVE", "Europe/London", "GBP", "en-GB",
                "GB", null, null, null, List.of(new ClientInput.Day("MONDAY", "09:00", "17:00")), "8", "EMAIL", "CHAT",
                "VIDEO", "EMAIL", null, null, List.of(), List.of()));
        LocalDate monday = TimeEntries.weekOf(LocalDate.now(ZoneId.of("America/Sao_Paulo")));
        entries.create(owner, TimeEntryInput.ofLocal(client.value().toString(), null, null, monday.toString(), "09:00",
                null, "10:00", null, true, null, null));
        return email;
    }
}
