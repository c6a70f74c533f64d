package app.clientdesk.ui.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.DayOfWeek;
import java.util.Arrays;

/** The new-client and edit-client form. */
public class ClientFormPage extends AppPage {

    ClientFormPage(Page page) {
        super(page);
    }

    public static ClientFormPage openNew(Page page, String baseUrl) {
        page.navigate(baseUrl + "/clients/new");
        return new ClientFormPage(page);
    }

    public ClientFormPage name(String name) {
        page.locator("#name").fill(name);
        return this;
    }

    /** Types an IANA zone into the time-zone box (it suggests zones as you type). */
    public ClientFormPage timeZone(String zone) {
        page.locator("#timeZone").fill(zone);
        return this;
    }

    /** By ISO code, e.g. "AUD". */
    public ClientFormPage currency(String code) {
        page.locator("#currency").selectOption(code);
        return this;
    }

    public ClientFormPage website(String url) {
        page.locator("#website").fill(url);
        return this;
    }

    /** Ticks the day and sets its hours, in the client's time zone. */
    public ClientFormPage openOn(DayOfWeek day, String opens, String closes) {
        Locator row = page.locator(".hours-row").nth(day.getValue() - 1);
        row.locator("input[type=checkbox]").check();
        row.locator("input[type=time]").first().fill(opens);
        row.locator("input[type=time]").last().fill(closes);
        return this;
    }

    public ClientFormPage closedOn(DayOfWeek... days) {
        Arrays.stream(days).forEach(day -> page.locator(".hours-row").nth(day.getValue() - 1)
                .locator("input[type=checkbox]").uncheck());
        return this;
    }

    /** The n-th contact row on screen, counting from 1. */
    public ContactRow contact(int n) {
        return new ContactRow(this, page.locator("[data-contact-row]:visible").nth(n - 1));
    }

    /** "Add a contact": a new, empty contact row appears below the others. */
    public ContactRow addContact() {
        int before = page.locator("[data-contact-row]:visible").count();
        page.locator("button[data-add-contact]").click();
        return contact(before + 1);
    }

    public ClientPage create() {
        loadingNextPage(this::clickSubmit);
        return new ClientPage(page);
    }

    /** Submits a form that the server will refuse; the same form comes back with errors. */
    public ClientFormPage createExpectingErrors() {
        loadingNextPage(this::clickSubmit);
        return this;
    }

    /** The "Some fields need your attention" box at the top; empty if there is none. */
    public String alert() {
        Locator alert = page.locator(".form-alert");
        return alert.count() == 0 ? "" : alert.innerText().trim();
    }

    public FieldOnScreen nameField() {
        return new FieldOnScreen(page, "name");
    }

    public FieldOnScreen timeZoneField() {
        return new FieldOnScreen(page, "timeZone");
    }

    public FieldOnScreen websiteField() {
        return new FieldOnScreen(page, "website");
    }

    /** The Save / Create button, which stays in reach while scrolling a long form. */
    public Locator submitButton() {
        return page.locator(".form-actions button[type=submit]");
    }

    private void clickSubmit() {
        page.locator(".form-actions button[type=submit]").click();
    }

    /** One contact row of the form. */
    public static final class ContactRow {
        private final ClientFormPage form;
        private final Locator row;

        ContactRow(ClientFormPage form, Locator row) {
            this.form = form;
            this.row = row;
        }

        /** Back to the rest of the form. */
        public ClientFormPage and() {
            return form;
        }

        public ContactRow name(String name) {
            row.locator("input[name$='.name']").fill(name);
            return this;
        }

        public ContactRow email(String email) {
            row.locator("input[name$='.email']").fill(email);
            return this;
        }

        public ContactRow phone(String phone) {
            row.locator("input[name$='.phone']").fill(phone);
            return this;
        }

        public ContactRow role(String role) {
            row.locator("input[name$='.role']").fill(role);
            return this;
        }

        /** Ticks "Primary" on this row. */
        public ContactRow makePrimary() {
            row.locator("input[type=radio][name=primaryContact]").check();
            return this;
        }
    }

    /**
     * A field as a person sees it: its value, and the error message beside it. "Beside" is checked, not
     * assumed: the message must be in the field's own block and named by its aria-describedby.
     */
    public static final class FieldOnScreen {
        private final Locator input;

        FieldOnScreen(Page page, String id) {
            this.input = page.locator("#" + id);
        }

        public String value() {
            return input.inputValue();
        }

        public boolean markedInvalid() {
            return "true".equals(input.getAttribute("aria-invalid"));
        }

        /** The error shown under the field and announced with it; empty if there is none. */
        public String error() {
            String describedBy = input.getAttribute("aria-describedby");
            Locator besideIt = input.locator("xpath=..").locator(".field-error");
            if (describedBy == null || besideIt.count() == 0) {
                return "";
            }
            String id = besideIt.first().getAttribute("id");
            if (id == null || !Arrays.asList(describedBy.trim().split("\\s+")).contains(id)) {
                return "";
            }
            return besideIt.first().innerText().trim();
        }
    }
}
