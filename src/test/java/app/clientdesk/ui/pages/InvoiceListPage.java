package app.clientdesk.ui.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;

/** Billing › Invoices: the tabs, the outstanding amounts and the table. */
public class InvoiceListPage extends AppPage {

    InvoiceListPage(Page page) {
        super(page);
    }

    public static InvoiceListPage open(Page page, String baseUrl) {
        page.navigate(baseUrl + "/billing/invoices");
        return new InvoiceListPage(page);
    }

    public InvoiceFormPage newInvoice() {
        loadingNextPage(() -> page.locator(".page-head a[href^='/billing/invoices/new']").click());
        return new InvoiceFormPage(page);
    }

    public InvoiceListPage tab(String name) {
        loadingNextPage(() -> page.locator(".invoice-tabs").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(name).setExact(true)).click());
        return new InvoiceListPage(page);
    }

    public List<String> outstanding() {
        return page.locator("[data-outstanding]").allInnerTexts().stream().map(String::trim).toList();
    }

    /** Each row as "number · client · status". */
    public List<String> rows() {
        return page.locator(".invoices-table tbody tr").all().stream()
                .map(r -> r.locator("td").nth(0).innerText().trim().replaceAll("\\s+", " ") + " · "
                        + r.locator("td").nth(1).innerText().trim() + " · "
                        + r.locator("td").nth(6).innerText().trim().replaceAll("\\s+", " "))
                .toList();
    }
}
