package app.clientdesk.ui.pages;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** The meeting form: title, agenda, link, times, client and who is invited. */
public class MeetingFormPage extends AppPage {

    MeetingFormPage(Page page) {
        super(page);
    }

    public String start() {
        return page.getByLabel("Starts").inputValue();
    }

    public String client() {
        return page.locator("#clientId option:checked").innerText().trim();
    }

    public boolean invited(String name) {
        return page.getByLabel(name, new Page.GetByLabelOptions().setExact(false)).first().isChecked();
    }

    public MeetingFormPage title(String title) {
        page.getByLabel("Title").fill(title);
        return this;
    }

    public MeetingFormPage videoLink(String url) {
        page.getByLabel("Video-call link").fill(url);
        return this;
    }

    public MeetingFormPage agenda(String agenda) {
        page.getByLabel("Agenda").fill(agenda);
        return this;
    }

    /** Saves; the list of meetings comes back when it is saved, the form with its errors when not. */
    public void send() {
        loadingNextPage(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Save and send invitations")).click());
    }

    /** The meeting titles on the list of meetings. */
    public java.util.List<String> listedMeetings() {
        return page.locator("[data-meeting] h2").allInnerTexts().stream().map(String::trim).toList();
    }
}
