package app.clientdesk.ui.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** "Time and billing" on a client's page: this month's time, the rate, and the rounding rule with its form. */
public class ClientTimePage extends AppPage {

    ClientTimePage(Page page) {
        super(page);
    }

    public static ClientTimePage open(Page page, String baseUrl, String clientId) {
        page.navigate(baseUrl + "/clients/" + clientId);
        return new ClientTimePage(page);
    }

    private Locator section() {
        return page.locator("#time-and-billing");
    }

    /** A figure of this month by its label, e.g. "Billed after rounding" → "1:15". */
    public String figure(String label) {
        return section().locator(".time-stats > div").filter(new Locator.FilterOptions().setHasText(label))
                .locator("dd").innerText().trim();
    }

    /** The rule and its example as one sentence or two. */
    public String rounding() {
        return section().locator("[data-rounding-rule]").innerText().trim().replaceAll("\\s+", " ");
    }

    public boolean canChangeRounding() {
        return section().locator("form.rounding-form").count() > 0;
    }

    public ClientTimePage roundTo(String mode, String step, String scope) {
        section().locator("#rounding-mode").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(mode));
        section().locator("#rounding-minutes").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(step));
        section().getByLabel(scope).check();
        loadingNextPage(() -> section().locator("form.rounding-form button[type=submit]").click());
        return new ClientTimePage(page);
    }
}
