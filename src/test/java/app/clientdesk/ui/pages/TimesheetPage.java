package app.clientdesk.ui.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/** The weekly timesheet at /time: a row per client/project/task, a cell per day, totals at the ends. */
public class TimesheetPage extends AppPage {

    TimesheetPage(Page page) {
        super(page);
    }

    public static TimesheetPage open(Page page, String baseUrl) {
        page.navigate(baseUrl + "/time");
        return new TimesheetPage(page);
    }

    private Locator row(String client) {
        return page.locator("table.sheet tbody tr").filter(new Locator.FilterOptions().setHasText(client));
    }

    /** The input of a row's cell, Monday being day 0. */
    public Locator cell(String client, int day) {
        return row(client).locator("td.cell input.cell-input").nth(day);
    }

    /** Clicks into a cell and types, without saving yet. */
    public TimesheetPage type(String client, int day, String text) {
        Locator cell = cell(client, day);
        cell.click();
        cell.fill(text);
        return this;
    }

    /** Presses a key in the focused cell: Enter saves, Escape puts it back, Tab moves on. */
    public TimesheetPage press(String key) {
        page.keyboard().press(key);
        return this;
    }

    public String cellValue(String client, int day) {
        return cell(client, day).inputValue();
    }

    public Locator rowTotal(String client) {
        return row(client).locator("td.row-total");
    }

    /** The week's entries listed under the grid, as their text. */
    public java.util.List<String> entries() {
        return page.locator("li.entry-item").allInnerTexts();
    }

    /** Whether the grid has a row for this client (and project or task). */
    public boolean hasRow(String text) {
        return row(text).count() > 0;
    }

    public Locator weekTotal() {
        return page.locator("#week-total");
    }

    public Locator summary(String which) {
        return page.locator("#sheet-summary [data-total=" + which + "]");
    }

    public Locator error() {
        return page.locator("#sheet-error-text");
    }

    /** Waits until the week's total reads {@code text} (a save answers asynchronously). */
    public TimesheetPage waitForWeekTotal(String text) {
        PlaywrightAssertions.assertThat(weekTotal()).hasText(text);
        return this;
    }

    public boolean focused(Locator locator) {
        return (Boolean) locator.evaluate("el => el === document.activeElement");
    }
}
