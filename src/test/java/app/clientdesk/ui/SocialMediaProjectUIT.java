package app.clientdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.ui.pages.ApplyProjectTemplatePage;
import app.clientdesk.ui.pages.ProjectPage;
import com.microsoft.playwright.Page;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The owner starts a client's month of social media from the template, from the client's page. */
class SocialMediaProjectUIT extends BrowserTest {

    @Autowired Clients clients;
    @Autowired UserDetailsService people;

    @Test
    void ownerAppliesTheSocialMediaTemplateAndSeesTheMonthsTasksWithTheirDueDates() {
        String email = uniqueEmail("owner");
        signInAsNewOwner(email);
        CurrentUser owner = (CurrentUser) people.loadUserByUsername(email);
        ClientId client = clients.create(owner, new ClientInput("Harbour Wellness Studio", "ACTIVE",
                "Australia/Sydney", "AUD", "en-AU", "AU", null, null, null,
                List.of(new ClientInput.Day("MONDAY", "09:00", "17:00")), "24", "EMAIL", "CHAT", "VIDEO", "EMAIL",
                null, null, List.of(), List.of()));

        page.navigate(baseUrl() + "/clients/" + client);
        ApplyProjectTemplatePage apply = ApplyProjectTemplatePage.fromClientPage(page, "Social media — monthly");
        assertThat(apply.chosenClient()).isEqualTo("Harbour Wellness Studio");
        assertThat(apply.projectName()).startsWith("Social media — monthly — ");
        ProjectPage project = apply.startOn("2026-03-02").create();

        assertThat(project.notice()).startsWith("Project ").endsWith("is created with 7 tasks.");
        assertThat(project.fact("Workflow")).isEqualTo("Social media");
        assertThat(project.tasksWithDueDates()).containsExactly(
                "Monthly brief with the client · 2026-03-02",
                "Content ideas · 2026-03-04",
                "Create the month’s posts · 2026-03-07",
                "Send posts for client approval · 2026-03-11",
                "Schedule approved posts · 2026-03-14",
                "Track performance · 2026-03-22",
                "Monthly report · 2026-03-30");
        screenshot("/tmp/proj-project-page.png");

        page.navigate(baseUrl() + "/clients/" + client);
        screenshot("/tmp/proj-client-page.png");
        page.navigate(baseUrl() + "/templates");
        screenshot("/tmp/proj-templates.png");
        page.navigate(baseUrl() + "/workflows");
        page.locator("a[href$='/edit']").last().click();
        page.waitForURL("**/edit");
        int rows = page.locator("[data-row]").count();
        page.locator("[data-add-row=stages]").click();
        screenshot("/tmp/proj-workflow-editor.png");
        assertThat(page.locator("[data-row]").count()).isEqualTo(rows + 1);
    }

    private void screenshot(String path) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get(path)).setFullPage(true));
    }
}
