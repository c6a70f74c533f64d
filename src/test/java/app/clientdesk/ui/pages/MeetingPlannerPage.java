package app.clientdesk.ui.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;

/** The meeting planner at /plan/meetings/new: pick clients and people, find times, read the slots, choose one. */
public class MeetingPlannerPage extends AppPage {

    MeetingPlannerPage(Page page) {
        super(page);
    }

    public static MeetingPlannerPage open(Page page, String baseUrl) {
        page.navigate(baseUrl + "/plan/meetings/new");
        return new MeetingPlannerPage(page);
    }

    /** Ticks or unticks the checkbox labelled with a client's or a person's name. */
    public MeetingPlannerPage pick(String name, boolean picked) {
        page.getByLabel(name, new Page.GetByLabelOptions().setExact(true)).setChecked(picked);
        return this;
    }

    public MeetingPlannerPage weeks(int weeks) {
        page.getByLabel("Weeks ahead").fill(Integer.toString(weeks));
        return this;
    }

    public MeetingPlannerPage minutes(int minutes) {
        page.getByLabel("Length in minutes").fill(Integer.toString(minutes));
        return this;
    }

    public MeetingPlannerPage find() {
        loadingNextPage(() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find times"))
                .click());
        return this;
    }

    /** What the planner says about the times as a whole (inside all year, a compromise, impossible). */
    public String outcome() {
        return page.locator("[data-outcome]").innerText().trim();
    }

    private Locator slot(int index) {
        return page.locator("[data-slot]").nth(index);
    }

    /** Each party's local time for the slot, as listed. */
    public List<String> times(int slot) {
        return slot(slot).locator(".meeting-times li").allInnerTexts().stream().map(String::trim).toList();
    }

    /** The clock changes listed under the slot, in words. */
    public List<String> warnings(int slot) {
        return slot(slot).locator("[data-dst-warning]").allInnerTexts().stream().map(String::trim).toList();
    }

    /** The first slot whose clock changes take it outside someone's hours. */
    public int firstSlotWarningOfHours() {
        int count = page.locator("[data-slot]").count();
        for (int i = 0; i < count; i++) {
            if (warnings(i).stream().anyMatch(w -> w.endsWith("outside their hours"))) {
                return i;
            }
        }
        return -1;
    }

    public MeetingFormPage choose(int slot) {
        loadingNextPage(() -> slot(slot).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName("Choose this slot")).click());
        return new MeetingFormPage(page);
    }
}
