package app.clientdesk.ui.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** A task's page. */
public class TaskPage extends AppPage {

    TaskPage(Page page) {
        super(page);
    }

    /** The due date as the details say it. */
    public String due() {
        return page.locator("dd.task-due").innerText().trim();
    }

    public String repeats() {
        return page.locator("dd.task-repeat").innerText().trim();
    }

    public TaskPage complete() {
        loadingNextPage(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete")
                .setExact(true)).click());
        return this;
    }

    /** Picks a stage in the stage picker and moves the task there. */
    public TaskPage moveTo(String stage) {
        page.locator("#stageId").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(stage));
        loadingNextPage(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move")
                .setExact(true)).click());
        return this;
    }

    public TaskPage approveOnTheClientsBehalf() {
        loadingNextPage(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Approve on the client’s behalf")).click());
        return this;
    }

    public boolean offersComplete() {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete").setExact(true)).count() > 0;
    }

    /** The "Next occurrence" line shown on a completed repeating task; empty if there is none. */
    public String nextOccurrence() {
        Locator next = page.locator("#next-occurrence");
        return next.count() == 0 ? "" : next.innerText().trim();
    }

    public TaskPage openNextOccurrence() {
        loadingNextPage(() -> page.locator("#next-occurrence a").click());
        return this;
    }

    /** Ticks or unticks a checklist item by its text; the list updates in place. */
    public TaskPage toggleChecklistItem(String text) {
        Locator button = page.locator("#checklist button.check-toggle", new Page.LocatorOptions().setHasText(text));
        String before = button.getAttribute("aria-pressed");
        button.click();
        page.locator("#checklist button.check-toggle[aria-pressed=\"" + ("true".equals(before) ? "false" : "true")
                + "\"]", new Page.LocatorOptions().setHasText(text)).waitFor();
        return this;
    }

    public String checklistCount() {
        return page.locator("#checklist .checklist-count").innerText().trim();
    }
}
