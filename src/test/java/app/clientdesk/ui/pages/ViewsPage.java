package app.clientdesk.ui.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;

/** The board and the matrix: lists of cards one drags between, as a person does with a mouse. */
public class ViewsPage extends AppPage {

    private final String url;

    public ViewsPage(Page page, String url) {
        super(page);
        this.url = url;
    }

    public static ViewsPage open(Page page, String url) {
        page.navigate(url);
        return new ViewsPage(page, url);
    }

    /** The list of cards of a board column or a matrix quadrant, by its heading. */
    public Locator list(String heading) {
        return page.locator("section:has(> header h2:text-is('" + heading + "')) ol.card-list");
    }

    public Locator card(String title) {
        return page.locator("li.task-card:has(a.task-title:text-is('" + title + "'))");
    }

    /** Presses the mouse on the card, moves it in small steps over the list, lets go, and waits for the save. */
    public void drag(String title, String toHeading) {
        BoundingBox from = card(title).locator(".card-meta").boundingBox();
        BoundingBox to = list(toHeading).boundingBox();
        page.mouse().move(from.x + 8, from.y + from.height / 2);
        page.mouse().down();
        double tx = to.x + to.width / 2;
        double ty = to.y + Math.min(to.height - 10, 30);
        page.mouse().move(from.x + 20, from.y + from.height / 2 + 5, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
        page.mouse().move(tx, ty, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(20));
        page.waitForResponse(r -> r.url().endsWith("/move"), () -> page.mouse().up());
    }

    public ViewsPage again() {
        page.navigate(url);
        return this;
    }

    public String status() {
        page.locator("#move-status:not(:empty)").waitFor();
        return page.locator("#move-status").innerText().trim();
    }
}
