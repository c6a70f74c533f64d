package app.clientdesk.ui.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** What every screen has: the header with the language switch, the heading and the one-off notice. */
public abstract class AppPage {

    protected final Page page;

    protected AppPage(Page page) {
        this.page = page;
    }

    public Page page() {
        return page;
    }

    public String heading() {
        return page.locator("main h1").first().innerText().trim();
    }

    /** The html element's lang, e.g. "en" or "pt-BR". */
    public String language() {
        return page.locator("html").getAttribute("lang");
    }

    /** The confirmation shown after an action, empty if there is none. */
    public String notice() {
        Locator notice = page.getByRole(AriaRole.STATUS);
        return notice.count() == 0 ? "" : notice.first().innerText().trim();
    }

    /** Clicks "EN" or "PT" in the header; the same screen comes back in that language. */
    protected void clickLanguage(String code) {
        loadingNextPage(() -> page.locator("form.lang-switch")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(code).setExact(true)).click());
    }

    /** Does something that loads a new document (a link, a form post) and waits until it has loaded. */
    protected void loadingNextPage(Runnable action) {
        page.waitForNavigation(action);
    }

    /** True when nothing sticks out sideways: the page needs no horizontal scrolling. */
    public boolean fitsTheScreenWidth() {
        return (Boolean) page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth");
    }

    public void reload() {
        page.reload();
    }
}
