package app.clientdesk.ui.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;

/** One client's page: status, their local time now, business hours, contacts, billing details. */
public class ClientPage extends AppPage {

    ClientPage(Page page) {
        super(page);
    }

    public String name() {
        return heading();
    }

    /** The client's clock in the page head, e.g. "Tue 9:41 AM". */
    public String localTime() {
        return page.locator(".page-head time.live-clock").innerText().trim();
    }

    /** "Open" or "Closed" beside the clock; empty if the client has no business hours. */
    public String openOrClosed() {
        Locator badge = page.locator(".page-head .clock .badge");
        return badge.count() == 0 ? "" : badge.innerText().trim();
    }

    /** The zone shown beside the clock, e.g. "Australia/Sydney". */
    public String timeZone() {
        return page.locator(".page-head .head-meta > .muted").innerText().trim();
    }

    public List<String> contactNames() {
        return page.locator("ul.contacts li strong").allInnerTexts().stream().map(String::trim).toList();
    }

    /** The badge beside a contact's name ("Primary"), empty when there is none. */
    public String badgeOf(String contact) {
        Locator badge = contact(contact).locator(".badge");
        return badge.count() == 0 ? "" : badge.innerText().trim();
    }

    public String contactDetails(String contact) {
        return contact(contact).innerText();
    }

    public ClientFormPage edit() {
        loadingNextPage(() -> page.locator(".page-head a[href$='/edit']").click());
        return new ClientFormPage(page);
    }

    public ClientsPage backToClients() {
        loadingNextPage(() -> page.locator("nav.breadcrumbs a[href='/clients']").click());
        return new ClientsPage(page);
    }

    public ClientPage switchLanguage(String code) {
        clickLanguage(code);
        return this;
    }

    private Locator contact(String name) {
        return page.locator("ul.contacts li").filter(new Locator.FilterOptions()
                .setHas(page.locator("strong", new Page.LocatorOptions().setHasText(name))));
    }
}
