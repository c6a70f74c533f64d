package app.clientdesk.ui.pages;

import com.microsoft.playwright.Page;

/** Applying a project template: client, start date and name are filled in; one button makes it all. */
public class ApplyProjectTemplatePage extends AppPage {

    public ApplyProjectTemplatePage(Page page) {
        super(page);
    }

    /** Opens the form from a client's page, by the template's name in "Start from a project template". */
    public static ApplyProjectTemplatePage fromClientPage(Page page, String template) {
        page.waitForNavigation(() -> page.locator(".template-picks a.chip", new Page.LocatorOptions().setHasText(template))
                .click());
        return new ApplyProjectTemplatePage(page);
    }

    public String chosenClient() {
        return page.locator("#clientId option:checked").innerText().trim();
    }

    public String projectName() {
        return page.locator("#name").inputValue();
    }

    public ApplyProjectTemplatePage startOn(String isoDate) {
        page.locator("#startDate").fill(isoDate);
        return this;
    }

    public ProjectPage create() {
        loadingNextPage(() -> page.locator("form button[type=submit].primary").click());
        return new ProjectPage(page);
    }
}
