package app.clientdesk.time.ui;

import app.clientdesk.ui.pages.AppPage;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.nio.file.Path;

/** The time import: the upload page, an import's preview, its progress and its summary. */
class ImportPage extends AppPage {

    ImportPage(Page page) {
        super(page);
    }

    static ImportPage open(Page page, String baseUrl) {
        page.navigate(baseUrl + "/time/import");
        return new ImportPage(page);
    }

    void switchTo(String language) {
        clickLanguage(language);
    }

    /** Chooses the file and uploads it; the import's preview comes back. */
    ImportPage upload(Path file) {
        page.locator("#import-file").setInputFiles(file);
        loadingNextPage(() -> page.locator("form.import-upload button[type=submit]").click());
        return this;
    }

    String verdict() {
        return page.locator(".import-verdict").innerText().trim();
    }

    String problemsHeading() {
        return page.locator(".import-problems h2").innerText().trim();
    }

    Locator problemRows() {
        return page.locator(".import-problems tbody tr");
    }

    Locator commitButton() {
        return page.locator("button[name=action][value=commit]");
    }

    /** Chooses who the file's person at {@code index} is logged for; the preview refreshes by itself. */
    void logPersonFor(int index, String label) {
        page.waitForResponse(r -> r.request().method().equals("POST") && r.url().contains("/time/import/"),
                new Page.WaitForResponseOptions().setTimeout(30_000),
                () -> page.locator("#import-user-" + index).selectOption(new SelectOption().setLabel(label)));
        page.locator("#import-preview").waitFor();
    }

    /** Starts the import; the page that shows its progress (or, for a small file, its summary) comes back. */
    void commit() {
        loadingNextPage(() -> commitButton().click());
    }

    /** Waits for the summary, which the progress bar sends the browser to once the import is done. */
    String summary() {
        page.locator("#import-done-title").waitFor(new Locator.WaitForOptions().setTimeout(120_000));
        return page.locator(".import-verdict").innerText().trim();
    }
}
