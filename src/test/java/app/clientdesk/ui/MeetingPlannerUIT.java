package app.clientdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.clients.ClientInput;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.planning.PersonCalendarInput;
import app.clientdesk.planning.PersonCalendars;
import app.clientdesk.ui.pages.MeetingFormPage;
import app.clientdesk.ui.pages.MeetingPlannerPage;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A VA plans a weekly call with a client in Sydney and a colleague in London: the planner says no time stays
 * inside everyone's hours all year, lists the dates the clock changes move the call, and the slot chosen opens the
 * meeting form filled in; saving sends the invitations. axe-core finds nothing serious, and a phone shows the
 * planner without sideways scrolling. Leaves pictures in /tmp/shots-meetings (or $CLIENTDESK_SHOTS).
 */
class MeetingPlannerUIT extends BrowserTest {

    static final Path SHOTS = Paths.get(System.getenv().getOrDefault("CLIENTDESK_SHOTS", "/tmp/shots-meetings"));

    @Autowired Clients clients;
    @Autowired Accounts accounts;
    @Autowired PersonCalendars calendars;
    @Autowired UserDetailsService users;

    @Test
    void aVaFindsAWeeklySlotForSydneyAndLondonSeesTheClockChangesAndChoosesIt() throws Exception {
        String email = uniqueEmail("owner");
        newWorkspaceOwnedBy(email);
        CurrentUser owner = (CurrentUser) users.loadUserByUsername(email);
        String liamEmail = uniqueEmail("liam");
        accounts.add(owner.workspaceId(), Role.MEMBER, "Liam Carter", liamEmail, PASSWORD, "en", "Europe/London",
                null);
        CurrentUser liam = (CurrentUser) users.loadUserByUsername(liamEmail);
        List<String> early = List.of("07:00-18:00", "07:00-18:00", "07:00-18:00", "07:00-18:00", "07:00-18:00", "",
                "");
        calendars.save(owner, liam.id(), new PersonCalendarInput("Europe/London", early, "10", "8"));
        clients.create(owner, new ClientInput("Harbour Studio", "ACTIVE", "Australia/Sydney", "AUD", "en-AU", "AU",
                null, null, null, List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY").stream()
                        .map(d -> new ClientInput.Day(d, "09:00", "17:00")).toList(), "8", "EMAIL", "CHAT", "VIDEO",
                "EMAIL", null, null, List.of(new ClientInput.ContactInput(null, "Tom Reid", "tom@harbour.example",
                        null, "CEO", true)), List.of(liam.id().value())));

        SignInPage.open(page, baseUrl()).signIn(email, PASSWORD);
        MeetingPlannerPage planner = MeetingPlannerPage.open(page, baseUrl());
        assertThat(planner.heading()).isEqualTo("Meeting planner");
        planner.pick("Harbour Studio", true).pick("Liam Carter", true).pick("Olga Owner", false).weeks(52).minutes(30)
                .find();

        assertThat(planner.outcome()).startsWith("No time stays inside everyone’s hours every week.");
        assertThat(planner.times(0)).anySatisfy(t -> assertThat(t).startsWith("Harbour Studio (Sydney): "))
                .anySatisfy(t -> assertThat(t).startsWith("Liam Carter (London): "));
        int slot = planner.firstSlotWarningOfHours();
        assertThat(slot).as("a slot a clock change takes outside someone's hours").isNotNegative();
        assertThat(planner.warnings(slot)).anySatisfy(w -> assertThat(w)
                .matches("From \\d{1,2} \\w{3} 20\\d\\d this is .+ for (Harbour Studio \\(Sydney\\)|Liam Carter "
                        + "\\(London\\)), outside their hours"));
        assertThat(seriousViolations(page)).isEmpty();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("planner-desktop.png")).setFullPage(true));

        MeetingFormPage form = planner.choose(slot);
        assertThat(form.heading()).isEqualTo("New meeting");
        assertThat(form.start()).isNotBlank();
        assertThat(form.client()).isEqualTo("Harbour Studio");
        assertThat(form.invited("Liam Carter")).isTrue();
        assertThat(form.invited("Tom Reid")).isTrue();
        assertThat(seriousViolations(page)).isEmpty();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("form-desktop.png")).setFullPage(true));

        form.title("Harbour weekly").agenda("Newsletter, ads, next week").videoLink("https://meet.example/harbour")
                .send();
        assertThat(form.notice()).isEqualTo("“Harbour weekly” is saved; 2 invitation(s) are on their way.");
        assertThat(form.listedMeetings()).containsExactly("Harbour weekly");
        assertThat(seriousViolations(page)).isEmpty();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("list-desktop.png")).setFullPage(true));

        BrowserContext phone = newPhoneContext();
        try {
            Page onPhone = newPage(phone);
            SignInPage.open(onPhone, baseUrl()).signIn(email, PASSWORD);
            MeetingPlannerPage small = MeetingPlannerPage.open(onPhone, baseUrl());
            small.pick("Harbour Studio", true).pick("Liam Carter", true).pick("Olga Owner", false).find();
            assertThat(small.fitsTheScreenWidth()).as("meeting planner at 390px").isTrue();
            onPhone.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("planner-phone.png"))
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
