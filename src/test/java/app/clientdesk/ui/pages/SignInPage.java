package app.clientdesk.ui.pages;

import com.microsoft.playwright.Page;

/** The sign-in screen at /login. */
public class SignInPage extends AppPage {

    SignInPage(Page page) {
        super(page);
    }

    public static SignInPage open(Page page, String baseUrl) {
        page.navigate(baseUrl + "/login");
        return new SignInPage(page);
    }

    public ClientsPage signIn(String email, String password) {
        page.locator("#email").fill(email);
        page.locator("#password").fill(password);
        loadingNextPage(() -> page.locator("main form[action='/login'] button[type=submit]").click());
        return new ClientsPage(page);
    }

    public String submitLabel() {
        return page.locator("main form[action='/login'] button[type=submit]").innerText().trim();
    }
}
