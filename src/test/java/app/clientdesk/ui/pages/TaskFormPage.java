package app.clientdesk.ui.pages;

import com.microsoft.playwright.Page;
import java.time.DayOfWeek;
import java.time.LocalDate;

/** The new-task and edit-task form. */
public class TaskFormPage extends AppPage {

    TaskFormPage(Page page) {
        super(page);
    }

    /** The form with the client already chosen, as a client's page links to it. */
    public static TaskFormPage openNew(Page page, String baseUrl, String clientId) {
        page.navigate(baseUrl + "/tasks/new?clientId=" + clientId);
        return new TaskFormPage(page);
    }

    public TaskFormPage title(String title) {
        page.getByLabel("Title").fill(title);
        return this;
    }

    public TaskFormPage due(LocalDate date) {
        page.locator("#dueDate").fill(date.toString());
        return this;
    }

    public TaskFormPage repeatWeeklyOn(DayOfWeek day) {
        page.locator("#repeat").selectOption("WEEKLY");
        page.locator("input[name=repeatWeekdays][value=" + day.name() + "]").check();
        return this;
    }

    public TaskFormPage checklist(String... items) {
        page.locator("#checklist").fill(String.join("\n", items));
        return this;
    }

    public TaskPage create() {
        loadingNextPage(() -> page.locator(".form-actions button[type=submit]").click());
        return new TaskPage(page);
    }
}
