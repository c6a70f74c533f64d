package app.clientdesk.ui.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.util.List;

/** The clients list at /clients: search, filters, the table, or the empty state of a new workspace. */
public class ClientsPage extends AppPage {

    ClientsPage(Page page) {
        super(page);
    }

    public static ClientsPage open(Page page, String baseUrl) {
        page.navigate(baseUrl + "/clients");
        return new ClientsPage(page);
    }

    /** The "No clients yet" card of a workspace without clients; empty text if it is not shown. */
    public String emptyStateTitle() {
        Locator empty = page.locator(".empty-state h2");
        return empty.count() == 0 ? "" : empty.innerText().trim();
    }

    /** The label of the main "New client" button. */
    public String newClientLabel() {
        return newClientButton().innerText().trim();
    }

    public ClientFormPage newClient() {
        loadingNextPage(() -> newClientButton().click());
        return new ClientFormPage(page);
    }

    /** "Load demo data" on the empty state. */
    public ClientsPage loadDemoData() {
        loadingNextPage(() -> page.locator(".empty-state form[action='/demo'] button").click());
        return this;
    }

    public List<String> clientNames() {
        return page.locator("#client-results .client-name").allInnerTexts().stream().map(String::trim).toList();
    }

    /** The second line under a client's name: "primary contact · email". */
    public String primaryContactOf(String client) {
        return row(client).locator("td").first().locator(".sub").innerText().trim();
    }

    /** The time zone shown under a client's local time, e.g. "Australia/Sydney". */
    public String timeZoneOf(String client) {
        return row(client).locator("td").nth(2).locator(".sub").innerText().trim();
    }

    public String resultCount() {
        return page.locator(".result-count").innerText().trim();
    }

    /** Types into the search box as a person would, key by key. */
    public ClientsPage search(String text) {
        Locator box = page.locator("#q");
        box.clear();
        box.pressSequentially(text, new Locator.PressSequentiallyOptions().setDelay(40));
        return this;
    }

    /** Waits until the list shows exactly these clients, in this order (htmx swaps it in). */
    public ClientsPage waitUntilListed(String... names) {
        PlaywrightAssertions.assertThat(page.locator("#client-results .client-name")).hasText(names);
        return this;
    }

    public ClientPage openClient(String name) {
        loadingNextPage(() -> row(name).locator(".client-name").click());
        return new ClientPage(page);
    }

    public ClientsPage switchLanguage(String code) {
        clickLanguage(code);
        return this;
    }

    private Locator newClientButton() {
        return page.locator(".page-head a[href='/clients/new']");
    }

    private Locator row(String client) {
        return page.locator("#client-results tbody tr").filter(new Locator.FilterOptions()
                .setHas(page.locator(".client-name", new Page.LocatorOptions().setHasText(client))));
    }
}
