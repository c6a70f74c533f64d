package app.clientdesk.ui.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** The service form at /billing/services/new (or a service's edit page): what it is, how it is billed, its prices. */
public class ServiceFormPage extends AppPage {

    ServiceFormPage(Page page) {
        super(page);
    }

    public static ServiceFormPage open(Page page, String baseUrl) {
        page.navigate(baseUrl + "/billing/services/new");
        return new ServiceFormPage(page);
    }

    public ServiceFormPage name(String name) {
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
        return this;
    }

    public ServiceFormPage deliverables(String lines) {
        page.locator("#deliverables").fill(lines);
        return this;
    }

    /** Picks the billing model by its words: "Hourly", "Fixed price" or "Monthly retainer". */
    public ServiceFormPage billed(String model) {
        page.locator(".service-model", new Page.LocatorOptions().setHasText(model)).click();
        return this;
    }

    public Locator includedHours() {
        return page.locator("#includedHours");
    }

    /** The visible price rows, in order. */
    public Locator priceRows() {
        return page.locator("[data-price-row]:visible");
    }

    public ServiceFormPage addPrice() {
        page.getByText("Add a price").click();
        return this;
    }

    /** Fills the price row at {@code index} (0-based among the visible rows); overage may be null. */
    public ServiceFormPage price(int index, String currency, String amount, String overage) {
        Locator row = priceRows().nth(index);
        row.locator("input[name$='.currency']").fill(currency);
        row.locator("input[name$='.amount']").fill(amount);
        if (overage != null) {
            row.locator("input[name$='.overageRate']").fill(overage);
        }
        return this;
    }

    /** Saves; a refused form stays where it is. */
    public void save() {
        page.locator(".form-actions button[type=submit]").click();
        page.waitForLoadState();
    }
}
