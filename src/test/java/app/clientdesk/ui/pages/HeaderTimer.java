package app.clientdesk.ui.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The timer in the header of every page: "Start timer" and its panel, or the running timer. */
public class HeaderTimer extends AppPage {

    public HeaderTimer(Page page) {
        super(page);
    }

    private Locator widget() {
        return page.locator("header #timer");
    }

    public boolean isRunning() {
        return widget().getAttribute("class").contains("is-running");
    }

    public boolean isPaused() {
        return widget().getAttribute("class").contains("is-paused");
    }

    public boolean isIdle() {
        return widget().getAttribute("class").contains("is-idle");
    }

    /** Opens "Start timer" and waits for its form and the viewer's open tasks to load. */
    public HeaderTimer openStartPanel() {
        widget().locator("[data-timer-open]").click();
        widget().locator("#timer-panel .timer-tasks, #timer-panel .timer-tasks-none").first().waitFor();
        return this;
    }

    /** Types in the panel's task search and waits for the list to change. */
    public HeaderTimer searchTasks(String text) {
        String before = widget().locator("#timer-task-list").innerText();
        widget().getByPlaceholder("Find a task").fill(text);
        page.waitForCondition(() -> !widget().locator("#timer-task-list").innerText().equals(before));
        return this;
    }

    /** The task titles the panel offers to start on. */
    public java.util.List<String> offeredTasks() {
        return widget().locator("#timer-task-list .timer-task-title").allInnerTexts();
    }

    public String taskListText() {
        return widget().locator("#timer-task-list").innerText().trim();
    }

    /** Starts the timer on one of the tasks the panel lists, in place (no new page). */
    public HeaderTimer startOnTask(String title) {
        widget().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Start the timer on “" + title + "”")).click();
        page.locator("header #timer.is-running").waitFor();
        return this;
    }

    /** Fills the panel's form (client, note) and starts, in place. */
    public HeaderTimer startOnClient(String client, String note) {
        widget().getByLabel("Client").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(client));
        widget().getByLabel("What are you working on?").fill(note);
        widget().locator(".timer-start-form button[type=submit]").click();
        page.locator("header #timer.is-running").waitFor();
        return this;
    }

    /** What the timer runs on, as the header names it. */
    public String label() {
        return widget().locator(".timer-label").textContent().trim();
    }

    public String client() {
        return widget().locator(".timer-client").textContent().trim();
    }

    /** The worked time shown, such as "0:00:07". */
    public String elapsed() {
        return widget().locator("[data-timer-elapsed]").innerText().trim();
    }

    public HeaderTimer pause() {
        widget().getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Pause the timer (take a break)"))
                .click();
        page.locator("header #timer.is-paused").waitFor();
        return this;
    }

    public HeaderTimer resume() {
        widget().locator("[data-timer-resume]").click();
        page.locator("header #timer.is-running").waitFor();
        return this;
    }

    /** Stops the timer: the page comes back with the "Logged …" notice. */
    public HeaderTimer stop() {
        loadingNextPage(() -> widget().locator("button.timer-stop").click());
        return this;
    }

    /** The phase line of a Pomodoro timer ("Focus · 24:58 left"); empty outside Pomodoro mode. */
    public String phase() {
        Locator phase = widget().locator("[data-timer-phase]");
        return phase.count() == 0 || phase.isHidden() ? "" : phase.innerText().trim();
    }
}
