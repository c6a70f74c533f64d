package app.clientdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.ui.pages.HeaderTimer;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.TaskInput;
import app.clientdesk.work.Tasks;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The timer in the header: started on a task, still running after a reload, stopped into a logged entry. */
class TimerUIT extends BrowserTest {

    @Autowired Clients clients;
    @Autowired Tasks tasks;
    @Autowired UserDetailsService people;

    private CurrentUser owner;
    private TaskId task;

    @Test
    void aTimerStartedOnATaskSurvivesAReloadAndStopsIntoALoggedEntry() {
        signInWithATask();
        page.navigate(baseUrl() + "/my-work");
        HeaderTimer timer = new HeaderTimer(page);
        assertThat(timer.isIdle()).isTrue();

        timer.openStartPanel().startOnTask("Monthly report");
        assertThat(timer.label()).isEqualTo("Monthly report");
        assertThat(timer.client()).isEqualTo("Thames Legal");
        assertThat(page.url()).as("started in place").endsWith("/my-work");

        timer.reload();
        timer = new HeaderTimer(page);
        assertThat(timer.isRunning()).as("still running after a reload").isTrue();
        assertThat(timer.label()).isEqualTo("Monthly report");
        String before = timer.elapsed();
        assertThat(before).matches("0:00:0\\d");
        page.waitForCondition(() -> !new HeaderTimer(page).elapsed().equals(before),
                new Page.WaitForConditionOptions().setTimeout(3000));
        assertThat(timer.elapsed()).as("the worked time ticks").isNotEqualTo(before).matches("0:00:\\d\\d");

        timer.stop();
        assertThat(timer.notice()).startsWith("Logged ").endsWith(" s on “Monthly report” for Thames Legal.");
        assertThat(page.url()).as("back on the page it was stopped on").endsWith("/my-work");
        assertThat(timer.isIdle()).isTrue();
    }

    @Test
    void theTaskPageStartsTheTimerInOneClickAndSaysItRuns() {
        signInWithATask();
        page.navigate(baseUrl() + "/tasks/" + task.value());
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Start timer").setExact(true)).click());

        HeaderTimer timer = new HeaderTimer(page);
        assertThat(timer.notice()).isEqualTo("Timer started on “Monthly report”.");
        assertThat(timer.isRunning()).isTrue();
        assertThat(page.locator("[data-timer-task-running]").isVisible()).as("“Timer running” on the task").isTrue();
        assertThat(page.locator("[data-timer-task-start]").isVisible()).isFalse();

        timer.pause();
        assertThat(timer.isPaused()).isTrue();
        String paused = timer.elapsed();
        page.waitForTimeout(1500);
        assertThat(timer.elapsed()).as("a break does not count").isEqualTo(paused);
        timer.resume();
        assertThat(timer.isRunning()).isTrue();
    }

    @Test
    void anotherTabSeesTheTimerWhenItComesBackIntoView() {
        signInWithATask();
        page.navigate(baseUrl() + "/clients");
        Page other = newPage(context);
        other.navigate(baseUrl() + "/board");
        HeaderTimer there = new HeaderTimer(other);
        assertThat(there.isIdle()).isTrue();

        new HeaderTimer(page).openStartPanel().startOnClient("Thames Legal", "Inbox triage");

        // The person comes back to the other tab (a moment later: a page fetches the widget at most every 2 s).
        other.waitForTimeout(2100);
        other.bringToFront();
        other.evaluate("() => document.dispatchEvent(new Event('visibilitychange'))");
        other.locator("header #timer.is-running").waitFor();
        assertThat(there.label()).isEqualTo("Inbox triage");
    }

    @Test
    void pomodoroPhasesFollowTheServersInstants() {
        signInWithATask();
        page.navigate(baseUrl() + "/my-work");
        String phases = (String) page.evaluate("""
                () => {
                  const t = window.ClientdeskTimer, min = 60000, start = 1_000_000;
                  const s = {startedAt: start, pausedAt: null, breakSeconds: 0, workingSince: start, work: 25, rest: 5};
                  const p = (state, now) => { const x = t.phase(state, now); return x.kind + ' ' + x.secondsLeft; };
                  const paused = Object.assign({}, s, {pausedAt: start + 25 * min});
                  const later = Object.assign({}, s, {breakSeconds: 300, workingSince: start + 30 * min});
                  return [p(s, start + 10 * min), p(s, start + 25 * min), p(paused, start + 27 * min),
                          p(paused, start + 31 * min), p(later, start + 31 * min),
                          t.worked(paused, start + 40 * min), t.worked(later, start + 31 * min),
                          t.phase(Object.assign({}, s, {work: null}), start) === null, t.clock(3725)].join(' | ');
                }""");
        assertThat(phases).isEqualTo("focus 900 | breakDue 0 | break 180 | breakOver 0 | focus 1440 | 1500 | 1560"
                + " | true | 1:02:05");
    }

    /** Header idle and running, with the start panel open, on a desktop and a phone, in English and Portuguese. */
    @Test
    void theHeaderTimerFitsADesktopAndAPhoneInBothLanguages() {
        String email = signInWithATask();
        for (String lang : List.of("en", "pt")) {
            for (int width : List.of(1280, 390)) {
                BrowserContext ctx = width == 390 ? newPhoneContext() : newContext("en-US", 1280, 800);
                Page p = newPage(ctx);
                app.clientdesk.ui.pages.SignInPage.open(p, baseUrl()).signIn(email, PASSWORD);
                if (lang.equals("pt")) {
                    p.waitForNavigation(() -> p.locator("form.lang-switch button[value=pt-BR]").click());
                }
                p.navigate(baseUrl() + "/my-work");
                HeaderTimer timer = new HeaderTimer(p);
                assertThat(timer.isIdle()).isTrue();
                assertThat(timer.fitsTheScreenWidth()).as("idle header, %s %d", lang, width).isTrue();
                shot(p, "idle-" + lang + "-" + width);
                timer.openStartPanel();
                assertThat(timer.fitsTheScreenWidth()).as("start panel, %s %d", lang, width).isTrue();
                shot(p, "panel-" + lang + "-" + width);
                p.locator("header #timer .timer-tasks form button").first().click();
                p.locator("header #timer.is-running").waitFor();
                assertThat(timer.fitsTheScreenWidth()).as("running header, %s %d", lang, width).isTrue();
                shot(p, "running-" + lang + "-" + width);
                p.locator("header #timer .timer-pause").click();
                p.locator("header #timer.is-paused").waitFor();
                shot(p, "paused-" + lang + "-" + width);
                p.waitForNavigation(() -> p.locator("header #timer button.timer-stop").click());
                shot(p, "stopped-" + lang + "-" + width);
                if (lang.equals("pt")) {
                    p.waitForNavigation(() -> p.locator("form.lang-switch button[value=en]").click());
                }
                ctx.close();
            }
        }
    }

    private void shot(Page p, String name) {
        p.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("/tmp/timer-shots/" + name + ".png")));
    }

    private String signInWithATask() {
        String email = uniqueEmail("owner");
        signInAsNewOwner(email);
        owner = (CurrentUser) people.loadUserByUsername(email);
        ClientId client = clients.create(owner, new ClientInput("Thames Legal", "ACTIVE", "Europe/London", "GBP",
                "en-GB", "GB", null, null, null, List.of(new ClientInput.Day("MONDAY", "09:00", "17:00")), "8", "EMAIL",
                "CHAT", "VIDEO", "EMAIL", null, null, List.of(), List.of()));
        task = tasks.create(owner, TaskInput.quick("Monthly report", client.value().toString(), null));
        return email;
    }
}
