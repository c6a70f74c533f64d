package app.clientdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.clientdesk.clients.ClientId;
import app.clientdesk.clients.ClientInput;
import app.clientdesk.clients.Clients;
import app.clientdesk.identity.Accounts;
import app.clientdesk.identity.CurrentUser;
import app.clientdesk.identity.Role;
import app.clientdesk.identity.WorkspaceCreated;
import app.clientdesk.identity.NewWorkspace;
import app.clientdesk.support.TestClock;
import app.clientdesk.time.RateInput;
import app.clientdesk.time.Rates;
import app.clientdesk.time.TimeEntries;
import app.clientdesk.time.TimeEntryInput;
import app.clientdesk.ui.pages.ClientTimePage;
import app.clientdesk.ui.pages.RatesPage;
import app.clientdesk.ui.pages.SignInPage;
import app.clientdesk.work.ProjectInput;
import app.clientdesk.work.Projects;
import app.clientdesk.work.TaskInput;
import app.clientdesk.work.Tasks;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The owner sets rates with the forms, asks which rate applies, and rounds a client's time; on a phone both
 * screens fit. With {@code -Dclientdesk.screenshots=true} it also leaves pictures of both screens (1280 and
 * 390 wide, English and Portuguese) in {@code <build dir>/ui-review/rates-*.png}.
 */
class RatesUIT extends BrowserTest {

    private static final String HARBOUR = "Harbour Wellness Studio";

    @Autowired TestClock clock;
    @Autowired Clients clients;
    @Autowired Accounts accounts;
    @Autowired Projects projects;
    @Autowired Tasks tasks;
    @Autowired Rates rates;
    @Autowired TimeEntries entries;
    @Autowired UserDetailsService users;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    /** A workspace (BRL, São Paulo) with two clients, a project, a member and some time this month. */
    private record Fixture(String email, CurrentUser owner, ClientId harbour, ClientId lumen) {
    }

    private Fixture fixture(String locale) {
        clock.set(Instant.parse("2026-11-20T15:00:00Z"));
        String email = uniqueEmail("olga");
        WorkspaceCreated ws = workspaces.create(new NewWorkspace("Olga VA " + UUID.randomUUID().toString().substring(0, 4),
                "Olga Owner", email, PASSWORD, "BRL", "America/Sao_Paulo", locale));
        CurrentUser owner = (CurrentUser) users.loadUserByUsername(email);
        accounts.add(ws.workspaceId(), Role.MEMBER, "Rafael Souza", uniqueEmail("rafael"), PASSWORD, "en",
                "America/Sao_Paulo", null);
        ClientId harbour = clients.create(owner, client(HARBOUR, "Europe/London", "GBP"));
        ClientId lumen = clients.create(owner, client("Lumen Bistro", "America/New_York", "USD"));
        var site = projects.create(owner, new ProjectInput(harbour.toString(), "Website relaunch", "ACTIVE", null, null,
                null, null, null));
        var books = tasks.create(owner, new TaskInput("Monthly books", null, harbour.toString(), site.toString(), null,
                false, false, null, null, null, null, null, "Bookkeeping", null, null, List.of(), null, null, List.of()));
        rates.set(owner, new RateInput("PROJECT", site.toString(), "GBP", "70"));
        rates.set(owner, new RateInput("MEMBER", owner.id().toString(), "USD", "45"));
        entries.create(owner, TimeEntryInput.ofLocal(null, null, books.toString(), "2026-11-03", "09:00", null, "09:07",
                "America/Sao_Paulo", true, null, null));
        entries.create(owner, TimeEntryInput.ofLocal(harbour.toString(), null, null, "2026-11-03", "10:00", null,
                "11:00", "America/Sao_Paulo", true, null, null));
        entries.create(owner, TimeEntryInput.ofLocal(harbour.toString(), null, null, "2026-11-04", "14:00", null,
                "14:40", "America/Sao_Paulo", false, null, null));
        return new Fixture(email, owner, harbour, lumen);
    }

    private static ClientInput client(String name, String zone, String currency) {
        return new ClientInput(name, "ACTIVE", zone, currency, "en-GB", "GB", null, null, null,
                List.of(new ClientInput.Day("MONDAY", "09:00", "17:00")), "8", "EMAIL", "CHAT", "VIDEO", "EMAIL", null,
                null, List.of(new ClientInput.ContactInput(null, "Pat Lee", "pat@example.com", null, null, true)),
                List.of());
    }

    @Test
    void theOwnerSetsRatesAsksWhichAppliesAndRoundsAClientsTime() throws IOException {
        Fixture f = fixture("en");
        SignInPage.open(page, baseUrl()).signIn(f.email(), PASSWORD);

        RatesPage rates = RatesPage.open(page, baseUrl());
        // Choosing the client picks its currency.
        rates.choose("client", HARBOUR + " (GBP)");
        assertThat(rates.currency("client")).isEqualTo("GBP");
        rates = rates.set("client", "60");
        assertThat(rates.notice()).isEqualTo("Rate set: Harbour Wellness Studio, £60.00 an hour. It applies to new entries.");
        assertThat(rates.rows("client")).containsExactly(HARBOUR + " · GBP · £60.00");

        assertThat(rates.currency("workspace")).isEqualTo("BRL");
        rates = rates.set("workspace", "150");
        assertThat(rates.rows("workspace")).containsExactly("BRL · R$150.00");

        rates = rates.choose("task-type", "Bookkeeping").currency("task-type", "GBP").set("task-type", "80");
        assertThat(rates.rows("task-type")).containsExactly("Bookkeeping · GBP · £80.00");

        // A project's rate in another currency than its client's is refused, on that form.
        rates = rates.projectsOf(HARBOUR + " (GBP)", "Website relaunch").choose("project", "Website relaunch (GBP)").currency("project", "USD").set("project", "90");
        assertThat(rates.error("project", "currency"))
                .isEqualTo("Rates for Harbour Wellness Studio · Website relaunch are in GBP, the client's currency.");
        assertThat(rates.rows("project")).containsExactly(HARBOUR + " · Website relaunch · GBP · £70.00");
        shot(page, "rates-error-en");

        rates = RatesPage.open(page, baseUrl()).test(HARBOUR + " (GBP)");
        assertThat(rates.answer("£60.00")).isEqualTo("£60.00 an hour");
        assertThat(rates.applyingRule()).isEqualTo("Client " + HARBOUR);
        rates.testTaskType("bookkeeping");
        assertThat(rates.answer("£80.00")).isEqualTo("£80.00 an hour");
        assertThat(rates.applyingRule()).isEqualTo("Task type bookkeeping");
        shot(page, "rates-en");

        rates = rates.removeFirst("workspace");
        assertThat(rates.notice()).startsWith("Rate removed: the workspace default in BRL, R$150.00 an hour.");
        assertThat(rates.rows("workspace")).isEmpty();

        ClientTimePage harbour = ClientTimePage.open(page, baseUrl(), f.harbour().toString());
        assertThat(harbour.figure("Tracked")).isEqualTo("1:47");
        assertThat(harbour.figure("Billed after rounding")).isEqualTo("1:07");
        assertThat(harbour.rounding()).startsWith("Billable time is not rounded");
        harbour = harbour.roundTo("Round up", "15 minutes", "each entry on its own");
        assertThat(harbour.rounding()).isEqualTo("Billable time is rounded up to 15 minutes per entry. "
                + "For example, an entry of 0:07 is billed as 0:15.");
        assertThat(harbour.figure("Billed after rounding")).isEqualTo("1:15");
        assertThat(harbour.notice()).isEqualTo("Rounding for Harbour Wellness Studio saved. Billable time is rounded up "
                + "to 15 minutes per entry.");
        shot(page, "client-en");
    }

    @Test
    void onAPhoneBothScreensFitTheWidth() throws IOException {
        Fixture f = fixture("en");
        rates.set(f.owner(), new RateInput("CLIENT", f.harbour().toString(), "GBP", "60"));
        BrowserContext phone = newPhoneContext();
        try {
            Page onPhone = newPage(phone);
            SignInPage.open(onPhone, baseUrl()).signIn(f.email(), PASSWORD);
            RatesPage rates = RatesPage.open(onPhone, baseUrl()).test(HARBOUR + " (GBP)");
            rates.answer("£60.00");
            assertThat(rates.fitsTheScreenWidth()).as("rates page at 390px").isTrue();
            shot(onPhone, "rates-phone-en");
            ClientTimePage client = ClientTimePage.open(onPhone, baseUrl(), f.harbour().toString());
            assertThat(client.canChangeRounding()).isTrue();
            assertThat(client.fitsTheScreenWidth()).as("client page at 390px").isTrue();
            shot(onPhone, "client-phone-en");
        } finally {
            phone.close();
        }
    }

    @Test
    void inPortuguese() throws IOException {
        Fixture f = fixture("pt-BR");
        rates.set(f.owner(), new RateInput("CLIENT", f.harbour().toString(), "GBP", "60"));
        rates.set(f.owner(), new RateInput("WORKSPACE", "", "BRL", "150"));
        entries.setRounding(f.owner(), f.harbour(), new app.clientdesk.time.Rounding(app.clientdesk.time.Rounding.Mode.NEAREST,
                6, app.clientdesk.time.Rounding.Scope.DAY));
        BrowserContext desktop = newContext("pt-BR", 1280, 800);
        BrowserContext phone = newPhoneContext();
        try {
            Page wide = newPage(desktop);
            SignInPage.open(wide, baseUrl()).signIn(f.email(), PASSWORD);
            RatesPage rates = RatesPage.open(wide, baseUrl()).test(HARBOUR + " (GBP)");
            assertThat(rates.heading()).isEqualTo("Valores por hora");
            assertThat(rates.answer("60,00")).endsWith("por hora");
            shot(wide, "rates-pt");
            ClientTimePage client = ClientTimePage.open(wide, baseUrl(), f.harbour().toString());
            assertThat(client.rounding()).startsWith("O tempo faturável é arredondado para o múltiplo de 6 minutos "
                    + "mais próximo, no total diário de cada tarefa.");
            shot(wide, "client-pt");

            Page narrow = newPage(phone);
            SignInPage.open(narrow, baseUrl()).signIn(f.email(), PASSWORD);
            RatesPage onPhone = RatesPage.open(narrow, baseUrl());
            assertThat(onPhone.fitsTheScreenWidth()).isTrue();
            shot(narrow, "rates-phone-pt");
            ClientTimePage clientOnPhone = ClientTimePage.open(narrow, baseUrl(), f.harbour().toString());
            assertThat(clientOnPhone.fitsTheScreenWidth()).isTrue();
            shot(narrow, "client-phone-pt");
        } finally {
            desktop.close();
            phone.close();
        }
    }

    /** A full-page picture for looking at the design, only when screenshots are asked for. */
    private static void shot(Page on, String name) throws IOException {
        if (!Boolean.getBoolean("clientdesk.screenshots") && System.getenv("CLIENTDESK_SCREENSHOTS") == null) {
            return;
        }
        Path folder = buildDirectory().resolve("ui-review");
        Files.createDirectories(folder);
        on.evaluate("() => document.activeElement && document.activeElement.blur && document.activeElement.blur()");
        on.mouse().move(0, 0);
        on.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve("rates-" + name + ".png")).setFullPage(true));
        // A tall page also screen by screen, as a person scrolls it.
        int viewport = on.viewportSize().height;
        int height = ((Number) on.evaluate("() => document.documentElement.scrollHeight")).intValue();
        for (int i = 0, top = 0; height > viewport * 3 / 2 && top < height - viewport / 10; i++, top += viewport * 9 / 10) {
            on.evaluate("y => window.scrollTo(0, y)", top);
            on.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve("rates-" + name + "-" + (i + 1) + ".png")));
        }
        on.evaluate("() => window.scrollTo(0, 0)");
    }
}
