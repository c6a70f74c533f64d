package app.clientdesk.ui.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.List;

/** A person's working calendar at /plan/calendar: zone, the spans of each weekday, buffer, focus, holidays. */
public class PersonCalendarPage extends AppPage {

    PersonCalendarPage(Page page) {
        super(page);
    }

    public static PersonCalendarPage open(Page page, String baseUrl) {
        page.navigate(baseUrl + "/plan/calendar");
        return new PersonCalendarPage(page);
    }

    public boolean followsTheWorkspace() {
        return page.locator("[data-follows-workspace]").isVisible();
    }

    /** Types the spans of a weekday into the field labelled with its name, as a person would. */
    public PersonCalendarPage hours(String weekday, String spans) {
        page.getByLabel(weekday, new Page.GetByLabelOptions().setExact(true)).fill(spans);
        return this;
    }

    public PersonCalendarPage zone(String zone) {
        page.getByLabel("Time zone").selectOption(zone);
        return this;
    }

    public PersonCalendarPage save() {
        loadingNextPage(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click());
        return this;
    }

    /** The error shown for a weekday's field, found through the field's aria-describedby as a screen reader would. */
    public String errorOf(String weekday) {
        Locator field = page.getByLabel(weekday, new Page.GetByLabelOptions().setExact(true));
        String ids = field.getAttribute("aria-describedby");
        for (String id : ids == null ? new String[0] : ids.trim().split("\\s+")) {
            if (id.startsWith("err-")) {
                return page.locator("[id='" + id + "']").textContent().trim();
            }
        }
        return "";
    }

    public PersonCalendarPage importFile(Path ics) {
        page.getByLabel("ICS file").setInputFiles(ics);
        loadingNextPage(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click());
        return this;
    }

    public List<String> holidays() {
        return page.locator("#holidays tbody tr td:nth-child(2)").allTextContents().stream().map(String::trim).toList();
    }
}
