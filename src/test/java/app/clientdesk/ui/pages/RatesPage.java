package app.clientdesk.ui.pages;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;

/** The rates page at /time/rates: a section per kind of rate with its table and form, and the tester. */
public class RatesPage extends AppPage {

    RatesPage(Page page) {
        super(page);
    }

    public static RatesPage open(Page page, String baseUrl) {
        page.navigate(baseUrl + "/time/rates");
        return new RatesPage(page);
    }

    /** A section by its id: "workspace", "client", "project", "task-type" or "member". */
    private Locator section(String kind) {
        return page.locator("#rates-" + kind);
    }

    /**
     * Picks what the rate is for in a section's form, as a person would: types it into a field with suggestions
     * (a client "Name (GBP)", a task type), or picks the option with that text from a list.
     */
    public RatesPage choose(String kind, String what) {
        Locator key = section(kind).locator("[name=key]");
        if ("INPUT".equals(key.evaluate("e => e.tagName"))) {
            key.fill(what);
            key.press("Tab");
        } else {
            key.selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(what));
        }
        return this;
    }

    /** Shows a client's projects in the project section's form (they load when the client is chosen), as a person would. */
    public RatesPage projectsOf(String client, String project) {
        page.locator("#rates-project-client").fill(client);
        page.locator("#rates-project-client").press("Tab");
        section("project").locator("[name=key] option", new Locator.LocatorOptions().setHasText(project)).first()
                .waitFor(new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        return this;
    }

    /** The currency the section's form will send, e.g. "GBP" ("" for the client's currency). */
    public String currency(String kind) {
        return section(kind).locator("[name=currency]").inputValue();
    }

    public RatesPage currency(String kind, String code) {
        section(kind).locator("[name=currency]").fill(code);
        return this;
    }

    public RatesPage set(String kind, String amount) {
        section(kind).locator("[name=amount]").fill(amount);
        loadingNextPage(() -> section(kind).locator("form.rate-form button[type=submit]").click());
        return new RatesPage(page);
    }

    /** The rows of a section's table as "what · currency · amount" (the workspace section has no "what"). */
    public List<String> rows(String kind) {
        return section(kind).locator("tbody tr").all().stream()
                .map(row -> String.join(" · ", row.locator("td:not(.row-actions):not([data-label='Last changed'])")
                        .allInnerTexts().stream().map(String::trim).toList()))
                .toList();
    }

    /** The error shown beside a field of a section's form. */
    public String error(String kind, String field) {
        return section(kind).locator("#err-" + field).innerText().trim();
    }

    /** Removes the first rate of a section, agreeing to the confirmation. */
    public RatesPage removeFirst(String kind) {
        page.onceDialog(dialog -> dialog.accept());
        loadingNextPage(() -> section(kind).locator("tbody tr").first().locator("button").click());
        return new RatesPage(page);
    }

    /** Asks the tester about a client, typed as the list offers it ("Name (GBP)"); the answer comes without reloading the page. */
    public RatesPage test(String client) {
        page.locator("#preview-clientId").fill(client);
        page.locator("#preview-clientId").press("Tab");
        return this;
    }

    public RatesPage testTaskType(String type) {
        page.locator("#preview-taskType").fill(type);
        page.locator("#preview-taskType").press("Tab");
        return this;
    }

    /** The tester's answer, e.g. "£60.00 an hour"; waits until it names {@code expected}. */
    public String answer(String expected) {
        Locator answer = page.locator("#rate-preview [data-rate-answer]");
        answer.filter(new Locator.FilterOptions().setHasText(expected)).waitFor();
        return answer.innerText().trim();
    }

    /** The rule the tester marks as applying, e.g. "Client Harbour Wellness". */
    public String applyingRule() {
        return page.locator("#rate-preview .rate-step.state-applies .rate-step-what").innerText().trim();
    }
}
