package app.clientdesk.ui.pages;

import com.microsoft.playwright.Page;
import java.util.List;

/** A project's page: its facts and its tasks with stage, due date and assignee. */
public class ProjectPage extends AppPage {

    public ProjectPage(Page page) {
        super(page);
    }

    /** Each task as "title · yyyy-mm-dd", in the order shown. */
    public List<String> tasksWithDueDates() {
        return page.locator("table.work-tasks tbody tr").all().stream()
                .map(row -> row.locator("td").first().innerText().trim() + " · "
                        + row.locator("time").getAttribute("datetime"))
                .toList();
    }

    public String fact(String label) {
        return page.locator("dl.project-facts dt:text-is('" + label + "') + dd").innerText().trim();
    }
}
