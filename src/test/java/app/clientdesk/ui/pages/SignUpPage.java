package app.clientdesk.ui.pages;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;

/** "Create your workspace" at /signup. */
public class SignUpPage extends AppPage {

    SignUpPage(Page page) {
        super(page);
    }

    public static SignUpPage open(Page page, String baseUrl) {
        page.navigate(baseUrl + "/signup");
        return new SignUpPage(page);
    }

    public SignUpPage businessName(String name) {
        page.getByLabel("Business name").fill(name);
        return this;
    }

    public SignUpPage yourName(String name) {
        page.getByLabel("Your name").fill(name);
        return this;
    }

    public SignUpPage email(String email) {
        page.getByLabel("Email").fill(email);
        return this;
    }

    public SignUpPage password(String password) {
        page.getByLabel("Password").fill(password);
        return this;
    }

    /** By ISO code, e.g. "EUR". */
    public SignUpPage baseCurrency(String code) {
        page.getByLabel("Base currency").selectOption(code);
        return this;
    }

    /** As the list shows it, e.g. "English". */
    public SignUpPage language(String name) {
        page.getByLabel("Language").selectOption(new SelectOption().setLabel(name));
        return this;
    }

    /** By IANA name, e.g. "Europe/Lisbon". */
    public SignUpPage timeZone(String zone) {
        page.getByLabel("Time zone").selectOption(zone);
        return this;
    }

    /** Sign-up answers "check your inbox", whether or not the address already has an account. */
    public SignUpSentPage createWorkspace() {
        loadingNextPage(() -> page.locator("main form[action='/signup'] button[type=submit]").click());
        return new SignUpSentPage(page);
    }
}
