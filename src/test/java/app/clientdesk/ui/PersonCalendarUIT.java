package app.clientdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.ui.pages.PersonCalendarPage;
import app.clientdesk.ui.pages.SignInPage;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A person sets their working calendar in a browser: a wrong span is shown beside its day, two spans a day are
 * saved, holidays come from an ICS file; axe-core finds nothing serious, and a phone shows it without sideways
 * scrolling. Leaves pictures in /tmp/shots-person-calendar (or $CLIENTDESK_SHOTS).
 */
class PersonCalendarUIT extends BrowserTest {

    static final Path SHOTS = Paths.get(System.getenv().getOrDefault("CLIENTDESK_SHOTS", "/tmp/shots-person-calendar"));

    @Test
    void aPersonTypesTwoSpansADayAndImportsHolidays() throws Exception {
        String email = uniqueEmail("owner");
        signInAsNewOwner(email);
        PersonCalendarPage calendar = PersonCalendarPage.open(page, baseUrl());
        assertThat(calendar.heading()).isEqualTo("My working calendar");
        assertThat(calendar.followsTheWorkspace()).isTrue();

        calendar.zone("Europe/London").hours("Monday", "09:00-12:00, 11:00-13:00").hours("Tuesday", "18:00-09:00")
                .save();
        assertThat(calendar.errorOf("Monday")).isEqualTo("09:00-12:00 and 11:00-13:00 overlap.");
        assertThat(calendar.errorOf("Tuesday")).isEqualTo("18:00-09:00 ends before it starts.");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("calendar-errors-desktop.png"))
                .setFullPage(true));

        calendar.hours("Monday", "09:00-12:00, 14:00-18:00").hours("Tuesday", "09:00-17:00").save();
        assertThat(calendar.notice()).isEqualTo("Working calendar saved.");
        assertThat(calendar.followsTheWorkspace()).isFalse();

        calendar.importFile(Paths.get(PersonCalendarUIT.class.getResource("/planning/uk-holidays.ics").toURI()));
        assertThat(calendar.notice()).isEqualTo("Imported 4 new holidays. 1 event at a time of day was left out.");
        assertThat(calendar.holidays()).containsExactly("Good Friday", "Easter Monday", "Christmas and Boxing Day",
                "Christmas and Boxing Day");
        assertThat(seriousViolations(page)).isEmpty();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("calendar-desktop.png")).setFullPage(true));

        BrowserContext phone = newPhoneContext("pt-BR");
        try {
            Page onPhone = newPage(phone);
            SignInPage.open(onPhone, baseUrl()).signIn(email, PASSWORD);
            PersonCalendarPage small = PersonCalendarPage.open(onPhone, baseUrl());
            onPhone.waitForNavigation(() -> onPhone.locator("form.lang-switch button[value='pt-BR']").click());
            assertThat(small.heading()).isEqualTo("Meu calendário de trabalho");
            assertThat(small.fitsTheScreenWidth()).as("calendar page at 390px").isTrue();
            assertThat(seriousViolations(onPhone)).isEmpty();
            onPhone.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("calendar-phone.png"))
                    .setFullPage(true));
        } finally {
            phone.close();
        }
    }

    private static List<String> seriousViolations(Page p) {
        return new AxeBuilder(p).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa",
                        "best-practice")).analyze().getViolations().stream()
                .filter(rule -> Set.of("serious", "critical").contains(rule.getImpact()))
                .map(Rule::getId).toList();
    }
}
