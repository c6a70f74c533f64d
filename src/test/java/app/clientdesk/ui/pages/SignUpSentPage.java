package app.clientdesk.ui.pages;

import com.microsoft.playwright.Page;

/** "Check your inbox", the answer to every sign-up. */
public class SignUpSentPage extends AppPage {

    SignUpSentPage(Page page) {
        super(page);
    }

    public String heading() {
        return page.locator("main h1").innerText().trim();
    }

    public String text() {
        return page.locator("main section p").first().innerText().trim();
    }

    public SignInPage signIn() {
        loadingNextPage(() -> page.locator("main a[href='/login']").click());
        return new SignInPage(page);
    }
}
