package app.clientdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.clients.Clients;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.ui.pages.SignInPage;
import app.clientdesk.work.TaskInput;
import app.clientdesk.work.Tasks;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The weekly planner in a browser: an auto-plan for next week is accepted, its blocks appear on the week, one is
 * dragged an hour later and stays there after the page reloads, and the keyboard moves it back. Leaves pictures
 * in /tmp/shots-planner (or $CLIENTDESK_SHOTS).
 */
class PlannerUIT extends BrowserTest {

    static final Path SHOTS = Paths.get(System.getenv().getOrDefault("CLIENTDESK_SHOTS", "/tmp/shots-planner"));

    @Autowired Clients clients;
    @Autowired Tasks tasks;
    @Autowired UserDetailsService users;

    @Test
    void anAcceptedAutoPlanShowsOnTheWeekAndABlockDraggedAnHourLaterStaysThere() {
        String email = uniqueEmail("owner");
        newWorkspaceOwnedBy(email);
        ViewsFixture fixture = new ViewsFixture(clients, tasks, users);
        CurrentUser owner = fixture.owner(email);
        var client = fixture.client(owner, "Harbour Bakery", "Australia/Sydney");
        LocalDate monday = LocalDate.now(ZoneId.of("America/Sao_Paulo")).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        tasks.create(owner, new TaskInput("Write the newsletter", null, client.value().toString(), null, null, true,
                true, monday.plusDays(2).toString(), null, null, "90", owner.id().value().toString(), null, null,
                null, List.of(), null, null, List.of()));
        SignInPage.open(page, baseUrl()).signIn(email, PASSWORD);

        page.navigate(baseUrl() + "/plan?week=" + monday);
        page.waitForNavigation(() -> page.locator("a.button", new Page.LocatorOptions().setHasText("Auto-plan")).first()
                .click());
        assertThat(page.locator("table.auto-table").innerText()).contains("Write the newsletter", "Harbour Bakery");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("auto-plan.png")).setFullPage(true));
        page.waitForNavigation(() -> page.locator("button", new Page.LocatorOptions()
                .setHasText("Accept the ticked blocks")).click());
        assertThat(page.locator(".notice, [role=status]").first().innerText()).contains("Added 1 block to the plan.");

        Locator block = page.locator(".plan-block", new Page.LocatorOptions().setHasText("Write the newsletter"));
        assertThat(block.getAttribute("aria-label")).isEqualTo("Write the newsletter, 9:00 AM–10:30 AM");
        BoundingBox box = block.boundingBox();
        double hour = page.locator(".planner-col").first().boundingBox().height
                / page.locator(".planner-hour-labels span").count();
        page.mouse().move(box.x + 12, box.y + box.height - 14);
        page.mouse().down();
        page.mouse().move(box.x + 12, box.y + box.height - 14 + hour, new com.microsoft.playwright.Mouse.MoveOptions()
                .setSteps(6));
        page.waitForNavigation(() -> page.mouse().up());
        Locator moved = page.locator(".plan-block", new Page.LocatorOptions().setHasText("Write the newsletter"));
        assertThat(moved.getAttribute("aria-label")).isEqualTo("Write the newsletter, 10:00 AM–11:30 AM");

        // The keyboard: up moves it back 15 minutes at a time; the block keeps the focus after the page reloads.
        moved.focus();
        page.waitForNavigation(() -> page.keyboard().press("ArrowUp"));
        Locator back = page.locator(".plan-block", new Page.LocatorOptions().setHasText("Write the newsletter"));
        assertThat(back.getAttribute("aria-label")).isEqualTo("Write the newsletter, 9:45 AM–11:15 AM");
        assertThat((String) page.evaluate("document.activeElement.getAttribute('aria-label')"))
                .isEqualTo("Write the newsletter, 9:45 AM–11:15 AM");
        assertThat(page.locator("#plan-status").innerText()).isEqualTo("Block moved.");
        assertThat(new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze().getViolations().stream().filter(r -> Set.of("serious", "critical").contains(r.getImpact()))
                .map(Rule::getId).toList()).isEmpty();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("planner.png")).setFullPage(true));
    }
}
