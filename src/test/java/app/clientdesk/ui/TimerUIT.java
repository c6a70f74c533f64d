package app.clientdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.support.TestClock;
import app.clientdesk.time.Timer;
import app.clientdesk.time.TimerStart;
import app.clientdesk.ui.pages.HeaderTimer;
import app.clientdesk.ui.pages.TimesheetPage;
import app.clientdesk.work.TaskId;
import app.clientdesk.work.TaskInput;
import app.clientdesk.work.Tasks;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The timer in the header: started on a task, still running after a reload, stopped into a logged entry. */
class TimerUIT extends BrowserTest {

    @Autowired Clients clients;
    @Autowired Tasks tasks;
    @Autowired UserDetailsService people;
    @Autowired Timer timer;
    @Autowired TestClock clock;

    private CurrentUser owner;
    private ClientId client;
    private TaskId task;

    @Test
    void aTimerStartedOnATaskSurvivesAReloadAndStopsIntoALoggedEntry() {
        signInWithATask();
        page.navigate(baseUrl() + "/my-work");
        HeaderTimer timer = new HeaderTimer(page);
        assertThat(timer.isIdle()).isTrue();

        timer.openStartPanel();
        assertThat(timer.offeredTasks()).containsExactly("Monthly report");
        timer.searchTasks("nothing like it");
        assertThat(timer.taskListText()).isEqualTo("No open task matches this search.");
        timer.searchTasks("MONTH");
        assertThat(timer.offeredTasks()).containsExactly("Monthly report");
        timer.startOnTask("Monthly report");
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

        TimesheetPage sheet = TimesheetPage.open(page, baseUrl());
        assertThat(sheet.hasRow("Thames Legal")).as("the timesheet has the timed task's row").isTrue();
        assertThat(sheet.entries()).as("this week's entries").singleElement().asString()
                .contains("Thames Legal").contains("Monthly report");
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

    @Test
    void aPomodoroTimerPausesItselfWhenTheWorkPeriodEndsAndSaysWhenTheBreakIsOver() {
        signInWithATask();
        context.grantPermissions(List.of("notifications"));
        Instant now = Instant.now();
        try {
            clock.set(now.minus(Duration.ofMinutes(25)).minusSeconds(2));
            timer.start(owner, new TimerStart(task.value().toString(), null, null, null, null, true));
        } finally {
            clock.reset();
        }
        page.navigate(baseUrl() + "/my-work");
        page.locator("header #timer.is-paused").waitFor();
        HeaderTimer header = new HeaderTimer(page);
        assertThat(page.locator("[data-timer-alert]").innerText()).isEqualTo("Time for a break: the timer is paused.");
        assertThat(header.phase()).matches("Break · (5:00|4:5\\d) left");
        assertThat(timer.current(owner).orElseThrow().paused()).as("paused on the server").isTrue();
        shot(page, "pomodoro-break-en-1280");

        // The break began six minutes ago (another device paused it): the page says it is over.
        timer.discard(owner);
        try {
            clock.set(now.minus(Duration.ofMinutes(40)));
            timer.start(owner, new TimerStart(task.value().toString(), null, null, null, null, true));
            clock.set(now.minus(Duration.ofMinutes(6)));
            timer.pause(owner);
        } finally {
            clock.reset();
        }
        page.reload();
        page.locator("[data-timer-resume].is-due").waitFor();
        assertThat(page.locator("[data-timer-alert]").innerText())
                .isEqualTo("Break over. Resume the timer when you are ready.");
        assertThat(timer.current(owner).orElseThrow().paused()).as("resuming is the person's choice").isTrue();
        shot(page, "pomodoro-over-en-1280");
        header.resume();
        assertThat(header.phase()).matches("Focus · (25:00|24:5\\d) left");
    }

    @Test
    void aTimerLeftRunningOverADayStopsAtTheTimeGivenOnTheTimersPage() {
        signInWithATask();
        try {
            clock.set(Instant.now().minus(Duration.ofHours(30)));
            timer.start(owner, TimerStart.onClient(client.value().toString(), "Bookkeeping"));
        } finally {
            clock.reset();
        }
        page.navigate(baseUrl() + "/clients");
        page.waitForNavigation(() -> page.locator("header #timer a.timer-stop").click());
        assertThat(page.locator("main h1").innerText()).isEqualTo("Timer");
        assertThat(page.locator("#timer-end-title").innerText()).isEqualTo("When did you stop working?");
        shot(page, "end-form-en-1280");

        java.time.ZonedDateTime started = Instant.now().minus(Duration.ofHours(30))
                .atZone(java.time.ZoneId.of("America/Sao_Paulo"));
        page.locator("#endDate").fill(started.plusHours(2).toLocalDate().toString());
        page.locator("#endTime").fill(started.plusHours(2).toLocalTime().withSecond(0).withNano(0).toString());
        page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Stop and log").setExact(true)).click());
        HeaderTimer header = new HeaderTimer(page);
        assertThat(header.notice()).matches("Logged (1 h 5\\d min|2 h) on “Bookkeeping” for Thames Legal\\.");
        assertThat(page.url()).endsWith("/clients");
        assertThat(header.isIdle()).isTrue();
    }

    @Test
    void theTimersPageAndSettingsLookRight() {
        signInWithATask();
        page.navigate(baseUrl() + "/timer");
        shot(page, "page-idle-en-1280");
        page.navigate(baseUrl() + "/settings/timer");
        page.locator("#workMinutes").fill("200");
        page.waitForNavigation(() -> page.locator("main form button[type=submit]").click());
        assertThat(page.locator("#err-workMinutes").innerText()).isEqualTo("A work period lasts 5 to 120 minutes.");
        shot(page, "settings-error-en-1280");
        BrowserContext phone = newPhoneContext();
        Page p = newPage(phone);
        app.clientdesk.ui.pages.SignInPage.open(p, baseUrl()).signIn(owner.email(), PASSWORD);
        p.navigate(baseUrl() + "/tasks/" + task.value());
        p.waitForNavigation(() -> p.locator("[data-timer-task-start]").click());
        assertThat((Boolean) p.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .isTrue();
        shot(p, "task-running-en-390");
        p.navigate(baseUrl() + "/timer");
        shot(p, "page-running-en-390");
        phone.close();
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
        client = clients.create(owner, new ClientInput("Thames Legal", "ACTIVE", "Europe/London", "GBP",
                "en-GB", "GB", null, null, null, List.of(new ClientInput.Day("MONDAY", "09:00", "17:00")), "8", "EMAIL",
                "CHAT", "VIDEO", "EMAIL", null, null, List.of(), List.of()));
        task = tasks.create(owner, TaskInput.quick("Monthly report", client.value().toString(), null));
        return email;
    }
}
