package app.clientdesk.ui.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;

/** One invoice: its state, lines and totals, and what can be done to it (add time, issue, pay, void). */
public class InvoicePage extends AppPage {

    InvoicePage(Page page) {
        super(page);
    }

    public static InvoicePage open(Page page, String baseUrl, String invoiceId) {
        page.navigate(baseUrl + "/billing/invoices/" + invoiceId);
        return new InvoicePage(page);
    }

    public String status() {
        return page.locator("[data-invoice-status]").innerText().trim();
    }

    public String total(String which) {
        return page.locator("[data-total=" + which + "]").innerText().trim();
    }

    /** Each line as "description · quantity · amount". */
    public List<String> lines() {
        return page.locator(".invoice-lines tbody tr").all().stream()
                .map(r -> r.locator("td").nth(0).locator(".prewrap").innerText().trim() + " · "
                        + r.locator("td").nth(1).innerText().trim() + " · " + r.locator("td").nth(5).innerText().trim())
                .toList();
    }

    public String lineDetail(int index) {
        return page.locator(".invoice-lines tbody tr").nth(index).locator(".line-detail").innerText().trim();
    }

    /** "Add time": the picker of the client's unbilled time. */
    public InvoicePage openTimePicker() {
        loadingNextPage(() -> page.locator(".invoice-actions a[href$='/time']").click());
        return this;
    }

    public InvoicePage openExpensePicker() {
        loadingNextPage(() -> page.locator(".invoice-actions a[href$='/expenses']").click());
        return this;
    }

    /** The expenses listed in the picker, "description · amount", those that cannot be ticked included. */
    public List<String> listedExpenses() {
        return page.locator("[data-expense]").all().stream()
                .map(r -> r.locator("td").nth(2).innerText().trim().replaceAll("\\s+", " ") + " · "
                        + r.locator("td").nth(3).innerText().trim())
                .toList();
    }

    public int pickableExpenses() {
        return page.locator("[data-pick-expense]").count();
    }

    public InvoicePage untickExpense(String description) {
        page.getByLabel("Bill " + description, new Page.GetByLabelOptions().setExact(false)).uncheck();
        return this;
    }

    public InvoicePage addExpenses() {
        loadingNextPage(() -> page.locator("[data-add-expenses]").click());
        return this;
    }

    public String roundingRule() {
        return page.locator("[data-rounding-rule]").innerText().trim().replaceAll("\\s+", " ");
    }

    public int pickableEntries() {
        return page.locator("[data-pick]").count();
    }

    public InvoicePage untick(int index) {
        page.locator("[data-pick]").nth(index).uncheck();
        return this;
    }

    public InvoicePage groupBy(String label) {
        page.locator(".invoice-grouping").getByLabel(label, new Locator.GetByLabelOptions().setExact(true)).check();
        return this;
    }

    public InvoicePage addTime() {
        loadingNextPage(() -> page.locator("[data-add-time]").click());
        return this;
    }

    public InvoicePage issue() {
        loadingNextPage(() -> page.locator("[data-issue]").click());
        return this;
    }

    /** Sends the invoice by email with the message as drafted (to the client's primary contact). */
    public InvoicePage sendByEmail() {
        loadingNextPage(() -> page.locator(".invoice-send button[type=submit]").click());
        return this;
    }

    /** The delivery state of the invoice's emails, as the page lists them. */
    public List<String> deliveries() {
        return page.locator(".invoice-mails li").allInnerTexts().stream().map(String::trim).toList();
    }

    public InvoicePage recordPayment(String amount) {
        page.locator("#pay-amount").fill(amount);
        loadingNextPage(() -> page.locator("[data-record-payment]").click());
        return this;
    }

    /** Clicks "Record payment" twice in a row, as an impatient person does. */
    public InvoicePage recordPaymentDoubleClick(String amount) {
        page.locator("#pay-amount").fill(amount);
        // The second click aborts the first click's page load, so wait for the payment to show rather than a load.
        page.locator("[data-record-payment]").dblclick();
        page.locator("[data-payment]").first().waitFor();
        page.waitForLoadState();
        return this;
    }

    public boolean rateFieldVisible() {
        return page.locator("[data-rate-field]").isVisible();
    }

    public InvoicePage payIn(String currency) {
        page.locator("#pay-currency").selectOption(currency);
        return this;
    }

    public int payments() {
        return page.locator("[data-payment]").count();
    }

    public List<String> history() {
        return page.locator(".invoice-history li").allInnerTexts().stream().map(String::trim).toList();
    }
}
