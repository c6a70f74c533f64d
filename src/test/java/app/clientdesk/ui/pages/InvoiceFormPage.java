package app.clientdesk.ui.pages;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;

/** The draft invoice form: client, terms and the line rows. */
public class InvoiceFormPage extends AppPage {

    InvoiceFormPage(Page page) {
        super(page);
    }

    public InvoiceFormPage client(String name) {
        page.locator("#clientId").selectOption(new SelectOption().setLabel(name));
        return this;
    }

    /** Types a line into row {@code index}, adding a row with "Add line" when there is none. */
    public InvoiceFormPage line(int index, String description, String quantity, String unitPrice) {
        while (page.locator("[data-line-row]").count() <= index) {
            page.locator("[data-add-line]").click();
        }
        page.locator("#line-" + index + "-description").fill(description);
        page.locator("#line-" + index + "-quantity").fill(quantity);
        page.locator("#line-" + index + "-unitPrice").fill(unitPrice);
        return this;
    }

    public int rows() {
        return page.locator("[data-line-row]:visible").count();
    }

    public InvoiceFormPage removeLine(int index) {
        page.locator("[data-line-row]").nth(index).locator("[data-remove-line]").check();
        return this;
    }

    public InvoicePage create() {
        loadingNextPage(() -> page.locator("form[data-invoice-form] button[type=submit]").click());
        return new InvoicePage(page);
    }

    /** The error shown under a field such as "lines[0].quantity". */
    public String error(String field) {
        return page.locator("#err-" + field.replaceAll("[^A-Za-z0-9]", "-")).innerText().trim();
    }
}
